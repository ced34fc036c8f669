import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { corpusDir } from '../../test/shared-data.js';
import { extractPdfText } from './pdf-pool.js';

/** Non-empty lines with whitespace runs collapsed: what must agree with pdftotext exactly. */
function contentLines(text: string): string[] {
  const lines: string[] = [];
  for (const line of text.split('\n')) {
    const collapsed = line.replaceAll('\f', '').trim().replace(/\s+/g, ' ');
    if (collapsed !== '') lines.push(collapsed);
  }
  return lines;
}

/** Empty lines keyed by the index of the content line they follow (-1: before the first). */
function emptyLines(text: string): Map<number, number> {
  const found = new Map<number, number>();
  let index = -1;
  for (const line of text.split('\n')) {
    if (line.replaceAll('\f', '').trim() === '') found.set(index, (found.get(index) ?? 0) + 1);
    else index++;
  }
  return found;
}

/** pdftotext ends every page with `\f`; our text joins pages with `\f`. Both give the page count. */
const popplerPages = (text: string): number => text.split('\f').length - 1;
const ourPages = (text: string): number => text.split('\f').length;

function makePdf(
  draw: (doc: PDFKit.PDFDocument) => void,
  options: PDFKit.PDFDocumentOptions = {},
): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'LETTER', margin: 72, compress: false, ...options });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve) =>
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))),
  );
  draw(doc);
  doc.end();
  return done;
}

/** A small letter-like page: a two-column header table, two paragraphs; then a second page. */
function sampleLetter(doc: PDFKit.PDFDocument): void {
  doc.font('Helvetica').fontSize(11);
  doc.text('Case Number:', 72, 90, { lineBreak: false }).text('CM99-0000001', 180, 90, { lineBreak: false });
  doc.text('Date Assigned:', 72, 103, { lineBreak: false }).text('01/02/2017', 180, 103, { lineBreak: false });
  doc.text('Date of Injury:', 330, 103, { lineBreak: false }).text('03/04/2015', 427, 103, { lineBreak: false });
  doc.text('Application', 330, 116, { lineBreak: false }).text('01/01/2017', 427, 116, { lineBreak: false });
  doc.text('Received:', 330, 129, { lineBreak: false });
  doc.font('Times-Roman').fontSize(12);
  doc.text('First paragraph, line one.', 72, 155, { lineBreak: false });
  doc.text('First paragraph, line two.', 72, 169, { lineBreak: false });
  doc.text('Second paragraph after a gap.', 72, 197, { lineBreak: false });
  doc.addPage();
  doc.text('Page two text.', 72, 72, { lineBreak: false });
}

const builtIns = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify };

describe('extractPdfText on generated PDFs', () => {
  it('lays out columns, baselines, paragraph gaps and pages like pdftotext -layout', async () => {
    const result = await extractPdfText(await makePdf(sampleLetter));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const lines = result.value.split('\n');
    expect(lines[0]).toMatch(/^Case Number: {2,}CM99-0000001$/);
    expect(lines[1]).toMatch(/^Date Assigned: {2,}01\/02\/2017 {2,}Date of Injury: {2,}03\/04\/2015$/);
    expect(lines[2]).toMatch(/^ {2,}Application {2,}01\/01\/2017$/);
    expect(lines[3]).toMatch(/^ {2,}Received:$/);
    expect(lines.slice(4, 9)).toEqual([
      '',
      'First paragraph, line one.',
      'First paragraph, line two.',
      '',
      'Second paragraph after a gap.',
    ]);
    expect(lines[9]).toBe('\fPage two text.');
    expect(result.value.endsWith('Page two text.\n')).toBe(true);
    for (const line of lines) expect(line).toBe(line.trimEnd());
  });

  it('returns IMR_PDF_NO_TEXT for a PDF whose pages hold only drawings', async () => {
    const pdf = await makePdf((doc) => doc.rect(100, 100, 200, 100).fill('#333'));
    const result = await extractPdfText(pdf);
    expect(result.ok ? 'ok' : result.error.code).toBe('IMR_PDF_NO_TEXT');
  });

  it('returns IMR_PDF_INVALID for a password-protected PDF', async () => {
    const pdf = await makePdf((doc) => doc.text('Protected health information'), { userPassword: 'secret' });
    const result = await extractPdfText(pdf);
    expect(result.ok ? 'ok' : result.error.code).toBe('IMR_PDF_INVALID');
    expect(JSON.stringify(result)).not.toContain('Protected');
  });

  it('leaves the caller’s bytes intact, even a Buffer that owns its whole ArrayBuffer', async () => {
    const pdf = Buffer.from(await makePdf(sampleLetter));
    const copy = Buffer.from(pdf);
    expect((await extractPdfText(pdf)).ok).toBe(true);
    expect(pdf.byteLength).toBe(copy.byteLength);
    expect(pdf.equals(copy)).toBe(true);
  });

  it('leaves built-ins that the pdfjs legacy build polyfills as they were', async () => {
    expect((await extractPdfText(await makePdf(sampleLetter))).ok).toBe(true);
    expect(Array.prototype.push).toBe(builtIns.push);
    expect(JSON.parse).toBe(builtIns.parse);
    expect(JSON.stringify).toBe(builtIns.stringify);
  });
});

