import { z } from 'zod';
import type { Case } from '../domain/case.js';
import { type ImrError, imrError } from '../domain/errors.js';
import type { Result } from '../domain/result.js';
import { type Handle, type QaReturnRecord, qaReturns } from '../store/index.js';
import type { Actor } from './actor.js';
import { CaseRef, fail, loadCase, parseCommandInput, recordChange } from './case-ops.js';
import { attempt, type Scope } from './context.js';
import { CASE_ACTIONS } from './timeline.js';

/**
 * Clinical QA returns a determined case to its reviewer with a comment: the case goes back to
 * `in-review`, any approval of the letter lapses (the case has a new version), and the reviewer sees
 * the comment beside their decisions. The comment is stored in `qa_returns`; the audit event names the
 * row, never the words. The reviewer records again and QA approves the new version.
 */

export const ReturnToReviewerInput = CaseRef.extend({ comment: z.string().trim().min(1).max(4000) });
export type ReturnToReviewerInput = z.input<typeof ReturnToReviewerInput>;

export interface QaReturnView {
  readonly id: number;
  readonly caseVersion: number;
  readonly returnedBy: number;
  readonly returnedByName: string;
  readonly returnedAt: string;
  readonly comment: string;
}

export interface ReturnedCase {
  readonly case: Case;
  readonly qaReturn: QaReturnView;
}

export async function returnToReviewer(
  scope: Scope,
  actor: Actor,
  raw: unknown,
): Promise<Result<ReturnedCase, ImrError>> {
  const parsed = parseCommandInput(ReturnToReviewerInput, raw, 'return to the reviewer');
  if (!parsed.ok) return parsed;
  const { comment, ...ref } = parsed.value;
  if (actor.userId === 'system') {
    return {
      ok: false,
      error: imrError('IMR_FORBIDDEN', 'A person in QA returns a case.', { command: 'returnToReviewer' }),
    };
  }
  const userId = actor.userId;
  return attempt(() =>
    scope.write(async (tx) => {
      const c = await loadCase(tx, ref, 'returnToReviewer');
      const row = await qaReturns.create(tx, {
        caseId: c.id,
        caseVersion: c.version,
        returnedBy: userId,
        returnedAt: scope.at,
        comment,
      });
      const changed = await recordChange(tx, scope, actor, {
        case: c,
        stage: 'in-review',
        action: CASE_ACTIONS.returnedToReviewer,
        details: { eventAt: scope.at, qaReturnId: row.id, returnedVersion: c.version },
      });
      const [view] = await qaReturnsOf(tx, c.id, row.id);
      if (view === undefined) return fail(imrError('IMR_INTERNAL'));
      return { case: changed.case, qaReturn: view };
    }),
  );
}

/** QA's returns of a case with who made them, oldest first (or only the one with `id`). */
export async function qaReturnsOf(h: Handle, caseId: number, id?: number): Promise<QaReturnView[]> {
  let q = h.db
    .selectFrom('qa_returns')
    .leftJoin('users', 'users.id', 'qa_returns.returned_by')
    .select([
      'qa_returns.id',
      'qa_returns.case_version',
      'qa_returns.returned_by',
      'qa_returns.returned_at',
      'qa_returns.comment',
      'users.display_name',
    ])
    .where('qa_returns.case_id', '=', caseId);
  if (id !== undefined) q = q.where('qa_returns.id', '=', id);
  const rows = await q.orderBy('qa_returns.id').execute();
  return rows.map((r) => ({
    id: r.id,
    caseVersion: r.case_version,
    returnedBy: r.returned_by,
    returnedByName: r.display_name ?? `User ${r.returned_by}`,
    returnedAt: r.returned_at,
    comment: r.comment,
  }));
}

export type { QaReturnRecord };
