import type { Insertable } from 'kysely';
import { z } from 'zod';
import { type Assignment, NewAssignment, Timestamp } from '../../domain/case.js';
import { imrError } from '../../domain/errors.js';
import { codec, parseInput } from '../codec.js';
import { fail } from '../db-errors.js';
import type { AssignmentsTable, Handle, Tx } from '../schema.js';
import { notFound } from './common.js';

export const assignmentCodec = codec<Assignment>({
  id: 'value',
  caseId: 'value',
  reviewerId: 'value',
  role: 'value',
  assignedAt: 'value',
  conflictScreen: 'json',
  qualification: 'json',
  endedAt: 'value',
  endReason: 'value',
});

const AssignmentEnd = z.object({ endedAt: Timestamp, endReason: z.string().trim().min(1).max(300) });

/** Reviewers assigned to cases. An assignment is never deleted: it ends (reassignment, remand). */
export const assignments = {
  async create(tx: Tx, input: NewAssignment): Promise<Assignment> {
    const row = assignmentCodec.toRow(parseInput(NewAssignment, input, 'assignment')) as Insertable<AssignmentsTable>;
    return assignmentCodec.fromRow(
      await tx.db.insertInto('assignments').values(row).returningAll().executeTakeFirstOrThrow(),
    );
  },

  async getById(h: Handle, id: number): Promise<Assignment | undefined> {
    const row = await h.db.selectFrom('assignments').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : assignmentCodec.fromRow(row);
  },

  /** All assignments of a case, ended ones included, oldest first. */
  async listByCase(h: Handle, caseId: number, options: { readonly currentOnly?: boolean } = {}): Promise<Assignment[]> {
    let q = h.db.selectFrom('assignments').selectAll().where('case_id', '=', caseId);
    if (options.currentOnly === true) q = q.where('ended_at', 'is', null);
    const rows = await q.orderBy('id').execute();
    return rows.map((r) => assignmentCodec.fromRow(r));
  },

  /** A reviewer's assignments (workload, history of a reviewer with a party). */
  async listByReviewer(
    h: Handle,
    reviewerId: number,
    options: { readonly currentOnly?: boolean } = {},
  ): Promise<Assignment[]> {
    let q = h.db.selectFrom('assignments').selectAll().where('reviewer_id', '=', reviewerId);
    if (options.currentOnly === true) q = q.where('ended_at', 'is', null);
    const rows = await q.orderBy('id').execute();
    return rows.map((r) => assignmentCodec.fromRow(r));
  },

  /** Ends a current assignment; ending one that has ended already is IMR_CONFLICT. */
  async end(tx: Tx, id: number, end: z.infer<typeof AssignmentEnd>): Promise<Assignment> {
    const v = parseInput(AssignmentEnd, end, 'assignment end');
    const row = await tx.db
      .updateTable('assignments')
      .set({ ended_at: v.endedAt, end_reason: v.endReason })
      .where('id', '=', id)
      .where('ended_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    if (row !== undefined) return assignmentCodec.fromRow(row);
    if ((await assignments.getById(tx, id)) === undefined) notFound('assignment', id);
    return fail(imrError('IMR_CONFLICT', 'The assignment has ended already.', { entity: 'assignment', id }));
  },
};
