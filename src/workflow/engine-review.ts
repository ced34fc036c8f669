import type { Case, DocumentKind } from '../domain/case.js';
import { localDateOf } from '../domain/clock-dates.js';
import { type ImrError, imrError } from '../domain/errors.js';
import type { Basis, Decision } from '../domain/letter.js';
import { err, ok, type Result } from '../domain/result.js';
import { reviewCase } from '../engine/review.js';
import type { ItemReview } from '../engine/review-types.js';
import { withoutInternalNotes } from '../letter/index.js';
import { cases, documents, type Handle, items } from '../store/index.js';
import { decidedItems } from './letter-build.js';

/**
 * The engine's review of a case as the reviewer's workspace shows it: per disputed item the
 * recommendation, the criteria with quotes (offsets into the record text returned with it), and a
 * draft of the reviewer's decision, basis and rationale to start from. The record is the extracted
 * text of the case's clinical documents. The review depends only on the case at its version, so it
 * is kept per case version (the engine is the slow part of the page).
 */

/** Documents the engine reads as the medical record (not the forms or letters). */
const RECORD_KINDS: ReadonlySet<DocumentKind> = new Set([
  'medical-record',
  'imaging-report',
  'other',
  'correspondence',
]);

export interface ItemDraft {
  /** The engine's recommendation, or null when it refers the item to the physician. */
  readonly decision: Decision | null;
  readonly basis: Basis;
  readonly rationale: string;
}

export interface ReviewedItem {
  readonly itemId: number;
  readonly seq: number;
  readonly request: string;
  readonly review: ItemReview;
  readonly draft: ItemDraft;
}

export interface RecordSegment {
  readonly documentId: number;
  readonly title: string;
  /** Offsets of this document's text within the record text. */
  readonly start: number;
  readonly end: number;
}

export interface CaseReview {
  readonly caseVersion: number;
  /** The record the engine read (the documents' texts joined by a blank line); evidence offsets index into it. */
  readonly text: string;
  /** Which range of `text` is which document. */
  readonly segments: readonly RecordSegment[];
  /** The documents whose text is in `summary` (each read is audited by the caller). */
  readonly documentIds: readonly number[];
  readonly items: readonly ReviewedItem[];
}

/** The draft a reviewer starts from: the engine's recommendation, citations and rationale. */
export function draftOf(review: ItemReview): ItemDraft {
  return {
    decision: review.recommendation === 'Refer' ? null : review.recommendation,
    basis: {
      usedMtus: review.citations.some((c) => c.source === 'MTUS'),
      citations: review.citations,
      raw: review.citations.map((c) => c.text).join('; '),
    },
    // A draft is letter text: never the engine's notes (a Refer's "no topic in the knowledge base …" leaves it empty).
    rationale: withoutInternalNotes(review.rationale),
  };
}

/** One cache per database (tests and benchmarks open several). */
const caches = new WeakMap<object, Map<string, CaseReview>>();
const CACHE_LIMIT = 200;

function cacheOf(h: Handle): Map<string, CaseReview> {
  let cache = caches.get(h.db);
  if (cache === undefined) {
    cache = new Map();
    caches.set(h.db, cache);
  }
  return cache;
}

function remember(h: Handle, key: string, value: CaseReview): void {
  const cache = cacheOf(h);
  cache.set(key, value);
  if (cache.size > CACHE_LIMIT) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
}

async function recordOf(h: Handle, c: Case): Promise<{ text: string; segments: RecordSegment[] }> {
  const listed = await documents.listByCase(h, c.id);
  const chosen = listed.filter((d) => RECORD_KINDS.has(d.kind));
  let text = '';
  const segments: RecordSegment[] = [];
  for (const d of chosen.length > 0 ? chosen : listed) {
    const full = await documents.getById(h, d.id);
    const body = full?.extractedText?.trim() ?? '';
    if (body === '') continue;
    if (text !== '') text += '\n\n';
    segments.push({ documentId: d.id, title: d.title, start: text.length, end: text.length + body.length });
    text += body;
  }
  return { text, segments };
}

/** The engine's review of the case at its current version. */
export async function reviewForCase(h: Handle, caseId: number, now: string): Promise<Result<CaseReview, ImrError>> {
  const c = await cases.getById(h, caseId);
  if (c === undefined) return err(imrError('IMR_NOT_FOUND', 'No such case.', { entity: 'case', id: caseId }));
  const key = `${c.id}:${c.version}`;
  const hit = cacheOf(h).get(key);
  if (hit !== undefined) return ok(hit);
  const toReview = decidedItems(await items.listByCase(h, c.id));
  if (toReview.length === 0) {
    return err(imrError('IMR_VALIDATION', 'The case has no eligible item to review.', { entity: 'case' }));
  }
  const record = await recordOf(h, c);
  const output = reviewCase({
    caseNumber: c.caseNumber,
    patient: {
      ...(c.patientAge === undefined ? {} : { age: c.patientAge }),
      ...(c.patientSex === undefined ? {} : { sex: c.patientSex }),
      ...(c.injuryDate === undefined ? {} : { injuryDate: c.injuryDate }),
    },
    decisionDate: c.decisionDate ?? localDateOf(now),
    clinicalSummary: record.text,
    items: toReview.map((i) => ({ request: i.request })),
  });
  const reviewed = toReview.map((item, index): ReviewedItem => {
    const review = output.items[index] as ItemReview;
    return { itemId: item.id, seq: item.seq, request: item.request, review, draft: draftOf(review) };
  });
  const value: CaseReview = {
    caseVersion: c.version,
    text: record.text,
    segments: record.segments,
    documentIds: record.segments.map((x) => x.documentId),
    items: reviewed,
  };
  remember(h, key, value);
  return ok(value);
}
