import { AsyncLocalStorage } from 'node:async_hooks';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  Kysely,
  PostgresDialect,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
  sql,
} from 'kysely';
import pg from 'pg';
import { type ImrError, imrError } from '../domain/errors.js';
import { err, ok, type Result } from '../domain/result.js';
import { COUNT_CHANGE } from './changes.js';
import { SCHEMA_NAME, type StoreConfig } from './config.js';
import { storeErrorOf } from './db-errors.js';
import { DocumentFiles } from './document-files.js';
import { migrateToLatest } from './migrations/index.js';
import type { Database, Dialect, Handle, Tx } from './schema.js';
import { reusingStatements, STATEMENT_CACHE_SIZE } from './statement-cache.js';

export interface Store extends Handle {
  /** The bytes of documents, content-addressed, outside the database. */
  readonly files: DocumentFiles;
  /**
   * Runs `fn` in one database transaction. It commits when `fn` resolves, after forcing the
   * document files put so far to disk (`DocumentFiles.flush`), and rolls back when it throws. A
   * coded failure (an `ImrFailure` thrown by a repository or by `fn`, a unique or foreign-key
   * violation, a lost connection, a serialization failure, a failed flush) comes back as an error
   * result; anything else is a bug and is rethrown. Do not open a transaction inside another one:
   * pass `tx` down instead (it throws, rather than deadlocking SQLite's single connection).
   * Each committed transaction moves the change counter (`changeCount`), whether or not it wrote.
   */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<Result<T, ImrError>>;
  /** Closes the pool or the file. */
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Run pending migrations before returning (default true). */
  readonly migrate?: boolean;
}

/** Which store's transaction the current async context is inside. */
const activeTransaction = new AsyncLocalStorage<StoreImpl>();

class StoreImpl implements Store {
  readonly dialect: Dialect;
  readonly files: DocumentFiles;
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>, dialect: Dialect, files: DocumentFiles) {
    this.#db = db;
    this.dialect = dialect;
    this.files = files;
  }

  get db(): Kysely<Database> {
    if (activeTransaction.getStore() === this) {
      throw new Error('store.db used inside store.transaction: use tx.db (or pass tx) instead');
    }
    return this.#db;
  }

  async transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<Result<T, ImrError>> {
    if (activeTransaction.getStore() === this) {
      throw new Error('store.transaction called inside a transaction of the same store: pass tx down instead');
    }
    try {
      const value = await this.#db.transaction().execute((trx) =>
        activeTransaction.run(this, async () => {
          const result = await fn({ db: trx, dialect: this.dialect } as unknown as Tx);
          // The rows may name documents put moments ago: their bytes reach the disk before the rows commit.
          await this.files.flush();
          // Last, so that on PostgreSQL the counter's row is locked only while the transaction commits.
          await trx.executeQuery(COUNT_CHANGE);
          return result;
        }),
      );
      return ok(value);
    } catch (thrown) {
      const coded = storeErrorOf(thrown);
      if (coded !== undefined) return err(coded);
      throw thrown;
    }
  }

  async close(): Promise<void> {
    await this.#db.destroy();
  }
}

/**
 * Opens the store described by `config` (see `storeConfigFromEnv`) and, unless told otherwise,
 * migrates it. An unreachable server or unopenable file gives IMR_STORE_UNAVAILABLE.
 */
export async function openStore(config: StoreConfig, options: OpenOptions = {}): Promise<Result<Store, ImrError>> {
  const files = new DocumentFiles(config.documentsDir);
  const opened = config.kind === 'sqlite' ? openSqlite(config.path) : await openPostgres(config);
  if (!opened.ok) return opened;
  const { db, dialect } = opened.value;
  if (options.migrate ?? true) {
    const migrated = await migrate(opened.value);
    if (!migrated.ok) {
      await db.destroy();
      return migrated;
    }
  }
  return ok(new StoreImpl(db, dialect, files));
}

/** Runs the pending migrations; the names of those it ran, in order. */
async function migrate(opened: Opened): Promise<Result<string[], ImrError>> {
  const { db, dialect, schema } = opened;
  const { error, results } = await migrateToLatest(db, dialect, schema);
  if (error === undefined) {
    return ok((results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName));
  }
  const failed = results?.find((r) => r.status === 'Error')?.migrationName;
  const coded = storeErrorOf(error);
  if (coded !== undefined) return err(coded);
  return err(
    imrError('IMR_INTERNAL', 'The database schema could not be brought up to date.', {
      ...(failed === undefined ? {} : { migration: failed }),
      reason: error instanceof Error ? error.message.slice(0, 200) : 'unknown',
    }),
  );
}

