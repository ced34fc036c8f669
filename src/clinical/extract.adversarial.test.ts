import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { Fact } from './types.js';

/**
 * Inputs on which the reader hung or went super-linear. Each is read in a child process: a reader that
 * never returns would block this test worker for good, while a child leaves the test free to fail at
 * vitest's timeout (and is killed then).
 */

const EXTRACT = fileURLToPath(new URL('./extract.ts', import.meta.url));

const CHILD = `
import { readClinical } from ${JSON.stringify(EXTRACT)};
let input = '';
for await (const chunk of process.stdin) input += chunk;
const texts = JSON.parse(input);
process.stdout.write(JSON.stringify(texts.map((t) => readClinical(t).facts)));
`;

/** The facts of each text, read by readClinical in a child process. */
function readInChild(texts: readonly string[]): Promise<Fact[][]> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CHILD], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  onTestFinished(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    err += d.toString();
  });
  child.stdin.end(JSON.stringify(texts));
  return new Promise((resolve, reject) => {
    child.on('close', (code) => {
      if (code === 0) resolve(JSON.parse(out) as Fact[][]);
      else reject(new Error(`reader exited with ${code}: ${err.slice(0, 2000)}`));
    });
  });
}

function expectSpansInside(text: string, facts: readonly Fact[]): void {
  for (const f of facts) {
    expect(f.evidence.start).toBeGreaterThanOrEqual(0);
    expect(f.evidence.end).toBeLessThanOrEqual(text.length);
    expect(f.evidence.quote).toBe(text.slice(f.evidence.start, f.evidence.end));
  }
}

describe('readClinical on adversarial input', () => {
  it('reads a text that opens with a comma before a trigger that looks back (this looped forever)', async () => {
    const texts = [', Norco?', ', straight leg raise was negative.', ' ,\n no numbness?'];
    const [norco, slr, numbness] = await readInChild(texts);
    expect(norco).toContainEqual(
      expect.objectContaining({ kind: 'medication-use', value: 'hydrocodone/acetaminophen', uncertain: true }),
    );
    expect(slr).toContainEqual(
      expect.objectContaining({ kind: 'exam-finding', value: 'straight-leg-raise', negated: true }),
    );
    expect(numbness).toContainEqual(expect.objectContaining({ kind: 'radicular-symptoms', uncertain: true }));
  });

  it('reads long runs of periods, blank lines and glued abbreviations in linear time', async () => {
    const texts = [
      // an imaging result trailed by ". . . ." (trimmed by an end-anchored pattern: quadratic)
      `MRI of the lumbar spine showed ${'. '.repeat(100_000)}mild stenosis`,
      // a run of blank lines (each walked back to the start of the run: quadratic)
      `Pain in the neck.${'  \n'.repeat(50_000)}Tenderness noted.`,
      // one long token of glued abbreviations (each period read the whole token back: quadratic)
      `Seen by ${'Dr.'.repeat(60_000)}Lee for neck pain.`,
    ];
    const facts = await readInChild(texts);
    for (const [k, t] of texts.entries()) expectSpansInside(t, facts[k] ?? []);
    expect(facts[0]).toContainEqual(expect.objectContaining({ kind: 'imaging-result', value: 'mri' }));
    expect(facts[1]).toContainEqual(expect.objectContaining({ kind: 'exam-finding', value: 'tenderness' }));
  });

  it('reads a long sentence of repeated diagnosis lists, scores and negations in linear time', async () => {
    const texts = [
      // each lead-in read the rest of the sentence as its list: quadratic
      'Diagnoses: lumbar strain, '.repeat(5_000),
      'diagnosed with knee pain '.repeat(5_000),
      // each score compared with every earlier one; each trigger with every stop of the sentence
      'pain 10/10 '.repeat(10_000),
      'SLR was negative '.repeat(6_000),
      '50% relief '.repeat(10_000),
    ];
    const facts = await readInChild(texts);
    for (const [k, t] of texts.entries()) expectSpansInside(t, facts[k] ?? []);
    expect(facts[0]).toContainEqual(expect.objectContaining({ kind: 'diagnosis', value: 'lumbar strain' }));
    expect(facts[2]).toContainEqual(expect.objectContaining({ kind: 'pain-score', value: 10 }));
    expect(facts[3]).toContainEqual(expect.objectContaining({ kind: 'exam-finding', negated: true }));
  });
});
