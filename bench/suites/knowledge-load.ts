/**
 * Start-up cost of the guideline knowledge base: reading and validating the data files (sources and
 * topic chapters) in a fresh process, against the whole `imr --help` start in a fresh process, in
 * alternating rounds. Loading must not dominate CLI start (target: at most a quarter of it).
 */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { TOPIC_FILES, topicFileUrl } from '../../src/guidelines/topics/index.js';
import { measuredRow, pairedRatio } from '../lib/measure.js';
import type { BenchContext, Suite, SuiteResult } from '../lib/types.js';

const ROUNDS = 5;

/** Seconds a child reports for `import(topics)` after zod and the schema are loaded (so only the data counts). */
function loadOnce(root: string): number {
  const script = [
    `await import(${JSON.stringify(join(root, 'src/guidelines/schema.ts'))});`,
    'const t = performance.now();',
    `await import(${JSON.stringify(join(root, 'src/guidelines/topics/index.ts'))});`,
    'console.log((performance.now() - t) / 1000);',
  ].join('\n');
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: root,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`loading the knowledge base failed: ${run.stderr}`);
  return Number(run.stdout.trim().split('\n').pop());
}

/** Seconds for a whole `imr --help` process (the CLI loads every module, the knowledge base included). */
function cliOnce(root: string): number {
  const t = performance.now();
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/entry.ts'), '--help'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`imr --help failed: ${run.stderr}`);
  return (performance.now() - t) / 1000;
}

export const suite: Suite = {
  name: 'knowledge-load',
  description: 'guideline data files read and validated in a fresh process vs a whole `imr --help` start',
  async run(ctx: BenchContext): Promise<SuiteResult> {
    const root = ctx.projectRoot;
    const bytes =
      TOPIC_FILES.reduce((n, f) => n + statSync(topicFileUrl(f)).size, 0) +
      statSync(join(root, 'src/guidelines/sources.json')).size;
    const load: number[] = [];
    const cli: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      if (i % 2 === 0) {
        load.push(loadOnce(root));
        cli.push(cliOnce(root));
      } else {
        cli.push(cliOnce(root));
        load.push(loadOnce(root));
      }
    }
    return {
      name: 'knowledge-load',
      title: `${TOPIC_FILES.length} topic chapters and the sources, ${(bytes / 1e6).toFixed(2)} MB of JSON`,
      rows: [
        measuredRow({
          label: 'load knowledge base',
          unit: 'loads',
          itemsPerRound: 1,
          bytesPerRound: bytes,
          seconds: load,
          ratios: [pairedRatio('load/CLI start time', load, cli, 0.25)],
        }),
        measuredRow({ label: 'imr --help start', unit: 'starts', itemsPerRound: 1, bytesPerRound: 0, seconds: cli }),
      ],
      notes: [
        'Each round is a fresh process: the load row times import of src/guidelines/topics/index.ts (read, JSON.parse, zod validation, plus the sources module) after the schema is loaded; the CLI row times a whole `imr --help` under tsx, which transpiles every module (the built `bin/imr.js` starts several times faster, so the ratio there is larger).',
      ],
    };
  },
};
