import { type Command, InvalidArgumentError } from 'commander';
import { UserRole } from '../domain/case.js';
import { type ImrError, imrError } from '../domain/errors.js';
import { err, ok, type Result } from '../domain/result.js';
import { openStore, type Store } from '../store/index.js';
import {
  type AccountView,
  addAccount,
  checkPassword,
  listAccounts,
  resetAccountPassword,
  setAccountActive,
} from './accounts.js';
import { importStoreConfig } from './import-command.js';
import { type CliIo, PromptInterrupted } from './io.js';

/**
 * `imr user add | list | deactivate | activate | reset-password`: accounts from the command line
 * (see accounts.ts). The database is `--db` (a SQLite file or a postgres:// URL), else the server's
 * (`DATABASE_URL`, `IMR_DB_PATH`); a fresh database is created and migrated. Passwords are asked for
 * on the terminal (twice, not echoed) or, with `--password-stdin`, read from the first line of
 * standard input — never taken from the command line, where other users and shell history see them.
 */

interface DbOption {
  readonly db?: string;
  readonly json?: boolean;
}

interface PasswordOption {
  readonly passwordStdin?: boolean;
}

type Env = Readonly<Record<string, string | undefined>>;

function fail(io: CliIo, error: ImrError): number {
  io.stderr(`${JSON.stringify({ error })}\n`);
  return 1;
}

async function withStore(io: CliIo, opts: DbOption, env: Env, fn: (store: Store) => Promise<number>): Promise<number> {
  const config = importStoreConfig(opts.db, env);
  if (!config.ok) return fail(io, config.error);
  const opened = await openStore(config.value);
  if (!opened.ok) return fail(io, opened.error);
  try {
    return await fn(opened.value);
  } finally {
    await opened.value.close();
  }
}

/** The whole of standard input (a password piped in is small; anything past 64 KiB is refused). */
async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) {
    text += typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
    if (text.length > 65_536) break;
  }
  return text;
}

/**
 * The new password: the first line of standard input (`--password-stdin`; its line ending dropped,
 * nothing else trimmed), or typed twice at a prompt. Checked against the password rule.
 */
async function readNewPassword(io: CliIo, opts: PasswordOption): Promise<Result<string, ImrError>> {
  let password: string;
  if (opts.passwordStdin === true) {
    const text = await readAll(io.stdin ?? process.stdin);
    password = text.split(/\r?\n/, 1)[0] ?? '';
  } else {
    if (io.readSecret === undefined) {
      return err(
        imrError(
          'IMR_CLI_USAGE',
          'No terminal to ask for the password on: pipe it in with --password-stdin (never put it on the command line).',
        ),
      );
    }
    try {
      password = await io.readSecret('New password: ');
      const again = await io.readSecret('Repeat it: ');
      if (again !== password) return err(imrError('IMR_VALIDATION', 'The two passwords differ.', { path: 'password' }));
    } catch (thrown) {
      if (thrown instanceof PromptInterrupted)
        return err(imrError('IMR_CLI_USAGE', 'Cancelled at the password prompt.'));
      throw thrown;
    }
  }
  return checkPassword(password).ok ? ok(password) : checkPassword(password);
}

function describe(a: AccountView): string {
  return `${a.username} (${a.role}${a.reviewerId === undefined ? '' : `, reviewer ${a.reviewerId}`}, id ${a.id}, ${a.active ? 'active' : 'inactive'})`;
}

function parseRole(value: string): UserRole {
  const r = UserRole.safeParse(value);
  if (!r.success) throw new InvalidArgumentError(`the role must be one of ${UserRole.options.join(', ')}`);
  return r.data;
}

function parseId(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive whole number');
  return n;
}

export interface UserCommandDeps {
  readonly env?: Env;
}

