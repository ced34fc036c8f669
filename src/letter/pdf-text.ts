/**
 * PDF → layout text with pdfjs, on the thread that calls it (the PDF worker's; see pdf-pool.ts). The output imitates `pdftotext -layout` closely enough that
 * one text parser reads both: one line per baseline, columns separated by two or more spaces, an empty
 * line for each paragraph gap, pages joined by a form feed at the start of the next page's first line.
 */
import type { TextContent, TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api.js';
import { type ImrError, imrError } from '../domain/errors.js';
import { err, ok, type Result } from '../domain/result.js';
import { scanPdf } from './pdf-scan.js';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/** Untyped module (no declarations ship with it); imported only for its effect of registering `globalThis.pdfjsWorker`. */
const WORKER_MODULE = 'pdfjs-dist/legacy/build/pdf.worker.mjs';

let pdfjsModule: Promise<PdfJs> | undefined;

/**
 * One pdfjs module for the process: importing it costs far more than reading a letter. The worker
 * module is imported up front so the main-thread ("fake") worker uses it directly.
 */
export function loadPdfJs(): Promise<PdfJs> {
  pdfjsModule ??= importPdfJs().catch((thrown: unknown) => {
    pdfjsModule = undefined;
    throw thrown;
  });
  return pdfjsModule;
}

/**
 * The legacy build's core-js polyfills replace built-ins process-wide on Node 20 (`Array.prototype.push`
 * and `JSON.stringify` with slower JavaScript versions, `JSON.parse` with a wrapper) to cover spec corners
 * pdfjs does not use. Put the originals back so loading the PDF reader slows nothing else down;
 * additions (`Promise.withResolvers`, `Uint8Array.prototype.toHex`, …) stay, pdfjs needs them.
 */
async function importPdfJs(): Promise<PdfJs> {
  const guarded: readonly object[] = [Array.prototype, JSON, Object, Object.prototype, String.prototype];
  const saved = guarded.map((target) => Object.getOwnPropertyDescriptors(target));
  try {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    await import(WORKER_MODULE);
    return pdfjs;
  } finally {
    guarded.forEach((target, i) => {
      for (const [key, before] of Object.entries(saved[i] ?? {})) {
        const now = Object.getOwnPropertyDescriptor(target, key);
        if (now !== undefined && now.value !== before.value && now.configurable === true) {
          Object.defineProperty(target, key, before);
        }
      }
    });
  }
}

/** Items whose baselines differ by at most this much (points) share a line. */
const SAME_LINE_TOLERANCE = 2;
/**
 * A gap wider than this fraction of the font size separates columns rather than words. pdftotext keeps
 * a 0.75 em gap as one space and splits columns at 1.4 em (both occur in real letters).
 */
const COLUMN_GAP = 1;
/** A gap narrower than this fraction of the font size is no gap at all (kerning, split runs). */
const MIN_WORD_GAP = 0.1;
/**
 * Width of one output column as a fraction of the page's mean font size. pdftotext's grid on these
 * letters is about 0.4 em, and a fixed grid keeps a table's columns where they are from letter to letter.
 */
const COLUMN_WIDTH = 0.4;
/** Runs of empty lines are capped, as pdftotext caps them. */
const MAX_NEWLINES = 3;

/** The limits one extraction keeps to (the wall-clock and memory limits are the pool's). */
export interface ExtractLimits {
  /** Documents with more pages are refused (`IMR_PDF_TOO_MANY_PAGES`) before any page is read. */
  readonly maxPages: number;
  /** Total inflated bytes of the file's streams, images aside (see pdf-scan.ts). */
  readonly maxInflatedBytes: number;
  /** Deepest nesting of arrays and dictionaries. */
  readonly maxNesting: number;
  /** Text items one page may produce; past it the page's text stream is canceled. */
  readonly maxPageItems: number;
}

/**
 * Extracts the text of a PDF as layout text, here on this thread: pages joined by `\f`, every line (the
 * last included) ending with `\n`. Returns `IMR_PDF_INVALID` when pdfjs cannot read the file (not a
 * PDF, damaged, encrypted), `IMR_PDF_NO_TEXT` when no page has any text, `IMR_PDF_TOO_MANY_PAGES` and
 * `IMR_PDF_TOO_COMPLEX` past a limit. Never throws; error details never quote the document.
 *
 * Only the PDF worker (pdf-worker.ts) calls this: everything else goes through the pool
 * (`extractPdfText` in pdf-pool.ts), so the event loop never runs pdfjs.
 */
export async function extractPdfTextHere(data: Uint8Array, limits: ExtractLimits): Promise<Result<string, ImrError>> {
  if (data.length === 0) return err(imrError('IMR_PDF_INVALID', undefined, { reason: 'empty' }));
  const scanned = scanPdf(data, limits);
  if (!scanned.ok) {
    return scanned.reason === 'pages'
      ? err(tooManyPages(scanned.pages, limits.maxPages))
      : err(imrError('IMR_PDF_TOO_COMPLEX', undefined, { reason: scanned.reason }));
  }
  let pdfjs: PdfJs;
  try {
    pdfjs = await loadPdfJs();
  } catch {
    return err(imrError('IMR_INTERNAL', 'The PDF reader could not be loaded.'));
  }

  let task: ReturnType<PdfJs['getDocument']>;
  try {
    task = pdfjs.getDocument({
      // pdfjs takes ownership of the bytes and may detach their buffer. `new Uint8Array(…)` always
      // copies; `data.slice()` would not for a Node Buffer, whose `slice` is a view.
      data: new Uint8Array(data),
      verbosity: 0,
      isEvalSupported: false,
      useSystemFonts: false,
      disableFontFace: true,
    });
  } catch (thrown) {
    return err(imrError('IMR_PDF_INVALID', undefined, { reason: failureName(thrown) }));
  }
  let abandoned = false;
  try {
    let doc: Awaited<typeof task.promise>;
    try {
      doc = await task.promise;
    } catch (thrown) {
      return err(imrError('IMR_PDF_INVALID', undefined, { reason: failureName(thrown) }));
    }
    if (doc.numPages > limits.maxPages) return err(tooManyPages(doc.numPages, limits.maxPages));
    const pages: string[] = [];
    let hasText = false;
    for (let n = 1; n <= doc.numPages; n++) {
      let items: (TextItem | TextMarkedContent)[];
      try {
        const page = await doc.getPage(n);
        const read = await pageItems(page, limits.maxPageItems);
        page.cleanup();
        if (read === 'too-many') {
          abandoned = true;
          return err(imrError('IMR_PDF_TOO_COMPLEX', undefined, { reason: 'page-items', page: n }));
        }
        items = read;
      } catch (thrown) {
        return err(imrError('IMR_PDF_INVALID', undefined, { reason: failureName(thrown), page: n }));
      }
      const text = layoutPage(items);
      if (text.length > 0) hasText = true;
      pages.push(text);
    }
    if (!hasText) return err(imrError('IMR_PDF_NO_TEXT', undefined, { pages: doc.numPages }));
    return ok(pdfjs.normalizeUnicode(pages.join('\f')));
  } catch (thrown) {
    return err(imrError('IMR_INTERNAL', undefined, { reason: failureName(thrown) }));
  } finally {
    // A document given up mid-page is not waited for: its worker is replaced (see pdf-worker.ts).
    const destroyed = task.destroy().catch(() => undefined);
    if (!abandoned) await destroyed;
  }
}

function tooManyPages(pages: number, maxPages: number): ImrError {
  return imrError('IMR_PDF_TOO_MANY_PAGES', `The PDF has ${pages} pages; the limit is ${maxPages}.`, {
    pages,
    maxPages,
  });
}

type PdfPage = Awaited<ReturnType<Awaited<ReturnType<PdfJs['getDocument']>['promise']>['getPage']>>;

/**
 * A page's text items, read as a stream so that a page drawing text without end is cut off at
 * `max` items (its stream canceled) instead of being collected whole first.
 */
async function pageItems(page: PdfPage, max: number): Promise<(TextItem | TextMarkedContent)[] | 'too-many'> {
  // Normalized once over the whole text: cheaper than pdfjs doing it item by item.
  const reader = page.streamTextContent({ disableNormalization: true }).getReader() as ReadableStreamDefaultReader<
    Pick<TextContent, 'items'>
  >;
  const items: (TextItem | TextMarkedContent)[] = [];
  for (;;) {
    const chunk = await reader.read();
    if (chunk.done) return items;
    for (const item of chunk.value.items) items.push(item);
    if (items.length > max) {
      // Not awaited: pdfjs answers a cancel only between chunks, and may be long in one.
      reader.cancel().catch(() => undefined);
      return 'too-many';
    }
  }
}

/** The class name of a pdfjs failure (e.g. `InvalidPDFException`); never its message, which may quote the file. */
function failureName(thrown: unknown): string {
  return thrown instanceof Error ? thrown.name : 'unknown';
}

/**
 * A text run placed on the page. Whitespace-only items (pdfjs's explicit spaces, empty end-of-line markers)
 * are dropped: the gap they span is measured between the runs around them.
 */
interface Run {
  readonly str: string;
  readonly x: number;
  readonly y: number;
  readonly end: number;
  readonly size: number;
  /** Order in the content stream: breaks ties so equal positions keep their drawing order. */
  readonly seq: number;
}

function isTextItem(item: TextItem | TextMarkedContent): item is TextItem {
  return (item as TextItem).str !== undefined;
}

const WHITESPACE_ONLY = /^\s*$/;

/** Lays out one page; returns '' for a page without text, else its lines each ending with `\n`. */
function layoutPage(items: readonly (TextItem | TextMarkedContent)[]): string {
  const runs: Run[] = [];
  let sizeSum = 0;
  let charCount = 0;
  let left = Number.POSITIVE_INFINITY;
  for (const item of items) {
    if (!isTextItem(item) || WHITESPACE_ONLY.test(item.str)) continue;
    const t = item.transform as number[];
    const x = t[4] ?? 0;
    const y = t[5] ?? 0;
    const size = item.height > 0 ? item.height : Math.hypot(t[2] ?? 0, t[3] ?? 0);
    runs.push({ str: item.str, x, y, end: x + item.width, size, seq: runs.length });
    sizeSum += size * item.str.length;
    charCount += item.str.length;
    if (x < left) left = x;
  }
  if (runs.length === 0) return '';

  // Top of the page first; within a band of baselines, left to right.
  runs.sort((a, b) => b.y - a.y || a.seq - b.seq);
  const charWidth = sizeSum > 0 ? (COLUMN_WIDTH * sizeSum) / charCount : 5;

  let out = '';
  let lineStart = 0;
  let prevY = 0;
  let prevSize = 0;
  while (lineStart < runs.length) {
    const top = runs[lineStart] as Run;
    let lineEnd = lineStart + 1;
    while (lineEnd < runs.length && top.y - (runs[lineEnd] as Run).y <= SAME_LINE_TOLERANCE) lineEnd++;
    const line = runs.slice(lineStart, lineEnd).sort((a, b) => a.x - b.x || a.seq - b.seq);
    let size = 0;
    for (const run of line) if (run.size > size) size = run.size;
    if (size <= 0) size = 10;

    if (out.length > 0) out += '\n'.repeat(newlinesBetween(prevY - top.y, prevSize));
    out += renderLine(line, left, charWidth, size);
    prevY = top.y;
    prevSize = size;
    lineStart = lineEnd;
  }
  return `${out}\n`;
}

/** pdftotext: one newline per font size of baseline distance, at least one. */
function newlinesBetween(dy: number, size: number): number {
  const n = Math.floor(dy / size);
  return Math.max(1, Math.min(n, MAX_NEWLINES));
}

function renderLine(line: readonly Run[], left: number, charWidth: number, size: number): string {
  const first = line[0] as Run;
  const indent = Math.round((first.x - left) / charWidth);
  let text = indent >= 2 ? ' '.repeat(indent) + first.str : first.str;
  let end = first.end;
  for (let i = 1; i < line.length; i++) {
    const run = line[i] as Run;
    const gap = run.x - end;
    if (gap > COLUMN_GAP * size) {
      const col = Math.round((run.x - left) / charWidth);
      const used = text.trimEnd().length;
      text = text.slice(0, used) + ' '.repeat(Math.max(2, col - used)) + run.str.trimStart();
    } else if (gap > MIN_WORD_GAP * size && !/\s$/.test(text) && !/^\s/.test(run.str)) {
      text += ` ${run.str}`;
    } else {
      text += run.str;
    }
    if (run.end > end) end = run.end;
  }
  return text.trimEnd();
}
