import { z } from 'zod';
import { type Case, Id, type ItemDetermination, JsonObject } from '../domain/case.js';
import { type ImrError, imrError } from '../domain/errors.js';
import { Basis, Decision } from '../domain/letter.js';
import type { Result } from '../domain/result.js';
import { checkRationale, type RationaleIssue } from '../letter/integrity.js';
import { determinations, letterApprovals, users } from '../store/index.js';
import type { Actor } from './actor.js';
import { storeDocuments } from './case-events.js';
import {
  CaseRef,
  caseAssignments,
  caseDeterminations,
  caseItems,
  fail,
  keep,
  loadCase,
  parseCommandInput,
  recordChange,
} from './case-ops.js';
import { attempt, type Scope } from './context.js';
import { prepareDocuments } from './documents.js';
import { decidedItems, standingDeterminations } from './letter-build.js';
import { CASE_ACTIONS } from './timeline.js';

/**
 * A reviewer's decisions on disputed items (LC 4610.6(e)): per item the decision, the guideline
 * basis, the rationale, and — when the engine recommended something else — why the reviewer departed
 * from it. A decision may be revised (a new determination; the latest stands). The case is determined
 * once every eligible item has a standing decision from every assigned reviewer (a panel decides by
 * majority when the letter issues). The reviewer's clinical case summary is kept as a case document.
 */

export const CLINICAL_SUMMARY_TITLE = 'Clinical case summary (expert reviewer)';

export const DeterminationItemInput = z.object({
  itemId: Id,
  decision: Decision,
  basis: Basis,
  rationale: z.string().trim().min(1),
  /** The engine's output for this item as it gave it (`recommendation`: Upheld, Overturned or Refer). */
  engineRecommendation: JsonObject.optional(),
  /** Required when the decision departs from the engine's Upheld/Overturned recommendation. */
  overrideReason: z.string().trim().min(1).optional(),
});

export const RecordDeterminationInput = CaseRef.extend({
  reviewerId: Id,
  items: z.array(DeterminationItemInput).min(1),
  clinicalSummary: z.string().trim().min(1).optional(),
});
export type RecordDeterminationInput = z.input<typeof RecordDeterminationInput>;

export interface RecordedDetermination {
  readonly case: Case;
  readonly determinations: readonly ItemDetermination[];
  /** Every eligible item has a standing decision from every assigned reviewer. */
  readonly complete: boolean;
  readonly summaryDocumentId: number | undefined;
}

/**
 * The coded error for a rationale that contradicts its decision or holds the engine's notes. The
 * details say which item and where the sentence is (offsets in the rationale as sent, trimmed), never
 * its words: error details stay free of case text; the caller has the rationale and shows the sentence.
 */
export function rationaleError(itemId: number, issue: RationaleIssue, more: number): ImrError {
  return imrError(
    'IMR_RATIONALE_CONTRADICTS_DECISION',
    issue.kind === 'internal-note'
      ? 'The rationale holds a note of the decision-support engine that must not go into a letter.'
      : `The rationale concludes the opposite of the decision (it reads as ${issue.says}).`,
    {
      itemId,
      kind: issue.kind,
      start: issue.start,
      end: issue.end,
      ...(issue.says === undefined ? {} : { says: issue.says }),
      otherIssues: more,
    },
  );
}

function engineDecision(rec: JsonObject | undefined): Decision | undefined {
  const r = rec?.recommendation;
  return r === 'Upheld' || r === 'Overturned' ? r : undefined;
}

