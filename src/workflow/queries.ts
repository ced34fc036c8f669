import type { Application, CaseStage } from '../domain/case.js';
import type { Handle } from '../store/index.js';
import { applications } from '../store/index.js';

/**
 * Reads the workflow needs that the store's repositories do not offer (yet). Plain Kysely over the
 * store's handle, same on both dialects. Each is a candidate for the store's API.
 */

/** Cases with an application on this claim. */
export async function casesOnClaim(h: Handle, claimNumber: string): Promise<number[]> {
  const rows = await h.db
    .selectFrom('applications')
    .select('case_id')
    .distinct()
    .where('claim_number', '=', claimNumber)
    .execute();
  return rows.map((r) => r.case_id);
}

/** Every application on a claim, any UR decision date (duplicates, consolidation, prior IMRs). */
export async function applicationsOnClaim(h: Handle, claimNumber: string): Promise<Application[]> {
  const ids = await h.db
    .selectFrom('applications')
    .select('id')
    .where('claim_number', '=', claimNumber)
    .orderBy('id')
    .execute();
  const out: Application[] = [];
  for (const { id } of ids) {
    const a = await applications.getById(h, id);
    if (a !== undefined) out.push(a);
  }
  return out;
}

/**
 * Applications with this UR decision date whose employee name reads the same once normalized
 * (`normalize`): an application entered again without its claim number is still found.
 * `withoutClaimOnly` (the new application has a claim number, so only earlier ones without one can be
 * the same dispute) lets the (claim_number, ur_decision_date) index answer; an application without a
 * claim number is compared with every application of that UR decision date.
 */
export async function applicationsOfEmployeeOnUrDate(
  h: Handle,
  urDecisionDate: string,
  employeeName: string,
  normalize: (name: string) => string | undefined,
  withoutClaimOnly: boolean,
): Promise<Application[]> {
  const want = normalize(employeeName);
  if (want === undefined) return [];
  let query = h.db
    .selectFrom('applications')
    .select(['id', 'employee_name'])
    .where('ur_decision_date', '=', urDecisionDate);
  if (withoutClaimOnly) query = query.where('claim_number', 'is', null);
  const rows = await query.orderBy('id').execute();
  const out: Application[] = [];
  for (const row of rows) {
    if (row.employee_name === null || normalize(row.employee_name) !== want) continue;
    const a = await applications.getById(h, row.id);
    if (a !== undefined) out.push(a);
  }
  return out;
}

/** Cases holding an application form with these exact bytes. */
export async function casesWithApplicationDocument(h: Handle, sha256s: readonly string[]): Promise<number[]> {
  if (sha256s.length === 0) return [];
  const rows = await h.db
    .selectFrom('documents')
    .select('case_id')
    .distinct()
    .where('sha256', 'in', [...sha256s])
    .where('kind', '=', 'application')
    .execute();
  return rows.map((r) => r.case_id);
}

/** Open assignments per reviewer id, counting only cases in the given stages. */
export async function openAssignmentsByReviewer(h: Handle, stages: readonly CaseStage[]): Promise<Map<number, number>> {
  const rows = await h.db
    .selectFrom('assignments')
    .select(['reviewer_id'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('ended_at', 'is', null)
    .where('case_id', 'in', (eb) =>
      eb
        .selectFrom('cases')
        .select('id')
        .where('stage', 'in', [...stages]),
    )
    .groupBy('reviewer_id')
    .execute();
  return new Map(rows.map((r) => [r.reviewer_id, Number(r.n)]));
}

/** Decided items of other cases: the treatment and the day the determination issued (12-month rule). */
export async function determinedItemsOfCases(
  h: Handle,
  caseIds: readonly number[],
): Promise<{ caseId: number; treatment: string; decidedOn: string }[]> {
  if (caseIds.length === 0) return [];
  const rows = await h.db
    .selectFrom('case_items')
    .innerJoin('cases', 'cases.id', 'case_items.case_id')
    .select(['case_items.case_id', 'case_items.request', 'case_items.original_request', 'cases.decision_date'])
    .where('case_items.case_id', 'in', [...caseIds])
    .where('case_items.status', '=', 'determined')
    .where('cases.decision_date', 'is not', null)
    .execute();
  return rows.map((r) => ({
    caseId: r.case_id,
    treatment: r.original_request ?? r.request,
    decidedOn: r.decision_date as string,
  }));
}

/** The highest case number with this prefix (`CM24-`), or undefined. */
export async function highestCaseNumber(h: Handle, prefix: string): Promise<string | undefined> {
  // A range on the unique index: every number with the prefix sorts between prefix and prefix + '~'.
  const row = await h.db
    .selectFrom('cases')
    .select('case_number')
    .where('case_number', '>=', prefix)
    .where('case_number', '<', `${prefix}~`)
    .orderBy('case_number', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.case_number;
}

/** Stages of the cases `ids`, for filtering suggestions. */
export async function stagesOfCases(h: Handle, ids: readonly number[]): Promise<Map<number, CaseStage>> {
  if (ids.length === 0) return new Map();
  const rows = await h.db
    .selectFrom('cases')
    .select(['id', 'stage'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.stage as CaseStage]));
}
