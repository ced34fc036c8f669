import { CompiledQuery } from 'kysely';
import { prepared } from './prepared.js';
import type { Handle } from './schema.js';

/**
 * The change counter (migration 0004): `Store.transaction` adds one to it as the last statement of
 * every transaction it commits, and every change to the data goes through a transaction. So while
 * the value read stays the same, nothing in the database has changed — on any server sharing it.
 * A response computed after reading value n may be kept under n and given again while the counter
 * reads n (it may include changes committed after n was read: never older data under a newer value).
 * A change made outside the store (by hand, in SQL) does not move the counter.
 */

const read = prepared((db) => db.selectFrom('change_counter').select('value').where('id', '=', 1));

/** The number of transactions committed so far (one cheap query). */
export async function changeCount(h: Handle): Promise<number> {
  const [row] = await read(h, {});
  if (row === undefined) throw new Error('change_counter has no row: the database is not migrated');
  return Number(row.value);
}

/** Run inside each transaction, just before it commits. */
export const COUNT_CHANGE = CompiledQuery.raw('update change_counter set value = value + 1 where id = 1');
