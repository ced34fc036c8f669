import type { Handle, Tx } from '../store/index.js';
import type { Scope } from './context.js';
import { openAssignmentsByReviewer } from './queries.js';
import { REVIEW_STAGES } from './timeline.js';

const WORKLOAD_KEY = 'reviewer-workload';

/**
 * The one workload figure: a reviewer's open reviews, i.e. current (not ended) assignments on cases
 * in a review stage (assigned, records requested or received, in review, determined and waiting for
 * QA). Issued, closed, terminated and ineligible cases do not count. Assignment, the candidate list,
 * the administration page and every other page that shows workload read it from here.
 */
export function openReviewsByReviewer(h: Handle): Promise<Map<number, number>> {
  return openAssignmentsByReviewer(h, REVIEW_STAGES);
}

export interface ReviewerWorkload {
  readonly open: number;
  readonly capacity: number;
}

/** Open reviews and the capacity they are measured against, for one reviewer. */
export function workloadOf(open: ReadonlyMap<number, number>, reviewerId: number, capacity: number): ReviewerWorkload {
  return { open: open.get(reviewerId) ?? 0, capacity };
}

/**
 * Open review assignments per reviewer: read once per command, or once per batch and then kept up
 * to date by the batch's own commands (assignments add, cases leaving review subtract).
 */
export async function workload(scope: Scope, tx: Tx): Promise<ReadonlyMap<number, number>> {
  const cachedLoad = scope.recall<ReadonlyMap<number, number>>(WORKLOAD_KEY);
  if (cachedLoad !== undefined) return cachedLoad;
  const loaded = await openReviewsByReviewer(tx);
  scope.remember(WORKLOAD_KEY, loaded);
  return loaded;
}

/** Whether this command (or its batch) keeps a workload to adjust. */
export function hasWorkload(scope: Scope): boolean {
  return scope.recall(WORKLOAD_KEY) !== undefined;
}

/** Moves the kept workload (if any) by `delta` for each reviewer. */
export function adjustWorkload(scope: Scope, reviewerIds: readonly number[], delta: number): void {
  const current = scope.recall<ReadonlyMap<number, number>>(WORKLOAD_KEY);
  if (current === undefined || reviewerIds.length === 0) return;
  const next = new Map(current);
  for (const id of reviewerIds) next.set(id, Math.max(0, (next.get(id) ?? 0) + delta));
  scope.remember(WORKLOAD_KEY, next);
}
