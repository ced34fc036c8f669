/**
 * Import: `importLetter` (validation, repositories, placeholder reviewer, letter record with its search
 * text, audit event; one transaction per letter) into SQLite and into PostgreSQL, against a raw insert
 * of the same rows measured in the same run: plain Kysely INSERTs of the case, items, determinations,
 * letter and letter text, one transaction per letter, no validation, no repositories, no audit. The
 * letters are parsed once up front; only the writes are timed. Each round writes into a fresh database.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { runImport } from '../../src/cli/import-command.js';
import type { CliIo } from '../../src/cli/io.js';
import type { Letter } from '../../src/domain/letter.js';
import { parseLetterText } from '../../src/letter/parse-text.js';
import { PdfPool } from '../../src/letter/pdf-pool.js';
import { syntheticLetter } from '../../src/letter/synthetic.js';
import { openStore, reviewers, type Store, type StoreConfig } from '../../src/store/index.js';
import { describePgUrl, testPgUrl } from '../../src/store/test-targets.js';
import { importLetter } from '../../src/workflow/import-letter.js';
import { devCorpusDir, loadLetterCorpus, SYNTHETIC_COUNT } from '../lib/letter-corpus.js';
import { check, collectGarbage, measuredRow, median, now, pairedRatio } from '../lib/measure.js';
import { cpuSince, type ThreadCpu, threadCpu } from '../lib/thread-cpu.js';
import type { BenchContext, Row, Suite, SuiteResult } from '../lib/types.js';

/** Each letter is written this many times per round, under distinct case numbers. */
const COPIES = 4;
const ROUNDS = 5;

export const suite: Suite = {
  name: 'import',
  description: 'importLetter into SQLite and PostgreSQL (letters/s) vs raw INSERTs of the same rows',
  async run(ctx: BenchContext): Promise<SuiteResult> {
    const source = loadLetters(ctx.projectRoot, ctx.flags.has('synthetic'));
    const letters = source.letters.flatMap((l) =>
      Array.from({ length: COPIES }, (_, k) => ({ ...l, case: { ...l.case, caseNumber: `${caseNumberOf(l)}-${k}` } })),
    );
    const bytes = letters.reduce((n, l) => n + Buffer.byteLength(JSON.stringify(l)), 0);
    const notes = [
      source.note,
      `${letters.length} letters per round (${source.letters.length} × ${COPIES} under distinct case numbers, ${letters.reduce((n, l) => n + l.items.length, 0)} items); MB/s = letter JSON bytes; 1 warm-up + ${ROUNDS} timed rounds per database, rounds alternate import / raw, each into a fresh database`,
      'raw = per letter one transaction of plain INSERTs (case, items, determinations, letter, letter text) through the same Kysely connection; import = importLetter (zod validation, repositories with RETURNING *, idempotence check, placeholder reviewer lookup, audit event)',
    ];
    const rows: Row[] = [];
    const data: Record<string, unknown> = { letters: letters.length, bytes };

    const sqlite = await measureTarget('sqlite', letters, bytes, async () => {
      const dir = await mkdtemp(join(tmpdir(), 'imr-bench-import-'));
      const config: StoreConfig = { kind: 'sqlite', path: join(dir, 'imr.sqlite'), documentsDir: join(dir, 'docs') };
      return { config, dispose: () => rm(dir, { recursive: true, force: true }) };
    });
    rows.push(...sqlite.rows);
    data.sqlite = sqlite.data;
    notes.push('sqlite: a file in the temp directory, WAL, synchronous=NORMAL (the store defaults)');

    const url = testPgUrl();
    const reason = await pgUnreachable(url);
    if (reason === undefined) {
      const postgres = await measureTarget('postgres', letters, bytes, async () => {
        const schema = `bench_${randomBytes(6).toString('hex')}`;
        await adminQuery(url, `create schema ${schema}`);
        const dir = await mkdtemp(join(tmpdir(), 'imr-bench-import-pg-'));
        const config: StoreConfig = { kind: 'postgres', url, schema, documentsDir: join(dir, 'docs'), poolSize: 2 };
        return {
          config,
          dispose: async () => {
            await adminQuery(url, `drop schema if exists ${schema} cascade`);
            await rm(dir, { recursive: true, force: true });
          },
        };
      });
      rows.push(...postgres.rows);
      data.postgres = postgres.data;
      notes.push(`postgres: ${describePgUrl(url)}, a fresh schema per round, over TCP on this machine`);
    } else {
      const why = `no PostgreSQL at ${describePgUrl(url)} (${reason})`;
      rows.push({ label: 'postgres import', unavailable: why }, { label: 'postgres raw insert', unavailable: why });
      notes.push(`postgres unavailable: ${why}; set DATABASE_URL to measure it`);
    }
    const pdfImport = await measurePdfImport(ctx);
    rows.push(...pdfImport.rows);
    notes.push(...pdfImport.notes);
    data.pdfImport = pdfImport.data;
    return { name: suite.name, title: `${letters.length} letters per round`, rows, notes, data };
  },
};

