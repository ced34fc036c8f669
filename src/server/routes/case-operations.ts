import type { FastifyInstance } from 'fastify';
import { MAX_EXTENSION_DAYS } from '../../domain/clocks.js';
import { caseHistory } from '../../workflow/case-history.js';
import { previewOperation } from '../../workflow/operation-preview.js';
import { actorOf } from '../auth.js';
import { addRoute, unwrap } from '../route.js';
import type { ServerContext } from './context.js';

/**
 * The case's timeline (its audit trail in plain language) and the preview of an operation before it
 * is confirmed. The operations themselves are the extend, terminate, expedite and close routes.
 */
export function registerCaseOperationRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { store } = ctx;

  addRoute(app, 'caseTimeline', async ({ params, request }) => {
    const entries = await caseHistory(store, params.caseId);
    // It names who worked on the case and its documents' titles: reading it is audited as a case read.
    await ctx.readAudit.caseRead(request, params.caseId, 'timeline');
    return { entries };
  });

  addRoute(app, 'operationPreview', async ({ params, query, request }) => {
    const { at, certifiedAt, days, reason, ...rest } = query;
    const preview = unwrap(
      await previewOperation(
        store,
        actorOf(request),
        {
          ...rest,
          caseId: params.caseId,
          ...(days === undefined ? {} : { days }),
          ...(reason === undefined ? {} : { reason }),
          ...(at === undefined ? {} : { at }),
          ...(certifiedAt === undefined ? {} : { certifiedAt }),
        },
        ctx.now(),
      ),
    );
    return { ...preview, extensionDaysAllowed: MAX_EXTENSION_DAYS };
  });
}
