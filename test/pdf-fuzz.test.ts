/**
 * Damaged PDFs never take the service down (issue 9). The dev letters (../shared, never committed),
 * damaged deterministically by seed (test/damaged-pdf.ts: flipped bytes, cut short, a slice written
 * twice), go through the server's upload route and through `imr import`: every answer is a parse or a
 * coded error, nothing crashes, and no promise is left rejected in this process — before the PDF pool,
 * pdfjs left unhandled rejections on about 1.5% of these files and Node exited.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, type ErrorCode, httpStatusOf } from '../src/domain/errors.js';
import { sharedPdfPool } from '../src/letter/pdf-pool.js';
import { ErrorBody } from '../src/server/contract.js';
import { type Client, type TestServer, testServer } from '../src/server/test-app.js';
import { pdfIntakeBody } from '../src/server/test-intake.js';
import { damagePdf } from './damaged-pdf.js';
import { corpusDir, projectRoot } from './shared-data.js';

/** Seeds 1..N: the same damaged files on every run. */
const UPLOADS = 2000;
const IMPORTED = 2000;
/** Requests in flight at once (the pool reads two PDFs at a time on two cores). */
const CONCURRENCY = 4;

const corpus = corpusDir();
const names =
  corpus === undefined
    ? []
    : readdirSync(corpus)
        .filter((f) => f.endsWith('.pdf'))
        .sort();
const sources = names.map((n) => new Uint8Array(readFileSync(join(corpus ?? '', n))));
const damaged = (seed: number) => damagePdf(sources[seed % sources.length] as Uint8Array, seed);

if (corpus === undefined) console.warn('pdf-fuzz: ../shared/corpus/dev not found; the fuzz tests are skipped');

/** Every unhandled rejection in this process while the fuzz runs (vitest would fail the run on one, too). */
const rejections: string[] = [];
const onRejection = (reason: unknown): void => {
  rejections.push(reason instanceof Error ? reason.name : typeof reason);
};
beforeAll(() => {
  process.on('unhandledRejection', onRejection);
});
afterAll(() => {
  process.off('unhandledRejection', onRejection);
});

function intakeBody(n: number, pdf: Uint8Array) {
  return pdfIntakeBody({
    claimNumber: `FUZZ-${n}`,
    employeeName: `Fuzz Worker ${n}`,
    title: `Damaged letter ${n}`,
    pdf,
  });
}

/** Codes a damaged upload may be refused with: the reader's limits, or not a PDF any more. */
const UPLOAD_REFUSALS: readonly ErrorCode[] = [
  'IMR_PDF_TOO_COMPLEX',
  'IMR_PDF_TIMEOUT',
  'IMR_PDF_TOO_MANY_PAGES',
  'IMR_INPUT_BINARY',
  'IMR_INPUT_EMPTY',
];

describe.skipIf(corpus === undefined)('damaged PDFs through the upload route', () => {
  let t: TestServer;
  let intake: Client;
  beforeAll(async () => {
    t = await testServer();
    intake = await t.signIn('intake');
  }, 180_000);
  afterAll(async () => {
    await t?.dispose();
  });

  it(`answers all ${UPLOADS} with a case received (text read or not) or a coded refusal, never a 5xx`, async () => {
    const outcomes = new Map<string, number>();
    const unexpected: string[] = [];
    let next = 1;
    const worker = async (): Promise<void> => {
      while (next <= UPLOADS) {
        const seed = next++;
        const d = damaged(seed);
        const r = await intake.request('POST', '/api/v1/cases', { body: intakeBody(seed, d.bytes) });
        let outcome: string;
        if (r.statusCode === 200) {
          outcome = (r.json() as { documentsWithoutText: number }).documentsWithoutText === 0 ? 'text' : 'no text';
        } else {
          const parsed = ErrorBody.safeParse(r.json());
          const code = parsed.success ? parsed.data.error.code : 'UNCODED';
          outcome = code;
          if (!UPLOAD_REFUSALS.includes(code as ErrorCode) || r.statusCode !== httpStatusOf(code as ErrorCode)) {
            unexpected.push(`seed ${seed} (${d.description}): ${r.statusCode} ${code}`);
          }
        }
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const summary = JSON.stringify(Object.fromEntries(outcomes));
    console.info(`pdf-fuzz upload outcomes: ${summary}; pool ${JSON.stringify(sharedPdfPool().stats())}`);
    expect(unexpected, summary).toEqual([]);
    expect([...outcomes.values()].reduce((a, b) => a + b, 0)).toBe(UPLOADS);
    // The fuzz reaches both sides: letters whose text is read, and letters pdfjs cannot read.
    expect(outcomes.get('text') ?? 0, summary).toBeGreaterThan(UPLOADS / 10);
    expect(outcomes.get('no text') ?? 0, summary).toBeGreaterThan(UPLOADS / 10);
    // pdfjs still leaves promises rejected on these files — inside the workers, where they are counted.
    expect(sharedPdfPool().stats().strayRejections, 'pdfjs no longer leaves unhandled rejections?').toBeGreaterThan(0);
    expect(rejections).toEqual([]);
    // Nothing went to the log that a document could have written.
    expect(t.logs.join('\n')).not.toMatch(/unhandledRejection|FormatError|Bad encoding/);
  }, 1_800_000);
});

describe.skipIf(corpus === undefined)('damaged PDFs through imr import', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'imr-pdf-fuzz-'));
    for (let seed = 1; seed <= IMPORTED; seed++) {
      writeFileSync(join(dir, `damaged-${String(seed).padStart(4, '0')}.pdf`), damaged(seed).bytes);
    }
  });
  afterAll(() => {
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  it(`finishes a folder of ${IMPORTED} damaged letters, reporting every bad file with a code`, async () => {
    const args = ['--import', 'tsx', 'src/cli/entry.ts', 'import', '--json', '--db', join(dir, 'imr.sqlite'), dir];
    const child = spawn(process.execPath, args, {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: '', IMR_DOCUMENTS_DIR: join(dir, 'documents') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
      child.on('close', (c, s) => resolve([c, s])),
    );
    expect(signal).toBeNull();
    const summary = JSON.parse(out.trim()) as { imported: number; skipped: number; failed: number };
    expect(summary.imported + summary.skipped + summary.failed).toBe(IMPORTED);
    expect(summary.failed).toBeGreaterThan(0);
    expect(summary.imported).toBeGreaterThan(0);
    expect(code).toBe(1);
    const lines = err
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { file?: string; error?: { code?: string }; event?: string });
    // One line per failed file, with its code; the safety net never fired; no stack trace.
    expect(lines.filter((l) => l.event !== undefined)).toEqual([]);
    expect(lines).toHaveLength(summary.failed);
    for (const l of lines) {
      expect(l.file).toMatch(/damaged-\d{4}\.pdf$/);
      expect(Object.keys(ERROR_CODES)).toContain(l.error?.code);
      expect(l.error?.code).not.toBe('IMR_INTERNAL');
    }
    console.info(
      `pdf-fuzz import: ${JSON.stringify(summary)}; failures by code ${JSON.stringify(
        Object.fromEntries(
          [...new Set(lines.map((l) => l.error?.code))].map((c) => [
            c,
            lines.filter((l) => l.error?.code === c).length,
          ]),
        ),
      )}`,
    );
  }, 1_800_000);
});
