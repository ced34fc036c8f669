/**
 * `imr import DIR` of letter PDFs (issue 9): the PDF worker pool with one worker per core against a
 * pool of one worker, in the same run, on the same files, into the same kind of store (a fresh SQLite
 * file per round). Target: the pool's rate ≥ 1.6× one worker's on 2 cores. The workers read each PDF
 * and parse it as a letter; the main thread stores the letters, one transaction each, in order. CPU
 * time per letter of the main thread and of the other threads is reported beside the rates.
 */
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runImport } from '../../src/cli/import-command.js';
import type { CliIo } from '../../src/cli/io.js';
import { PdfPool } from '../../src/letter/pdf-pool.js';
import { loadLetterCorpus } from '../lib/letter-corpus.js';
import { check, collectGarbage, measuredRow, median, now } from '../lib/measure.js';
import { cpuSince, type ThreadCpu, threadCpu } from '../lib/thread-cpu.js';
import type { BenchContext, Row, Suite, SuiteResult } from '../lib/types.js';

const PDF_ROUNDS = 4;
/** Untimed imports of the whole directory per pool before its timed rounds (see measurePdfImport). */
const PDF_WARMUP = 2;
const COLD_ROUNDS = 3;

const quietIo: CliIo = {
  stdout: () => undefined,
  stderr: () => undefined,
  stdoutBytes: () => undefined,
  stderrIsTty: false,
  stdoutIsTty: false,
};

/** A pool of `workers`, every worker started (pdfjs loaded), never yet timed. */
async function startedPool(workers: number, sample: Uint8Array): Promise<PdfPool> {
  const pool = new PdfPool({ workers });
  await Promise.all(Array.from({ length: workers * 2 }, () => pool.extract(sample)));
  if (pool.stats().workersStarted !== workers) throw new Error(`expected ${workers} started workers`);
  return pool;
}

interface PdfRound {
  readonly seconds: number;
  /** CPU seconds of the main thread and of the other threads (PDF workers, helpers) in the round. */
  readonly cpu: ThreadCpu | undefined;
}

/** `imr import DIR` (runImport) into a fresh SQLite database, the PDFs read in `pool`. */
async function importPdfsOnce(dir: string, pool: PdfPool, files: number): Promise<PdfRound> {
  const db = await mkdtemp(join(tmpdir(), 'imr-bench-import-pdf-'));
  try {
    collectGarbage();
    const cpu0 = threadCpu();
    const start = now();
    const code = await runImport(
      [dir],
      { db: join(db, 'imr.sqlite'), json: true },
      quietIo,
      { IMR_DOCUMENTS_DIR: join(db, 'docs') },
      pool,
    );
    const seconds = now() - start;
    const cpu = cpuSince(cpu0, threadCpu());
    if (code !== 0) throw new Error(`imr import of ${files} PDFs exited ${code}`);
    if (pool.stats().workersStarted !== pool.size) throw new Error('a PDF worker was replaced during a round');
    return { seconds, cpu };
  } finally {
    await rm(db, { recursive: true, force: true });
  }
}

/** "main 2.1 ms, workers 19.8 ms CPU per letter" (medians over rounds), or undefined without /proc. */
function cpuNote(rounds: readonly PdfRound[], files: number): { note?: string; data?: Record<string, number> } {
  const cpus = rounds.map((r) => r.cpu).filter((c): c is ThreadCpu => c !== undefined);
  if (cpus.length !== rounds.length || cpus.length === 0) return {};
  const main = (median(cpus.map((c) => c.main)) / files) * 1000;
  const others = (median(cpus.map((c) => c.others)) / files) * 1000;
  return {
    note: `CPU/letter: main ${main.toFixed(1)} ms, workers ${others.toFixed(1)} ms`,
    data: { mainCpuMsPerLetter: main, otherThreadsCpuMsPerLetter: others },
  };
}

/**
 * The same directory of PDFs imported by the same code into the same kind of store (a fresh SQLite
 * file per round), with a pool of one worker and a pool of one worker per core, rounds alternating.
 * Steady state: each pool is made once, its workers started and then warmed by untimed imports of
 * the whole directory (pdfjs's code is optimized per worker thread: a cold worker reads its first
 * dozens of letters several times slower), and kept for all its rounds. Cold: a fresh pool per
 * round (workers started, not warmed), as a single short `imr import` meets it; reported, no target.
 */
