import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import type { Letter } from '../domain/letter.js';
import { syntheticLetter } from '../synthetic/letter.js';
import { collapse, layoutLetter, lineText } from './layout.js';
import { renderLetterPdf, toWinAnsi } from './render-pdf.js';

interface Extracted {
  pages: string[][];
  info: Record<string, unknown>;
}

/** Text lines per page (items grouped by baseline, top to bottom) and the document info. */
async function extract(pdf: Uint8Array): Promise<Extracted> {
  const doc = await getDocument({ data: pdf.slice(), verbosity: 0, isEvalSupported: false }).promise;
  const pages: string[][] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    const rows = new Map<number, { x: number; s: string }[]>();
    for (const item of content.items) {
      if (!('str' in item) || item.str === '') continue;
      const y = Math.round(item.transform[5] as number);
      const row = rows.get(y) ?? [];
      row.push({ x: item.transform[4] as number, s: item.str });
      rows.set(y, row);
    }
    pages.push(
      [...rows.entries()]
        .sort((a, b) => b[0] - a[0])
        .map(([, row]) =>
          collapse(
            row
              .sort((a, b) => a.x - b.x)
              .map((r) => r.s)
              .join(' '),
          ),
        )
        .filter((s) => s !== ''),
    );
  }
  const meta = await doc.getMetadata();
  await doc.destroy();
  return { pages, info: meta.info as Record<string, unknown> };
}

const layoutText = (l: Letter, linesPerPage?: number) =>
  layoutLetter(l, linesPerPage === undefined ? {} : { linesPerPage }).map((p) =>
    p.lines.map((line) => collapse(lineText(line))).filter((s) => s !== ''),
  );

describe('renderLetterPdf', () => {
  it('writes a PDF with one page per layout page and the same lines', async () => {
    for (const [seed, linesPerPage] of [
      [1, undefined],
      [4, 15],
      [9, undefined],
    ] as const) {
      const l = syntheticLetter(seed);
      const pdf = await renderLetterPdf(l, linesPerPage === undefined ? {} : { linesPerPage });
      expect(pdf).toBeInstanceOf(Uint8Array);
      expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-');
      const { pages } = await extract(pdf);
      expect(pages).toEqual(layoutText(l, linesPerPage));
    }
  });

  it('is deterministic: the same letter gives the same bytes', async () => {
    const l = syntheticLetter(21);
    const a = await renderLetterPdf(l);
    const b = await renderLetterPdf(structuredClone(l));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const other = await renderLetterPdf({ ...l, clinicalSummary: `${l.clinicalSummary} One more.` });
    expect(Buffer.from(a).equals(Buffer.from(other))).toBe(false);
  });

  it('keeps patient data out of the metadata and dates the file by the decision date', async () => {
    const l = syntheticLetter(2);
    const { info } = await extract(await renderLetterPdf(l));
    expect(info.Title).toBe('IMR Final Determination');
    expect(info.Producer).toBe('IMR Desk');
    expect(info.Creator).toBe('IMR Desk');
    expect(String(info.CreationDate)).toBe(`D:${(l.case.decisionDate ?? '').replace(/-/g, '')}000000Z`);
    const values = Object.values(info).map(String).join(' ');
    expect(values).not.toContain(l.case.caseNumber ?? 'x');
    expect(values).not.toContain(String(l.patient.age));
  });

  it('renders a letter without header fields, epoch-dated', async () => {
    const l: Letter = { ...syntheticLetter(8), case: {} };
    const pdf = await renderLetterPdf(l);
    const { pages, info } = await extract(pdf);
    expect(pages).toEqual(layoutText(l));
    expect(String(info.CreationDate)).toBe('D:19700101000000Z');
  });

  it('draws text outside WinAnsi with ASCII stand-ins, keeping the lines', async () => {
    expect(toWinAnsi('dose ≥ 5 µg – “ok” é 中 α')).toBe('dose >= 5 µg – “ok” é ? ?');
    const l: Letter = { ...syntheticLetter(6), clinicalSummary: 'Pain ≥ 7/10 at rest; café worker; 中文.' };
    const { pages } = await extract(await renderLetterPdf(l));
    expect(pages.flat()).toContain('Pain >= 7/10 at rest; café worker; ??.');
  });

  it('squeezes an over-long line instead of letting pdfkit wrap it', async () => {
    const l: Letter = { ...syntheticLetter(12), clinicalSummary: 'W'.repeat(120) };
    const { pages } = await extract(await renderLetterPdf(l));
    expect(pages.flat()).toContain('W'.repeat(120));
    expect(pages).toHaveLength(layoutLetter(l).length);
  });
});
