/**
 * A scanned record, made by our own code at test time (no file is committed): synthetic text is set
 * in a PDF by pdfkit, each page is rasterized by poppler's `pdftoppm` (as a fax or scanner would
 * turn paper into pixels), and the pictures become the pages of a new PDF with no text layer at all.
 * Optionally a page keeps a real text layer, to make a mixed document.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import PDFDocument from 'pdfkit';

const run = promisify(execFile);

function pdfOf(draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'LETTER',
      margin: 72,
      autoFirstPage: false,
      info: { Producer: 'IMR Desk tests' },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    draw(doc);
    doc.end();
  });
}

export interface ScannedPage {
  readonly lines: readonly string[];
  /** Keep this page as text (a mixed document); by default it becomes a picture. */
  readonly textLayer?: boolean;
}

/** A PDF whose pages are pictures of the given lines (unless a page asks to keep its text layer). */
export async function scannedPdf(pages: readonly ScannedPage[], dpi = 150): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'imr-scan-'));
  try {
    const source = await pdfOf((doc) => {
      for (const p of pages) {
        doc.addPage();
        doc.font('Helvetica').fontSize(16);
        for (const line of p.lines) doc.text(line, { lineGap: 8 });
      }
    });
    await writeFile(join(dir, 'source.pdf'), source);
    const images: Buffer[] = [];
    for (let n = 1; n <= pages.length; n++) {
      const out = join(dir, `page-${n}`);
      await run('pdftoppm', [
        '-f',
        String(n),
        '-l',
        String(n),
        '-singlefile',
        '-gray',
        '-png',
        '-r',
        String(dpi),
        join(dir, 'source.pdf'),
        out,
      ]);
      images.push(await readFile(`${out}.png`));
    }
    return await pdfOf((doc) => {
      pages.forEach((p, i) => {
        doc.addPage({ size: 'LETTER', margin: 0 });
        if (p.textLayer === true) {
          doc.font('Helvetica').fontSize(16);
          doc.text(p.lines.join('\n'), 72, 72, { lineGap: 8 });
        } else doc.image(images[i] as Buffer, 0, 0, { width: 612, height: 792 });
      });
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
