import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Dialect } from './schema.js';
import { type OpenOptions, openStore, type Store } from './store.js';

/**
 * Test support for the database tests (`*.int.test.ts`): every suite runs once per target, SQLite
 * and PostgreSQL, with the same expectations. Kept free of vitest so it is not a test file itself.
 *
 * PostgreSQL: `DATABASE_URL`, else `postgres://postgres@127.0.0.1:5432/test` (trust auth). Each
 * opened store works in a fresh schema `t_<random>` (via search_path) that `dispose` drops. When no
 * server answers, CI (`CI` set) fails the test file; elsewhere the PostgreSQL suite is skipped with
 * the reason in its title.
 */

export const DEFAULT_TEST_PG_URL = 'postgres://postgres@127.0.0.1:5432/test';

export interface TestStore {
  readonly store: Store;
  readonly documentsDir: string;
  /** SQLite only: the database file. */
  readonly sqlitePath?: string;
  dispose(): Promise<void>;
}

export interface StoreTarget {
  readonly dialect: Dialect;
  /** Suite title; says why when skipped. */
  readonly title: string;
  /** Set when the target cannot run here (never in CI). */
  readonly skip: string | undefined;
  open(options?: OpenOptions): Promise<TestStore>;
}

export function testPgUrl(): string {
  const url = process.env.DATABASE_URL;
  return url === undefined || url.trim() === '' ? DEFAULT_TEST_PG_URL : url;
}

/** host:port/database, without user or password. */
export function describePgUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}

async function tryConnect(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (thrown) {
    const code = (thrown as { code?: unknown }).code;
    return typeof code === 'string' ? code : thrown instanceof Error ? thrown.message : 'unknown error';
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Reachable → undefined; else why not. Creates the default `test` database if only it is missing. */
async function probePostgres(url: string): Promise<string | undefined> {
  const reason = await tryConnect(url);
  if (reason !== '3D000' || url !== DEFAULT_TEST_PG_URL) return reason;
  const admin = new pg.Client({ connectionString: url.replace(/\/test$/, '/postgres'), connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
    await admin.query('create database test');
  } catch {
    // fall through: the retry reports the reason
  } finally {
    await admin.end().catch(() => undefined);
  }
  return tryConnect(url);
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

async function opened(store: Awaited<ReturnType<typeof openStore>>): Promise<Store> {
  if (store.ok) return store.value;
  throw new Error(`openStore failed: ${store.error.code} ${JSON.stringify(store.error.details ?? {})}`);
}

const sqliteTarget: StoreTarget = {
  dialect: 'sqlite',
  title: 'sqlite',
  skip: undefined,
  async open(options) {
    const dir = await mkdtemp(join(tmpdir(), 'imr-store-'));
    const documentsDir = join(dir, 'documents');
    const sqlitePath = join(dir, 'imr.sqlite');
    const store = await opened(await openStore({ kind: 'sqlite', path: sqlitePath, documentsDir }, options));
    return {
      store,
      documentsDir,
      sqlitePath,
      async dispose() {
        await store.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  },
};

function postgresTarget(url: string, skip: string | undefined): StoreTarget {
  return {
    dialect: 'postgres',
    title: skip === undefined ? 'postgres' : `postgres (skipped: ${skip})`,
    skip,
    async open(options) {
      const schema = `t_${randomBytes(6).toString('hex')}`;
      const dir = await mkdtemp(join(tmpdir(), 'imr-store-pg-'));
      const documentsDir = join(dir, 'documents');
      await adminQuery(url, `create schema ${schema}`);
      let store: Store;
      try {
        store = await opened(await openStore({ kind: 'postgres', url, schema, documentsDir, poolSize: 4 }, options));
      } catch (thrown) {
        await adminQuery(url, `drop schema if exists ${schema} cascade`);
        throw thrown;
      }
      return {
        store,
        documentsDir,
        async dispose() {
          await store.close();
          await adminQuery(url, `drop schema if exists ${schema} cascade`);
          await rm(dir, { recursive: true, force: true });
        },
      };
    },
  };
}

let targets: Promise<StoreTarget[]> | undefined;

/** SQLite, then PostgreSQL. Throws in CI when PostgreSQL cannot be reached. */
export function storeTargets(): Promise<StoreTarget[]> {
  targets ??= (async () => {
    const url = testPgUrl();
    const reason = await probePostgres(url);
    if (reason === undefined) return [sqliteTarget, postgresTarget(url, undefined)];
    const why = `no PostgreSQL at ${describePgUrl(url)}: ${reason}`;
    if (process.env.CI) throw new Error(`${why}. CI requires PostgreSQL (start it, or set DATABASE_URL).`);
    console.warn(`store tests: ${why}; PostgreSQL suites skipped (set DATABASE_URL or start a server).`);
    return [sqliteTarget, postgresTarget(url, why)];
  })();
  return targets;
}