export async function recordDetermination(
  scope: Scope,
  actor: Actor,
  raw: unknown,
): Promise<Result<RecordedDetermination, ImrError>> {
  const parsed = parseCommandInput(RecordDeterminationInput, raw, 'determination');
  if (!parsed.ok) return parsed;
  const { reviewerId, items: decided, clinicalSummary, ...ref } = parsed.value;
  if (new Set(decided.map((d) => d.itemId)).size !== decided.length) {
    return { ok: false, error: imrError('IMR_VALIDATION', 'An item is decided twice in one determination.') };
  }
  for (const d of decided) {
    const engine = engineDecision(d.engineRecommendation);
    if (engine !== undefined && engine !== d.decision && d.overrideReason === undefined) {
      return {
        ok: false,
        error: imrError('IMR_VALIDATION', 'A decision that departs from the engine recommendation needs a reason.', {
          itemId: d.itemId,
        }),
      };
    }
  }
  for (const d of decided) {
    const issues = checkRationale(d.decision, d.rationale);
    const first = issues[0];
    if (first !== undefined) return { ok: false, error: rationaleError(d.itemId, first, issues.length - 1) };
  }
  return attempt(async () => {
    const summary =
      clinicalSummary === undefined
        ? undefined
        : await prepareDocuments(
            scope.store.files,
            [
              {
                title: CLINICAL_SUMMARY_TITLE,
                kind: 'other',
                mime: 'text/plain',
                bytes: new TextEncoder().encode(clinicalSummary),
              },
            ],
            scope.at,
            scope.options.maxDocumentBytes,
          );
    if (summary !== undefined && !summary.ok) return summary;
    return scope.write(async (tx) => {
      const c = await loadCase(tx, ref, 'recordDetermination');
      if (c.stage === 'determined') {
        // The reviewer may revise until QA approves the letter as the case stands; then only a return reopens it.
        const approval = await letterApprovals.latest(tx, c.id);
        if (approval?.caseVersion === c.version) {
          return fail(imrError('IMR_DETERMINATION_LOCKED', undefined, { caseId: c.id, approvedVersion: c.version }));
        }
      }
      if (actor.role === 'reviewer') {
        const user = actor.userId === 'system' ? undefined : await users.getById(tx, actor.userId);
        if (user?.reviewerId !== reviewerId) {
          return fail(imrError('IMR_FORBIDDEN', 'Reviewers record only their own decisions.', { reviewerId }));
        }
      }
      const panel = (await caseAssignments(tx, c, scope))
        .filter((a) => a.endedAt === undefined)
        .map((a) => a.reviewerId);
      if (!panel.includes(reviewerId)) {
        return fail(imrError('IMR_VALIDATION', 'The reviewer is not assigned to this case.', { reviewerId }));
      }
      const open = decidedItems(await caseItems(tx, c, scope));
      const openIds = new Set(open.map((i) => i.id));
      const stray = decided.find((d) => !openIds.has(d.itemId));
      if (stray !== undefined) {
        return fail(
          imrError('IMR_VALIDATION', 'The item is not an eligible item of this case.', { itemId: stray.itemId }),
        );
      }
      const existing = await caseDeterminations(tx, c, scope);
      const after: Pick<ItemDetermination, 'id' | 'itemId' | 'reviewerId' | 'decision'>[] = [
        ...existing,
        ...decided.map((d, i) => ({
          id: Number.MAX_SAFE_INTEGER - i,
          itemId: d.itemId,
          reviewerId,
          decision: d.decision,
        })),
      ];
      const complete = open.every((item) => standingDeterminations(item.id, after, panel).length === panel.length);
      const overrides = decided.filter((d) => {
        const engine = engineDecision(d.engineRecommendation);
        return engine !== undefined && engine !== d.decision;
      }).length;
      const changed = await recordChange(tx, scope, actor, {
        case: c,
        stage: complete ? 'determined' : 'in-review',
        action: CASE_ACTIONS.determinationRecorded,
        details: {
          eventAt: scope.at,
          reviewerId,
          items: decided.length,
          upheld: decided.filter((d) => d.decision === 'Upheld').length,
          overturned: decided.filter((d) => d.decision === 'Overturned').length,
          engineRecommendations: decided.filter((d) => engineDecision(d.engineRecommendation) !== undefined).length,
          overrides,
          complete,
          summary: summary !== undefined,
        },
      });
      const created: ItemDetermination[] = [];
      for (const d of decided) {
        created.push(
          await determinations.create(tx, {
            itemId: d.itemId,
            reviewerId,
            decision: d.decision,
            basis: d.basis,
            rationale: d.rationale,
            ...(d.engineRecommendation === undefined ? {} : { engineRecommendation: d.engineRecommendation }),
            ...(d.overrideReason === undefined ? {} : { overrideReason: d.overrideReason }),
            decidedAt: scope.at,
          }),
        );
      }
      const summaryIds = summary === undefined ? [] : await storeDocuments(tx, c.id, summary.value);
      keep(scope, changed.case, 'determinations', [...existing, ...created]);
      if (summaryIds[0] !== undefined && clinicalSummary !== undefined) {
        keep(scope, changed.case, 'summary', { id: summaryIds[0], text: clinicalSummary });
      }
      return { case: changed.case, determinations: created, complete, summaryDocumentId: summaryIds[0] };
    });
  });
}