describe('extractPdfText on unreadable input', () => {
  it('returns IMR_PDF_INVALID for an empty array', async () => {
    const result = await extractPdfText(new Uint8Array(0));
    expect(result.ok ? 'ok' : result.error.code).toBe('IMR_PDF_INVALID');
  });

  it('returns IMR_PDF_INVALID for random bytes', async () => {
    const bytes = new Uint8Array(8192);
    let seed = 0x2545f491;
    for (let i = 0; i < bytes.length; i++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      bytes[i] = seed >>> 24;
    }
    const result = await extractPdfText(bytes);
    expect(result.ok ? 'ok' : result.error.code).toBe('IMR_PDF_INVALID');
  });

  it('returns IMR_PDF_INVALID for a PDF header followed by garbage', async () => {
    const result = await extractPdfText(new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >>\n%%EOF'));
    expect(result.ok ? 'ok' : result.error.code).toMatch(/^IMR_PDF_(INVALID|NO_TEXT)$/);
  });

  it('never throws on a truncated generated PDF', async () => {
    const pdf = await makePdf(sampleLetter);
    const result = await extractPdfText(pdf.subarray(0, pdf.length >> 1));
    if (!result.ok) expect(result.error.code).toMatch(/^IMR_PDF_(INVALID|NO_TEXT)$/);
  });
});

// The real letters live in ../shared, outside the repository (they are not redistributed with the code).
// corpusDir() throws when they are missing in CI; on a developer machine without them these tests skip.
const corpus = corpusDir();

describe.skipIf(corpus === undefined)('extractPdfText against pdftotext -layout on the real letters', () => {
  const dir = corpus ?? '';
  const names =
    corpus === undefined
      ? []
      : readdirSync(dir)
          .filter((f) => f.endsWith('.pdf'))
          .sort();
  const ours = new Map<string, string>();
  const poppler = new Map<string, string>();

  // Through the worker pool, side by side; the first document waits for a worker to load pdfjs.
  beforeAll(async () => {
    const results = await Promise.all(
      names.map((name) => extractPdfText(new Uint8Array(readFileSync(path.join(dir, name))))),
    );
    names.forEach((name, i) => {
      const result = results[i];
      ours.set(name, result?.ok === true ? result.value : `ERROR ${result?.error.code}`);
      poppler.set(name, readFileSync(path.join(dir, name.replace(/\.pdf$/, '.txt')), 'utf8'));
    });
  }, 180_000);

  it('finds the corpus', () => {
    expect(names.length).toBeGreaterThanOrEqual(50);
  });

  it.each(names)('%s: same lines and pages as pdftotext', (name) => {
    const text = ours.get(name) ?? '';
    const reference = poppler.get(name) ?? '';
    expect(text.startsWith('ERROR'), text.slice(0, 40)).toBe(false);
    expect(contentLines(text)).toEqual(contentLines(reference));
    expect(ourPages(text)).toBe(popplerPages(reference));
    expect(text.endsWith('\n') || text.endsWith('\f')).toBe(true);
  });

  it('keeps at least 98% of pdftotext’s paragraph breaks, adding few of its own', () => {
    let expected = 0;
    let missing = 0;
    let extra = 0;
    const mismatched: string[] = [];
    for (const name of names) {
      const want = emptyLines(poppler.get(name) ?? '');
      const got = emptyLines(ours.get(name) ?? '');
      let fileMismatches = 0;
      for (const [at, n] of want) {
        expected += n;
        const short = Math.max(0, n - (got.get(at) ?? 0));
        missing += short;
        fileMismatches += short;
      }
      for (const [at, n] of got) {
        const over = Math.max(0, n - (want.get(at) ?? 0));
        extra += over;
        fileMismatches += over;
      }
      if (fileMismatches > 0) mismatched.push(`${name}: ${fileMismatches}`);
    }
    const summary = `${expected} empty lines in pdftotext output, ${missing} missing, ${extra} extra (${mismatched.join(', ') || 'no file differs'})`;
    expect(expected, summary).toBeGreaterThan(0);
    expect((expected - missing) / expected, summary).toBeGreaterThanOrEqual(0.98);
    expect(extra / expected, summary).toBeLessThanOrEqual(0.02);
  });

  it('never throws on the first half of a real letter', async () => {
    const name = names[0] ?? '';
    const bytes = new Uint8Array(readFileSync(path.join(dir, name)));
    const result = await extractPdfText(bytes.subarray(0, bytes.length >> 1));
    if (!result.ok) expect(result.error.code).toMatch(/^IMR_PDF_(INVALID|NO_TEXT)$/);
  });
});
