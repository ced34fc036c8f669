/**
 * Runs the benchmarks: every `bench/suites/*.ts` (each exports `suite: Suite`), or those whose name
 * contains one of the arguments (`npm run bench -- letter`). Flags: `--synthetic` (use invented letters
 * even when the dev corpus is present), `--list`. Prints a table per suite and writes
 * `bench/out/results.json`. A missed target prints ✗ but exits 0 (this is a report); a suite that
 * throws exits 1; an argument that matches no suite exits 2.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checks, formatSuite } from './lib/report.js';
import type { BenchContext, Suite, SuiteResult } from './lib/types.js';

const benchDir = dirname(fileURLToPath(import.meta.url));
const projectRoot = resolve(benchDir, '..');
const suitesDir = join(benchDir, 'suites');
const outFile = join(benchDir, 'out', 'results.json');

function isSuite(value: unknown): value is Suite {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.name === 'string' && typeof v.description === 'string' && typeof v.run === 'function';
}

async function loadSuites(): Promise<Suite[]> {
  const files = readdirSync(suitesDir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .sort();
  const suites: Suite[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(suitesDir, file)).href)) as { suite?: unknown };
    if (!isSuite(mod.suite))
      throw new Error(`bench/suites/${file} does not export \`suite\` ({ name, description, run })`);
    suites.push(mod.suite);
  }
  return suites;
}

function environment(): Record<string, unknown> {
  const cpu = cpus();
  return {
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    cpuModel: cpu[0]?.model ?? 'unknown',
    cpus: cpu.length,
    loadavg: loadavg().map((n) => Number(n.toFixed(2))),
    gcBetweenRounds: typeof (globalThis as { gc?: unknown }).gc === 'function',
  };
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const flags = new Set(args.filter((a) => a.startsWith('--')).map((a) => a.slice(2)));
  const filters = args.filter((a) => !a.startsWith('--'));
  const all = await loadSuites();
  if (flags.has('list')) {
    for (const s of all) console.log(`${s.name.padEnd(20)} ${s.description}`);
    return 0;
  }
  const selected = filters.length === 0 ? all : all.filter((s) => filters.some((f) => s.name.includes(f)));
  if (selected.length === 0) {
    console.error(`no suite matches ${filters.join(', ')}; suites: ${all.map((s) => s.name).join(', ')}`);
    return 2;
  }

  const env = environment();
  const started = new Date();
  const t0 = performance.now();
  console.log(
    `imr-desk bench — node ${String(env.node)}, ${String(env.cpus)} × ${String(env.cpuModel)}, load ${(env.loadavg as number[]).join(' ')}${env.gcBetweenRounds === true ? '' : ' (no --expose-gc: rounds may include GC)'}\n`,
  );
  const [load1 = 0] = env.loadavg as number[];
  if (load1 > (env.cpus as number)) {
    console.log(
      `note: the machine is busy (1-min load ${load1} on ${String(env.cpus)} cores): absolute rates run low; paired ratios hold up better\n`,
    );
  }
  const ctx: BenchContext = { projectRoot, flags };
  const results: (SuiteResult & { seconds: number })[] = [];
  const failures: { name: string; error: string }[] = [];
  for (const s of selected) {
    const start = performance.now();
    try {
      const result = await s.run(ctx);
      const seconds = (performance.now() - start) / 1000;
      results.push({ ...result, seconds });
      console.log(`${formatSuite(result)}\n  (${seconds.toFixed(1)} s)\n`);
    } catch (e) {
      const error = e instanceof Error ? (e.stack ?? e.message) : String(e);
      failures.push({ name: s.name, error });
      console.error(`${s.name}: FAILED\n${error}\n`);
    }
  }
  const seconds = (performance.now() - t0) / 1000;

  const allChecks = results.flatMap(checks);
  const missed = allChecks.filter((c) => !c.met).length;
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(
    outFile,
    `${JSON.stringify(
      {
        schema: 1,
        startedAt: started.toISOString(),
        seconds,
        environment: { ...env, loadavgAtEnd: loadavg().map((n) => Number(n.toFixed(2))) },
        units: { time: 's', rate: 'items/s', throughput: 'MB/s (10^6 bytes)' },
        targets: { met: allChecks.length - missed, missed },
        suites: results,
        failures,
      },
      null,
      2,
    )}\n`,
  );
  console.log(
    `targets: ${allChecks.length - missed} met, ${missed} missed${failures.length > 0 ? `; ${failures.length} suite(s) failed` : ''} — ${seconds.toFixed(1)} s total; results in ${relative(projectRoot, outFile)}`,
  );
  return failures.length > 0 ? 1 : 0;
}

process.exitCode = await main().catch((e: unknown) => {
  console.error(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  return 1;
});
