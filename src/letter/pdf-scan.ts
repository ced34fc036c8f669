/**
 * A cheap look at a PDF's bytes before pdfjs reads it, for the two costs pdfjs has no limit on:
 *
 * - inflated size: a deflated stream of a megabyte can inflate to a gigabyte (a "flate bomb"), held
 *   in memory outside the JavaScript heap, where the worker's heap limit does not reach. Every
 *   FlateDecode stream that text extraction may decode (all but images) is inflated here, once, with
 *   zlib's `maxOutputLength`, against one budget for the whole file; stacked FlateDecode filters are
 *   inflated layer by layer against the same budget.
 * - nesting: arrays and dictionaries nested thousands deep, in the object syntax or in a content
 *   stream. Letters nest a handful deep.
 * - pages: pdfjs reads the whole cross-reference table before it tells the page count; page objects
 *   counted here refuse a 20,000-page file at once.
 *
 * The scan finds streams by their `stream`/`endstream` keywords, not through the cross-reference
 * table, so it sees the streams a damaged file's reader would find too. It can be fooled (a content
 * stream labeled as an image is not inflated here): the worker's time and memory limits are the
 * backstop. It runs in the PDF worker, never on the event loop.
 */
import { inflateSync } from 'node:zlib';

export interface ScanLimits {
  /** Total bytes all inflated streams (images aside) may come to. */
  readonly maxInflatedBytes: number;
  /** Deepest nesting of arrays and dictionaries allowed. */
  readonly maxNesting: number;
  /** Page objects allowed (counted where the scan can read them: not in encrypted object streams). */
  readonly maxPages: number;
}

export type ScanVerdict =
  | { readonly ok: true; readonly inflatedBytes: number; readonly streams: number }
  | { readonly ok: false; readonly reason: 'inflated-size' | 'nesting' }
  | { readonly ok: false; readonly reason: 'pages'; readonly pages: number };

const STREAM = Buffer.from('stream');
const END_STREAM = Buffer.from('endstream');
/** How far before `stream` a stream's dictionary is looked for. */
const DICT_WINDOW = 4096;

/** A page object's type entry (not `/Pages`). */
const PAGE_TYPE = /\/Type\s*\/Page(?![A-Za-z0-9])/g;

const FLATE = /\/(?:FlateDecode|Fl)(?![A-Za-z0-9])/g;
/** Decoded only to draw, never to read text. */
const IMAGE = /\/Subtype\s*\/Image\b/;
/** Binary contents: font programs, ICC profiles, cross-reference streams, embedded files, metadata. */
const BINARY_OR_OPAQUE =
  /\/Length[123]\b|\/Subtype\s*\/(?:Type1C|CIDFontType0C|OpenType)\b|\/Alternate\b|\/Type\s*\/(?:XRef|EmbeddedFile|Metadata)\b/;

/** Scans a PDF; never throws. */
export function scanPdf(bytes: Uint8Array, limits: ScanLimits): ScanVerdict {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let budget = limits.maxInflatedBytes;
  let streams = 0;
  let pages = 0;
  const countPages = (text: string): boolean => {
    pages += text.match(PAGE_TYPE)?.length ?? 0;
    return pages > limits.maxPages;
  };
  let pos = 0;
  while (pos < buf.length) {
    const keyword = findStreamKeyword(buf, pos);
    const syntaxEnd = keyword < 0 ? buf.length : keyword;
    if (nestingExceeds(buf, pos, syntaxEnd, limits.maxNesting)) return { ok: false, reason: 'nesting' };
    if (countPages(buf.toString('latin1', pos, syntaxEnd))) return { ok: false, reason: 'pages', pages };
    if (keyword < 0) break;

    let dataStart = keyword + STREAM.length;
    if (buf[dataStart] === 0x0d) dataStart++;
    if (buf[dataStart] === 0x0a) dataStart++;
    const end = buf.indexOf(END_STREAM, dataStart);
    const dataEnd = end < 0 ? buf.length : end;
    pos = end < 0 ? buf.length : end + END_STREAM.length;
    streams++;

    const dict = dictionaryBefore(buf, keyword);
    if (IMAGE.test(dict)) continue;
    const flateLayers = dict.match(FLATE)?.length ?? 0;
    let data: Buffer = buf.subarray(dataStart, dataEnd);
    let readable = true;
    for (let layer = 0; layer < flateLayers && readable; layer++) {
      const inflated = inflate(data, budget);
      if (inflated === 'too-large') return { ok: false, reason: 'inflated-size' };
      if (inflated === undefined) readable = false;
      else {
        budget -= inflated.length;
        data = inflated;
      }
    }
    if (readable && !BINARY_OR_OPAQUE.test(dict)) {
      if (nestingExceeds(data, 0, data.length, limits.maxNesting)) return { ok: false, reason: 'nesting' };
      // Page objects packed in an object stream.
      if (/\/Type\s*\/ObjStm\b/.test(dict) && countPages(data.toString('latin1'))) {
        return { ok: false, reason: 'pages', pages };
      }
    }
  }
  return { ok: true, inflatedBytes: limits.maxInflatedBytes - budget, streams };
}

