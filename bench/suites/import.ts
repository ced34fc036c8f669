/**
 * Import: `importLetter` (validation, repositories, placeholder reviewer, letter record with its search
 * text, audit event; one transaction per letter) into SQLite and into PostgreSQL, against a raw insert
 * of the same rows measured in the same run: plain Kysely INSERTs of the case, items, determinations,
 * letter and letter text, one transaction per letter, no validation, no repositories, no audit. The
 * letters are parsed once up front; only the writes are timed. Each round writes into a fresh database.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Letter } from '../../src/domain/letter.js';
import { parseLetterText } from '../../src/letter/parse-text.js';
import { openStore, reviewers, type Store, type StoreConfig } from '../../src/store/index.js';
import { describePgUrl, testPgUrl } from '../../src/store/test-targets.js';
import { syntheticLetter } from '../../src/synthetic/letter.js';
import { importLetter } from '../../src/workflow/import-letter.js';
import { devCorpusDir, SYNTHETIC_COUNT } from '../lib/letter-corpus.js';
import { collectGarbage, measuredRow, now, pairedRatio } from '../lib/measure.js';
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
      'raw = per letter one transaction of plain INSERTs (case, items, determinations, letter, letter text) through the same Kysely connection; import = importLetter (zod validation, repositories: the case and the letter with RETURNING *, the items and their determinations one multi-row INSERT each; idempotence check, placeholder reviewer lookup, audit event)',
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
    notes.push(
      '`imr import` of PDFs with the worker pool: the pdf-import suite (run with this one by `npm run bench -- import`)',
    );
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
