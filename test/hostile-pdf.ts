/**
 * Hostile PDFs, made by our own code (no file is committed): small files that cost a PDF reader far
 * more than their size — deep nesting, long runs of text operators, a flate bomb, a huge page count.
 * Each is a well-formed PDF (correct cross-reference table) so a reader has every reason to go on.
 * Used by the limit tests (src/letter/pdf-pool.test.ts) and the hostile benchmark (bench/suites/hostile.ts).
 */
import { deflateSync } from 'node:zlib';

const ascii = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Object bodies (numbered from 1, object 1 the catalog) assembled into a PDF with a correct xref table. */
export function assemblePdf(objects: readonly (string | Uint8Array)[]): Uint8Array {
  const parts: Uint8Array[] = [ascii('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')];
  let length = parts[0]?.length ?? 0;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(length);
    for (const part of [
      ascii(`${i + 1} 0 obj\n`),
      typeof body === 'string' ? ascii(body) : body,
      ascii('\nendobj\n'),
    ]) {
      parts.push(part);
      length += part.length;
    }
  });
  const xref = [
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`,
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`),
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`,
  ].join('');
  parts.push(ascii(xref));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A stream object: the dictionary entries, then the data (deflated when `flate`). */
function streamObject(data: Uint8Array, flate: boolean, extra = ''): Uint8Array {
  const body = flate ? deflateSync(data, { level: 9 }) : data;
  const head = ascii(`<< /Length ${body.length}${flate ? ' /Filter /FlateDecode' : ''}${extra} >>\nstream\n`);
  const tail = ascii('\nendstream');
  const out = new Uint8Array(head.length + body.length + tail.length);
  out.set(head, 0);
  out.set(body, head.length);
  out.set(tail, head.length + body.length);
  return out;
}

const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';

/** One page whose content stream is `content`; objects: catalog, pages, page, content, font. */
function onePage(content: Uint8Array, flate: boolean): Uint8Array {
  return assemblePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    streamObject(content, flate),
    FONT,
  ]);
}

/**
 * Arrays nested `depth` deep as an operand in the page's content stream (`[[[…]]] TJ`), written
 * out plainly: about 2 bytes a level. pdfjs's parser is quadratic in the depth.
 */
export function nestedArraysPdf(depth: number): Uint8Array {
  const content = `BT /F1 12 Tf 72 700 Td ${'['.repeat(depth)}${']'.repeat(depth)} TJ (nested) Tj ET`;
  return onePage(ascii(content), false);
}

/**
 * One page of `runs` text-show operators, each a one-letter string moved a little from the last so no
 * two merge: every operator is a text item of its own. Deflated, so the file stays small.
 */
export function textOperatorsPdf(runs: number): Uint8Array {
  const ops: string[] = ['BT /F1 10 Tf 300 400 Td'];
  for (let i = 0; i < runs; i++) ops.push(`${i % 2 === 0 ? 40 : -40} ${i % 4 < 2 ? 12 : -12} Td (w${i % 10}) Tj`);
  ops.push('ET');
  return onePage(ascii(ops.join('\n')), true);
}

/**
 * A page whose deflated content stream inflates to `inflatedMb` megabytes (10^6 bytes) of spaces, with
 * a line of text at the start: about 1 KB of file per MB inflated.
 */
export function flateBombPdf(inflatedMb: number): Uint8Array {
  const size = Math.round(inflatedMb * 1e6);
  const content = new Uint8Array(size).fill(0x20);
  content.set(ascii('BT /F1 12 Tf 72 700 Td (bomb) Tj ET\n'), 0);
  return onePage(content, true);
}

/** `pages` pages sharing one tiny content stream and one font: about 60 bytes a page. */
export function manyPagesPdf(pages: number): Uint8Array {
  const first = 5;
  const kids = Array.from({ length: pages }, (_, i) => `${first + i} 0 R`).join(' ');
  return assemblePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`,
    streamObject(ascii('BT /F1 12 Tf 72 700 Td (page) Tj ET'), false),
    FONT,
    ...Array.from(
      { length: pages },
      () =>
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R /Resources << /Font << /F1 4 0 R >> >> >>',
    ),
  ]);
}

/** A plain one-page PDF with a line of text: the control case, read normally. */
export function plainPdf(text = 'Nothing hostile here.'): Uint8Array {
  return onePage(ascii(`BT /F1 12 Tf 72 700 Td (${text}) Tj ET`), false);
}

/**
 * A plain one-page PDF grown to about `bytes` by an unreferenced stream of spaces: as big as a hostile
 * file but harmless, the control for what the size of an upload costs by itself.
 */
export function paddedPdf(bytes: number, text = 'A large but harmless file.'): Uint8Array {
  const content = ascii(`BT /F1 12 Tf 72 700 Td (${text}) Tj ET`);
  return assemblePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    streamObject(content, false),
    FONT,
    streamObject(new Uint8Array(Math.max(0, bytes - 700)).fill(0x20), false),
  ]);
}
