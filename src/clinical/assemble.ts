/**
 * Joins a case's clinical summary and documents into the one text the reader reads, knowing who wrote
 * each part, and counting each passage once: a report uploaded twice (as PDF text and as typed text), or
 * a passage copied forward from one report into the next, is read at its first clinical occurrence only.
 */

import type { SourceSpan } from './document.js';
import { documentSource, isClinicalSource } from './sources.js';
import type { FactSource } from './types.js';

export interface RecordDocument {
  readonly title?: string | undefined;
  readonly date?: string | undefined;
  readonly text: string;
}

export interface RecordPart extends SourceSpan {
  /** -1 for the clinical summary, else the document's index in the input. */
  readonly document: number;
  readonly title?: string;
  readonly date?: string;
  /** Passages of this part left out as repeats of earlier ones. */
  readonly repeatsDropped: number;
}

export interface AssembledRecord {
  /** Summary and documents joined by blank lines, repeats left out. */
  readonly text: string;
  /** Where each part lies in `text`, in input order (a part with nothing left is absent). */
  readonly parts: readonly RecordPart[];
  /** Documents left out whole: every passage of theirs was read already. */
  readonly duplicates: readonly { readonly document: number; readonly duplicateOf: number }[];
  /**
   * Where each stretch of `text` came from in the caller's text — the summary and every document joined
   * by blank lines, nothing left out — so offsets found in `text` can be given back in the caller's terms.
   */
  readonly origins: readonly { readonly at: number; readonly from: number; readonly length: number }[];
}

/** An offset into an assembled record's text, as an offset into the caller's text (see `origins`). */
export function originalOffset(record: Pick<AssembledRecord, 'origins'>, offset: number): number {
  let lo = 0;
  let hi = record.origins.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((record.origins[mid]?.at ?? 0) <= offset) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const o = record.origins[best];
  return o === undefined ? offset : o.from + Math.min(offset - o.at, o.length);
}

const SEPARATOR = '\n\n';
/** A passage's key shorter than this (letters and digits) is kept even when repeated: a header, a date, "Plan:". */
const MIN_KEY = 24;
interface Passage {
  readonly start: number;
  readonly end: number;
  readonly key: string;
}

/** Letters and digits only, lower case: line wraps, hyphenation, spacing and punctuation do not matter. */
function keyOf(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 160;
}

/**
 * Passages of a text with their keys: a passage ends after '.', '!' or '?' followed by white space, or at
 * a blank line. A single line break does not end one (PDF text wraps lines inside sentences).
 */
function passagesOf(text: string): Passage[] {
  const out: Passage[] = [];
  let from = 0;
  const cut = (end: number): void => {
    if (end > from) out.push({ start: from, end, key: keyOf(text.slice(from, end)) });
    from = end;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c === 46 || c === 33 || c === 63) && (i + 1 === text.length || isSpace(text.charCodeAt(i + 1)))) cut(i + 1);
    else if (c === 10) {
      let j = i + 1;
      while (j < text.length && isSpace(text.charCodeAt(j)) && text.charCodeAt(j) !== 10) j++;
      if (j < text.length && text.charCodeAt(j) === 10) cut(j + 1);
    }
  }
  cut(text.length);
  return out;
}

interface Input {
  readonly document: number;
  readonly text: string;
  readonly source: FactSource;
  readonly title?: string | undefined;
  readonly date?: string | undefined;
}

/**
 * The summary and documents as one text with each part's source. Repeated passages (same letters and
 * digits) are kept once: at their first occurrence in a clinical part, or failing that their first
 * occurrence anywhere, so a UR decision quoting a report never displaces the report itself.
 */
export function assembleRecord(
  summary: string | undefined,
  documents: readonly RecordDocument[] = [],
): AssembledRecord {
  const inputs: Input[] = [];
  // Where each part starts in the caller's text: summary and documents joined by blank lines.
  const callerStart: number[] = [];
  let callerAt = 0;
  if (summary !== undefined) {
    if (summary.trim() !== '') {
      inputs.push({ document: -1, text: summary, source: 'imr-summary' });
      callerStart.push(0);
    }
    callerAt = summary.length + SEPARATOR.length;
  }
  documents.forEach((d, k) => {
    if (d.text.trim() !== '') {
      inputs.push({ document: k, text: d.text, source: documentSource(d), title: d.title, date: d.date });
      callerStart.push(callerAt);
    }
    callerAt += d.text.length + SEPARATOR.length;
  });
  const passages = inputs.map((x) => passagesOf(x.text));
  // first reader of each key: clinical parts first, then the rest, each in input order
  const order = inputs.map((_, k) => k);
  order.sort(
    (a, b) =>
      Number(!isClinicalSource(inputs[a]?.source ?? 'medical-record')) -
        Number(!isClinicalSource(inputs[b]?.source ?? 'medical-record')) || a - b,
  );
  const owner = new Map<string, number>();
  const keep: boolean[][] = inputs.map((_, k) => (passages[k] ?? []).map(() => true));
  const firstDuplicateOf: (number | undefined)[] = inputs.map(() => undefined);
  for (const k of order) {
    (passages[k] ?? []).forEach((p, j) => {
      if (p.key.length < MIN_KEY) return;
      const first = owner.get(p.key);
      if (first === undefined) owner.set(p.key, k);
      else {
        (keep[k] as boolean[])[j] = false;
        firstDuplicateOf[k] ??= first;
      }
    });
  }
  const pieces: string[] = [];
  const parts: RecordPart[] = [];
  const duplicates: { document: number; duplicateOf: number }[] = [];
  const origins: { at: number; from: number; length: number }[] = [];
  let at = 0;
  inputs.forEach((x, k) => {
    const ps = passages[k] ?? [];
    const kept = keep[k] ?? [];
    const substantial = ps.some((p, j) => kept[j] === true && p.key.length >= MIN_KEY);
    const dropped = kept.filter((v) => !v).length;
    if (!substantial && dropped > 0) {
      const of = firstDuplicateOf[k];
      duplicates.push({ document: x.document, duplicateOf: of === undefined ? -1 : (inputs[of]?.document ?? -1) });
      return;
    }
    const text =
      dropped === 0
        ? x.text
        : ps
            .filter((_, j) => kept[j])
            .map((p) => x.text.slice(p.start, p.end))
            .join('');
    if (text.trim() === '') return;
    if (pieces.length > 0) {
      pieces.push(SEPARATOR);
      at += SEPARATOR.length;
    }
    const base = callerStart[k] ?? 0;
    if (dropped === 0) origins.push({ at, from: base, length: text.length });
    else {
      let p = at;
      ps.forEach((passage, j) => {
        if (!kept[j]) return;
        origins.push({ at: p, from: base + passage.start, length: passage.end - passage.start });
        p += passage.end - passage.start;
      });
    }
    const part: RecordPart = {
      start: at,
      end: at + text.length,
      source: x.source,
      document: x.document,
      repeatsDropped: dropped,
      ...(x.title === undefined ? {} : { title: x.title }),
      ...(x.date === undefined ? {} : { date: x.date }),
    };
    pieces.push(text);
    parts.push(part);
    at += text.length;
  });
  return { text: pieces.join(''), parts, duplicates, origins };
}
