import { localDateOf } from '../domain/clock-dates.js';
import { type ImrError, imrError } from '../domain/errors.js';
import { err, ok, type Result } from '../domain/result.js';
import {
  BodySystem,
  type CaseNeeds,
  type ExclusionReason,
  exclusionInWords,
  type RankedReviewer,
  rankReviewers,
  TreatmentKind,
  type Workload,
} from '../reviewers/index.js';
import { cases, type Handle, reviewers } from '../store/index.js';
import { needsOfCase } from './case-needs.js';
import { caseAssignments, caseFacts, caseItems, caseParties } from './case-ops.js';
import { reviewerInputOf, screeningParties } from './registry.js';
import { openReviewsByReviewer, workloadOf } from './workload.js';

/**
 * Reviewers ranked for a case, for a coordinator choosing by name: every active reviewer held to
 * qualification and screened for conflicts against every party, as `assignReviewer` does, but the
 * whole registry and without assigning. The qualified, conflict-free come back best first with
 * their specialty match and screen; the rest with why they were left out. Reviewer names are for the
 * IMRO's staff only (never in letters or logs).
 */

export interface RankedCandidate {
  readonly ranked: RankedReviewer;
  readonly name: string;
  readonly profession: string | undefined;
}

export interface ExcludedCandidate {
  readonly reviewerId: number;
  readonly name: string;
  readonly reasons: readonly { readonly kind: ExclusionReason['kind']; readonly detail: string }[];
}

export interface CandidateRanking {
  readonly needs: CaseNeeds;
  /** Qualified, with a clear conflict screen, best first. */
  readonly ranked: readonly RankedCandidate[];
  /**
   * Qualified, no conflict found, but the screen needs a person's look (a similar name, an
   * affiliation of unknown income share, one not begun yet): never offered as conflict-free, ranked
   * after every clear reviewer, assignable by name once a coordinator confirms.
   */
  readonly needsLook: readonly RankedCandidate[];
  readonly excluded: readonly ExcludedCandidate[];
}

export interface CandidateOptions {
  /** Overrides of what the case needs (derived from every disputed item and the diagnosis codes otherwise). */
  readonly treatmentKind?: string;
  readonly bodySystem?: string;
  /** Open review assignments a reviewer may carry. */
  readonly capacity: number;
}

export async function rankCandidates(
  h: Handle,
  caseId: number,
  at: string,
  options: CandidateOptions,
): Promise<Result<CandidateRanking, ImrError>> {
  const c = await cases.getById(h, caseId);
  if (c === undefined) return err(imrError('IMR_NOT_FOUND', 'No such case.', { entity: 'case', id: caseId }));
  const [facts, partyList, itemList, previous, profiles, open] = await Promise.all([
    caseFacts(h, c, undefined),
    caseParties(h, c.id, undefined),
    caseItems(h, c, undefined),
    caseAssignments(h, c, undefined),
    reviewers.listProfiles(h, { activeOnly: true }),
    openReviewsByReviewer(h),
  ]);
  const kind = options.treatmentKind === undefined ? undefined : TreatmentKind.safeParse(options.treatmentKind);
  if (kind !== undefined && !kind.success) {
    return err(imrError('IMR_VALIDATION', 'Unknown treatment kind.', { path: 'treatmentKind' }));
  }
  const body = options.bodySystem === undefined ? undefined : BodySystem.safeParse(options.bodySystem);
  if (body !== undefined && !body.success) {
    return err(imrError('IMR_VALIDATION', 'Unknown body system.', { path: 'bodySystem' }));
  }
  const today = localDateOf(at);
  const needs = needsOfCase(itemList, facts.application, today, { treatmentKind: kind?.data, bodySystem: body?.data });
  const inputs = profiles.map((p) => reviewerInputOf(p, today));
  const workload: Record<string, Workload> = {};
  for (const p of profiles) workload[String(p.reviewer.id)] = workloadOf(open, p.reviewer.id, options.capacity);
  const ranking = rankReviewers(
    inputs,
    {
      needs,
      parties: screeningParties(partyList, facts.application, facts.urDecision),
      excludeReviewerIds: previous.map((a) => String(a.reviewerId)),
    },
    workload,
  );
  if (!ranking.ok) return ranking;
  const byId = new Map(profiles.map((p) => [String(p.reviewer.id), p.reviewer]));
  const named = (r: RankedReviewer, rank: number): RankedCandidate => ({
    ranked: { ...r, rank },
    name: byId.get(r.reviewerId)?.name ?? 'a reviewer with no name on record',
    profession: byId.get(r.reviewerId)?.profession,
  });
  const clear = ranking.value.ranked.filter((r) => !r.needsConflictReview);
  const look = ranking.value.ranked.filter((r) => r.needsConflictReview);
  return ok({
    needs,
    ranked: clear.map((r, i) => named(r, i + 1)),
    needsLook: look.map((r, i) => named(r, i + 1)),
    excluded: ranking.value.excluded.map((x) => ({
      reviewerId: Number(x.reviewerId),
      name: byId.get(x.reviewerId)?.name ?? 'a reviewer with no name on record',
      reasons: x.reasons.map((r) => ({ kind: r.kind, detail: exclusionInWords(r) })),
    })),
  });
}
