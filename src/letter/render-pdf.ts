import PDFDocument from 'pdfkit';
import type { Letter } from '../domain/letter.js';
import {
  DEFAULT_LINES_PER_PAGE,
  type HeaderColumn,
  type LayoutLine,
  type LayoutOptions,
  type LayoutPage,
  layoutLetter,
} from './layout.js';

/** Page geometry of the rendered PDF, in points. */
export const PDF_GEOMETRY = {
  /** US Letter. */
  pageWidth: 612,
  pageHeight: 792,
  margin: 72,
  fontSize: 11,
  /** Largest line pitch; 50 lines fill the 648pt text area at 12.96pt. */
  maxLeading: 13.2,
  /** x of the header table columns: first label, first value, second label, second value. */
  headerColumnX: { 0: 72, 1: 179.4, 2: 328.9, 3: 426.8 } as Readonly<Record<HeaderColumn, number>>,
} as const;

const FONT_REGULAR = 'Times-Roman';
const FONT_BOLD = 'Times-Bold';

export interface PdfRenderOptions extends LayoutOptions {
  /** Draw the thin grid around the header table, as the real letters have (default true). */
  readonly headerGrid?: boolean;
}

/** Characters outside Latin-1 that WinAnsi (the standard PDF fonts' encoding) still has. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const ASCII_FALLBACK: Readonly<Record<string, string>> = {
  '≥': '>=',
  '≤': '<=',
  '≠': '!=',
  '≈': '~',
  '→': '->',
  '←': '<-',
  '−': '-',
  '‐': '-',
  '‑': '-',
  '‒': '-',
  '―': '-',
  '′': "'",
  '″': '"',
  '⁄': '/',
  '∙': '·',
};

function isWinAnsi(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  return (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xff) || WIN_ANSI_EXTRA.has(ch);
}

/**
 * Make text drawable with the standard (non-embedded) fonts, which only have WinAnsi glyphs:
 * known symbols get an ASCII spelling, accented letters lose their accent, the rest becomes '?'.
 */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const ch of text) {
    if (isWinAnsi(ch)) out += ch;
    else if (ASCII_FALLBACK[ch] !== undefined) out += ASCII_FALLBACK[ch];
    else {
      const base = ch.normalize('NFKD').replace(/\p{M}/gu, '');
      out += base !== '' && [...base].every(isWinAnsi) ? base : '?';
    }
  }
  return out;
}

interface Run {
  readonly text: string;
  readonly font: string;
}

/** pdfkit's text options plus `horizontalScaling`, which pdfkit supports but its types omit. */
type DrawOptions = PDFKit.Mixins.TextOptions & { horizontalScaling?: number };

/** Draw runs side by side from x; squeeze them horizontally if together they are wider than maxWidth. */
function drawRuns(doc: PDFKit.PDFDocument, runs: readonly Run[], x: number, y: number, maxWidth: number): void {
  const size = PDF_GEOMETRY.fontSize;
  const widths = runs.map((r) => doc.font(r.font).fontSize(size).widthOfString(r.text));
  const total = widths.reduce((a, b) => a + b, 0);
  const scale = total > maxWidth ? Math.floor((maxWidth / total) * 1000) / 10 : 100;
  let cx = x;
  runs.forEach((r, i) => {
    if (r.text !== '') {
      const options: DrawOptions = { lineBreak: false, horizontalScaling: scale };
      doc.font(r.font).fontSize(size).text(r.text, cx, y, options);
    }
    cx += ((widths[i] ?? 0) * scale) / 100;
  });
}

function lineRuns(line: LayoutLine): Run[] {
  const text = toWinAnsi(line.text);
  if (line.style === 'heading') return [{ text, font: FONT_BOLD }];
  const bold = line.boldPrefixLength ?? 0;
  if (bold <= 0) return [{ text, font: FONT_REGULAR }];
  // The prefix length counts characters of the original text; transliteration can only lengthen runs.
  return [
    { text: toWinAnsi(line.text.slice(0, bold)), font: FONT_BOLD },
    { text: toWinAnsi(line.text.slice(bold)), font: FONT_REGULAR },
  ];
}

function drawHeaderLine(doc: PDFKit.PDFDocument, line: LayoutLine, y: number): void {
  const xs = PDF_GEOMETRY.headerColumnX;
  const right = PDF_GEOMETRY.pageWidth - PDF_GEOMETRY.margin;
  for (const cell of line.cells ?? []) {
    const x = xs[cell.column];
    const next = cell.column < 3 ? xs[(cell.column + 1) as HeaderColumn] : right;
    drawRuns(doc, [{ text: toWinAnsi(cell.text), font: cell.bold ? FONT_BOLD : FONT_REGULAR }], x, y, next - x - 4);
  }
}

