import type { FastifyRequest } from 'fastify';
import { imrError } from '../../domain/errors.js';
import { prepared, type Store } from '../../store/index.js';
import type { WorkflowService } from '../../workflow/index.js';
import { reviewerAccess } from '../../workflow/reviewer-access.js';
import { uploadLimitOf } from '../auth.js';
import type { AppConfig } from '../config.js';
import { DECIDED_REVIEWER_ROUTES } from '../contract.js';
import type { ReadAuditLog, RefusalReason } from '../read-audit.js';
import { failWith, notFound, type RouteGuards } from '../route.js';

/** What every route module gets. */
export interface ServerContext {
  readonly store: Store;
  readonly workflow: WorkflowService;
  readonly config: AppConfig;
  readonly now: () => string;
  /** A deadline this many calendar days away or fewer is "due soon". */
  readonly dueSoonDays: number;
  /** The audit of reads and refusals (read-audit.ts). */
  readonly readAudit: ReadAuditLog;
}

const caseRow = prepared((db, p: { id: number }) => db.selectFrom('cases').select('id').where('id', '=', p.id));

/** Cases known to exist: cases are never deleted, so once seen an id stays good (a miss is asked again). */
const KNOWN_CASES_LIMIT = 100_000;

function caseExistence(store: Store): (caseId: number) => Promise<boolean> {
  const known = new Set<number>();
  return async (caseId) => {
    if (known.has(caseId)) return true;
    if ((await caseRow(store, { id: caseId })).length === 0) return false;
    if (known.size >= KNOWN_CASES_LIMIT) known.clear();
    known.add(caseId);
    return true;
  };
}

/**
 * Who may reach a case, on every route whose path names one (route.ts runs it before the body is read): a
 * case that does not exist, and for a reviewer a case neither assigned to them nor decided by them, get
 * the same 404 — same code, message and details — so the answer does not tell whether it exists. A
 * reviewer who decided a case no longer assigned to them reads it (the routes of
 * `DECIDED_REVIEWER_ROUTES`) and is refused anything else with a 403. Other roles pass on an existing
 * case (their route's role list already admitted them). Each refusal is audited.
 */
export function routeGuards(ctx: ServerContext): RouteGuards {
  const caseExists = caseExistence(ctx.store);
  const refuse = async (request: FastifyRequest, caseId: number, route: string, reason: RefusalReason) => {
    await ctx.readAudit.refused(request, caseId, route, reason);
    notFound('case');
  };
  return {
    uploads: { fileLimit: uploadLimitOf(ctx.config), totalLimit: ctx.config.bodyLimitBytes },
    async caseGate(request, caseId, route) {
      const user = request.signedIn?.user;
      if (user?.role === 'reviewer') {
        const access =
          user.reviewerId === undefined ? 'none' : await reviewerAccess(ctx.store, caseId, user.reviewerId);
        if (access === 'assigned') return;
        if (access === 'decided') {
          if (DECIDED_REVIEWER_ROUTES.includes(route)) return;
          // The case is theirs to read, so it is no secret that it exists: say why the request is refused.
          await ctx.readAudit.refused(request, caseId, route, 'read-only');
          failWith(
            imrError(
              'IMR_FORBIDDEN',
              'You decided this case and it is no longer assigned to you: you can read the case, your determination and the issued letter, but not change anything.',
              { reason: 'read-only' },
            ),
          );
        }
        await refuse(request, caseId, route, (await caseExists(caseId)) ? 'not-assigned' : 'missing');
      }
      if (!(await caseExists(caseId))) await refuse(request, caseId, route, 'missing');
    },
    async roleRefused(request, caseId, route) {
      await ctx.readAudit.refused(request, caseId, route, 'role');
    },
  };
}
