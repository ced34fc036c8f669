import { z } from 'zod';
import { type Assignment, type Case, Id, type JsonObject } from '../domain/case.js';
import { localDateOf } from '../domain/clock-dates.js';
import { type ImrError, imrError } from '../domain/errors.js';
import type { Result } from '../domain/result.js';
import {
  BodySystem,
  type ExclusionReason,
  type RankedReviewer,
  rankReviewers,
  TreatmentKind,
  type Workload,
} from '../reviewers/index.js';
import { assignments, reviewers, type Tx } from '../store/index.js';
import type { Actor } from './actor.js';
import { needsOfCase } from './case-needs.js';
import {
  CaseRef,
  caseAssignments,
  caseFacts,
  caseItems,
  caseParties,
  fail,
  keep,
  loadCase,
  parseCommandInput,
  recordChange,
} from './case-ops.js';
import { attempt, type Scope } from './context.js';
import { publishedCredentials, reviewerInputOf, screeningParties } from './registry.js';
import { type Candidate, candidateOf, explainNamed, explainSelection, selectReviewers } from './selection.js';
import { CASE_ACTIONS } from './timeline.js';
import { adjustWorkload, workload as openWorkload } from './workload.js';

/**
 * Assigning the expert reviewer (LC 139.5; 8 CCR 9792.10.4, 9792.10.6(c)). Every candidate is held to
 * qualification and screened for conflicts against every party to the case; the choice is either
 * automatic (the best-ranked reviewer, see selection.ts) or named by a coordinator, and a named
 * reviewer who is conflicted or unqualified is refused. More than one reviewer (a panel) needs the
 * Administrative Director's written approval. Each assignment keeps the conflict screen and the
 * qualification as they were run, with the explanation of the choice.
 */

export const AssignReviewerInput = CaseRef.extend({
  /** Named reviewers (the first is primary). Absent: chosen automatically. */
  reviewerIds: z
    .array(Id)
    .min(1)
    .max(5)
    .refine((ids) => new Set(ids).size === ids.length, 'a reviewer is named twice')
    .optional(),
  /** How many reviewers to choose automatically (more than one is a panel). */
  panelSize: z.number().int().min(1).max(5).default(1),
  /** The Administrative Director approved more than one reviewer in writing (8 CCR 9792.10.6(c)). */
  adApprovedPanel: z.boolean().default(false),
  /** A coordinator looked at the screen's "needs a person" hits of the named reviewers and accepts them. */
  confirmConflictReview: z.boolean().default(false),
  /** What the case asks of the reviewer; derived from every disputed item and the diagnosis codes when absent. */
  needs: z.object({ treatmentKind: TreatmentKind, bodySystem: BodySystem }).optional(),
});
export type AssignReviewerInput = z.input<typeof AssignReviewerInput>;

export interface AssignedCase {
  readonly case: Case;
  readonly assignments: readonly Assignment[];
  readonly explanation: string;
}

interface Registry {
  readonly candidates: readonly Candidate[];
  readonly byId: ReadonlyMap<string, Candidate>;
}

const REGISTRY_KEY = 'reviewer-registry';

/** The active reviewers, mapped for src/reviewers; read once per command (once per batch in a batch). */
async function registry(scope: Scope, tx: Tx): Promise<Registry> {
  const cached = scope.recall<Registry>(REGISTRY_KEY);
  if (cached !== undefined) return cached;
  const today = localDateOf(scope.at);
  const profiles = await reviewers.listProfiles(tx, { activeOnly: true });
  const candidates = profiles.map((p) => candidateOf(reviewerInputOf(p, today)));
  const loaded: Registry = { candidates, byId: new Map(candidates.map((c) => [c.input.id, c])) };
  scope.remember(REGISTRY_KEY, loaded);
  return loaded;
}

function toJson(value: unknown): JsonObject {
  return JSON.parse(JSON.stringify(value)) as JsonObject;
}

function refusal(reviewerId: number, reasons: readonly ExclusionReason[]): ImrError {
  const conflict = reasons.find((r) => r.kind === 'conflict');
  if (conflict !== undefined && conflict.kind === 'conflict') {
    return imrError('IMR_REVIEWER_CONFLICT', undefined, {
      reviewerId,
      rules: [...new Set(conflict.hits.map((h) => h.rule))].join(','),
      partyRoles: [...new Set(conflict.hits.map((h) => h.partyRole))].join(','),
    });
  }
  if (reasons.some((r) => r.kind === 'previous-reviewer')) {
    return imrError(
      'IMR_REVIEWER_CONFLICT',
      'The reviewer already reviewed this case; it must go to a different reviewer.',
      {
        reviewerId,
        reason: 'previous-reviewer',
      },
    );
  }
  const unqualified = reasons.find((r) => r.kind === 'unqualified');
  return imrError('IMR_REVIEWER_UNQUALIFIED', undefined, {
    reviewerId,
    criteria:
      unqualified !== undefined && unqualified.kind === 'unqualified'
        ? unqualified.failed.map((c) => c.criterion).join(',')
        : reasons.map((r) => r.kind).join(','),
  });
}

