import type { FastifyRequest } from 'fastify';
import type { Store } from '../../store/index.js';
import { isAssignedTo } from '../../workflow/case-view.js';
import type { WorkflowService } from '../../workflow/index.js';
import type { AppConfig } from '../config.js';
import { notFound } from '../route.js';

/** What every route module gets. */
export interface ServerContext {
  readonly store: Store;
  readonly workflow: WorkflowService;
  readonly config: AppConfig;
  readonly now: () => string;
  /** A deadline this many calendar days away or fewer is "due soon". */
  readonly dueSoonDays: number;
}

/**
 * A reviewer reaches only the cases currently assigned to them; for any other case they get the
 * answer a missing case gets (404), so the response does not tell whether it exists. Other roles
 * pass (their route's role list already admitted them).
 */
export async function requireCaseAccess(ctx: ServerContext, request: FastifyRequest, caseId: number): Promise<void> {
  const user = request.signedIn?.user;
  if (user?.role !== 'reviewer') return;
  if (user.reviewerId === undefined || !(await isAssignedTo(ctx.store, caseId, user.reviewerId))) notFound('case');
}