function caseNumberOf(l: Letter): string {
  return l.case.caseNumber ?? 'NOCASE';
}

/** The dev corpus's text copies, parsed once (one letter per case number), or synthetic letters. */
function loadLetters(projectRoot: string, forceSynthetic: boolean): { letters: Letter[]; note: string } {
  const dir = devCorpusDir(projectRoot);
  if (!forceSynthetic && existsSync(dir)) {
    const byNumber = new Map<string, Letter>();
    for (const f of readdirSync(dir)
      .filter((n) => n.endsWith('.txt'))
      .sort()) {
      const parsed = parseLetterText(readFileSync(join(dir, f), 'utf8'), { file: f });
      if (parsed.ok) byNumber.set(caseNumberOf(parsed.value), parsed.value);
    }
    if (byNumber.size > 0) {
      return {
        letters: [...byNumber.values()],
        note: `input: ${byNumber.size} dev letters (${dir}, .txt), parsed once`,
      };
    }
  }
  const letters = Array.from({ length: SYNTHETIC_COUNT }, (_, i) => syntheticLetter(i + 1));
  return {
    letters,
    note: `input: SYNTHETIC letters syntheticLetter(1..${SYNTHETIC_COUNT}) (${forceSynthetic ? '--synthetic given' : `${dir} not found`}) — figures are indicative only`,
  };
}

interface Fresh {
  readonly config: StoreConfig;
  dispose(): Promise<void>;
}

async function withStore<T>(fresh: () => Promise<Fresh>, fn: (store: Store) => Promise<T>): Promise<T> {
  const f = await fresh();
  try {
    const opened = await openStore(f.config);
    if (!opened.ok) throw new Error(`openStore: ${opened.error.code}`);
    try {
      return await fn(opened.value);
    } finally {
      await opened.value.close();
    }
  } finally {
    await f.dispose();
  }
}

async function importAll(store: Store, letters: readonly Letter[]): Promise<number> {
  collectGarbage();
  const start = now();
  for (const l of letters) {
    const r = await importLetter(store, l, 'system', { requestId: 'bench' });
    if (!r.ok || r.value.status !== 'imported') throw new Error(`import: ${r.ok ? r.value.status : r.error.code}`);
  }
  return now() - start;
}

/** The rows importLetter writes (minus audit), encoded up front: the raw insert times only the INSERTs. */
interface RawLetter {
  readonly caseRow: Record<string, unknown>;
  readonly items: readonly {
    readonly item: Record<string, unknown>;
    readonly rationale: string;
    readonly basis: string;
  }[];
  readonly letterJson: string;
  readonly format: 'text' | 'pdf';
  readonly summary: string;
  readonly rationales: string;
  readonly at: string;
}

