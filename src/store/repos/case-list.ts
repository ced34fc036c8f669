import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { CaseKind, CasePriority, CaseSource, CaseStage } from '../../domain/case.js';
import type { Database, Handle } from '../schema.js';
import { clampLimit } from './common.js';

/**
 * One page of cases for the work queue and case search, filtered, sorted and counted in the database
 * (both dialects): the process holds a page, never the whole table. Returns ids and versions; the
 * caller reads the rows it needs (the workflow keeps them per version).
 */

export const CASE_LIST_SORTS = ['due', 'received', 'case-number'] as const;
export type CaseListSort = (typeof CASE_LIST_SORTS)[number];

/** What a search term matched: the kinds of field, never the term itself (it may be a name). */
export type SearchField = 'case-number' | 'employee-name' | 'claim-number';

export interface CaseListFilter {
  readonly stages: readonly CaseStage[];
  readonly priority?: CasePriority;
  readonly kind?: CaseKind;
  readonly source?: CaseSource;
  /** Case number, employee name or claim number contains this (case-insensitive). */
  readonly search?: string;
  /** Only these cases (a dashboard group's, worked out by the caller). */
  readonly caseIds?: readonly number[];
  /** Only cases this reviewer is currently assigned to. */
  readonly reviewerId?: number;
  readonly receivedFrom?: string;
  readonly receivedTo?: string;
  readonly decidedFrom?: string;
  readonly decidedTo?: string;
  readonly sort?: CaseListSort;
  readonly order?: 'asc' | 'desc';
  readonly limit?: number;
  readonly offset?: number;
}

export interface CaseListPage {
  readonly refs: readonly { readonly id: number; readonly version: number }[];
  /** Every case matching the filter, whatever the page. */
  readonly total: number;
}

type Eb = ExpressionBuilder<Database, 'cases'>;

/** `term` as a LIKE pattern that matches it anywhere, its own wildcards escaped. */
function containsPattern(term: string): string {
  return `%${term.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function contains(column: string, pattern: string): Expression<SqlBool> {
  return sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}

function conditions(eb: Eb, f: CaseListFilter): Expression<SqlBool>[] {
  const out: Expression<SqlBool>[] = [eb('cases.stage', 'in', [...f.stages])];
  if (f.caseIds !== undefined) {
    out.push(f.caseIds.length === 0 ? sql<SqlBool>`1 = 0` : eb('cases.id', 'in', [...f.caseIds]));
  }
  if (f.priority !== undefined) out.push(eb('cases.priority', '=', f.priority));
  if (f.kind !== undefined) out.push(eb('cases.kind', '=', f.kind));
  if (f.source !== undefined) out.push(eb('cases.source', '=', f.source));
  if (f.receivedFrom !== undefined) out.push(eb('cases.received_date', '>=', f.receivedFrom));
  if (f.receivedTo !== undefined) out.push(eb('cases.received_date', '<=', f.receivedTo));
  if (f.decidedFrom !== undefined) out.push(eb('cases.decision_date', '>=', f.decidedFrom));
  if (f.decidedTo !== undefined) out.push(eb('cases.decision_date', '<=', f.decidedTo));
  if (f.reviewerId !== undefined) {
    const reviewerId = f.reviewerId;
    out.push(
      eb.exists(
        eb
          .selectFrom('assignments')
          .select('assignments.id')
          .whereRef('assignments.case_id', '=', 'cases.id')
          .where('assignments.reviewer_id', '=', reviewerId)
          .where('assignments.ended_at', 'is', null),
      ),
    );
  }
  const term = f.search?.trim() ?? '';
  if (term !== '') {
    const pattern = containsPattern(term);
    out.push(
      eb.or([
        contains('cases.case_number', pattern),
        eb.exists(
          eb
            .selectFrom('applications')
            .select('applications.id')
            .whereRef('applications.case_id', '=', 'cases.id')
            .where((a) =>
              a.or([contains('applications.employee_name', pattern), contains('applications.claim_number', pattern)]),
            ),
        ),
      ]),
    );
  }
  return out;
}

export const caseList = {
  async page(h: Handle, f: CaseListFilter): Promise<CaseListPage> {
    if (f.stages.length === 0) return { refs: [], total: 0 };
    const desc = f.order === 'desc';
    const dir = desc ? 'desc' : 'asc';
    let q = h.db
      .selectFrom('cases')
      .select(['cases.id', 'cases.version'])
      .where((eb) => eb.and(conditions(eb, f)));
    switch (f.sort ?? 'due') {
      case 'due':
        q = q.orderBy(sql`cases.due_date is null`).orderBy('cases.due_date', dir);
        break;
      case 'received':
        q = q.orderBy(sql`cases.received_date is null`).orderBy('cases.received_date', dir);
        break;
      case 'case-number':
        q = q.orderBy('cases.case_number', dir);
        break;
    }
    const [rows, count] = await Promise.all([
      q
        .orderBy('cases.id', dir)
        .limit(clampLimit(f.limit, 50, 500))
        .offset(Math.max(Math.trunc(f.offset ?? 0), 0))
        .execute(),
      h.db
        .selectFrom('cases')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where((eb) => eb.and(conditions(eb, f)))
        .executeTakeFirst(),
    ]);
    return { refs: rows.map((r) => ({ id: r.id, version: r.version })), total: Number(count?.n ?? 0) };
  },

  /** Which kinds of field `term` matches on the cases listed (for the audit of a search). */
  async matchedFields(h: Handle, caseIds: readonly number[], term: string): Promise<SearchField[]> {
    const t = term.trim();
    if (caseIds.length === 0 || t === '') return [];
    const pattern = containsPattern(t);
    const ids = [...caseIds];
    /** Whether an application of the listed cases matches in `column`. */
    const applicationHit = (column: 'applications.employee_name' | 'applications.claim_number') =>
      h.db
        .selectFrom('applications')
        .select('id')
        .where('case_id', 'in', ids)
        .where(() => contains(column, pattern))
        .limit(1)
        .execute();
    const [byNumber, byName, byClaim] = await Promise.all([
      h.db
        .selectFrom('cases')
        .select('id')
        .where('id', 'in', ids)
        .where(() => contains('cases.case_number', pattern))
        .limit(1)
        .execute(),
      applicationHit('applications.employee_name'),
      applicationHit('applications.claim_number'),
    ]);
    const out: SearchField[] = [];
    if (byNumber.length > 0) out.push('case-number');
    if (byName.length > 0) out.push('employee-name');
    if (byClaim.length > 0) out.push('claim-number');
    return out;
  },
};
