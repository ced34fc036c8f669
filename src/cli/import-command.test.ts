import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { corpusDir, projectRoot, seedsDir } from '../../test/shared-data.js';
import { renderLetterPdf } from '../letter/render-pdf.js';
import { renderLetterText } from '../letter/render-text.js';
import { syntheticLetter } from '../synthetic/letter.js';
import { importStoreConfig } from './import-command.js';
import { runCli } from './test-run.js';

const run = (args: string[], tty = false) => runCli(['import', ...args], { tty });

function jsonLines(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** Writes syntheticLetter(seed) as `<prefix><seed>.txt` (and `.pdf` for `pdfSeeds`); returns the distinct case numbers. */
async function writeLetters(
  dir: string,
  seeds: readonly number[],
  pdfSeeds: readonly number[] = [],
  prefix = 'letter-',
): Promise<Set<string>> {
  mkdirSync(dir, { recursive: true });
  const numbers = new Set<string>();
  for (const seed of seeds) {
    const letter = syntheticLetter(seed);
    numbers.add(letter.case.caseNumber as string);
    const name = `${prefix}${String(seed).padStart(4, '0')}`;
    writeFileSync(join(dir, `${name}.txt`), renderLetterText(letter));
    if (pdfSeeds.includes(seed)) writeFileSync(join(dir, `${name}.pdf`), await renderLetterPdf(letter));
  }
  return numbers;
}

/** What a consistent store looks like after imports: one case per case number, every case whole. */
function inspect(dbPath: string) {
  const db = new BetterSqlite3(dbPath, { readonly: true });
  try {
    const one = (q: string): number => Number((db.prepare(q).get() as { n: number }).n);
    return {
      cases: one('select count(*) as n from cases'),
      caseNumbers: (db.prepare('select case_number from cases').all() as { case_number: string }[]).map(
        (r) => r.case_number,
      ),
      duplicateNumbers: one(
        'select count(*) as n from (select case_number from cases group by case_number having count(*) > 1)',
      ),
      itemsWithoutCase: one(
        'select count(*) as n from case_items i left join cases c on c.id = i.case_id where c.id is null',
      ),
      determinationsWithoutItem: one(
        'select count(*) as n from item_determinations d left join case_items i on i.id = d.item_id where i.id is null',
      ),
      lettersWithoutCase: one(
        'select count(*) as n from letters l left join cases c on c.id = l.case_id where c.id is null',
      ),
      letterTextWithoutLetter: one(
        'select count(*) as n from letter_text t left join letters l on l.id = t.letter_id where l.id is null',
      ),
      casesWithoutItems: one(
        'select count(*) as n from cases c where not exists (select 1 from case_items i where i.case_id = c.id)',
      ),
      itemsWithoutDetermination: one(
        'select count(*) as n from case_items i where not exists (select 1 from item_determinations d where d.item_id = i.id)',
      ),
      casesWithoutOneLetter: one(
        'select count(*) as n from cases c where (select count(*) from letters l where l.case_id = c.id) <> 1',
      ),
      lettersWithoutText: one(
        'select count(*) as n from letters l where not exists (select 1 from letter_text t where t.letter_id = l.id)',
      ),
      casesWithoutOneImportEvent: one(
        "select count(*) as n from cases c where (select count(*) from audit_events a where a.case_id = c.id and a.action = 'case.imported') <> 1",
      ),
      importEvents: one("select count(*) as n from audit_events where action = 'case.imported'"),
    };
  } finally {
    db.close();
  }
}

function expectConsistent(state: ReturnType<typeof inspect>): void {
  expect(state).toMatchObject({
    duplicateNumbers: 0,
    itemsWithoutCase: 0,
    determinationsWithoutItem: 0,
    lettersWithoutCase: 0,
    letterTextWithoutLetter: 0,
    casesWithoutItems: 0,
    itemsWithoutDetermination: 0,
    casesWithoutOneLetter: 0,
    lettersWithoutText: 0,
    casesWithoutOneImportEvent: 0,
  });
  expect(state.importEvents).toBe(state.cases);
}

let dir = '';
let dbPath = '';

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'imr-import-cli-'));
  dbPath = join(dir, 'db', 'imr.sqlite');
  vi.stubEnv('DATABASE_URL', '');
  vi.stubEnv('IMR_DB_PATH', dbPath);
  vi.stubEnv('IMR_DOCUMENTS_DIR', join(dir, 'documents'));
});

afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

