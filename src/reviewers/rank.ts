import { z } from 'zod';
import { type ImrError, imrError } from '../domain/errors.js';
import { err, ok, type Result } from '../domain/result.js';
import { type ConflictHit, type ConflictScreen, PARTY_ROLES, Party, screenParsed } from './conflicts.js';
import { type CriterionResult, type Qualification, type QualificationCriterion, qualifyParsed } from './qualify.js';
import { CaseNeeds, invalidInput, Reviewer, type ReviewerInput } from './reviewer.js';

/**
 * Choosing a reviewer: every candidate is qualified (qualify.ts) and screened (conflicts.ts); those
 * that pass are ranked clear screens first (a screen that needs a person's look comes after every
 * clear one), then by specialty fit, then by workload balance (open assignments over capacity),
 * then the statutory preference for California-licensed reviewers (LC 139.5(d)(4)(B)), then fewer
 * open assignments, then id (so the order is stable). The rest are listed with every reason.
 */

export const Workload = z.object({
  open: z.number().int().min(0),
  capacity: z.number().int().min(0),
});
export type Workload = z.infer<typeof Workload>;

export const CaseForAssignment = z.object({
  needs: CaseNeeds,
  parties: z.array(Party),
  /** Reviewers who may not take it: a remand after a WCAB reversal goes to a different reviewer (LC 4610.6(i)). */
  excludeReviewerIds: z.array(z.string().min(1)).default([]),
});
export type CaseForAssignment = z.infer<typeof CaseForAssignment>;

export type ExclusionReason =
  | { readonly kind: 'invalid-record'; readonly message: string }
  | { readonly kind: 'previous-reviewer' }
  | { readonly kind: 'unqualified'; readonly failed: readonly CriterionResult[] }
  | { readonly kind: 'conflict'; readonly hits: readonly ConflictHit[] }
  | { readonly kind: 'no-workload-data' }
  | { readonly kind: 'at-capacity'; readonly open: number; readonly capacity: number };

export interface RankedReviewer {
  readonly rank: number;
  readonly reviewerId: string;
  readonly matchScore: number;
  readonly californiaLicensed: boolean;
  readonly workload: Workload & { readonly utilisation: number };
  /** A hit of `review` severity: a person confirms before assigning. */
  readonly needsConflictReview: boolean;
  readonly qualification: Qualification;
  readonly conflicts: ConflictScreen;
}

export interface ExcludedReviewer {
  readonly reviewerId: string;
  readonly reasons: readonly ExclusionReason[];
}

export interface Ranking {
  readonly ranked: readonly RankedReviewer[];
  readonly excluded: readonly ExcludedReviewer[];
}

/**
 * Reviewers whose screen is clear come before every reviewer whose screen needs a person's look,
 * whatever their specialty fit: a "needs a look" reviewer is never offered as conflict-free.
 */
function compare(a: Omit<RankedReviewer, 'rank'>, b: Omit<RankedReviewer, 'rank'>): number {
  return (
    Number(a.needsConflictReview) - Number(b.needsConflictReview) ||
    b.matchScore - a.matchScore ||
    a.workload.utilisation - b.workload.utilisation ||
    Number(b.californiaLicensed) - Number(a.californiaLicensed) ||
    a.workload.open - b.workload.open ||
    a.reviewerId.localeCompare(b.reviewerId)
  );
}

/**
 * Qualified, conflict-free reviewers for a case, best first, and the excluded ones with why.
 * An invalid case gives IMR_VALIDATION; an invalid reviewer record only excludes that reviewer.
 */