/**
 * Brings the database described by `config` up to date (what `openStore` does on every open) and
 * says which migrations ran: none when it was up to date. For `imr db migrate`.
 */
export async function migrateStore(config: StoreConfig): Promise<Result<{ readonly applied: string[] }, ImrError>> {
  const opened = config.kind === 'sqlite' ? openSqlite(config.path) : await openPostgres(config);
  if (!opened.ok) return opened;
  try {
    const migrated = await migrate(opened.value);
    return migrated.ok ? ok({ applied: migrated.value }) : migrated;
  } finally {
    await opened.value.db.destroy();
  }
}

interface Opened {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
  /** PostgreSQL: the schema the migration bookkeeping tables belong to. */
  readonly schema: string | undefined;
}

/** Kysely's SQLite driver begins transactions DEFERRED; IMMEDIATE takes the write lock up front, so
 * a second process waits (busy_timeout) instead of failing when its read lock cannot be upgraded. */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver(): SqliteDriver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

function openSqlite(path: string): Result<Opened, ImrError> {
  try {
    if (path !== ':memory:') {
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      // Create the file private to this user; SQLite gives its -wal and -shm files the same mode.
      closeSync(openSync(path, 'a', 0o600));
    }
    const database = new BetterSqlite3(path);
    database.pragma('journal_mode = WAL');
    database.pragma('foreign_keys = ON');
    database.pragma('busy_timeout = 5000');
    database.pragma('synchronous = NORMAL');
    const db = new Kysely<Database>({
      dialect: new ImmediateSqliteDialect({ database: reusingStatements(database, STATEMENT_CACHE_SIZE) }),
    });
    return ok({ db, dialect: 'sqlite', schema: undefined });
  } catch (thrown) {
    const code = (thrown as { code?: unknown }).code;
    return err(
      imrError('IMR_STORE_UNAVAILABLE', undefined, typeof code === 'string' ? { driverCode: code } : undefined),
    );
  }
}

const OID = { int8: 20, json: 114, jsonb: 3802, date: 1082, timestamptz: 1184 } as const;

/** Values as SQLite gives them: JSON as text, dates as text, instants as ISO strings, int8 as numbers. */
const getTypeParser: typeof pg.types.getTypeParser = (oid: number, format?: 'text' | 'binary') => {
  switch (oid) {
    case OID.int8:
      // counts and byte sizes: far below 2^53
      return (v: string) => Number(v);
    case OID.json:
    case OID.jsonb:
    case OID.date:
      return (v: string) => v;
    case OID.timestamptz: {
      const parse = pg.types.getTypeParser(OID.timestamptz, 'text') as (v: string) => Date;
      return (v: string) => parse(v).toISOString();
    }
    default:
      return pg.types.getTypeParser(oid, format);
  }
};

async function openPostgres(config: Extract<StoreConfig, { kind: 'postgres' }>): Promise<Result<Opened, ImrError>> {
  if (config.schema !== undefined && !SCHEMA_NAME.test(config.schema)) {
    return err(imrError('IMR_VALIDATION', 'The PostgreSQL schema name must be a plain lower-case identifier.'));
  }
  const pool = new pg.Pool({
    connectionString: config.url,
    max: config.poolSize ?? 10,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
    application_name: 'imr-desk',
    types: { getTypeParser },
    ...(config.schema === undefined ? {} : { options: `-c search_path=${config.schema}` }),
  });
  // An idle client that loses its connection is dropped by the pool; the next query gets a new one
  // (and reports IMR_STORE_UNAVAILABLE if the server is really gone). Without a listener it would crash the process.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    const probe = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
    const schema = probe.rows[0]?.schema ?? undefined;
    if (schema === undefined) {
      await db.destroy();
      return err(imrError('IMR_STORE_UNAVAILABLE', 'The PostgreSQL search_path names no existing schema.'));
    }
    return ok({ db, dialect: 'postgres', schema });
  } catch (thrown) {
    await db.destroy().catch(() => undefined);
    return err(storeErrorOf(thrown) ?? imrError('IMR_STORE_UNAVAILABLE'));
  }
}
