/**
 * The case workflow on SQLite: generated cases through intake → screening → assignment → notice →
 * records → determination, every command validated, screened, clocked and audited, 250 commands per
 * transaction (a savepoint each). Baseline, measured in the same run: inserting the very rows (and
 * document bytes) the workflow wrote into a fresh store, one plain insert per row, in transactions of
 * the same size — the floor any implementation of these steps pays.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Database, openStore, type Store } from '../../src/store/index.js';
import { generateWorld, runWorld, type SimStep, seedWorld, type World } from '../../src/synthetic/simulation.js';
import { TestClock } from '../../src/workflow/test-fixtures.js';
import { createWorkflow } from '../../src/workflow/workflow.js';
import { collectGarbage, measuredRow, now, pairedRatio } from '../lib/measure.js';
import type { Suite, SuiteResult } from '../lib/types.js';

const CASES = 600;
const ROUNDS = 3;
const BATCH = 250;
const NOW = '2024-06-28T23:00:00.000Z';
const STEPS: ReadonlySet<SimStep> = new Set([
  'receive',
  'screen',
  'rescreen',
  'conflicted',
  'assign',
  'notice',
  'convert',
  'records',
  'extend',
  'determine',
]);
/** The tables the workflow writes on this path, parents first. */
const TABLES = [
  'cases',
  'applications',
  'ur_decisions',
  'parties',
  'case_items',
  'documents',
  'document_text',
  'assignments',
  'item_determinations',
  'audit_events',
] as const satisfies readonly (keyof Database)[];

interface Opened {
  readonly store: Store;
  dispose(): Promise<void>;
}

