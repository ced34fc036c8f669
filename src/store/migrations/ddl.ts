import { type ColumnDataType, type ColumnDefinitionBuilder, type Kysely, sql } from 'kysely';
import type { Dialect } from '../schema.js';

/**
 * The few places where SQLite and PostgreSQL DDL differ, for migrations. Landed migrations call
 * these, so never change what an existing helper emits: add a new helper instead.
 */
export interface Ddl {
  readonly dialect: Dialect;
  /** jsonb / TEXT holding JSON. */
  readonly json: ColumnDataType;
  /** timestamptz / TEXT holding an ISO instant in UTC. */
  readonly timestamp: ColumnDataType;
  /** date / TEXT holding YYYY-MM-DD. */
  readonly date: ColumnDataType;
  /** A primary key the database numbers (identity / INTEGER PRIMARY KEY AUTOINCREMENT). */
  id(c: ColumnDefinitionBuilder): ColumnDefinitionBuilder;
  /** A NOT NULL boolean: boolean / INTEGER restricted to 0 and 1. */
  readonly bool: ColumnDataType;
  boolCheck(column: string): (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;
  /**
   * Full-text index over `columns` of `table` (keyed by the integer primary key `key`): an FTS5
   * external-content table `<table>_fts` kept in step by triggers on SQLite; a stored generated
   * `search_vector` tsvector column with a GIN index on PostgreSQL. English stemming on both.
   */
  fullTextIndex(db: Kysely<unknown>, table: string, key: string, columns: readonly string[]): Promise<void>;
  /** Refuse UPDATE, DELETE (and TRUNCATE) on a table. */
  appendOnly(db: Kysely<unknown>, table: string): Promise<void>;
  /**
   * Refuse an INSERT whose integer key `key` names a row that exists, before any conflict clause
   * is considered: SQLite's INSERT OR REPLACE / REPLACE INTO (which deletes the old row without
   * firing delete triggers), INSERT OR IGNORE / OR FAIL, and the upsert `ON CONFLICT DO UPDATE /
   * DO NOTHING` of both databases. With `appendOnly`, a table's rows can only be added.
   */
  noOverwrite(db: Kysely<unknown>, table: string, key: string): Promise<void>;
}

const IDENT = /^[a-z_][a-z0-9_]*$/;

function ident(name: string): string {
  if (!IDENT.test(name)) throw new Error(`not a plain identifier: ${name}`);
  return name;
}

export function ddlFor(dialect: Dialect): Ddl {
  const pg = dialect === 'postgres';
  return {
    dialect,
    json: pg ? 'jsonb' : 'text',
    timestamp: pg ? 'timestamptz' : 'text',
    date: pg ? 'date' : 'text',
    bool: pg ? 'boolean' : 'integer',
    id: (c) => (pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement()),
    boolCheck: (column) => (c) => (pg ? c.notNull() : c.notNull().check(sql`${sql.ref(column)} in (0, 1)`)),
    async fullTextIndex(db, table, key, columns) {
      const t = ident(table);
      const k = ident(key);
      const cols = columns.map(ident);
      if (pg) {
        const doc = cols.map((c) => `coalesce(${c}, '')`).join(` || ' ' || `);
        await sql
          .raw(
            `alter table ${t} add column search_vector tsvector generated always as (to_tsvector('english', ${doc})) stored`,
          )
          .execute(db);
        await sql.raw(`create index ${t}_search on ${t} using gin (search_vector)`).execute(db);
        return;
      }
      const fts = `${t}_fts`;
      const list = cols.join(', ');
      const newValues = cols.map((c) => `new.${c}`).join(', ');
      const oldValues = cols.map((c) => `old.${c}`).join(', ');
      await sql
        .raw(
          `create virtual table ${fts} using fts5(${list}, content='${t}', content_rowid='${k}', tokenize='porter unicode61 remove_diacritics 2')`,
        )
        .execute(db);
      const insert = `insert into ${fts}(rowid, ${list}) values (new.${k}, ${newValues});`;
      const remove = `insert into ${fts}(${fts}, rowid, ${list}) values ('delete', old.${k}, ${oldValues});`;
      await sql.raw(`create trigger ${t}_fts_insert after insert on ${t} begin ${insert} end`).execute(db);
      await sql.raw(`create trigger ${t}_fts_delete after delete on ${t} begin ${remove} end`).execute(db);
      await sql.raw(`create trigger ${t}_fts_update after update on ${t} begin ${remove} ${insert} end`).execute(db);
    },
    async appendOnly(db, table) {
      const t = ident(table);
      const message = `${t} is append-only`;
      if (pg) {
        await sql
          .raw(
            `create function ${t}_append_only() returns trigger language plpgsql as $$ begin raise exception '${message}' using errcode = 'insufficient_privilege'; end $$`,
          )
          .execute(db);
        await sql
          .raw(
            `create trigger ${t}_no_change before update or delete on ${t} for each row execute function ${t}_append_only()`,
          )
          .execute(db);
        await sql
          .raw(
            `create trigger ${t}_no_truncate before truncate on ${t} for each statement execute function ${t}_append_only()`,
          )
          .execute(db);
        return;
      }
      for (const op of ['update', 'delete']) {
        await sql
          .raw(`create trigger ${t}_no_${op} before ${op} on ${t} begin select raise(abort, '${message}'); end`)
          .execute(db);
      }
    },
    async noOverwrite(db, table, key) {
      const t = ident(table);
      const k = ident(key);
      const message = `${t} is append-only`;
      if (pg) {
        // The table is named through the trigger's own schema, not the search path of the session.
        await sql
          .raw(
            `create function ${t}_no_overwrite() returns trigger language plpgsql as $$ declare found boolean; begin execute format('select exists (select 1 from %I.%I where ${k} = $1)', tg_table_schema, tg_table_name) into found using new.${k}; if found then raise exception '${message}' using errcode = 'insufficient_privilege'; end if; return new; end $$`,
          )
          .execute(db);
        await sql
          .raw(
            `create trigger ${t}_no_overwrite before insert on ${t} for each row execute function ${t}_no_overwrite()`,
          )
          .execute(db);
        return;
      }
      await sql
        .raw(
          `create trigger ${t}_no_overwrite before insert on ${t} when exists (select 1 from ${t} where ${k} = new.${k}) begin select raise(abort, '${message}'); end`,
        )
        .execute(db);
    },
  };
}
