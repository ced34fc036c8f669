import type { FastifyInstance } from 'fastify';
import type { ItemDetermination, JsonObject } from '../../domain/case.js';
import { imrError } from '../../domain/errors.js';
import { assignments, determinations } from '../../store/index.js';
import { auditDocumentReads } from '../../workflow/audited-reads.js';
import { reviewForCase } from '../../workflow/engine-review.js';
import { actorOf } from '../auth.js';
import { addRoute, failWith, unwrap } from '../route.js';
import type { ServerContext } from './context.js';

/**
 * The reviewer's workspace: the engine's review of the record, and the reviewer's decisions. The
 * engine's recommendation stored with each decision is the server's own (recomputed for the case's
 * version), not whatever the client sends, so the record of departures from the engine is honest.
 */

function standingOf(all: readonly ItemDetermination[], reviewerId: number): ItemDetermination[] {
  const latest = new Map<number, ItemDetermination>();
  for (const d of all) if (d.reviewerId === reviewerId) latest.set(d.itemId, d);
  return [...latest.values()];
}

export function registerReviewRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { store, workflow } = ctx;

  addRoute(app, 'review', async ({ params, request }) => {
    const review = unwrap(await reviewForCase(store, params.caseId, ctx.now()));
    const actor = actorOf(request);
    // The record's text is shown: each document in it counts as read.
    unwrap(
      await auditDocumentReads(store, actor, {
        caseId: params.caseId,
        documentIds: review.documentIds,
        via: 'review',
        at: ctx.now(),
      }),
    );
    const reviewerId = request.signedIn?.user.reviewerId;
    const mine =
      reviewerId === undefined ? [] : standingOf(await determinations.listByCase(store, params.caseId), reviewerId);
    return {
      caseVersion: review.caseVersion,
      text: review.text,
      segments: [...review.segments],
      items: review.items.map((i) => ({
        itemId: i.itemId,
        seq: i.seq,
        request: i.request,
        review: i.review,
        draft: i.draft,
      })),
      myDeterminations: mine,
    };
  });

  addRoute(app, 'determine', async ({ params, body, request }) => {
    const user = request.signedIn?.user;
    let reviewerId = user?.reviewerId;
    if (user?.role === 'admin') {
      // An administrator records for the case's primary reviewer (e.g. a decision sent on paper).
      const current = await assignments.listByCase(store, params.caseId, { currentOnly: true });
      reviewerId = current.find((a) => a.role === 'primary')?.reviewerId ?? current[0]?.reviewerId;
    }
    if (reviewerId === undefined) {
      return failWith(imrError('IMR_FORBIDDEN', 'The account is not linked to a reviewer of this case.'));
    }
    const review = await reviewForCase(store, params.caseId, ctx.now());
    const engineOf = new Map(
      review.ok
        ? review.value.items.map((i): [number, JsonObject] => [
            i.itemId,
            {
              recommendation: i.review.recommendation,
              topic: i.review.topic.id,
              criteria: i.review.criteria.map((c) => `${c.id}:${c.status}`).join(','),
            },
          ])
        : [],
    );
    const recorded = unwrap(
      await workflow.recordDetermination(actorOf(request), {
        caseId: params.caseId,
        expectedVersion: body.expectedVersion,
        reviewerId,
        ...(body.clinicalSummary === undefined ? {} : { clinicalSummary: body.clinicalSummary }),
        items: body.items.map((i) => {
          const engine = engineOf.get(i.itemId);
          return {
            itemId: i.itemId,
            decision: i.decision,
            basis: i.basis,
            rationale: i.rationale,
            ...(engine === undefined ? {} : { engineRecommendation: engine }),
            ...(i.overrideReason === undefined ? {} : { overrideReason: i.overrideReason }),
          };
        }),
      }),
    );
    return {
      case: recorded.case,
      determinations: [...recorded.determinations],
      complete: recorded.complete,
    };
  });
}
