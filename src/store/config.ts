import { type ImrError, imrError } from '../domain/errors.js';
import { err, ok, type Result } from '../domain/result.js';

export const DEFAULT_SQLITE_PATH = './data/imr.sqlite';
export const DEFAULT_DOCUMENTS_DIR = './data/documents';

/** Where the data lives: an embedded SQLite file, or a PostgreSQL server. */
export type StoreConfig =
  | {
      readonly kind: 'sqlite';
      /** A file path, or `:memory:`. */
      readonly path: string;
      readonly documentsDir: string;
    }
  | {
      readonly kind: 'postgres';
      readonly url: string;
      /** Schema to work in (sets `search_path`); the server's default when absent. */
      readonly schema?: string;
      readonly poolSize?: number;
      readonly documentsDir: string;
    };

const PG_URL = /^postgres(ql)?:\/\//;
export const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Reads `DATABASE_URL` (PostgreSQL when set), `IMR_DB_PATH` (SQLite file, default
 * `./data/imr.sqlite`) and `IMR_DOCUMENTS_DIR` (default `./data/documents`). Messages never echo
 * the URL: it may hold a password.
 */
export function storeConfigFromEnv(env: Readonly<Record<string, string | undefined>>): Result<StoreConfig, ImrError> {
  const nonEmpty = (v: string | undefined): string | undefined => (v === undefined || v.trim() === '' ? undefined : v);
  const documentsDir = nonEmpty(env.IMR_DOCUMENTS_DIR) ?? DEFAULT_DOCUMENTS_DIR;
  const url = nonEmpty(env.DATABASE_URL);
  if (url !== undefined) {
    if (!PG_URL.test(url)) {
      return err(imrError('IMR_VALIDATION', 'DATABASE_URL must be a postgres:// or postgresql:// URL.'));
    }
    return ok({ kind: 'postgres', url, documentsDir });
  }
  return ok({ kind: 'sqlite', path: nonEmpty(env.IMR_DB_PATH) ?? DEFAULT_SQLITE_PATH, documentsDir });
}
