import { resolve } from 'node:path';
import type { Command } from 'commander';
import { type ImrError, imrError } from '../domain/errors.js';
import { backupSqlite, migrateStore } from '../store/index.js';
import { importStoreConfig } from './import-command.js';
import type { CliIo } from './io.js';

/**
 * `imr db migrate` and `imr db backup FILE`. Migrations also run whenever the server or a command
 * opens the database; `migrate` does it on purpose (before starting new servers after an upgrade)
 * and says what it did. `backup` copies a SQLite database online (SQLite's backup API: servers and
 * imports may keep running); a PostgreSQL database is backed up with PostgreSQL's own tools, which
 * the command names instead.
 */

type Env = Readonly<Record<string, string | undefined>>;

interface DbOption {
  readonly db?: string;
  readonly json?: boolean;
}

function fail(io: CliIo, error: ImrError): number {
  io.stderr(`${JSON.stringify({ error })}\n`);
  return 1;
}

/** What to run instead of `imr db backup` on PostgreSQL (the URL left to the environment: it may hold a password). */
export const PG_DUMP_ADVICE =
  'imr db backup copies SQLite databases. Back up PostgreSQL with pg_dump, e.g. ' +
  'pg_dump --format=custom --file=imr-$(date +%F).dump "$DATABASE_URL" (restore with pg_restore), ' +
  'or with your provider’s snapshots or point-in-time recovery; copy IMR_DOCUMENTS_DIR as well.';

export async function runMigrate(io: CliIo, opts: DbOption, env: Env): Promise<number> {
  const config = importStoreConfig(opts.db, env);
  if (!config.ok) return fail(io, config.error);
  const r = await migrateStore(config.value);
  if (!r.ok) return fail(io, r.error);
  const { applied } = r.value;
  io.stdout(
    opts.json === true
      ? `${JSON.stringify({ applied })}\n`
      : applied.length === 0
        ? 'the database is up to date\n'
        : `applied ${applied.length} migrations: ${applied.join(', ')}\n`,
  );
  return 0;
}

export async function runBackup(io: CliIo, file: string, opts: DbOption, env: Env): Promise<number> {
  const config = importStoreConfig(opts.db, env);
  if (!config.ok) return fail(io, config.error);
  if (config.value.kind === 'postgres')
    return fail(io, imrError('IMR_CLI_USAGE', PG_DUMP_ADVICE, { store: 'postgres' }));
  if (config.value.path === ':memory:')
    return fail(io, imrError('IMR_CLI_USAGE', 'An in-memory database has nothing to back up.'));
  const r = await backupSqlite(config.value.path, resolve(file));
  if (!r.ok) return fail(io, r.error);
  const { bytes, pages } = r.value;
  io.stdout(
    opts.json === true
      ? `${JSON.stringify({ backup: r.value.file, bytes, pages })}\n`
      : `backed up to ${r.value.file} (${bytes} bytes); document files are not in it: copy ${config.value.documentsDir} as well\n`,
  );
  return 0;
}

export function registerDbCommands(
  program: Command,
  io: CliIo,
  setExit: (code: number) => void,
  env: Env = process.env,
): void {
  const dbOption = [
    '--db <file-or-url>',
    'SQLite database file or postgres:// URL (default: DATABASE_URL, else IMR_DB_PATH, else ./data/imr.sqlite)',
  ] as const;
  const db = program.command('db').description('Database upkeep: migrations and backups');
  db.command('migrate')
    .description('Bring the database schema up to date (servers and commands also do this when they open it)')
    .option(...dbOption)
    .option('--json', 'print {"applied": [migration names]}')
    .action(async (opts: DbOption) => {
      setExit(await runMigrate(io, opts, env));
    });
  db.command('backup')
    .description(
      'Copy a SQLite database to FILE while it is in use (SQLite online backup; an existing FILE is refused). ' +
        'For PostgreSQL it names the pg_dump command to use instead.',
    )
    .argument('<file>', 'the new backup file')
    .option(...dbOption)
    .option('--json', 'print {"backup", "bytes", "pages"}')
    .action(async (file: string, opts: DbOption) => {
      setExit(await runBackup(io, file, opts, env));
    });
}