/** The next `stream` keyword at or after `from` that opens stream data (not the tail of `endstream`). */
function findStreamKeyword(buf: Buffer, from: number): number {
  let at = buf.indexOf(STREAM, from);
  while (at >= 0) {
    const before = at >= 3 ? buf.toString('latin1', at - 3, at) : '';
    const next = buf[at + STREAM.length];
    if (before !== 'end' && (next === 0x0a || next === 0x0d)) return at;
    at = buf.indexOf(STREAM, at + STREAM.length);
  }
  return -1;
}

/** The text from the last `obj` keyword (or a window) before a stream keyword: the stream's dictionary. */
function dictionaryBefore(buf: Buffer, keyword: number): string {
  const text = buf.toString('latin1', Math.max(0, keyword - DICT_WINDOW), keyword);
  const obj = text.lastIndexOf(' obj');
  return obj < 0 ? text : text.slice(obj);
}

/** Inflated bytes; 'too-large' past the budget; undefined when the data does not inflate (pdfjs will say). */
function inflate(data: Buffer, budget: number): Buffer | 'too-large' | undefined {
  if (budget <= 0) return data.length === 0 ? Buffer.alloc(0) : 'too-large';
  try {
    return inflateSync(data, { maxOutputLength: budget });
  } catch (thrown) {
    const code = (thrown as { code?: unknown }).code;
    return code === 'ERR_BUFFER_TOO_LARGE' ? 'too-large' : undefined;
  }
}

const OPEN_PAREN = 0x28;
const CLOSE_PAREN = 0x29;
const BACKSLASH = 0x5c;
const PERCENT = 0x25;
const LT = 0x3c;
const GT = 0x3e;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

function isWhite(c: number | undefined): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;
}

/**
 * Whether arrays and dictionaries in `buf[start, end)` nest deeper than `max`. Literal strings (with
 * their escapes and balanced parentheses), hex strings, comments and inline image data are skipped.
 */
export function nestingExceeds(buf: Uint8Array, start: number, end: number, max: number): boolean {
  let depth = 0;
  let i = start;
  while (i < end) {
    const c = buf[i] as number;
    if (c === OPEN_PAREN) {
      let parens = 1;
      i++;
      while (i < end && parens > 0) {
        const s = buf[i] as number;
        if (s === BACKSLASH) i++;
        else if (s === OPEN_PAREN) parens++;
        else if (s === CLOSE_PAREN) parens--;
        i++;
      }
      continue;
    }
    if (c === PERCENT) {
      while (i < end && buf[i] !== 0x0a && buf[i] !== 0x0d) i++;
      continue;
    }
    if (c === LT) {
      if (buf[i + 1] === LT) {
        if (++depth > max) return true;
        i += 2;
        continue;
      }
      while (i < end && buf[i] !== GT) i++;
      i++;
      continue;
    }
    if (c === GT && buf[i + 1] === GT) {
      if (depth > 0) depth--;
      i += 2;
      continue;
    }
    if (c === OPEN_BRACKET) {
      if (++depth > max) return true;
    } else if (c === CLOSE_BRACKET) {
      if (depth > 0) depth--;
    } else if (c === 0x49 && buf[i + 1] === 0x44 && isWhite(buf[i - 1]) && isWhite(buf[i + 2])) {
      // `ID`: inline image data up to the next whitespace-delimited `EI`.
      i += 3;
      while (i < end && !(buf[i] === 0x45 && buf[i + 1] === 0x49 && isWhite(buf[i - 1]) && isWhite(buf[i + 2]))) i++;
      i += 2;
      continue;
    }
    i++;
  }
  return false;
}