export function rankReviewers(
  candidates: readonly ReviewerInput[],
  caseInput: z.input<typeof CaseForAssignment>,
  workload: Readonly<Record<string, Workload>>,
): Result<Ranking, ImrError> {
  const parsedCase = CaseForAssignment.safeParse(caseInput);
  if (!parsedCase.success) return err(invalidInput('case', parsedCase.error.issues));
  const { needs, parties, excludeReviewerIds } = parsedCase.data;
  const previous = new Set(excludeReviewerIds);

  const eligible: Omit<RankedReviewer, 'rank'>[] = [];
  const excluded: ExcludedReviewer[] = [];
  candidates.forEach((candidate, index) => {
    const parsed = Reviewer.safeParse(candidate);
    if (!parsed.success) {
      const id = typeof candidate.id === 'string' && candidate.id !== '' ? candidate.id : `#${index}`;
      excluded.push({
        reviewerId: id,
        reasons: [{ kind: 'invalid-record', message: invalidInput('reviewer record', parsed.error.issues).message }],
      });
      return;
    }
    const reviewer = parsed.data;
    const reasons: ExclusionReason[] = [];
    if (previous.has(reviewer.id)) reasons.push({ kind: 'previous-reviewer' });
    const qualification = qualifyParsed(reviewer, needs);
    if (!qualification.qualified) {
      reasons.push({ kind: 'unqualified', failed: qualification.criteria.filter((c) => !c.passed) });
    }
    const conflicts = screenParsed(reviewer, parties, needs.asOf);
    if (!conflicts.clear) {
      reasons.push({ kind: 'conflict', hits: conflicts.hits.filter((h) => h.severity === 'conflict') });
    }
    const load = workload[reviewer.id];
    const parsedLoad = load === undefined ? undefined : Workload.safeParse(load);
    if (parsedLoad === undefined || !parsedLoad.success) reasons.push({ kind: 'no-workload-data' });
    else if (parsedLoad.data.open >= parsedLoad.data.capacity) {
      reasons.push({ kind: 'at-capacity', open: parsedLoad.data.open, capacity: parsedLoad.data.capacity });
    }
    if (reasons.length > 0 || parsedLoad === undefined || !parsedLoad.success) {
      excluded.push({ reviewerId: reviewer.id, reasons });
      return;
    }
    const { open, capacity } = parsedLoad.data;
    eligible.push({
      reviewerId: reviewer.id,
      matchScore: qualification.match.score,
      californiaLicensed: qualification.californiaLicensed,
      workload: { open, capacity, utilisation: open / capacity },
      needsConflictReview: conflicts.needsReview,
      qualification,
      conflicts,
    });
  });

  const ranked = eligible.sort(compare).map((r, i) => ({ rank: i + 1, ...r }));
  return ok({ ranked, excluded });
}

/**
 * The top-ranked reviewer whose screen is clear, or IMR_NO_QUALIFIED_REVIEWER (with counts, no
 * names) when none is left; a reviewer whose screen needs a look is never picked without a person.
 */
export function pickReviewer(ranking: Ranking): Result<RankedReviewer, ImrError> {
  const top = ranking.ranked.find((r) => !r.needsConflictReview);
  if (top !== undefined) return ok(top);
  const count = (kind: ExclusionReason['kind']) =>
    ranking.excluded.filter((e) => e.reasons.some((r) => r.kind === kind)).length;
  return err(
    imrError('IMR_NO_QUALIFIED_REVIEWER', undefined, {
      candidates: ranking.excluded.length,
      unqualified: count('unqualified'),
      conflicted: count('conflict'),
      atCapacity: count('at-capacity'),
    }),
  );
}

/** Why a reviewer fails a qualification criterion, in words a coordinator reads. */
export const CRITERION_FAILED: Record<QualificationCriterion, string> = {
  'active-unrestricted-licence': 'has no active, unrestricted license',
  'board-certification': 'has no current board certification relevant to the dispute',
  expertise: 'has no specialty that fits every disputed item',
  'no-disciplinary-history': 'has a disciplinary action or sanction on record',
  'not-a-qme': 'holds a current QME certification, which the law bars from IMR (LC 139.5(d)(4)(D))',
  'years-in-practice': 'has five years or less of active practice',
  'weekly-clinical-hours': 'practices fewer than 24 hours a week',
};

function list(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1) ?? ''}`;
}

/** One reason a reviewer was left out, in plain words (no names, no ids). */
export function exclusionInWords(r: ExclusionReason): string {
  switch (r.kind) {
    case 'invalid-record':
      return 'has an incomplete record (profession or start of practice missing)';
    case 'previous-reviewer':
      return 'reviewed this case before; a new review goes to a different reviewer';
    case 'unqualified':
      return list(r.failed.map((c) => CRITERION_FAILED[c.criterion]));
    case 'conflict':
      return `has a conflict of interest with ${list([...new Set(r.hits.map((h) => PARTY_ROLES[h.partyRole].label))])}`;
    case 'no-workload-data':
      return 'has no workload on record';
    case 'at-capacity':
      return `already has ${r.open} open reviews, the most allowed (${r.capacity})`;
  }
}
