import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { flateBombPdf, manyPagesPdf, nestedArraysPdf, plainPdf, textOperatorsPdf } from '../../test/hostile-pdf.js';
import { projectRoot } from '../../test/shared-data.js';
import { syntheticLetter } from '../synthetic/letter.js';
import { parseLetterText } from './parse-text.js';
import { DEFAULT_PDF_LIMITS, PdfPool, pdfPoolOptionsFromEnv } from './pdf-pool.js';
import { renderLetterPdf } from './render-pdf.js';

const pools: PdfPool[] = [];
function pool(options: ConstructorParameters<typeof PdfPool>[0] = {}): PdfPool {
  const p = new PdfPool({ workers: 1, ...options });
  pools.push(p);
  return p;
}
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

const codeOf = (r: { ok: true } | { ok: false; error: { code: string } }) => (r.ok ? 'ok' : r.error.code);

describe('the PDF pool', () => {
  it('reads a PDF in a worker thread: pdfjs is never loaded on this one', async () => {
    const p = pool();
    const r = await p.extract(plainPdf('Read in a worker.'));
    expect(r).toEqual({ ok: true, value: 'Read in a worker.\n' });
    // pdf-text.ts registers pdfjs's worker module globally when it loads pdfjs on a thread.
    expect((globalThis as { pdfjsWorker?: unknown }).pdfjsWorker).toBeUndefined();
    expect(p.stats()).toMatchObject({ documents: 1, workersStarted: 1, timeouts: 0, crashed: 0 });
  });

  it('leaves the caller’s bytes as they were (the worker gets a copy)', async () => {
    const bytes = plainPdf('Mine.');
    const before = Buffer.from(bytes).toString('hex');
    expect((await pool().extract(bytes)).ok).toBe(true);
    expect(bytes.byteLength).toBeGreaterThan(0);
    expect(Buffer.from(bytes).toString('hex')).toBe(before);
  });

  it('refuses each hostile PDF with its code under the default limits, and reads the next document', async () => {
    // The time limit is raised: this is about which limit refuses each file, on however busy a machine.
    const p = pool({ workers: 2, timeoutMs: 300_000 });
    const [nested, bomb, pages, text] = await Promise.all([
      p.extract(nestedArraysPdf(2000)),
      p.extract(flateBombPdf(1000)),
      p.extract(manyPagesPdf(20_000)),
      p.extract(textOperatorsPdf(200_000)),
    ]);
    expect(nested).toMatchObject({ ok: false, error: { code: 'IMR_PDF_TOO_COMPLEX', details: { reason: 'nesting' } } });
    expect(bomb).toMatchObject({
      ok: false,
      error: { code: 'IMR_PDF_TOO_COMPLEX', details: { reason: 'inflated-size' } },
    });
    expect(pages).toMatchObject({
      ok: false,
      error: { code: 'IMR_PDF_TOO_MANY_PAGES', details: { pages: 20_000, maxPages: DEFAULT_PDF_LIMITS.maxPages } },
    });
    expect(text).toMatchObject({
      ok: false,
      error: { code: 'IMR_PDF_TOO_COMPLEX', details: { reason: 'page-items' } },
    });
    expect(await p.extract(plainPdf('Still here.'))).toEqual({ ok: true, value: 'Still here.\n' });
    expect(p.stats()).toMatchObject({ timeouts: 0, outOfMemory: 0, crashed: 0 });
  });

  it('terminates a worker past the time limit (IMR_PDF_TIMEOUT) and reads the next document in a new one', async () => {
    const p = pool({ timeoutMs: 1000, maxPageItems: 10_000_000 });
    expect((await p.extract(plainPdf())).ok).toBe(true);
    const started = performance.now();
    const r = await p.extract(textOperatorsPdf(2_000_000));
    const seconds = (performance.now() - started) / 1000;
    expect(r).toMatchObject({ ok: false, error: { code: 'IMR_PDF_TIMEOUT', details: { timeoutSeconds: 1 } } });
    expect(seconds).toBeLessThan(10);
    expect(await p.extract(plainPdf('After the timeout.'))).toEqual({ ok: true, value: 'After the timeout.\n' });
    expect(p.stats()).toMatchObject({ timeouts: 1, workersStarted: 2 });
  });

  it('terminates a worker that runs out of heap (IMR_PDF_TOO_COMPLEX, memory) and goes on', async () => {
    const p = pool({ maxHeapMb: 64, timeoutMs: 120_000, maxPageItems: 10_000_000 });
    const r = await p.extract(textOperatorsPdf(2_000_000));
    expect(r).toMatchObject({ ok: false, error: { code: 'IMR_PDF_TOO_COMPLEX', details: { reason: 'memory' } } });
    expect(p.stats()).toMatchObject({ outOfMemory: 1 });
    expect(await p.extract(plainPdf('After the crash.'))).toEqual({ ok: true, value: 'After the crash.\n' });
  });

  it('reads a letter in the worker (text extracted and parsed there): the letter the text gives, with its file', async () => {
    const p = pool();
    const pdf = await renderLetterPdf(syntheticLetter(7));
    const text = await p.extract(pdf);
    if (!text.ok) throw new Error(text.error.code);
    const letter = await p.readLetter(pdf, '/in/letter-7.pdf');
    expect(letter).toEqual(parseLetterText(text.value, { file: '/in/letter-7.pdf' }));
    expect(letter.ok && letter.value.file).toBe('/in/letter-7.pdf');
    expect(letter.ok && letter.value.items.length).toBeGreaterThan(0);
  });

  it('answers a PDF that is no letter with the parser’s code, and a damaged one with the reader’s', async () => {
    const p = pool();
    expect(codeOf(await p.readLetter(plainPdf('A note, not a determination.'), 'note.pdf'))).toMatch(/^IMR_LETTER_/);
    expect(codeOf(await p.readLetter(nestedArraysPdf(2000), 'nested.pdf'))).toBe('IMR_PDF_TOO_COMPLEX');
    expect(p.stats()).toMatchObject({ documents: 2, crashed: 0 });
  });

  it('runs documents side by side on several workers', async () => {
    const p = pool({ workers: 2 });
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => p.extract(plainPdf(`Document ${i}.`))));
    expect(results.map((r) => (r.ok ? r.value : r.error.code))).toEqual(
      Array.from({ length: 6 }, (_, i) => `Document ${i}.\n`),
    );
    expect(p.stats().workersStarted).toBe(2);
  });

  it('answers waiting documents with IMR_INTERNAL when closed, and refuses new ones', async () => {
    const p = pool();
    const waiting = [p.extract(plainPdf()), p.extract(plainPdf())];
    await p.close();
    expect((await Promise.all(waiting)).map(codeOf)).toEqual(['IMR_INTERNAL', 'IMR_INTERNAL']);
    expect(codeOf(await p.extract(plainPdf()))).toBe('IMR_INTERNAL');
  });

  it('does not keep a process alive once its documents are read', () => {
    const script = [
      "import { PdfPool } from './src/letter/pdf-pool.ts';",
      "import { plainPdf } from './test/hostile-pdf.ts';",
      'const r = await new PdfPool({ workers: 2 }).extract(plainPdf("Bye."));',
      'console.log(JSON.stringify(r));',
    ].join('\n');
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: projectRoot,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(child.signal).toBeNull();
    expect(child.status).toBe(0);
    expect(JSON.parse(child.stdout)).toEqual({ ok: true, value: 'Bye.\n' });
  });
});

