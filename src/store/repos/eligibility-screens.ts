import type { Handle, Tx } from '../schema.js';

/** The full results of eligibility screens, as JSON, for display (migration 0003). */
export const eligibilityScreens = {
  async create(tx: Tx, s: { caseId: number; screenedAt: string; result: unknown }): Promise<void> {
    await tx.db
      .insertInto('eligibility_screens')
      .values({ case_id: s.caseId, screened_at: s.screenedAt, result: JSON.stringify(s.result) })
      .execute();
  },

  /** The latest screen's result of a case, parsed from JSON. */
  async latest(h: Handle, caseId: number): Promise<{ screenedAt: string; result: unknown } | undefined> {
    const row = await h.db
      .selectFrom('eligibility_screens')
      .select(['screened_at', 'result'])
      .where('case_id', '=', caseId)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row === undefined ? undefined : { screenedAt: row.screened_at, result: JSON.parse(row.result) as unknown };
  },
};
