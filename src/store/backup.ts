import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { chmod, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { type ImrError, imrError } from '../domain/errors.js';
import { err, ok, type Result } from '../domain/result.js';

export interface SqliteBackup {
  /** Where the copy is. */
  readonly file: string;
  readonly bytes: number;
  /** Pages copied. */
  readonly pages: number;
}

/**
 * Copies a SQLite database with SQLite's online backup API, while servers and imports keep using it:
 * the copy is one consistent moment of the database (committed transactions only; WAL content
 * included). It is written beside `dest` under a temporary name, checked (`quick_check`), made
 * readable by its owner only (it holds PHI) and then renamed to `dest`, so a failed or interrupted
 * backup never leaves a half copy under the real name. An existing `dest` is refused, not replaced.
 * Document files (`IMR_DOCUMENTS_DIR`) live outside the database: copy that directory as well.
 */
export async function backupSqlite(source: string, dest: string): Promise<Result<SqliteBackup, ImrError>> {
  if (existsSync(dest)) {
    return err(
      imrError('IMR_OUTPUT_UNWRITABLE', 'The backup file exists already: name a new file.', { reason: 'exists' }),
    );
  }
  if (!existsSync(dirname(dest))) {
    return err(imrError('IMR_OUTPUT_UNWRITABLE', 'The folder for the backup does not exist.', { reason: 'no-folder' }));
  }
  let database: BetterSqlite3.Database;
  try {
    database = new BetterSqlite3(source, { readonly: true, fileMustExist: true });
  } catch (thrown) {
    const code = (thrown as { code?: unknown }).code;
    return err(
      imrError('IMR_STORE_UNAVAILABLE', undefined, typeof code === 'string' ? { driverCode: code } : undefined),
    );
  }
  const partial = join(dirname(dest), `.${basename(dest)}.partial-${randomBytes(6).toString('hex')}`);
  try {
    const progress = await database.backup(partial);
    const copy = new BetterSqlite3(partial, { fileMustExist: true });
    let check: unknown;
    try {
      // Closing the only connection checkpoints and removes any -wal file: the copy is one file.
      check = copy.pragma('quick_check', { simple: true });
    } finally {
      copy.close();
    }
    if (check !== 'ok') {
      await rm(partial, { force: true });
      return err(imrError('IMR_INTERNAL', 'The backup copy failed its integrity check.'));
    }
    await chmod(partial, 0o600);
    await rename(partial, dest);
    return ok({ file: dest, bytes: statSync(dest).size, pages: progress.totalPages });
  } catch (thrown) {
    await rm(partial, { force: true });
    const code = (thrown as { code?: unknown }).code;
    return err(
      imrError('IMR_OUTPUT_UNWRITABLE', 'The backup could not be written.', {
        reason: typeof code === 'string' ? code : thrown instanceof Error ? thrown.name : 'unknown',
      }),
    );
  } finally {
    database.close();
  }
}