function rawRows(letters: readonly Letter[]): RawLetter[] {
  const stamp = new Date().toISOString();
  return letters.map((l) => {
    const at = l.case.decisionDate === undefined ? stamp : `${l.case.decisionDate}T12:00:00.000Z`;
    return {
      caseRow: {
        case_number: caseNumberOf(l),
        stage: 'closed',
        priority: /expedit/i.test(l.case.priority ?? '') ? 'expedited' : 'standard',
        kind: 'regular',
        source: 'import',
        received_date: l.case.applicationReceived ?? null,
        ur_decision_date: l.case.urDenialDate ?? null,
        assigned_date: l.case.dateAssigned ?? null,
        decision_date: l.case.decisionDate ?? null,
        letter_issued_date: l.case.decisionDate ?? null,
        closed_date: l.case.decisionDate ?? null,
        patient_age: l.patient.age ?? null,
        patient_sex: l.patient.sex ?? null,
        injury_date: l.patient.injuryDate ?? null,
        reviewer_credentials: JSON.stringify(l.reviewer),
        version: 1,
        created_at: stamp,
        updated_at: stamp,
      },
      items: l.items.map((it, i) => ({
        item: {
          seq: i + 1,
          request: it.request,
          original_request: it.originalRequest ?? null,
          authorized_portion: it.authorizedPortion ?? null,
          status: 'determined',
          decision: it.decision,
          claims_administrator_basis: JSON.stringify(it.claimsAdministratorBasis),
          reviewer_basis: JSON.stringify(it.reviewerBasis),
          rationale: it.rationale,
        },
        rationale: it.rationale,
        basis: JSON.stringify(it.reviewerBasis),
      })),
      letterJson: JSON.stringify(l),
      format: /\.pdf$/i.test(l.file ?? '') ? 'pdf' : 'text',
      summary: l.clinicalSummary,
      rationales: l.items.map((i) => i.rationale).join('\n\n'),
      at,
    };
  });
}

async function rawInsertAll(store: Store, rows: readonly RawLetter[]): Promise<number> {
  // The determinations' reviewer exists before timing starts, as the placeholder does for importLetter.
  const reviewer = await store.transaction((tx) =>
    reviewers.create(tx, { name: 'Bench reviewer', qmeStatus: 'none', disciplinaryHistory: false, active: false }),
  );
  if (!reviewer.ok) throw new Error(`reviewer: ${reviewer.error.code}`);
  const reviewerId = reviewer.value.id;
  collectGarbage();
  const start = now();
  for (const r of rows) {
    await store.db.transaction().execute(async (trx) => {
      const c = await trx
        .insertInto('cases')
        .values(r.caseRow as never)
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const it of r.items) {
        const item = await trx
          .insertInto('case_items')
          .values({ ...it.item, case_id: c.id } as never)
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('item_determinations')
          .values({
            item_id: item.id,
            reviewer_id: reviewerId,
            decision: it.item.decision as string,
            basis: it.basis,
            rationale: it.rationale,
            decided_at: r.at,
          })
          .execute();
      }
      const letter = await trx
        .insertInto('letters')
        .values({ case_id: c.id, kind: 'public-redacted', format: r.format, issued_at: r.at, letter: r.letterJson })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('letter_text')
        .values({ letter_id: letter.id, summary: r.summary, rationales: r.rationales })
        .execute();
    });
  }
  return now() - start;
}

async function measureTarget(
  label: 'sqlite' | 'postgres',
  letters: readonly Letter[],
  bytes: number,
  fresh: () => Promise<Fresh>,
): Promise<{ rows: Row[]; data: Record<string, unknown> }> {
  const raw = rawRows(letters);
  // Warm-up: one untimed round of each, so both run optimized code when timing starts.
  await withStore(fresh, (s) => importAll(s, letters));
  await withStore(fresh, (s) => rawInsertAll(s, raw));
  const importSec: number[] = [];
  const rawSec: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    importSec.push(await withStore(fresh, (s) => importAll(s, letters)));
    rawSec.push(await withStore(fresh, (s) => rawInsertAll(s, raw)));
  }
  const common = { unit: 'letters', itemsPerRound: letters.length, bytesPerRound: bytes };
  return {
    rows: [
      measuredRow({ label: `${label} import`, ...common, seconds: importSec }),
      measuredRow({
        label: `${label} raw insert`,
        ...common,
        seconds: rawSec,
        ratios: [pairedRatio('import/raw', importSec, rawSec)],
      }),
    ],
    data: { importSeconds: importSec, rawSeconds: rawSec },
  };
}

async function pgUnreachable(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (thrown) {
    const code = (thrown as { code?: unknown }).code;
    return typeof code === 'string' ? code : thrown instanceof Error ? thrown.message : 'unknown error';
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------
// imr import of PDFs: the worker pool with one worker against one per core

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
