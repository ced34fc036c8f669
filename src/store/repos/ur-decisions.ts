import type { Insertable } from 'kysely';
import { NewUrDecision, type UrDecision } from '../../domain/case.js';
import { codec, parseInput } from '../codec.js';
import type { Handle, Tx, UrDecisionsTable } from '../schema.js';

export const urDecisionCodec = codec<UrDecision>({
  id: 'value',
  caseId: 'value',
  decisionDate: 'value',
  serviceDate: 'value',
  serviceMethod: 'value',
  reviewerName: 'value',
  organization: 'value',
  outcome: 'value',
  items: 'json',
});

/** The utilization review decisions a case disputes, as received. */
export const urDecisions = {
  async create(tx: Tx, input: NewUrDecision): Promise<UrDecision> {
    const row = urDecisionCodec.toRow(parseInput(NewUrDecision, input, 'UR decision')) as Insertable<UrDecisionsTable>;
    return urDecisionCodec.fromRow(
      await tx.db.insertInto('ur_decisions').values(row).returningAll().executeTakeFirstOrThrow(),
    );
  },

  async getById(h: Handle, id: number): Promise<UrDecision | undefined> {
    const row = await h.db.selectFrom('ur_decisions').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : urDecisionCodec.fromRow(row);
  },

  async listByCase(h: Handle, caseId: number): Promise<UrDecision[]> {
    const rows = await h.db
      .selectFrom('ur_decisions')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('id')
      .execute();
    return rows.map((r) => urDecisionCodec.fromRow(r));
  },
};