/** Thin grid around the header table rows (lines carry their row number). */
function drawHeaderGrid(doc: PDFKit.PDFDocument, rows: ReadonlyMap<number, { top: number; bottom: number }>): void {
  if (rows.size === 0) return;
  const xs = PDF_GEOMETRY.headerColumnX;
  const left = xs[0] - 3;
  const right = PDF_GEOMETRY.pageWidth - PDF_GEOMETRY.margin + 3;
  const bounds = [...rows.values()].sort((a, b) => a.top - b.top);
  const top = bounds[0]?.top ?? 0;
  const bottom = bounds[bounds.length - 1]?.bottom ?? 0;
  doc.save().lineWidth(0.5).strokeColor('#555555');
  doc.rect(left, top, right - left, bottom - top).stroke();
  for (const b of bounds.slice(1)) doc.moveTo(left, b.top).lineTo(right, b.top).stroke();
  for (const c of [1, 2, 3] as const) {
    const x = xs[c] - 3;
    doc.moveTo(x, top).lineTo(x, bottom).stroke();
  }
  doc.restore();
}

/** A fixed creation date keeps the output byte-identical for the same letter. */
function creationDate(letter: Letter | undefined): Date {
  const d = letter?.case.decisionDate;
  const date = d === undefined ? new Date(0) : new Date(`${d}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? new Date(0) : date;
}

/** Draw laid-out pages into a PDF (one PDF page per layout page). */
export function renderPagesPdf(
  pages: readonly LayoutPage[],
  opts: PdfRenderOptions & { creationDate?: Date } = {},
): Promise<Uint8Array> {
  const g = PDF_GEOMETRY;
  const linesPerPage = Math.max(5, Math.floor(opts.linesPerPage ?? DEFAULT_LINES_PER_PAGE));
  const leading = Math.min(g.maxLeading, (g.pageHeight - 2 * g.margin) / linesPerPage);
  const textWidth = g.pageWidth - 2 * g.margin;
  const doc = new PDFDocument({
    autoFirstPage: false,
    compress: true,
    info: {
      Title: 'IMR Final Determination',
      Producer: 'IMR Desk',
      Creator: 'IMR Desk',
      CreationDate: opts.creationDate ?? new Date(0),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });

  for (const page of pages.length > 0 ? pages : [{ lines: [] }]) {
    doc.addPage({ size: 'LETTER', margins: { top: g.margin, bottom: g.margin, left: g.margin, right: g.margin } });
    const rows = new Map<number, { top: number; bottom: number }>();
    page.lines.forEach((line, i) => {
      const y = g.margin + i * leading;
      if (line.style === 'header') {
        drawHeaderLine(doc, line, y);
        if (opts.headerGrid !== false && line.headerRow !== undefined) {
          const row = rows.get(line.headerRow);
          rows.set(line.headerRow, { top: row?.top ?? y - 2, bottom: y + leading - 2 });
        }
        return;
      }
      if (line.text.trim() === '') return;
      if (line.style === 'heading' || line.style === 'centered') {
        const text = toWinAnsi(line.text);
        const font = line.style === 'heading' ? FONT_BOLD : FONT_REGULAR;
        const w = doc.font(font).fontSize(g.fontSize).widthOfString(text);
        drawRuns(doc, [{ text, font }], g.margin + Math.max(0, (textWidth - w) / 2), y, textWidth);
        return;
      }
      const indent = (line.indent ?? 0) * doc.font(FONT_REGULAR).fontSize(g.fontSize).widthOfString(' ');
      drawRuns(doc, lineRuns(line), g.margin + indent, y, textWidth - indent);
    });
    drawHeaderGrid(doc, rows);
  }
  doc.end();
  return done;
}

/**
 * Render a letter as a PDF in the public layout: US Letter, 1in margins, Times 11pt, one PDF page
 * per layout page, every line drawn at a fixed position (pdfkit never re-wraps). Deterministic:
 * the same letter gives the same bytes (creation date = decision date, or the epoch).
 * Metadata holds no patient data: Title "IMR Final Determination", Producer/Creator "IMR Desk".
 */
export function renderLetterPdf(letter: Letter, opts: PdfRenderOptions = {}): Promise<Uint8Array> {
  return renderPagesPdf(layoutLetter(letter, opts), { ...opts, creationDate: creationDate(letter) });
}