async function measurePdfImport(
  ctx: BenchContext,
): Promise<{ rows: Row[]; notes: string[]; data: Record<string, unknown> }> {
  const corpus = await loadLetterCorpus(ctx.projectRoot, ctx.flags.has('synthetic'));
  // The PDFs side by side in one directory (links, never copies), as `imr import DIR` reads them.
  const dir = await mkdtemp(join(tmpdir(), 'imr-bench-import-pdfs-'));
  const pools: PdfPool[] = [];
  try {
    for (const pdf of corpus.pdfs) await symlink(pdf.path, join(dir, pdf.name));
    const bytes = corpus.pdfs.reduce((n, p) => n + p.bytes.length, 0);
    const sample = corpus.pdfs[0]?.bytes ?? new Uint8Array();
    const cores = availableParallelism();
    const files = corpus.pdfs.length;
    const common = { unit: 'letters', itemsPerRound: files, bytesPerRound: bytes };
    const paired = (one: readonly PdfRound[], many: readonly PdfRound[]): number =>
      median(one.map((r, i) => r.seconds / (many[i] as PdfRound).seconds));

    // Steady state.
    const single = await startedPool(1, sample);
    const pool = await startedPool(cores, sample);
    pools.push(single, pool);
    for (let i = 0; i < PDF_WARMUP; i++) {
      await importPdfsOnce(dir, single, files);
      await importPdfsOnce(dir, pool, files);
    }
    const one: PdfRound[] = [];
    const many: PdfRound[] = [];
    for (let round = 0; round < PDF_ROUNDS; round++) {
      one.push(await importPdfsOnce(dir, single, files));
      many.push(await importPdfsOnce(dir, pool, files));
    }
    const speedup = paired(one, many);

    // Cold: a fresh pool per round.
    const coldOne: PdfRound[] = [];
    const coldMany: PdfRound[] = [];
    for (let round = 0; round < COLD_ROUNDS; round++) {
      for (const [workers, out] of [
        [1, coldOne],
        [cores, coldMany],
      ] as const) {
        const fresh = await startedPool(workers, sample);
        try {
          out.push(await importPdfsOnce(dir, fresh, files));
        } finally {
          await fresh.close();
        }
      }
    }
    const coldSpeedup = paired(coldOne, coldMany);

    const cpu = { one: cpuNote(one, files), many: cpuNote(many, files) };
    return {
      rows: [
        measuredRow({ label: 'pdf import, 1 worker', ...common, seconds: one.map((r) => r.seconds), ...cpu.one }),
        measuredRow({
          label: `pdf import, ${cores} workers`,
          ...common,
          seconds: many.map((r) => r.seconds),
          ...cpu.many,
          ratios: [
            {
              name: 'rate/1 worker',
              value: speedup,
              method: 'median over rounds of paired per-round time ratios (1 worker / pool), rounds alternate',
              ...(cores >= 2 ? { target: check(speedup, '>=', 1.6) } : {}),
            },
          ],
        }),
        measuredRow({ label: 'cold, 1 worker', ...common, seconds: coldOne.map((r) => r.seconds) }),
        measuredRow({
          label: `cold, ${cores} workers`,
          ...common,
          seconds: coldMany.map((r) => r.seconds),
          ratios: [
            {
              name: 'rate/1 worker',
              value: coldSpeedup,
              method: 'median over rounds of paired per-round time ratios (1 worker / pool), fresh pools',
            },
          ],
        }),
      ],
      notes: [
        `pdf import: runImport (imr import DIR) of the same ${files} letter PDFs (${corpus.label}; MB/s = PDF bytes) into a fresh SQLite database per round — reading, PDF text and letter parsing in the worker pool, storing on the main thread — with a pool of 1 worker vs ${cores} (one per core); ${PDF_ROUNDS} alternating rounds, each pool made once, its workers started and warmed by ${PDF_WARMUP} untimed imports of the directory`,
        `cold: a fresh pool per round (workers started before the clock, their code not yet optimized), ${COLD_ROUNDS} alternating rounds — what one short import of ${files} files gets`,
        'CPU/letter: CPU time of the main thread and of all other threads (the PDF workers, V8 and libuv helpers) per letter, median over rounds (/proc); on a busy machine these hold up better than the rates',
      ],
      data: {
        files,
        bytes,
        cores,
        oneWorkerSeconds: one.map((r) => r.seconds),
        poolSeconds: many.map((r) => r.seconds),
        oneWorkerCpu: one.map((r) => r.cpu),
        poolCpu: many.map((r) => r.cpu),
        ...(cpu.one.data === undefined ? {} : { oneWorkerCpuPerLetter: cpu.one.data }),
        ...(cpu.many.data === undefined ? {} : { poolCpuPerLetter: cpu.many.data }),
        coldOneWorkerSeconds: coldOne.map((r) => r.seconds),
        coldPoolSeconds: coldMany.map((r) => r.seconds),
        coldSpeedup,
      },
    };
  } finally {
    await Promise.all(pools.map((p) => p.close()));
    await rm(dir, { recursive: true, force: true });
    await corpus.dispose();
  }
}

export const suite: Suite = {
  name: 'pdf-import',
  description: 'imr import of letter PDFs: the worker pool (one worker per core) vs one worker, letters/s',
  async run(ctx: BenchContext): Promise<SuiteResult> {
    const r = await measurePdfImport(ctx);
    return { name: suite.name, title: `imr import DIR of letter PDFs, ${availableParallelism()} cores`, ...r };
  },
};