describe('imr import', () => {
  it('imports each letter once, counting per file (the .pdf and .txt of one letter: 1 imported + 1 skipped), and skips all on a second run', async () => {
    const letters = join(dir, 'letters');
    const numbers = await writeLetters(letters, [1, 2, 3, 4, 5], [2, 4]);
    const files = 5 + 2;

    const first = await run([letters]);
    expect(first).toMatchObject({ code: 0, err: '' });
    expect(first.out).toBe(`imported ${numbers.size}, skipped ${files - numbers.size}, failed 0 (${files} files)\n`);

    const second = await run(['--json', letters]);
    expect(second.code).toBe(0);
    expect(second.err).toBe('');
    expect(jsonLines(second.out)).toEqual([{ imported: 0, skipped: files, failed: 0 }]);

    const state = inspect(dbPath);
    expect(new Set(state.caseNumbers)).toEqual(numbers);
    expect(state.cases).toBe(numbers.size);
    expectConsistent(state);
  });

  it('reports bad files (file and code, on standard error), counts them as failed, imports the rest and exits 1', async () => {
    const letters = join(dir, 'mixed');
    const numbers = await writeLetters(letters, [11, 12]);
    writeFileSync(join(letters, 'empty.txt'), '');
    writeFileSync(
      join(letters, 'junk.txt'),
      'Quarterly fleet maintenance report.\nAll vehicles were serviced on time.\n',
    );
    writeFileSync(join(letters, 'junk.pdf'), `%PDF-1.4\n${'x'.repeat(500)}\n`);
    writeFileSync(join(letters, 'noise.txt'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    const missing = join(dir, 'no-such-letter.txt');

    const r = await run(['--json', letters, missing]);
    expect(r.code).toBe(1);
    expect(jsonLines(r.out)).toEqual([{ imported: 2, skipped: 0, failed: 5 }]);
    const errors = new Map(
      jsonLines(r.err).map((l) => [l.file as string, (l.error as { code: string } | undefined)?.code]),
    );
    expect(Object.fromEntries(errors)).toEqual({
      [join(letters, 'empty.txt')]: 'IMR_INPUT_EMPTY',
      [join(letters, 'junk.txt')]: 'IMR_LETTER_NOT_A_DETERMINATION',
      [join(letters, 'junk.pdf')]: 'IMR_PDF_INVALID',
      [join(letters, 'noise.txt')]: 'IMR_INPUT_BINARY',
      [missing]: 'IMR_INPUT_UNREADABLE',
    });
    const state = inspect(dbPath);
    expect(new Set(state.caseNumbers)).toEqual(numbers);
    expectConsistent(state);

    const readable = await run([letters]);
    expect(readable.code).toBe(1);
    expect(readable.out).toBe('imported 0, skipped 2, failed 4 (6 files)\n');
    expect(readable.err).toContain(`failed ${join(letters, 'empty.txt')}: IMR_INPUT_EMPTY: `);
  });

  it('refuses files over --max-size (IMR_INPUT_TOO_LARGE) and imports those under it', async () => {
    const letters = join(dir, 'sized');
    const numbers = await writeLetters(letters, [21, 22]);
    const big = join(letters, 'letter-big.txt');
    // The same kind of letter, padded past the limit.
    const text = renderLetterText(syntheticLetter(23));
    writeFileSync(big, `${text}\n${' '.repeat(64 * 1024)}\n`);

    const r = await run(['--json', '--max-size', '48k', letters]);
    expect(r.code).toBe(1);
    expect(jsonLines(r.out)).toEqual([{ imported: 2, skipped: 0, failed: 1 }]);
    expect(jsonLines(r.err)).toEqual([
      expect.objectContaining({ file: big, error: expect.objectContaining({ code: 'IMR_INPUT_TOO_LARGE' }) }),
    ]);
    expect(new Set(inspect(dbPath).caseNumbers)).toEqual(numbers);

    const roomy = await run(['--json', '--max-size', '1m', letters]);
    expect(jsonLines(roomy.out)).toEqual([{ imported: 1, skipped: 2, failed: 0 }]);
  });

  it('refuses a --max-size that is not a size (usage error, nothing imported)', async () => {
    const letters = join(dir, 'letters');
    await writeLetters(letters, [24]);
    const r = await run(['--max-size', 'lots', letters]);
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('expected a size such as 500k or 20m');
    expect(r.out).toBe('');
  });

  it('prints one line per file with --verbose, with file names and counts but no letter text', async () => {
    const letters = join(dir, 'v');
    await writeLetters(letters, [21, 22]);
    const r = await run(['--verbose', letters, join(letters, 'letter-0021.txt')]);
    expect(r.code).toBe(0);
    expect(r.err).toBe(
      [
        `imported ${join(letters, 'letter-0021.txt')} (${syntheticLetter(21).items.length} items)`,
        `imported ${join(letters, 'letter-0022.txt')} (${syntheticLetter(22).items.length} items)`,
        `skipped ${join(letters, 'letter-0021.txt')} (case already stored)`,
        '',
      ].join('\n'),
    );
    const all = r.out + r.err;
    for (const seed of [21, 22]) {
      const l = syntheticLetter(seed);
      expect(all).not.toContain(l.clinicalSummary.slice(0, 40));
      expect(all).not.toContain(l.case.caseNumber as string);
      for (const item of l.items) expect(all).not.toContain(item.request);
    }
    const json = await run(['--verbose', '--json', join(letters, 'letter-0022.txt')]);
    expect(jsonLines(json.err)).toEqual([{ file: join(letters, 'letter-0022.txt'), status: 'skipped' }]);
  });

  it('shows a progress bar with counts (and no letter text) on a terminal, and the summary on standard output', async () => {
    const letters = join(dir, 'tty');
    await writeLetters(letters, [51, 52]);
    writeFileSync(join(letters, 'empty.txt'), '');
    const r = await run([letters], true);
    expect(r.code).toBe(1);
    expect(r.out).toBe('imported 2, skipped 0, failed 1 (3 files)\n');
    expect(r.err).toContain('3/3 files | imported 2, skipped 0, failed 1');
    expect(r.err).toContain(`failed ${join(letters, 'empty.txt')}: IMR_INPUT_EMPTY`);
    for (const seed of [51, 52]) expect(r.err).not.toContain(syntheticLetter(seed).clinicalSummary.slice(0, 40));
  });

  it('takes the database from --db (a file, or a postgres:// URL) over the environment', async () => {
    const letters = join(dir, 'd');
    await writeLetters(letters, [31]);
    const other = join(dir, 'other.sqlite');
    expect((await run(['--db', other, letters])).out).toBe('imported 1, skipped 0, failed 0 (1 files)\n');
    expect(inspect(other).cases).toBe(1);
    expect(importStoreConfig('postgres://u@h:5432/d', { IMR_DB_PATH: 'x' })).toMatchObject({
      ok: true,
      value: { kind: 'postgres', url: 'postgres://u@h:5432/d' },
    });
    expect(importStoreConfig('/tmp/a.sqlite', { DATABASE_URL: 'postgres://u@h/d' })).toMatchObject({
      ok: true,
      value: { kind: 'sqlite', path: '/tmp/a.sqlite' },
    });
  });

  it('fails with a coded error, writing nothing, when the store cannot be opened or no letters are found', async () => {
    const letters = join(dir, 'e');
    await writeLetters(letters, [41]);
    writeFileSync(join(dir, 'a-file'), 'not a directory');
    const unopenable = await run(['--db', join(dir, 'a-file', 'imr.sqlite'), letters]);
    expect(unopenable.code).toBe(1);
    expect(unopenable.out).toBe('');
    expect(jsonLines(unopenable.err)).toEqual([{ error: expect.objectContaining({ code: 'IMR_STORE_UNAVAILABLE' }) }]);

    mkdirSync(join(dir, 'nothing-here'));
    const none = await run([join(dir, 'nothing-here')]);
    expect(none.code).toBe(1);
    expect(jsonLines(none.err)).toEqual([{ error: expect.objectContaining({ code: 'IMR_CLI_USAGE' }) }]);
  });
});

const corpus = corpusDir();

describe.skipIf(corpus === undefined)('imr import — dev corpus', () => {
  it('imports the 55 dev letters from 110 files (55 imported + 55 skipped), then skips all 110', async () => {
    const dev = corpus as string;
    const first = await run(['--json', dev]);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(jsonLines(first.out)).toEqual([{ imported: 55, skipped: 55, failed: 0 }]);
    const second = await run(['--json', dev]);
    expect(second.code).toBe(0);
    expect(jsonLines(second.out)).toEqual([{ imported: 0, skipped: 110, failed: 0 }]);
    const state = inspect(dbPath);
    expect(state.cases).toBe(55);
    expect(state.caseNumbers.every((n) => /^CM\d{2}-\d{7}$/.test(n))).toBe(true);
    expectConsistent(state);
  }, 120_000);
});

const seeds = seedsDir();

describe.skipIf(seeds === undefined)('imr import — header-less seed letters', () => {
  it('keys letters without a case number by their content: imported once, skipped on the second run', async () => {
    const first = await run(['--json', seeds as string]);
    expect(first).toMatchObject({ code: 0, err: '' });
    expect(jsonLines(first.out)).toEqual([{ imported: 5, skipped: 0, failed: 0 }]);
    expect(jsonLines((await run(['--json', seeds as string])).out)).toEqual([{ imported: 0, skipped: 5, failed: 0 }]);
    const state = inspect(dbPath);
    expect(state.cases).toBe(5);
    expect(state.caseNumbers.every((n) => /^NOCASE-[0-9a-f]{24}$/.test(n))).toBe(true);
    expectConsistent(state);
  });
});

// ------------------------------------------------------------------ interrupted runs (child processes)

const LETTERS = 300;

interface Child {
  readonly proc: ChildProcess;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; err: string }>;
  /** Resolves once standard error has `n` lines. */
  lines(n: number): Promise<void>;
}

function spawnImport(args: readonly string[]): Child {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/cli/entry.ts', 'import', ...args], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: '', IMR_DB_PATH: dbPath, IMR_DOCUMENTS_DIR: join(dir, 'documents') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const waiters: { n: number; resolve: () => void }[] = [];
  const check = (): void => {
    const count = err.split('\n').length - 1;
    for (const w of waiters.splice(0)) {
      if (count >= w.n) w.resolve();
      else waiters.push(w);
    }
  };
  proc.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  proc.stderr?.on('data', (d: Buffer) => {
    err += d.toString();
    check();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; err: string }>(
    (resolve) => proc.on('close', (code, signal) => resolve({ code, signal, out, err })),
  );
  return {
    proc,
    exited,
    lines: (n) =>
      new Promise<void>((resolve, reject) => {
        waiters.push({ n, resolve });
        check();
        void exited.then(() => reject(new Error(`the import ended before printing ${n} lines:\n${err}`)));
      }),
  };
}

describe('imr import — interrupted and re-run', () => {
  let letters = '';
  let numbers = new Set<string>();
  beforeEach(async () => {
    letters = join(dir, 'many');
    numbers = await writeLetters(
      letters,
      Array.from({ length: LETTERS }, (_, i) => 1000 + i),
    );
  });

  it('survives SIGKILL mid-run: the re-run completes with exactly one whole case per case number', async () => {
    const child = spawnImport(['--verbose', letters]);
    await child.lines(20);
    child.proc.kill('SIGKILL');
    const killed = await child.exited;
    expect(killed.signal).toBe('SIGKILL');

    const partial = inspect(dbPath);
    expect(partial.cases).toBeGreaterThan(0);
    expect(partial.cases).toBeLessThan(numbers.size);
    expectConsistent(partial);

    const rerun = spawnImport(['--json', letters]);
    const done = await rerun.exited;
    expect(done.code).toBe(0);
    expect(jsonLines(done.out)).toEqual([
      { imported: numbers.size - partial.cases, skipped: LETTERS - (numbers.size - partial.cases), failed: 0 },
    ]);
    const state = inspect(dbPath);
    expect(state.cases).toBe(numbers.size);
    expect(new Set(state.caseNumbers)).toEqual(numbers);
    expectConsistent(state);
  }, 120_000);

  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)(
    'stops at a letter boundary on %s, prints the partial summary and exits %i',
    async (signal, exitCode) => {
      const child = spawnImport(['--verbose', '--json', letters]);
      await child.lines(10);
      child.proc.kill(signal);
      const stopped = await child.exited;
      expect(stopped.code).toBe(exitCode);
      const [summary] = jsonLines(stopped.out);
      expect(summary).toMatchObject({ interrupted: signal, failed: 0 });
      const s = summary as { imported: number; skipped: number; failed: number; remaining: number };
      expect(s.remaining).toBeGreaterThan(0);
      expect(s.imported + s.skipped + s.failed + s.remaining).toBe(LETTERS);
      // Every file reported done is in the store, whole; nothing else is.
      expect(jsonLines(stopped.err)).toHaveLength(s.imported + s.skipped);
      const state = inspect(dbPath);
      expect(state.cases).toBe(s.imported);
      expectConsistent(state);

      const rerun = spawnImport([letters]);
      const done = await rerun.exited;
      expect(done.code).toBe(0);
      expect(inspect(dbPath).cases).toBe(numbers.size);
    },
    120_000,
  );
});