export async function assignReviewer(
  scope: Scope,
  actor: Actor,
  raw: unknown,
): Promise<Result<AssignedCase, ImrError>> {
  const parsed = parseCommandInput(AssignReviewerInput, raw, 'assignment');
  if (!parsed.ok) return parsed;
  const input = parsed.value;
  const count = input.reviewerIds?.length ?? input.panelSize;
  if (count > 1 && !input.adApprovedPanel) {
    return {
      ok: false,
      error: imrError(
        'IMR_VALIDATION',
        'More than one reviewer needs the Administrative Director’s written approval (8 CCR 9792.10.6(c)).',
      ),
    };
  }
  return attempt(() =>
    scope.write(async (tx) => {
      const c = await loadCase(tx, input, 'assignReviewer');
      const facts = await caseFacts(tx, c, scope);
      const [partyList, itemList, previous] = await Promise.all([
        caseParties(tx, c.id, scope),
        caseItems(tx, c, scope),
        caseAssignments(tx, c, scope),
      ]);
      const parties = screeningParties(partyList, facts.application, facts.urDecision);
      if (!itemList.some((i) => i.status === 'disputed'))
        return fail(imrError('IMR_VALIDATION', 'The case has no eligible item to review.'));
      const needs = needsOfCase(itemList, facts.application, localDateOf(scope.at), input.needs ?? {});
      const reg = await registry(scope, tx);
      const open = await openWorkload(scope, tx);
      const capacity = scope.options.reviewerCapacity;
      const workload: Record<string, Workload> = {};
      for (const cand of reg.candidates)
        workload[cand.input.id] = { open: open.get(Number(cand.input.id)) ?? 0, capacity };
      const excludeReviewerIds = previous.map((a) => String(a.reviewerId));

      let chosen: RankedReviewer[];
      let explanation: string;
      let method: 'automatic' | 'named';
      if (input.reviewerIds === undefined) {
        method = 'automatic';
        const selection = selectReviewers(reg.candidates, needs, parties, workload, count, excludeReviewerIds);
        if (selection.picked.length < count) {
          const tally = (kind: ExclusionReason['kind']) =>
            [...selection.screened, ...selection.prefiltered].filter((s) => s.reasons.some((r) => r.kind === kind))
              .length;
          return fail(
            imrError('IMR_NO_QUALIFIED_REVIEWER', undefined, {
              candidates: selection.candidates,
              needed: count,
              found: selection.picked.length,
              unqualified: tally('unqualified'),
              conflicted: tally('conflict'),
              atCapacity: tally('at-capacity'),
              needsConflictReview: selection.screened.filter((s) => s.outcome === 'needs-conflict-review').length,
            }),
          );
        }
        chosen = [...selection.picked];
        explanation = explainSelection(selection);
      } else {
        method = 'named';
        chosen = [];
        for (const id of input.reviewerIds) {
          const cand = reg.byId.get(String(id));
          if (cand === undefined) {
            const stored = await reviewers.getById(tx, id);
            if (stored === undefined)
              return fail(imrError('IMR_NOT_FOUND', 'No such reviewer.', { entity: 'reviewer', id }));
            return fail(
              imrError('IMR_REVIEWER_UNQUALIFIED', 'The reviewer is not active.', {
                reviewerId: id,
                reason: 'inactive',
              }),
            );
          }
          const load = workload[cand.input.id] ?? { open: 0, capacity };
          // A coordinator's named choice may exceed the default capacity; qualification and conflicts still bind.
          const ranking = rankReviewers(
            [cand.input],
            { needs, parties, excludeReviewerIds },
            { [cand.input.id]: { open: load.open, capacity: Math.max(load.capacity, load.open + 1) } },
          );
          if (!ranking.ok) return fail(ranking.error);
          const top = ranking.value.ranked[0];
          if (top === undefined) return fail(refusal(id, ranking.value.excluded[0]?.reasons ?? []));
          if (top.needsConflictReview && !input.confirmConflictReview) {
            return fail(
              imrError('IMR_REVIEWER_CONFLICT', 'The conflict screen needs a person to confirm this reviewer.', {
                reviewerId: id,
                needsConflictReview: true,
              }),
            );
          }
          chosen.push({ ...top, rank: chosen.length + 1 });
        }
        explanation = explainNamed(chosen);
      }

      const credentials = publishedCredentials(
        chosen.map((r) => reg.byId.get(r.reviewerId)?.input).filter((x) => x !== undefined),
        needs.asOf,
      );
      const changed = await recordChange(tx, scope, actor, {
        case: c,
        stage: 'assigned',
        patch: { assignedDate: localDateOf(scope.at), reviewerCredentials: credentials },
        action: CASE_ACTIONS.reviewerAssigned,
        details: {
          eventAt: scope.at,
          reviewerIds: chosen.map((r) => r.reviewerId).join(','),
          panel: chosen.length,
          method,
          treatmentKind: needs.treatmentKind,
          bodySystem: needs.bodySystem,
          candidates: reg.candidates.length,
          conflictReviewConfirmed: chosen.some((r) => r.needsConflictReview),
        },
      });
      const created: Assignment[] = [];
      for (const r of chosen) {
        created.push(
          await assignments.create(tx, {
            caseId: c.id,
            reviewerId: Number(r.reviewerId),
            role: created.length === 0 ? 'primary' : 'panel',
            assignedAt: scope.at,
            conflictScreen: toJson(r.conflicts),
            qualification: toJson({
              ...r.qualification,
              selection: {
                method,
                rank: r.rank,
                matchScore: r.matchScore,
                workload: r.workload,
                needs,
                explanation,
              },
            }),
          }),
        );
      }
      keep(scope, changed.case, 'assignments', [...previous, ...created]);
      adjustWorkload(
        scope,
        created.map((a) => a.reviewerId),
        +1,
      );
      return { case: changed.case, assignments: created, explanation };
    }),
  );
}