async function freshStore(): Promise<Opened> {
  const dir = await mkdtemp(join(tmpdir(), 'imr-bench-workflow-'));
  const opened = await openStore({
    kind: 'sqlite',
    path: join(dir, 'imr.sqlite'),
    documentsDir: join(dir, 'documents'),
  });
  if (!opened.ok) throw new Error(`openStore: ${opened.error.code}`);
  const store = opened.value;
  return {
    store,
    async dispose() {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function workflowRound(
  world: World,
): Promise<{ seconds: number; commands: number; failures: number; opened: Opened }> {
  const opened = await freshStore();
  await seedWorld(opened.store, world);
  const clock = new TestClock(NOW);
  const wf = createWorkflow({ store: opened.store, now: clock.now, options: { letterFormats: ['text'] } });
  collectGarbage();
  const start = now();
  const report = await runWorld(wf, world, clock, { batchSize: BATCH, pdfEvery: 0, steps: STEPS });
  return { seconds: now() - start, commands: report.commands, failures: report.failures.length, opened };
}

type Rows = { [T in (typeof TABLES)[number]]: Record<string, unknown>[] };

async function readRows(store: Store): Promise<{ rows: Rows; files: Map<string, Uint8Array>; count: number }> {
  const rows = {} as Rows;
  let count = 0;
  for (const table of TABLES) {
    rows[table] = (await store.db.selectFrom(table).selectAll().execute()) as Record<string, unknown>[];
    count += rows[table].length;
  }
  const files = new Map<string, Uint8Array>();
  for (const d of rows.documents) files.set(d.storage_path as string, await store.files.read(d.storage_path as string));
  return { rows, files, count };
}

/** The same rows into a fresh store: per case, one insert per row, the cases grouped into transactions. */
async function baselineRound(world: World, source: Awaited<ReturnType<typeof readRows>>): Promise<number> {
  const opened = await freshStore();
  try {
    await seedWorld(opened.store, world);
    const byCase = new Map<number, { table: (typeof TABLES)[number]; row: Record<string, unknown> }[]>();
    const documentCase = new Map<unknown, number>();
    const itemCase = new Map<unknown, number>();
    for (const table of TABLES) {
      for (const row of source.rows[table]) {
        const caseId =
          table === 'cases'
            ? (row.id as number)
            : table === 'document_text'
              ? documentCase.get(row.document_id)
              : table === 'item_determinations'
                ? itemCase.get(row.item_id)
                : (row.case_id as number);
        if (table === 'documents') documentCase.set(row.id, row.case_id as number);
        if (table === 'case_items') itemCase.set(row.id, row.case_id as number);
        if (caseId === undefined) continue;
        const list = byCase.get(caseId) ?? [];
        list.push({ table, row });
        byCase.set(caseId, list);
      }
    }
    const cases = [...byCase.values()];
    // The workflow ran about seven commands per case, 250 commands per transaction.
    const casesPerTransaction = Math.max(1, Math.round(BATCH / 7));
    collectGarbage();
    const start = now();
    for (let i = 0; i < cases.length; i += casesPerTransaction) {
      const chunk = cases.slice(i, i + casesPerTransaction);
      for (const list of chunk) {
        for (const { table, row } of list) {
          if (table === 'documents')
            await opened.store.files.put(source.files.get(row.storage_path as string) ?? new Uint8Array());
        }
      }
      const r = await opened.store.transaction(async (tx) => {
        for (const list of chunk) {
          for (const { table, row } of list)
            await tx.db
              .insertInto(table)
              .values(row as never)
              .execute();
        }
      });
      if (!r.ok) throw new Error(`baseline insert: ${r.error.code}`);
    }
    return now() - start;
  } finally {
    await opened.dispose();
  }
}

export const suite: Suite = {
  name: 'workflow',
  description: 'case workflow intake → determination on SQLite vs plain inserts of the same rows',
  async run(): Promise<SuiteResult> {
    const world = generateWorld({ seed: 7, cases: CASES, reviewers: 200, now: NOW, days: 150 });
    const workflowSeconds: number[] = [];
    const baselineSeconds: number[] = [];
    let commands = 0;
    let failures = 0;
    let rowsPerRound = 0;
    for (let round = 0; round <= ROUNDS; round++) {
      // Round 0 warms up (module loading, JIT) and is not counted.
      const w = await workflowRound(world);
      try {
        const source = await readRows(w.opened.store);
        const b = await baselineRound(world, source);
        if (round === 0) continue;
        workflowSeconds.push(w.seconds);
        baselineSeconds.push(b);
        commands = w.commands;
        failures = w.failures;
        rowsPerRound = source.count;
      } finally {
        await w.opened.dispose();
      }
    }
    const common = { unit: 'cases', itemsPerRound: CASES, bytesPerRound: 0 };
    return {
      name: 'workflow',
      title: `${CASES} generated cases, 200 reviewers, ${commands} commands per round, SQLite in ${tmpdir()}`,
      rows: [
        measuredRow({
          label: 'workflow',
          ...common,
          seconds: workflowSeconds,
          ratios: [pairedRatio('workflow/baseline', workflowSeconds, baselineSeconds)],
          note: `${((commands * workflowSeconds.length) / workflowSeconds.reduce((a, b) => a + b, 0)).toFixed(0)} commands/s`,
        }),
        measuredRow({ label: 'baseline: same rows', ...common, seconds: baselineSeconds }),
      ],
      notes: [
        `workflow: intake (documents stored, text read), eligibility screening, reviewer ranking and conflict screen over 200 reviewers, notice, records, determination; every command validated, clocked and audited; ${BATCH} commands per transaction, a savepoint each`,
        `baseline: the ${rowsPerRound.toLocaleString('en-US')} rows the workflow wrote (cases, applications, UR decisions, parties, items, documents and their text, assignments, determinations, audit events) and the same document bytes, inserted as they are into a fresh store`,
        `1 warm-up + ${ROUNDS} timed rounds, each on a fresh store; ${failures} unexpected command failures per round`,
      ],
      data: { cases: CASES, commands, rowsPerRound, workflowSeconds, baselineSeconds },
    };
  },
};
