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

/** A return of a determined case to its reviewer, with QA's comment (migration 0006). */
export interface QaReturnRecord {
  readonly id: number;
  readonly caseId: number;
  /** The case version QA read when it returned the case. */
  readonly caseVersion: number;
  readonly returnedBy: number;
  readonly returnedAt: string;
  readonly comment: string;
}

function fromReturnRow(r: {
  id: number;
  case_id: number;
  case_version: number;
  returned_by: number;
  returned_at: string;
  comment: string;
}): QaReturnRecord {
  return {
    id: r.id,
    caseId: r.case_id,
    caseVersion: r.case_version,
    returnedBy: r.returned_by,
    returnedAt: r.returned_at,
    comment: r.comment,
  };
}

export const qaReturns = {
  async create(tx: Tx, r: Omit<QaReturnRecord, 'id'>): Promise<QaReturnRecord> {
    const row = await tx.db
      .insertInto('qa_returns')
      .values({
        case_id: r.caseId,
        case_version: r.caseVersion,
        returned_by: r.returnedBy,
        returned_at: r.returnedAt,
        comment: r.comment,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return fromReturnRow(row);
  },

  /** The case's returns, oldest first. */
  async listByCase(h: Handle, caseId: number): Promise<QaReturnRecord[]> {
    const rows = await h.db.selectFrom('qa_returns').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
    return rows.map(fromReturnRow);
  },
};
