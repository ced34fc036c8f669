import { localDateOf } from '../domain/clock-dates.js';
import { type ImrError, imrError } from '../domain/errors.js';
import { err, ok, type Result } from '../domain/result.js';
import {
  BodySystem,
  bodySystemFromParts,
  type CaseNeeds,
  type ExclusionReason,
  type RankedReviewer,
  rankReviewers,
  TreatmentKind,
  type Workload,
} from '../reviewers/index.js';
import { cases, type Handle, reviewers } from '../store/index.js';
import { caseAssignments, caseFacts, caseItems, caseParties } from './case-ops.js';
import { openAssignmentsByReviewer } from './queries.js';
import { reviewerInputOf, screeningParties } from './registry.js';
import { REVIEW_STAGES } from './timeline.js';

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
  readonly ranked: readonly RankedCandidate[];
  readonly excluded: readonly ExcludedCandidate[];
}

export interface CandidateOptions {
  /** Overrides of what the case needs (derived from its first disputed item otherwise). */
  readonly treatmentKind?: string;
  readonly bodySystem?: string;
  /** Open review assignments a reviewer may carry. */
  readonly capacity: number;
}

function detailOf(r: ExclusionReason): string {
  switch (r.kind) {
    case 'invalid-record':
      return r.message;
    case 'previous-reviewer':
      return 'already reviewed this case';
    case 'unqualified':
      return r.failed.map((c) => `${c.criterion}: ${c.detail}`).join('; ');
    case 'conflict':
      return r.hits.map((h) => h.explanation).join('; ');
    case 'no-workload-data':
      return 'no workload data';
    case 'at-capacity':
      return `${r.open} open of ${r.capacity}`;
  }
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
    openAssignmentsByReviewer(h, REVIEW_STAGES),
  ]);
  const first = itemList.find((i) => i.status === 'disputed') ?? itemList[0];
  const kind = TreatmentKind.safeParse(options.treatmentKind ?? first?.category);
  const body = BodySystem.safeParse(options.bodySystem);
  if (options.bodySystem !== undefined && !body.success) {
    return err(imrError('IMR_VALIDATION', 'Unknown body system.', { path: 'bodySystem' }));
  }
  const today = localDateOf(at);
  const needs: CaseNeeds = {
    treatmentKind: kind.success ? kind.data : 'other',
    bodySystem: body.success
      ? body.data
      : bodySystemFromParts(first === undefined ? [] : [first.originalRequest ?? first.request]),
    asOf: today,
  };
  const inputs = profiles.map((p) => reviewerInputOf(p, today));
  const workload: Record<string, Workload> = {};
  for (const p of profiles)
    workload[String(p.reviewer.id)] = { open: open.get(p.reviewer.id) ?? 0, capacity: options.capacity };
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
  return ok({
    needs,
    ranked: ranking.value.ranked.map((r) => ({
      ranked: r,
      name: byId.get(r.reviewerId)?.name ?? `reviewer ${r.reviewerId}`,
      profession: byId.get(r.reviewerId)?.profession,
    })),
    excluded: ranking.value.excluded.map((x) => ({
      reviewerId: Number(x.reviewerId),
      name: byId.get(x.reviewerId)?.name ?? `reviewer ${x.reviewerId}`,
      reasons: x.reasons.map((r) => ({ kind: r.kind, detail: detailOf(r) })),
    })),
  });
}
