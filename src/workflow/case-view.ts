import {
  type Application,
  type Assignment,
  type Case,
  type CaseDocument,
  type CaseStage,
  type DisputedItem,
  type ItemDetermination,
  type LetterRecord,
  OPEN_STAGES,
  type Party,
  type UrDecision,
} from '../domain/case.js';
import { addCalendarDays, localDateOf } from '../domain/clock-dates.js';
import type { Clock, ClockReport } from '../domain/clocks.js';
import {
  type CaseListFilter,
  caseList,
  cases,
  documents,
  eligibilityScreens,
  type Handle,
  items,
  parties,
  prepared,
} from '../store/index.js';
import { type CaseFacts, caseAssignments, caseDeterminations, caseEvents, caseFacts, clocksOf } from './case-ops.js';
import { type QaReturnView, qaReturnsOf } from './qa-return.js';
import type { Urgency } from './reads.js';
import { DOCUMENT_OCR_ACTION, STAGE_CLOCK, type TimelineEvent } from './timeline.js';

/**
 * What the desk shows of a case: the case with its clocks, its records, who reviews it and what was
 * issued; and which cases a reviewer may see (those currently assigned to them). Plain reads, no audit:
 * the document texts are not in here (reading one is audited, see reads.ts `readDocument`).
 */

export interface LetterApprovalView {
  readonly caseId: number;
  readonly caseVersion: number;
  readonly approvedBy: number;
  readonly approvedByName: string;
  readonly approvedAt: string;
  /** The approval is for the case as it is now. */
  readonly current: boolean;
}

export interface CaseView {
  readonly case: Case;
  readonly urgency: Urgency;
  readonly clocks: ClockReport;
  readonly next: Clock | undefined;
  readonly application: Application | undefined;
  readonly urDecision: UrDecision | undefined;
  readonly parties: readonly Party[];
  readonly items: readonly (DisputedItem & { readonly determinations: readonly ItemDetermination[] })[];
  readonly documents: readonly ListedDocument[];
  readonly assignments: readonly (Assignment & { readonly reviewerName: string })[];
  readonly letters: readonly Omit<LetterRecord, 'letter'>[];
  readonly letterApproval: LetterApprovalView | undefined;
  /** QA's returns of the determination to the reviewer, with their comments, oldest first. */
  readonly qaReturns: readonly QaReturnView[];
  readonly eligibility: unknown;
}

/** The clock of the case's current stage, when it has one. */
export function stageClock(c: Case, report: ClockReport): Clock | undefined {
  const id = STAGE_CLOCK[c.stage];
  return id === undefined ? undefined : report.clocks.find((k) => k.id === id);
}

/** Overdue, due within `dueSoonDays` calendar days, on track, or no running deadline (as the queue sorts). */
export function urgencyOf(next: Clock | undefined, now: string, dueSoonDays: number): Urgency {
  const running = next !== undefined && next.completedAt === undefined && next.dueDate !== undefined;
  if (!running) return 'no-deadline';
  if (next.status === 'late') return 'overdue';
  return (next.dueDate as string) <= addCalendarDays(localDateOf(now), dueSoonDays) ? 'due-soon' : 'on-track';
}

