import type { Insertable } from 'kysely';
import { z } from 'zod';
import { type ItemDetermination, NewItemDetermination } from '../../domain/case.js';
import { codec, parseInput } from '../codec.js';
import type { Handle, ItemDeterminationsTable, Tx } from '../schema.js';
import { chunks } from './common.js';

export const determinationCodec = codec<ItemDetermination>({
  id: 'value',
  itemId: 'value',
  reviewerId: 'value',
  decision: 'value',
  basis: 'json',
  rationale: 'value',
  engineRecommendation: 'json',
  overrideReason: 'value',
  decidedAt: 'value',
});

const NewItemDeterminationList = z.array(NewItemDetermination);

/**
 * A reviewer's decision on one disputed item. Never changed: a revised decision is a new row, and
 * the latest per item stands. The outcome of record goes on the item when the letter issues.
 */
export const determinations = {
  async create(tx: Tx, input: NewItemDetermination): Promise<ItemDetermination> {
    const row = determinationCodec.toRow(
      parseInput(NewItemDetermination, input, 'determination'),
    ) as Insertable<ItemDeterminationsTable>;
    return determinationCodec.fromRow(
      await tx.db.insertInto('item_determinations').values(row).returningAll().executeTakeFirstOrThrow(),
    );
  },

  /** Records several determinations in one statement, validated as one batch; returns how many. */
  async createMany(tx: Tx, input: readonly NewItemDetermination[]): Promise<number> {
    if (input.length === 0) return 0;
    const valid = parseInput(NewItemDeterminationList, input, 'determination');
    for (const part of chunks(valid)) {
      const rows = part.map((v) => determinationCodec.toInsertRow(v) as Insertable<ItemDeterminationsTable>);
      await tx.db.insertInto('item_determinations').values(rows).execute();
    }
    return valid.length;
  },

  async getById(h: Handle, id: number): Promise<ItemDetermination | undefined> {
    const row = await h.db.selectFrom('item_determinations').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : determinationCodec.fromRow(row);
  },

  /** Oldest first; the last one is the one that stands. */
  async listByItem(h: Handle, itemId: number): Promise<ItemDetermination[]> {
    const rows = await h.db
      .selectFrom('item_determinations')
      .selectAll()
      .where('item_id', '=', itemId)
      .orderBy('id')
      .execute();
    return rows.map((r) => determinationCodec.fromRow(r));
  },

  /** Every determination on the case's items, by item order then oldest first. */
  async listByCase(h: Handle, caseId: number): Promise<ItemDetermination[]> {
    const rows = await h.db
      .selectFrom('item_determinations')
      .innerJoin('case_items', 'case_items.id', 'item_determinations.item_id')
      .selectAll('item_determinations')
      .where('case_items.case_id', '=', caseId)
      .orderBy('case_items.seq')
      .orderBy('item_determinations.id')
      .execute();
    return rows.map((r) => determinationCodec.fromRow(r));
  },
};