describe('pdfPoolOptionsFromEnv', () => {
  it('takes the defaults when nothing is set', () => {
    const r = pdfPoolOptionsFromEnv({});
    expect(r.ok && r.value).toMatchObject({ timeoutMs: 20_000, maxPages: 2000, maxHeapMb: 512 });
  });
  it('reads IMR_PDF_* settings', () => {
    const r = pdfPoolOptionsFromEnv({
      IMR_PDF_WORKERS: '3',
      IMR_PDF_TIMEOUT_SECONDS: '5',
      IMR_PDF_MAX_PAGES: '40',
      IMR_PDF_MAX_HEAP_MB: '256',
      IMR_PDF_MAX_INFLATED_MB: '16',
    });
    expect(r.ok && r.value).toMatchObject({
      workers: 3,
      timeoutMs: 5000,
      maxPages: 40,
      maxHeapMb: 256,
      maxInflatedBytes: 16 * 1024 * 1024,
    });
  });
  it.each([
    ['IMR_PDF_WORKERS', '0'],
    ['IMR_PDF_TIMEOUT_SECONDS', 'soon'],
    ['IMR_PDF_MAX_PAGES', '1.5'],
    ['IMR_PDF_MAX_HEAP_MB', '8'],
  ])('refuses %s=%s with IMR_VALIDATION naming it', (name, value) => {
    const r = pdfPoolOptionsFromEnv({ [name]: value });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('IMR_VALIDATION');
      expect(r.error.message).toContain(name);
    }
  });
});
