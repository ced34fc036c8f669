import type { Kysely } from 'kysely';
import type { Ddl } from './ddl.js';

/**
 * 0003: what the web application needs beside the case model. Sessions live in the database, so the
 * server keeps no state of its own and several instances can share them; the session id stored is a
 * SHA-256 of the cookie's token, so a copy of the table signs nobody in. A letter's QA approval names
 * the case version it approved: any later change to the case (a new version) leaves it stale.
 * Eligibility screens keep their full result (reasons with their sources) for display; the case's
 * stage and audit event remain the record.
 */
export async function up(db: Kysely<unknown>, d: Ddl): Promise<void> {
  const s = db.schema;

  await s
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('expires_at', d.timestamp, (c) => c.notNull())
    .execute();
  await s.createIndex('sessions_user_id').on('sessions').column('user_id').execute();
  await s.createIndex('sessions_expires_at').on('sessions').column('expires_at').execute();

  await s
    .createTable('letter_approvals')
    .addColumn('id', 'integer', d.id)
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('case_version', 'integer', (c) => c.notNull())
    .addColumn('approved_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('approved_at', d.timestamp, (c) => c.notNull())
    .execute();
  await s.createIndex('letter_approvals_case_id').on('letter_approvals').columns(['case_id', 'id']).execute();

  await s
    .createTable('eligibility_screens')
    .addColumn('id', 'integer', d.id)
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('screened_at', d.timestamp, (c) => c.notNull())
    .addColumn('result', d.json, (c) => c.notNull())
    .execute();
  await s.createIndex('eligibility_screens_case_id').on('eligibility_screens').columns(['case_id', 'id']).execute();
}
