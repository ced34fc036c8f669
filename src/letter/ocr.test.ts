import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scannedPdf } from '../../test/scanned-pdf.js';
import { DEFAULT_OCR_OPTIONS, ocrOptionsFromEnv, ocrPdfPages } from './ocr.js';
import { closeSharedPdfPool, extractPdfText } from './pdf-pool.js';

/**
 * OCR of scanned pages with Debian's tesseract (in CI `.ci/run` installs it; elsewhere these tests
 * skip and say so). The scanned PDFs are made here, from synthetic text, by test/scanned-pdf.ts.
 */

const HAS_TESSERACT = existsSync('/usr/bin/tesseract') || process.env.IMR_TESSERACT_PATH !== undefined;
if (!HAS_TESSERACT) {
  if (process.env.CI)
    throw new Error('tesseract missing (required in CI; apt-get install tesseract-ocr tesseract-ocr-eng)');
  console.warn('OCR tests skipped: no tesseract (apt-get install tesseract-ocr tesseract-ocr-eng)');
}

const PAGE_ONE = ['Primary treating physician progress report', 'Lumbar radiculopathy with numbness in the left foot'];
const PAGE_TWO = [
  'Plan: request epidural steroid injection at L5-S1',
  'Patient completed physical therapy without relief',
];

let scan: Buffer;
let mixed: Buffer;

beforeAll(async () => {
  if (!HAS_TESSERACT) return;
  scan = await scannedPdf([{ lines: PAGE_ONE }, { lines: PAGE_TWO }]);
  mixed = await scannedPdf([{ lines: ['Typed cover page of the fax'], textLayer: true }, { lines: PAGE_TWO }]);
}, 60_000);

afterAll(async () => {
  await closeSharedPdfPool();
});

describe.skipIf(!HAS_TESSERACT)('OCR of scanned PDF pages', () => {
  it('the generated scan has no text layer at all', async () => {
    const layer = await extractPdfText(scan);
    expect(layer.ok ? 'text' : layer.error.code).toBe('IMR_PDF_NO_TEXT');
  });

  it('reads the words of each scanned page, with progress page by page', async () => {
    const progress: string[] = [];
    const r = await ocrPdfPages(scan, [1, 2], DEFAULT_OCR_OPTIONS, (done, total) => progress.push(`${done}/${total}`));
    expect(r.status).toBe('read');
    expect(r.pagesRead).toBe(2);
    expect(progress).toEqual(['0/2', '1/2', '2/2']);
    const one = (r.text.get(1) ?? '').replace(/\s+/g, ' ');
    const two = (r.text.get(2) ?? '').replace(/\s+/g, ' ');
    expect(one).toMatch(/progress report/i);
    expect(one).toMatch(/radiculopathy/i);
    expect(two).toMatch(/epidural steroid injection/i);
  }, 120_000);

  it('reads only the pages asked for (a mixed document keeps its text layer)', async () => {
    const layer = await extractPdfText(mixed);
    expect(layer.ok).toBe(true);
    if (layer.ok) expect(layer.value.split('\f').map((p) => p.trim() === '')).toEqual([false, true]);
    const r = await ocrPdfPages(mixed, [2]);
    expect([...r.text.keys()]).toEqual([2]);
    expect(r.text.get(2)).toMatch(/physical therapy/i);
  }, 120_000);

  it('stops at the page limit and says how far it got', async () => {
    const r = await ocrPdfPages(scan, [1, 2], { ...DEFAULT_OCR_OPTIONS, maxPages: 1 });
    expect(r.status).toBe('partial');
    expect(r.pagesRead).toBe(1);
    expect(r.message).toBe('OCR read the first 1 of 2 scanned pages (its page limit).');
  }, 120_000);

  it('stops at the time limit, killing its child processes, and says so', async () => {
    const r = await ocrPdfPages(scan, [1, 2], { ...DEFAULT_OCR_OPTIONS, timeoutMs: 1 });
    expect(r.status).toBe('partial');
    expect(r.pagesRead).toBeLessThan(2);
    expect(r.message).toMatch(/^OCR stopped at its time limit \(0.001 s\) after \d of 2 scanned pages\.$/);
  }, 60_000);

  it('a file that is no PDF is a failure with a message, not a throw', async () => {
    const r = await ocrPdfPages(new TextEncoder().encode('%PDF-1.4 nothing here'), [1]);
    expect(r.status).toBe('failed');
    expect(r.pagesRead).toBe(0);
  }, 60_000);
});

describe('OCR when tesseract is absent', () => {
  it('says what to install, and reads nothing', async () => {
    const r = await ocrPdfPages(new Uint8Array([1, 2, 3]), [1], {
      ...DEFAULT_OCR_OPTIONS,
      tesseractPath: '/nonexistent/tesseract',
    });
    expect(r.status).toBe('unavailable');
    expect(r.message).toMatch(/apt-get install tesseract-ocr tesseract-ocr-eng/);
  });

  it('options come from the environment and are checked', () => {
    const o = ocrOptionsFromEnv({ IMR_OCR_MAX_PAGES: '7', IMR_TESSERACT_PATH: '/opt/t' });
    expect(o.ok && o.value.maxPages === 7 && o.value.tesseractPath === '/opt/t').toBe(true);
    const bad = ocrOptionsFromEnv({ IMR_OCR_TIMEOUT_SECONDS: 'soon' });
    expect(bad.ok ? 'ok' : bad.error.code).toBe('IMR_VALIDATION');
  });
});
