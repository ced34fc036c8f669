import type { Handle, Tx } from '../schema.js';

/** QA approvals of a case's letter, each for one case version (migration 0003). */
export interface LetterApprovalRecord {
  readonly id: number;
  readonly caseId: number;
  readonly caseVersion: number;
  readonly approvedBy: number;
  readonly approvedAt: string;
}

function fromRow(r: {
  id: number;
  case_id: number;
  case_version: number;
  approved_by: number;
  approved_at: string;
}): LetterApprovalRecord {
  return {
    id: r.id,
    caseId: r.case_id,
    caseVersion: r.case_version,
    approvedBy: r.approved_by,
    approvedAt: r.approved_at,
  };
}

export const letterApprovals = {
  async create(tx: Tx, a: Omit<LetterApprovalRecord, 'id'>): Promise<LetterApprovalRecord> {
    const row = await tx.db
      .insertInto('letter_approvals')
      .values({
        case_id: a.caseId,
        case_version: a.caseVersion,
        approved_by: a.approvedBy,
        approved_at: a.approvedAt,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return fromRow(row);
  },

  /** The latest approval of the case's letter, any version. */
  async latest(h: Handle, caseId: number): Promise<LetterApprovalRecord | undefined> {
    const row = await h.db
      .selectFrom('letter_approvals')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row === undefined ? undefined : fromRow(row);
  },
};
