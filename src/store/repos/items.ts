import type { Insertable, Updateable } from 'kysely';
import { z } from 'zod';
import { type DisputedItem, DisputedItemPatch, NewDisputedItem } from '../../domain/case.js';
import { codec, parseInput } from '../codec.js';
import type { CaseItemsTable, Handle, Tx } from '../schema.js';
import { chunks, notFound } from './common.js';

export const itemCodec = codec<DisputedItem>({
  id: 'value',
  caseId: 'value',
  seq: 'value',
  request: 'value',
  originalRequest: 'value',
  authorizedPortion: 'value',
  category: 'value',
  status: 'value',
  decision: 'value',
  claimsAdministratorBasis: 'json',
  reviewerBasis: 'json',
  rationale: 'value',
});

const NewDisputedItemList = z.array(NewDisputedItem);

/** Disputed items of a case (table `case_items`), in letter order. */
export const items = {
  /** Two items of one case with the same `seq`: IMR_ALREADY_EXISTS. */
  async create(tx: Tx, input: NewDisputedItem): Promise<DisputedItem> {
    const row = itemCodec.toRow(parseInput(NewDisputedItem, input, 'disputed item')) as Insertable<CaseItemsTable>;
    return itemCodec.fromRow(await tx.db.insertInto('case_items').values(row).returningAll().executeTakeFirstOrThrow());
  },

  /**
   * Creates several items in one statement, validated as one batch (the first invalid item fails
   * them all with IMR_VALIDATION naming its index and field). Returns their ids in input order.
   */
  async createMany(tx: Tx, input: readonly NewDisputedItem[]): Promise<number[]> {
    if (input.length === 0) return [];
    const valid = parseInput(NewDisputedItemList, input, 'disputed item');
    const ids = new Map<string, number>();
    for (const part of chunks(valid)) {
      const rows = part.map((v) => itemCodec.toInsertRow(v) as Insertable<CaseItemsTable>);
      // RETURNING promises no row order: match the rows up by (case, seq), which is unique.
      const created = await tx.db.insertInto('case_items').values(rows).returning(['id', 'case_id', 'seq']).execute();
      for (const r of created) ids.set(`${r.case_id}:${r.seq}`, r.id);
    }
    return valid.map((v) => ids.get(`${v.caseId}:${v.seq}`) as number);
  },

  async getById(h: Handle, id: number): Promise<DisputedItem | undefined> {
    const row = await h.db.selectFrom('case_items').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : itemCodec.fromRow(row);
  },

  async listByCase(h: Handle, caseId: number): Promise<DisputedItem[]> {
    const rows = await h.db.selectFrom('case_items').selectAll().where('case_id', '=', caseId).orderBy('seq').execute();
    return rows.map((r) => itemCodec.fromRow(r));
  },

  async update(tx: Tx, id: number, patch: DisputedItemPatch): Promise<DisputedItem> {
    const set = itemCodec.toRow(
      parseInput(DisputedItemPatch, patch, 'disputed item change'),
    ) as Updateable<CaseItemsTable>;
    if (Object.keys(set).length === 0) return (await items.getById(tx, id)) ?? notFound('item', id);
    const row = await tx.db.updateTable('case_items').set(set).where('id', '=', id).returningAll().executeTakeFirst();
    return row === undefined ? notFound('item', id) : itemCodec.fromRow(row);
  },
};
