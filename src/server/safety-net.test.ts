import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../test/shared-data.js';
import { describeReason } from './safety-net.js';

/** A child process that leaves a promise rejected (its message quoting a "document") and then goes on. */
function runChild(withNet: boolean) {
  const script = [
    "import { installSafetyNet, unhandledRejections } from './src/server/safety-net.ts';",
    withNet ? 'installSafetyNet();' : '',
    "class FormatError extends Error { constructor(m) { super(m); this.name = 'FormatError'; } }",
    "Promise.reject(new FormatError('Patient Jane Roe, DOB 01/02/1960'));",
    'setTimeout(() => console.log(JSON.stringify({ alive: true, caught: unhandledRejections() })), 200);',
  ].join('\n');
  return spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: projectRoot,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('the process safety net', () => {
  it('without it, an unhandled rejection ends the process (the control)', () => {
    const child = runChild(false);
    expect(child.status).not.toBe(0);
    expect(child.stdout).not.toContain('alive');
  });

  it('logs and counts an unhandled rejection instead of exiting; the log names the class, never the message', () => {
    const child = runChild(true);
    expect(child.status).toBe(0);
    expect(JSON.parse(child.stdout)).toEqual({ alive: true, caught: 1 });
    const line = JSON.parse(child.stderr.trim()) as Record<string, unknown>;
    expect(line).toMatchObject({ level: 'error', event: 'unhandledRejection', errorClass: 'FormatError', count: 1 });
    expect(child.stderr).not.toMatch(/Jane|Roe|1960/);
  });
});

describe('describeReason', () => {
  it('keeps a code only when it looks like one', () => {
    expect(describeReason(Object.assign(new TypeError('x'), { code: 'ERR_X' }))).toEqual({
      errorClass: 'TypeError',
      code: 'ERR_X',
    });
    expect(describeReason({ code: 'Jane Roe' })).toEqual({ errorClass: 'object' });
    expect(describeReason('Jane Roe')).toEqual({ errorClass: 'string' });
    expect(describeReason(null)).toEqual({ errorClass: 'null' });
  });
});
