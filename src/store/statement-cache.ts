import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Compiled statements kept per SQLite file: far more than the distinct queries the repositories build. */
export const STATEMENT_CACHE_SIZE = 1000;

/**
 * Kysely's SQLite driver calls `prepare` for every query it runs, and better-sqlite3 compiles the SQL
 * each time: for an insert into a table with full-text triggers that is most of the insert's cost.
 * The same SQL text gets the same compiled statement back (parameters are bound per call), the
 * `size` most recently used kept. A statement still being iterated (a streamed select) is busy and
 * cannot be run again meanwhile: the same SQL then gets a fresh statement of its own. A schema change
 * needs nothing here: SQLite recompiles a statement whose schema changed the next time it runs.
 */
export function reusingStatements(database: BetterSqlite3.Database, size: number): SqliteDatabase {
  const kept = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => database.close(),
    prepare(text: string): SqliteStatement {
      const hit = kept.get(text);
      if (hit !== undefined && !hit.busy) {
        // Most recently used last: Map keeps insertion order.
        kept.delete(text);
        kept.set(text, hit);
        return hit;
      }
      const statement = database.prepare(text);
      if (hit !== undefined) return statement;
      kept.set(text, statement);
      if (kept.size > size) {
        const oldest = kept.keys().next().value;
        if (oldest !== undefined) kept.delete(oldest);
      }
      return statement;
    },
  };
}