/** Reviewer names by id. */
export async function reviewerNames(h: Handle, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await h.db
    .selectFrom('reviewers')
    .select(['id', 'name'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The current reviewers of each case, by reviewer id and name. */
export async function currentReviewersOf(
  h: Handle,
  caseIds: readonly number[],
): Promise<Map<number, { id: number; name: string }[]>> {
  const out = new Map<number, { id: number; name: string }[]>();
  if (caseIds.length === 0) return out;
  const rows = await h.db
    .selectFrom('assignments')
    .innerJoin('reviewers', 'reviewers.id', 'assignments.reviewer_id')
    .select(['assignments.case_id', 'reviewers.id', 'reviewers.name'])
    .where('assignments.case_id', 'in', [...new Set(caseIds)])
    .where('assignments.ended_at', 'is', null)
    .orderBy('assignments.id')
    .execute();
  for (const r of rows) out.set(r.case_id, [...(out.get(r.case_id) ?? []), { id: r.id, name: r.name }]);
  return out;
}

const currentAssignment = prepared((db, p: { caseId: number; reviewerId: number }) =>
  db
    .selectFrom('assignments')
    .select('id')
    .where('case_id', '=', p.caseId)
    .where('reviewer_id', '=', p.reviewerId)
    .where('ended_at', 'is', null)
    .limit(1),
);

/** Whether the reviewer holds a current (not ended) assignment on the case (a reviewer's every case request asks). */
export async function isAssignedTo(h: Handle, caseId: number, reviewerId: number): Promise<boolean> {
  const [row] = await currentAssignment(h, { caseId, reviewerId });
  return row !== undefined;
}

export interface ClockedCase {
  readonly case: Case;
  readonly clocks: ClockReport;
  readonly next: Clock | undefined;
  readonly urgency: Urgency;
}

/**
 * Records of a case kept per case version, as the workflow's `CaseCache` reasons: every command that
 * changes a case's items, assignments, determinations, documents, letters or lifecycle events also
 * moves the case to a new version, so what was read at version v stays true while the case is at v.
 * The version is read fresh on every request, so another server's change is seen at once. Parties,
 * the QA approval and the eligibility result can change without a new version: they are always read.
 * One cache per database (tests and benchmarks open several); bounded, oldest cases dropped first.
 */
interface Versioned {
  readonly version: number;
  /** The case row itself at this version. */
  row?: Case;
  timeline?: Promise<{ facts: CaseFacts; events: TimelineEvent[] }>;
  records?: Promise<CaseRecords>;
  /** The clocks as of the start of a minute (see `clockedCase`). */
  clocks?: { readonly key: string; readonly value: Omit<ClockedCase, 'case'> };
}

interface CaseRecords {
  readonly items: DisputedItem[];
  readonly determinations: ItemDetermination[];
  readonly documents: ListedDocument[];
  readonly assignments: (Assignment & { readonly reviewerName: string })[];
  readonly letters: Omit<LetterRecord, 'letter'>[];
}

/** What OCR read of a document's scanned pages (from its `document.ocr` audit event). */
export interface DocumentOcrSummary {
  readonly status: 'read' | 'partial' | 'unavailable' | 'failed';
  readonly pagesWanted: number;
  readonly pagesRead: number;
}

/** A document as the case page lists it: without its text, with what OCR read of it. */
export type ListedDocument = Omit<CaseDocument, 'extractedText'> & { readonly ocr?: DocumentOcrSummary };

const OCR_STATUSES = new Set<string>(['read', 'partial', 'unavailable', 'failed']);

/** The OCR outcome of each document of a case that had scanned pages, by document id. */
async function ocrOfDocuments(h: Handle, caseId: number): Promise<Map<number, DocumentOcrSummary>> {
  const rows = await h.db
    .selectFrom('audit_events')
    .select(['entity_id', 'details'])
    .where('case_id', '=', caseId)
    .where('action', '=', DOCUMENT_OCR_ACTION)
    .orderBy('id')
    .execute();
  const out = new Map<number, DocumentOcrSummary>();
  for (const r of rows) {
    const d = (typeof r.details === 'string' ? JSON.parse(r.details) : r.details) as Record<string, unknown>;
    if (typeof d.status !== 'string' || !OCR_STATUSES.has(d.status)) continue;
    out.set(Number(r.entity_id), {
      status: d.status as DocumentOcrSummary['status'],
      pagesWanted: typeof d.pagesWanted === 'number' ? d.pagesWanted : 0,
      pagesRead: typeof d.pagesRead === 'number' ? d.pagesRead : 0,
    });
  }
  return out;
}

const CACHE_LIMIT = 20_000;
const caches = new WeakMap<object, Map<number, Versioned>>();

function versioned(h: Handle, c: Pick<Case, 'id' | 'version'>): Versioned {
  let cache = caches.get(h.db);
  if (cache === undefined) {
    cache = new Map();
    caches.set(h.db, cache);
  }
  const hit = cache.get(c.id);
  if (hit !== undefined && hit.version === c.version) return hit;
  const fresh: Versioned = { version: c.version };
  cache.delete(c.id);
  cache.set(c.id, fresh);
  if (cache.size > CACHE_LIMIT) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  return fresh;
}

/** Drops a failed read so that the next request tries again. */
function settle<T>(v: Versioned, key: 'timeline' | 'records', p: Promise<T>): Promise<T> {
  p.catch(() => {
    if ((v[key] as unknown) === p) delete v[key];
  });
  return p;
}

function timelineOf(h: Handle, c: Case): Promise<{ facts: CaseFacts; events: TimelineEvent[] }> {
  const v = versioned(h, c);
  v.timeline ??= settle(
    v,
    'timeline',
    Promise.all([caseFacts(h, c, undefined), caseEvents(h, c, undefined)]).then(([facts, events]) => ({
      facts,
      events,
    })),
  );
  return v.timeline;
}

/** Letters of a case without their letter JSON (the list shows what was issued, not the text). */
async function letterMetas(h: Handle, caseId: number): Promise<Omit<LetterRecord, 'letter'>[]> {
  const rows = await h.db
    .selectFrom('letters')
    .select(['id', 'case_id', 'kind', 'recipient_role', 'format', 'storage_path', 'sha256', 'issued_at'])
    .where('case_id', '=', caseId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    kind: r.kind as LetterRecord['kind'],
    format: r.format as LetterRecord['format'],
    issuedAt: r.issued_at,
    ...(r.recipient_role === null
      ? {}
      : { recipientRole: r.recipient_role as NonNullable<LetterRecord['recipientRole']> }),
    ...(r.storage_path === null ? {} : { storagePath: r.storage_path }),
    ...(r.sha256 === null ? {} : { sha256: r.sha256 }),
  }));
}

function recordsOf(h: Handle, c: Case): Promise<CaseRecords> {
  const v = versioned(h, c);
  v.records ??= settle(
    v,
    'records',
    (async () => {
      const [itemList, decisions, docs, assigned, letterList, ocr] = await Promise.all([
        items.listByCase(h, c.id),
        caseDeterminations(h, c, undefined),
        documents.listByCase(h, c.id),
        caseAssignments(h, c, undefined),
        letterMetas(h, c.id),
        ocrOfDocuments(h, c.id),
      ]);
      const names = await reviewerNames(
        h,
        assigned.map((a) => a.reviewerId),
      );
      return {
        items: itemList,
        determinations: decisions,
        documents: docs.map(({ extractedText: _text, ...d }) => {
          const read = ocr.get(d.id);
          return read === undefined ? d : { ...d, ocr: read };
        }),
        assignments: assigned.map((a) => ({
          ...a,
          reviewerName: names.get(a.reviewerId) ?? `reviewer ${a.reviewerId}`,
        })),
        letters: letterList,
      };
    })(),
  );
  return v.records;
}

/**
 * A case with its clocks at `now`, computed at most once a minute per case version: a later request
 * in the same minute gets the clocks as of the first one (`clocks.asOf` says when), so a deadline
 * shows as missed at most a minute late. (Computed at a real request instant, never a rounded one:
 * every event of the version happened before the version could be read.)
 */
export async function clockedCase(h: Handle, c: Case, now: string, dueSoonDays: number): Promise<ClockedCase> {
  const key = `${new Date(now).toISOString().slice(0, 16)}|${dueSoonDays}`;
  const v = versioned(h, c);
  const kept = v.clocks;
  if (kept !== undefined && kept.key === key) return { case: c, ...kept.value };
  const { facts, events } = await timelineOf(h, c);
  const clocks = clocksOf(c, facts, events, now);
  const next = stageClock(c, clocks);
  const value = { clocks, next, urgency: urgencyOf(next, now, dueSoonDays) };
  v.clocks = { key, value };
  return { case: c, ...value };
}

export interface CasePage {
  readonly entries: readonly ClockedCase[];
  /** Every case matching the filter. */
  readonly total: number;
}

/**
 * The work queue and case search: one page of cases (every open stage by default), filtered, sorted
 * (soonest due first by default: overdue cases have the earliest due dates) and counted by the store,
 * with their clocks at `now`, kept per case version. `reviewerId`: only that reviewer's current cases.
 */
export async function casePage(
  h: Handle,
  now: string,
  filter: Omit<CaseListFilter, 'stages'> & { readonly stages?: readonly CaseStage[] },
  dueSoonDays: number,
): Promise<CasePage> {
  const page = await caseList.page(h, { ...filter, stages: filter.stages ?? OPEN_STAGES });
  const entries: ClockedCase[] = [];
  for (const ref of page.refs) {
    const c = await caseAt(h, ref);
    if (c !== undefined) entries.push(await clockedCase(h, c, now, dueSoonDays));
  }
  return { entries, total: page.total };
}

/** The case at the version listed: from the cache, or read (and kept). */
async function caseAt(h: Handle, ref: { readonly id: number; readonly version: number }): Promise<Case | undefined> {
  const v = versioned(h, ref);
  if (v.row !== undefined) return v.row;
  const c = await cases.getById(h, ref.id);
  if (c !== undefined && c.version === ref.version) v.row = c;
  return c;
}

/** The latest QA approval of the case's letter, and whether it is for the case as it is now. */
export async function letterApprovalOf(h: Handle, c: Case): Promise<LetterApprovalView | undefined> {
  const a = await h.db
    .selectFrom('letter_approvals')
    .leftJoin('users', 'users.id', 'letter_approvals.approved_by')
    .select([
      'letter_approvals.case_version',
      'letter_approvals.approved_by',
      'letter_approvals.approved_at',
      'users.display_name',
    ])
    .where('letter_approvals.case_id', '=', c.id)
    .orderBy('letter_approvals.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (a === undefined) return undefined;
  return {
    caseId: c.id,
    caseVersion: a.case_version,
    approvedBy: a.approved_by,
    approvedByName: a.display_name ?? `user ${a.approved_by}`,
    approvedAt: a.approved_at,
    current: a.case_version === c.version,
  };
}

/** Everything the case page shows, or undefined when there is no such case. */
export async function caseView(
  h: Handle,
  caseId: number,
  now: string,
  dueSoonDays: number,
): Promise<CaseView | undefined> {
  const ref = await h.db.selectFrom('cases').select(['id', 'version']).where('id', '=', caseId).executeTakeFirst();
  const c = ref === undefined ? undefined : await caseAt(h, ref);
  if (c === undefined) return undefined;
  const [clocked, { facts }, records, partyList, approval, screen, returns] = await Promise.all([
    clockedCase(h, c, now, dueSoonDays),
    timelineOf(h, c),
    recordsOf(h, c),
    parties.listByCase(h, c.id),
    letterApprovalOf(h, c),
    eligibilityScreens.latest(h, c.id),
    qaReturnsOf(h, c.id),
  ]);
  return {
    ...clocked,
    application: facts.application,
    urDecision: facts.urDecision,
    parties: partyList,
    items: records.items.map((i) => ({
      ...i,
      determinations: records.determinations.filter((d) => d.itemId === i.id),
    })),
    documents: records.documents,
    assignments: records.assignments,
    letters: records.letters,
    letterApproval: approval,
    qaReturns: returns,
    eligibility: screen?.result,
  };
}
