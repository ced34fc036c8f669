import { type Kysely, sql } from 'kysely';
import type { Ddl } from './ddl.js';

/**
 * 0004: one row that counts committed transactions (`Store.transaction` adds one as the last
 * statement before each commit). A server keeps responses computed from the database under the value
 * it read before computing them: when any instance commits a change, the value moves and every
 * instance computes afresh. Changed in the committing transaction, so a reader never sees the new
 * value without the changes it stands for.
 */
export async function up(db: Kysely<unknown>, d: Ddl): Promise<void> {
  await db.schema
    .createTable('change_counter')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('value', d.dialect === 'postgres' ? 'bigint' : 'integer', (c) => c.notNull())
    .execute();
  await sql`insert into change_counter (id, value) values (1, 0)`.execute(db);
}
