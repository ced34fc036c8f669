import { type Insertable, sql, type Updateable } from 'kysely';
import { type Case, CasePatch, type CaseStage, NewCase } from '../../domain/case.js';
import { imrError } from '../../domain/errors.js';
import { codec, nowIso, parseInput } from '../codec.js';
import { fail, isUniqueViolation } from '../db-errors.js';
import type { CasesTable, Handle, Tx } from '../schema.js';
import { clampLimit } from './common.js';

export const caseCodec = codec<Case>({
  id: 'value',
  caseNumber: 'value',
  stage: 'value',
  stageReason: 'value',
  priority: 'value',
  kind: 'value',
  source: 'value',
  receivedDate: 'value',
  urDecisionDate: 'value',
  eligibilityDate: 'value',
  assignedDate: 'value',
  recordsReceivedDate: 'value',
  decisionDate: 'value',
  letterIssuedDate: 'value',
  closedDate: 'value',
  dueDate: 'value',
  patientAge: 'value',
  patientSex: 'value',
  injuryDate: 'value',
  reviewerCredentials: 'json',
  version: 'value',
  createdAt: 'value',
  updatedAt: 'value',
});

/** Which version of a case an update was based on. */
export interface CaseRef {
  readonly id: number;
  readonly expectedVersion: number;
}

export interface ListByStageOptions {
  readonly limit?: number;
  readonly offset?: number;
  /** Only cases due on or before this date. */
  readonly dueOnOrBefore?: string;
}

function newRow(input: NewCase): Insertable<CasesTable> {
  const at = nowIso();
  const row = caseCodec.toRow(parseInput(NewCase, input, 'case'));
  return { ...row, version: 1, created_at: at, updated_at: at } as Insertable<CasesTable>;
}

function duplicate(caseNumber: string): never {
  return fail(imrError('IMR_CASE_DUPLICATE', 'A case with this case number already exists.', { caseNumber }));
}

export const cases = {
  /** Creates a case at version 1. A case number already taken: IMR_CASE_DUPLICATE. */
  async create(tx: Tx, input: NewCase): Promise<Case> {
    const row = newRow(input);
    try {
      const created = await tx.db.insertInto('cases').values(row).returningAll().executeTakeFirstOrThrow();
      return caseCodec.fromRow(created);
    } catch (thrown) {
      if (isUniqueViolation(thrown)) duplicate(row.case_number);
      throw thrown;
    }
  },

  /**
   * Creates the case unless its case number exists already; then returns undefined and changes
   * nothing (for idempotent imports). Safe against a concurrent import of the same case.
   */
  async createIfAbsent(tx: Tx, input: NewCase): Promise<Case | undefined> {
    const created = await tx.db
      .insertInto('cases')
      .values(newRow(input))
      .onConflict((oc) => oc.column('case_number').doNothing())
      .returningAll()
      .executeTakeFirst();
    return created === undefined ? undefined : caseCodec.fromRow(created);
  },

  async getById(h: Handle, id: number): Promise<Case | undefined> {
    const row = await h.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : caseCodec.fromRow(row);
  },

  async getByCaseNumber(h: Handle, caseNumber: string): Promise<Case | undefined> {
    const row = await h.db.selectFrom('cases').selectAll().where('case_number', '=', caseNumber).executeTakeFirst();
    return row === undefined ? undefined : caseCodec.fromRow(row);
  },

  /** Cases in the given stages, soonest due first (no due date last), then oldest first. */
  async listByStage(
    h: Handle,
    stages: CaseStage | readonly CaseStage[],
    options: ListByStageOptions = {},
  ): Promise<Case[]> {
    const list = typeof stages === 'string' ? [stages] : [...stages];
    if (list.length === 0) return [];
    let q = h.db.selectFrom('cases').selectAll().where('stage', 'in', list);
    if (options.dueOnOrBefore !== undefined) q = q.where('due_date', '<=', options.dueOnOrBefore);
    const rows = await q
      .orderBy(sql`due_date is null`)
      .orderBy('due_date')
      .orderBy('id')
      .limit(clampLimit(options.limit, 100, 1000))
      .offset(Math.max(options.offset ?? 0, 0))
      .execute();
    return rows.map((r) => caseCodec.fromRow(r));
  },

  /**
   * Applies `patch` if the case is still at `ref.expectedVersion`, and moves it to the next version.
   * Someone else's change in between: IMR_CONFLICT; no such case: IMR_NOT_FOUND.
   */
  async update(tx: Tx, ref: CaseRef, patch: CasePatch): Promise<Case> {
    const set = caseCodec.toRow(parseInput(CasePatch, patch, 'case change')) as Updateable<CasesTable>;
    const row = await tx.db
      .updateTable('cases')
      .set({ ...set, version: sql<number>`version + 1`, updated_at: nowIso() })
      .where('id', '=', ref.id)
      .where('version', '=', ref.expectedVersion)
      .returningAll()
      .executeTakeFirst();
    if (row !== undefined) return caseCodec.fromRow(row);
    const current = await tx.db.selectFrom('cases').select('version').where('id', '=', ref.id).executeTakeFirst();
    if (current === undefined) return fail(imrError('IMR_NOT_FOUND', 'No such case.', { entity: 'case', id: ref.id }));
    return fail(
      imrError('IMR_CONFLICT', undefined, {
        entity: 'case',
        id: ref.id,
        expectedVersion: ref.expectedVersion,
        currentVersion: current.version,
      }),
    );
  },

  /** `update` with a stage change; the usual way the workflow moves a case on. */
  updateStage(tx: Tx, ref: CaseRef, stage: CaseStage, patch: Omit<CasePatch, 'stage'> = {}): Promise<Case> {
    return cases.update(tx, ref, { ...patch, stage });
  },
};
