import type { Assignment, Case, DisputedItem, ItemDetermination } from '../domain/case.js';
import type { CalendarDate } from '../domain/clock-dates.js';
import { type ImrError, imrError } from '../domain/errors.js';
import { type Basis, type Decision, Letter, type LetterItem } from '../domain/letter.js';
import { err, ok, type Result } from '../domain/result.js';
import { type PanelRule, panelDecision } from '../reviewers/index.js';

/**
 * The Final Determination Letter of a case, built from its records (pure). Items decided are the
 * eligible ones (status `disputed`), in letter order. Each takes the standing determination (the
 * latest) of every reviewer currently assigned; with a panel the majority decides and an even split
 * goes to the service, Overturned (LC 4610.6(e), `panelDecision`). When panel members differ, every
 * analysis is given (LC 4610.6(e)), numbered, without names.
 */

export interface LetterSource {
  readonly case: Case;
  readonly items: readonly DisputedItem[];
  readonly determinations: readonly ItemDetermination[];
  /** The case's current assignments (the panel). */
  readonly assignments: readonly Assignment[];
  readonly clinicalSummary: string;
  readonly issuedOn: CalendarDate;
}

export interface ItemOutcome {
  readonly itemId: number;
  readonly decision: Decision;
  readonly rule: PanelRule;
  readonly upheld: number;
  readonly overturned: number;
  readonly reviewerBasis: Basis;
  readonly rationale: string;
}

export interface BuiltLetter {
  readonly letter: Letter;
  readonly outcomes: readonly ItemOutcome[];
}

/** A basis that cites nothing (the letter says so in words). */
export const NO_BASIS: Basis = { usedMtus: false, citations: [], raw: '' };

const PRIORITY_LABEL = { standard: 'Standard', expedited: 'Expedited' } as const;

/** Items the letter decides: the eligible ones, in letter order. */
export function decidedItems(items: readonly DisputedItem[]): DisputedItem[] {
  return items.filter((i) => i.status === 'disputed' || i.status === 'determined').sort((a, b) => a.seq - b.seq);
}

/** The latest determination of each reviewer on one item, panel order (assignment order). */
export function standingDeterminations<D extends Pick<ItemDetermination, 'id' | 'itemId' | 'reviewerId'>>(
  itemId: number,
  determinations: readonly D[],
  reviewerIds: readonly number[],
): D[] {
  const latest = new Map<number, D>();
  for (const d of determinations) {
    if (d.itemId !== itemId) continue;
    const prev = latest.get(d.reviewerId);
    if (prev === undefined || d.id > prev.id) latest.set(d.reviewerId, d);
  }
  return reviewerIds.flatMap((r) => {
    const d = latest.get(r);
    return d === undefined ? [] : [d];
  });
}

function combineBasis(agreeing: readonly ItemDetermination[]): Basis {
  const first = agreeing[0];
  if (first === undefined) return NO_BASIS;
  if (agreeing.length === 1) return first.basis;
  const seen = new Set<string>();
  const citations = agreeing
    .flatMap((d) => d.basis.citations)
    .filter((c) => {
      const key = JSON.stringify(c);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  return { usedMtus: agreeing.some((d) => d.basis.usedMtus), citations, raw: '' };
}

function outcomeOf(item: DisputedItem, standing: readonly ItemDetermination[]): Result<ItemOutcome, ImrError> {
  const panel = panelDecision(
    standing.map((d) => d.decision),
    { adApprovedPanel: standing.length > 1 },
  );
  if (!panel.ok) return panel;
  const { decision, rule, upheld, overturned } = panel.value;
  const agreeing = standing.filter((d) => d.decision === decision);
  const unanimous = agreeing.length === standing.length;
  const rationale =
    standing.length === 1
      ? (standing[0]?.rationale ?? '')
      : standing
          .map((d, i) =>
            unanimous ? `Reviewer ${i + 1}: ${d.rationale}` : `Reviewer ${i + 1} (${d.decision}): ${d.rationale}`,
          )
          .join(' ');
  return ok({
    itemId: item.id,
    decision,
    rule,
    upheld,
    overturned,
    reviewerBasis: combineBasis(agreeing),
    rationale,
  });
}

export function buildLetter(src: LetterSource): Result<BuiltLetter, ImrError> {
  const c = src.case;
  const reviewerIds = src.assignments.filter((a) => a.endedAt === undefined).map((a) => a.reviewerId);
  if (reviewerIds.length === 0) return err(imrError('IMR_VALIDATION', 'The case has no assigned reviewer.'));
  const items = decidedItems(src.items);
  if (items.length === 0) return err(imrError('IMR_VALIDATION', 'The case has no eligible item to decide.'));
  if (src.clinicalSummary.trim() === '') {
    return err(imrError('IMR_VALIDATION', 'The reviewer has not written the clinical case summary.'));
  }
  const letterItems: LetterItem[] = [];
  const outcomes: ItemOutcome[] = [];
  for (const item of items) {
    const standing = standingDeterminations(item.id, src.determinations, reviewerIds);
    if (standing.length < reviewerIds.length) {
      return err(
        imrError('IMR_VALIDATION', 'A disputed item lacks a determination from every assigned reviewer.', {
          itemId: item.id,
          decided: standing.length,
          reviewers: reviewerIds.length,
        }),
      );
    }
    const outcome = outcomeOf(item, standing);
    if (!outcome.ok) return outcome;
    outcomes.push(outcome.value);
    letterItems.push({
      request: item.request,
      ...(item.originalRequest === undefined ? {} : { originalRequest: item.originalRequest }),
      ...(item.authorizedPortion === undefined ? {} : { authorizedPortion: item.authorizedPortion }),
      decision: outcome.value.decision,
      claimsAdministratorBasis: item.claimsAdministratorBasis ?? NO_BASIS,
      reviewerBasis: outcome.value.reviewerBasis,
      rationale: outcome.value.rationale,
    });
  }
  const letter: Letter = {
    case: {
      caseNumber: c.caseNumber,
      ...(c.assignedDate === undefined ? {} : { dateAssigned: c.assignedDate }),
      decisionDate: src.issuedOn,
      ...(c.urDecisionDate === undefined ? {} : { urDenialDate: c.urDecisionDate }),
      priority: PRIORITY_LABEL[c.priority],
      ...(c.receivedDate === undefined ? {} : { applicationReceived: c.receivedDate }),
    },
    reviewer: c.reviewerCredentials ?? { licensure: [], specialties: [], subspecialties: [] },
    patient: {
      ...(c.patientAge === undefined ? {} : { age: c.patientAge }),
      ...(c.patientSex === undefined ? {} : { sex: c.patientSex }),
      ...(c.injuryDate === undefined ? {} : { injuryDate: c.injuryDate }),
    },
    clinicalSummary: src.clinicalSummary.trim(),
    items: letterItems,
  };
  const checked = Letter.safeParse(letter);
  if (!checked.success) {
    return err(imrError('IMR_LETTER_INVALID', undefined, { path: checked.error.issues[0]?.path.join('.') ?? '' }));
  }
  return ok({ letter: checked.data, outcomes });
}
