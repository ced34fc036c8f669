import { type Kysely, type Migration, type MigrationProvider, type MigrationResultSet, Migrator } from 'kysely';
import type { Database, Dialect } from '../schema.js';
import * as m0001 from './0001-initial.js';
import * as m0003 from './0003-accounts-and-sessions.js';
import * as m0004 from './0004-change-counter.js';
import * as m0005 from './0005-sign-in-hardening.js';
import * as m0006 from './0006-qa-returns.js';
import { type Ddl, ddlFor } from './ddl.js';

/**
 * Every migration, in order, listed here by hand: nothing scans the file system at run time, so a
 * bundled or installed copy migrates exactly like the source tree. Forward only (no `down`).
 */
const MIGRATIONS: Readonly<Record<string, { up(db: Kysely<unknown>, d: Ddl): Promise<void> }>> = {
  '0001-initial': m0001,
  '0003-accounts-and-sessions': m0003,
  '0004-change-counter': m0004,
  '0005-sign-in-hardening': m0005,
  '0006-qa-returns': m0006,
};

export const MIGRATION_NAMES: readonly string[] = Object.keys(MIGRATIONS);

export function migrationProvider(dialect: Dialect): MigrationProvider {
  const d = ddlFor(dialect);
  const migrations: Record<string, Migration> = {};
  for (const [name, m] of Object.entries(MIGRATIONS)) migrations[name] = { up: (db) => m.up(db, d) };
  return { getMigrations: () => Promise.resolve(migrations) };
}

/**
 * Brings the schema up to date. Kysely runs each migration in its own transaction and holds a lock
 * (an advisory lock on PostgreSQL), so several servers starting at once migrate once. A database
 * that has a migration this code does not know is refused, not touched.
 * `schema` (PostgreSQL) is where the bookkeeping tables live: the current schema.
 */
export async function migrateToLatest(
  db: Kysely<Database>,
  dialect: Dialect,
  schema: string | undefined,
): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db,
    provider: migrationProvider(dialect),
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
  });
  return migrator.migrateToLatest();
}
