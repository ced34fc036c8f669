import {
  type Application,
  type Assignment,
  CASE_STAGE_INFO,
  type Case,
  type CaseDocument,
  type CaseStage,
  type DisputedItem,
  type ItemDetermination,
  type LetterRecord,
  type Party,
  type UrDecision,
} from '../domain/case.js';
import { addCalendarDays, localDateOf } from '../domain/clock-dates.js';
import type { Clock, ClockReport } from '../domain/clocks.js';
import {
  cases,
  documents,
  eligibilityScreens,
  type Handle,
  items,
  letterApprovals,
  letters,
  parties,
  users,
} from '../store/index.js';
import { caseAssignments, caseDeterminations, caseEvents, caseFacts, clocksOf } from './case-ops.js';
import type { Urgency } from './reads.js';
import { STAGE_CLOCK } from './timeline.js';

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
  readonly documents: readonly Omit<CaseDocument, 'extractedText'>[];
  readonly assignments: readonly (Assignment & { readonly reviewerName: string })[];
  readonly letters: readonly Omit<LetterRecord, 'letter'>[];
  readonly letterApproval: LetterApprovalView | undefined;
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

/** Whether the reviewer holds a current (not ended) assignment on the case. */
export async function isAssignedTo(h: Handle, caseId: number, reviewerId: number): Promise<boolean> {
  const row = await h.db
    .selectFrom('assignments')
    .select('id')
    .where('case_id', '=', caseId)
    .where('reviewer_id', '=', reviewerId)
    .where('ended_at', 'is', null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export interface ClockedCase {
  readonly case: Case;
  readonly clocks: ClockReport;
  readonly next: Clock | undefined;
  readonly urgency: Urgency;
}

const URGENCY_ORDER: Record<Urgency, number> = { overdue: 0, 'due-soon': 1, 'on-track': 2, 'no-deadline': 3 };

/** A case with its clocks at `now`. */
export async function clockedCase(h: Handle, c: Case, now: string, dueSoonDays: number): Promise<ClockedCase> {
  const [facts, events] = await Promise.all([caseFacts(h, c, undefined), caseEvents(h, c, undefined)]);
  const clocks = clocksOf(c, facts, events, now);
  const next = stageClock(c, clocks);
  return { case: c, clocks, next, urgency: urgencyOf(next, now, dueSoonDays) };
}

/**
 * The open cases a reviewer is currently assigned to, in the queue's order (overdue, due soon, then
 * the rest, soonest due first).
 */
export async function reviewerQueue(
  h: Handle,
  reviewerId: number,
  now: string,
  options: { readonly stages?: readonly CaseStage[]; readonly limit: number; readonly dueSoonDays: number },
): Promise<ClockedCase[]> {
  const stages = options.stages ?? (Object.keys(CASE_STAGE_INFO) as CaseStage[]).filter((s) => CASE_STAGE_INFO[s].open);
  const rows = await h.db
    .selectFrom('assignments')
    .innerJoin('cases', 'cases.id', 'assignments.case_id')
    .select('cases.id')
    .distinct()
    .where('assignments.reviewer_id', '=', reviewerId)
    .where('assignments.ended_at', 'is', null)
    .where('cases.stage', 'in', [...stages])
    .orderBy('cases.id')
    .limit(options.limit)
    .execute();
  const out: ClockedCase[] = [];
  for (const { id } of rows) {
    const c = await cases.getById(h, id);
    if (c !== undefined) out.push(await clockedCase(h, c, now, options.dueSoonDays));
  }
  const due = (x: ClockedCase) => x.next?.dueAt ?? (x.next?.dueDate === undefined ? '~' : `${x.next.dueDate}~`);
  return out.sort(
    (a, b) =>
      URGENCY_ORDER[a.urgency] - URGENCY_ORDER[b.urgency] || due(a).localeCompare(due(b)) || a.case.id - b.case.id,
  );
}

/** The latest QA approval of the case's letter, and whether it is for the case as it is now. */
export async function letterApprovalOf(h: Handle, c: Case): Promise<LetterApprovalView | undefined> {
  const a = await letterApprovals.latest(h, c.id);
  if (a === undefined) return undefined;
  const by = await users.getById(h, a.approvedBy);
  return {
    caseId: a.caseId,
    caseVersion: a.caseVersion,
    approvedBy: a.approvedBy,
    approvedByName: by?.displayName ?? `user ${a.approvedBy}`,
    approvedAt: a.approvedAt,
    current: a.caseVersion === c.version,
  };
}

/** Everything the case page shows, or undefined when there is no such case. */
export async function caseView(
  h: Handle,
  caseId: number,
  now: string,
  dueSoonDays: number,
): Promise<CaseView | undefined> {
  const c = await cases.getById(h, caseId);
  if (c === undefined) return undefined;
  const [clocked, facts, partyList, itemList, decisions, docs, assigned, letterList, approval, screen] =
    await Promise.all([
      clockedCase(h, c, now, dueSoonDays),
      caseFacts(h, c, undefined),
      parties.listByCase(h, c.id),
      items.listByCase(h, c.id),
      caseDeterminations(h, c, undefined),
      documents.listByCase(h, c.id),
      caseAssignments(h, c, undefined),
      letters.listByCase(h, c.id),
      letterApprovalOf(h, c),
      eligibilityScreens.latest(h, c.id),
    ]);
  const names = await reviewerNames(
    h,
    assigned.map((a) => a.reviewerId),
  );
  return {
    ...clocked,
    application: facts.application,
    urDecision: facts.urDecision,
    parties: partyList,
    items: itemList.map((i) => ({ ...i, determinations: decisions.filter((d) => d.itemId === i.id) })),
    documents: docs.map(({ extractedText: _text, ...d }) => d),
    assignments: assigned.map((a) => ({ ...a, reviewerName: names.get(a.reviewerId) ?? `reviewer ${a.reviewerId}` })),
    letters: letterList.map(({ letter: _letter, ...l }) => l),
    letterApproval: approval,
    eligibility: screen?.result,
  };
}