export function registerUserCommands(
  program: Command,
  io: CliIo,
  setExit: (code: number) => void,
  deps: UserCommandDeps = {},
): void {
  const env = deps.env ?? process.env;
  const dbOption = [
    '--db <file-or-url>',
    'SQLite database file or postgres:// URL (default: DATABASE_URL, else IMR_DB_PATH, else ./data/imr.sqlite)',
  ] as const;
  const user = program
    .command('user')
    .description(
      'Manage sign-in accounts in the case store (every change is audited). Passwords are asked for on the ' +
        'terminal, or read from standard input with --password-stdin; never give them as arguments.',
    );

  user
    .command('add')
    .description('Create an account, e.g. the first admin: imr user add alice --role admin')
    .argument('<username>', 'lower-case user name (letters, digits, . _ -)')
    .requiredOption('--role <role>', `one of ${UserRole.options.join(', ')}`, parseRole)
    .option('--name <display-name>', 'the name shown in the app (default: the user name)')
    .option('--reviewer-id <id>', 'for a reviewer account: the reviewer record it signs in as', parseId)
    .option('--password-stdin', 'read the password from the first line of standard input')
    .option(...dbOption)
    .option('--json', 'print the account as JSON')
    .action(
      async (
        username: string,
        opts: DbOption & PasswordOption & { role: UserRole; name?: string; reviewerId?: number },
      ) => {
        setExit(
          await withStore(io, opts, env, async (store) => {
            const password = await readNewPassword(io, opts);
            if (!password.ok) return fail(io, password.error);
            const created = await addAccount(store, {
              username,
              role: opts.role,
              password: password.value,
              ...(opts.name === undefined ? {} : { displayName: opts.name }),
              ...(opts.reviewerId === undefined ? {} : { reviewerId: opts.reviewerId }),
            });
            if (!created.ok) return fail(io, created.error);
            io.stdout(
              opts.json === true
                ? `${JSON.stringify({ user: created.value })}\n`
                : `created ${describe(created.value)}\n`,
            );
            return 0;
          }),
        );
      },
    );

  user
    .command('list')
    .description('List the accounts (user name, role, active), never their passwords')
    .option(...dbOption)
    .option('--json', 'print {"users": […]} as JSON')
    .action(async (opts: DbOption) => {
      setExit(
        await withStore(io, opts, env, async (store) => {
          const accounts = await listAccounts(store);
          if (opts.json === true) {
            io.stdout(`${JSON.stringify({ users: accounts })}\n`);
            return 0;
          }
          if (accounts.length === 0)
            io.stdout('no accounts — create the first admin with: imr user add NAME --role admin\n');
          for (const a of accounts) {
            io.stdout(
              `${a.username.padEnd(24)} ${a.role.padEnd(12)} ${(a.active ? 'active' : 'inactive').padEnd(9)} id ${a.id}\n`,
            );
          }
          return 0;
        }),
      );
    });

  for (const [name, active] of [
    ['deactivate', false],
    ['activate', true],
  ] as const) {
    user
      .command(name)
      .description(
        active
          ? 'Let a deactivated account sign in again'
          : 'Stop an account from signing in and end its sessions (the last active admin is refused)',
      )
      .argument('<username>')
      .option(...dbOption)
      .option('--json', 'print the account as JSON')
      .action(async (username: string, opts: DbOption) => {
        setExit(
          await withStore(io, opts, env, async (store) => {
            const r = await setAccountActive(store, username, active);
            if (!r.ok) return fail(io, r.error);
            const { account, changed, sessionsEnded } = r.value;
            io.stdout(
              opts.json === true
                ? `${JSON.stringify({ user: account, changed, sessionsEnded })}\n`
                : changed
                  ? `${name}d ${describe(account)}${sessionsEnded > 0 ? `; ${sessionsEnded} sessions ended` : ''}\n`
                  : `unchanged: ${describe(account)}\n`,
            );
            return 0;
          }),
        );
      });
  }

  user
    .command('reset-password')
    .description('Set a new password for an account; its sessions end')
    .argument('<username>')
    .option('--password-stdin', 'read the password from the first line of standard input')
    .option(...dbOption)
    .option('--json', 'print the account as JSON')
    .action(async (username: string, opts: DbOption & PasswordOption) => {
      setExit(
        await withStore(io, opts, env, async (store) => {
          const password = await readNewPassword(io, opts);
          if (!password.ok) return fail(io, password.error);
          const r = await resetAccountPassword(store, username, password.value);
          if (!r.ok) return fail(io, r.error);
          const { account, sessionsEnded } = r.value;
          io.stdout(
            opts.json === true
              ? `${JSON.stringify({ user: account, sessionsEnded })}\n`
              : `password set for ${describe(account)}${sessionsEnded > 0 ? `; ${sessionsEnded} sessions ended` : ''}\n`,
          );
          return 0;
        }),
      );
    });
}
