import type { Kysely } from 'kysely';
import type { Ddl } from './ddl.js';

/**
 * 0006: clinical QA returns a determination to its reviewer with a comment. The comment is case text
 * (it may quote the rationale), so it lives here, read only by people who may read the case; the audit
 * event of the return carries the row's id, never the words.
 */
export async function up(db: Kysely<unknown>, d: Ddl): Promise<void> {
  await db.schema
    .createTable('qa_returns')
    .addColumn('id', 'integer', d.id)
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('case_version', 'integer', (c) => c.notNull())
    .addColumn('returned_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('returned_at', d.timestamp, (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('qa_returns_case_id').on('qa_returns').columns(['case_id', 'id']).execute();
}
