import { type Kysely, sql } from 'kysely';
import type { Ddl } from './ddl.js';

/**
 * 0005: the audit log refuses an INSERT that would land on an existing event (INSERT OR REPLACE,
 * REPLACE INTO, upserts and other conflict clauses), beside 0001's refusal of UPDATE, DELETE and
 * TRUNCATE. Sessions remember when they were last used, for the idle timeout (existing sessions
 * count as last used when they began). Failed sign-ins are counted in the database, per account
 * and per client address, so that every instance and a restarted one see the same counts: `key`
 * names what is counted (a digest, never the name or address itself), `failures` how many in the
 * window that began at `window_started_at`.
 */
export async function up(db: Kysely<unknown>, d: Ddl): Promise<void> {
  await d.noOverwrite(db, 'audit_events', 'id');

  await db.schema.alterTable('sessions').addColumn('last_seen_at', d.timestamp).execute();
  await sql`update sessions set last_seen_at = created_at`.execute(db);

  await db.schema
    .createTable('sign_in_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('window_started_at', d.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('sign_in_throttle_window_started_at')
    .on('sign_in_throttle')
    .column('window_started_at')
    .execute();
}
