import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../server/app.js';
import { testAppConfig } from '../server/config.js';
import { SESSION_COOKIE } from '../server/contract.js';
import { openStore, type Store } from '../store/index.js';
import { runCli } from './test-run.js';

/**
 * `imr user …` and `imr db …` on SQLite files, driven in-process (src/cli/accounts.int.test.ts runs the
 * account operations on PostgreSQL too). The Show item of issue 11: an admin made by `imr user add` on
 * a fresh database signs in to the server.
 */

const PASSWORD = 'a first admin password';
let dir = '';
let db = '';

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'imr-user-cli-'));
  db = join(dir, 'imr.sqlite');
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const user = (args: string[], stdin?: string) =>
  runCli(['user', ...args, '--db', db], stdin === undefined ? {} : { stdin });

function errorOf(text: string): { code: string; message: string; details?: Record<string, unknown> } {
  return (JSON.parse(text.trim().split('\n').at(-1) as string) as { error: never }).error;
}

function rows<T>(sql: string): T[] {
  const d = new BetterSqlite3(db, { readonly: true });
  try {
    return d.prepare(sql).all() as T[];
  } finally {
    d.close();
  }
}

/** The server's app over the same database file, as `npm start` with IMR_DEMO=false would serve it. */
async function serverOver(path: string): Promise<{ app: FastifyInstance; store: Store }> {
  const opened = await openStore({ kind: 'sqlite', path, documentsDir: join(dir, 'docs') });
  if (!opened.ok) throw new Error(opened.error.code);
  const app = await buildApp({ store: opened.value, config: testAppConfig(), logStream: { write: () => undefined } });
  await app.ready();
  return { app, store: opened.value };
}

async function signIn(app: FastifyInstance, username: string, password: string) {
  const r = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  const cookie = r.cookies.find((c) => c.name === SESSION_COOKIE)?.value;
  return { status: r.statusCode, body: r.json<Record<string, unknown>>(), cookie };
}

describe('imr user add', () => {
  it('creates the first admin on a fresh database, who then signs in to the server and reaches admin routes', async () => {
    const added = await user(
      ['add', 'first-admin', '--role', 'admin', '--name', 'First Admin', '--password-stdin'],
      `${PASSWORD}\n`,
    );
    expect(added.err).toBe('');
    expect(added.code).toBe(0);
    expect(added.out).toMatch(/^created first-admin \(admin, id \d+, active\)\n$/);

    const { app, store } = await serverOver(db);
    try {
      const wrong = await signIn(app, 'first-admin', `${PASSWORD}!`);
      expect(wrong.status).toBe(401);
      const signed = await signIn(app, 'first-admin', PASSWORD);
      expect(signed.status).toBe(200);
      expect(signed.body).toMatchObject({
        user: { username: 'first-admin', role: 'admin', displayName: 'First Admin' },
      });
      const listed = await app.inject({
        method: 'GET',
        url: '/api/v1/users',
        headers: { cookie: `${SESSION_COOKIE}=${signed.cookie}` },
      });
      expect(listed.statusCode).toBe(200);
      expect(listed.json()).toMatchObject({ users: [{ username: 'first-admin', role: 'admin', active: true }] });
    } finally {
      await app.close();
      await store.close();
    }
  });

  it('keeps the password out of output, the audit log and the database (an argon2id hash only), and audits the creation', async () => {
    const r = await user(
      ['add', 'ops', '--role', 'coordinator', '--password-stdin', '--json'],
      `${PASSWORD}\r\nignored\n`,
    );
    expect(r.code).toBe(0);
    const printed = JSON.parse(r.out) as { user: Record<string, unknown> };
    expect(printed.user).toMatchObject({ username: 'ops', role: 'coordinator', active: true });
    expect(printed.user).not.toHaveProperty('passwordHash');
    expect(`${r.out}${r.err}`).not.toContain(PASSWORD);
    const [stored] = rows<{ password_hash: string }>('select password_hash from users');
    expect(stored?.password_hash).toMatch(/^\$argon2id\$/);
    const raw = readFileSync(db);
    expect(raw.includes(Buffer.from(PASSWORD))).toBe(false);
    const events = rows<{
      action: string;
      actor_user_id: number | null;
      entity_type: string;
      details: string;
      request_id: string;
    }>('select action, actor_user_id, entity_type, details, request_id from audit_events');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'user.created', actor_user_id: null, entity_type: 'user' });
    expect(JSON.parse(events[0]?.details ?? '{}')).toEqual({ role: 'coordinator', source: 'cli' });
    expect(events[0]?.request_id).toMatch(/^cli-/);
    // The line ending (\r\n) is not part of the password; what follows the first line is ignored.
    const { app, store } = await serverOver(db);
    try {
      expect((await signIn(app, 'ops', PASSWORD)).status).toBe(200);
    } finally {
      await app.close();
      await store.close();
    }
  });

  it('refuses with coded errors, writing nothing: short password, bad user name, taken name, reviewer without record, no terminal', async () => {
    expect(
      errorOf((await user(['add', 'a1', '--role', 'admin', '--password-stdin'], 'too short\n')).err),
    ).toMatchObject({
      code: 'IMR_VALIDATION',
      details: { path: 'password' },
    });
    expect(
      errorOf((await user(['add', 'Bad Name', '--role', 'admin', '--password-stdin'], `${PASSWORD}\n`)).err),
    ).toMatchObject({ code: 'IMR_VALIDATION', details: { path: 'username' } });
    expect(
      errorOf((await user(['add', 'rev', '--role', 'reviewer', '--password-stdin'], `${PASSWORD}\n`)).err),
    ).toMatchObject({
      code: 'IMR_VALIDATION',
      details: { path: 'reviewerId' },
    });
    expect(
      errorOf(
        (await user(['add', 'rev', '--role', 'reviewer', '--reviewer-id', '99', '--password-stdin'], `${PASSWORD}\n`))
          .err,
      ),
    ).toMatchObject({ code: 'IMR_NOT_FOUND' });
    // Without --password-stdin and without a terminal, it says how to give the password; it never reads argv.
    const noTty = await user(['add', 'a2', '--role', 'admin']);
    expect(noTty.code).toBe(1);
    expect(errorOf(noTty.err)).toMatchObject({ code: 'IMR_CLI_USAGE' });
    expect(errorOf(noTty.err).message).toContain('--password-stdin');
    expect((await user(['add', 'a3', '--role', 'boss', '--password-stdin'], `${PASSWORD}\n`)).code).toBe(2);
    expect(rows('select id from users')).toEqual([]);
    expect(rows('select id from audit_events')).toEqual([]);

    expect((await user(['add', 'taken', '--role', 'qa', '--password-stdin'], `${PASSWORD}\n`)).code).toBe(0);
    const again = await user(['add', 'taken', '--role', 'admin', '--password-stdin'], `${PASSWORD}\n`);
    expect(again.code).toBe(1);
    expect(errorOf(again.err).code).toBe('IMR_ALREADY_EXISTS');
    expect(rows('select username, role from users')).toEqual([{ username: 'taken', role: 'qa' }]);
  });

  it('asks twice at the terminal prompt and refuses two different passwords', async () => {
    const { main } = await import('./main.js');
    const answers = [PASSWORD, `${PASSWORD} typo`];
    let err = '';
    const code = await main(['user', 'add', 'prompted', '--role', 'admin', '--db', db], {
      stdout: () => undefined,
      stderr: (t) => {
        err += t;
      },
      stdoutBytes: () => undefined,
      stderrIsTty: true,
      stdoutIsTty: true,
      readSecret: () => Promise.resolve(answers.shift() as string),
    });
    expect(code).toBe(1);
    expect(errorOf(err)).toMatchObject({ code: 'IMR_VALIDATION', details: { path: 'password' } });
    expect(rows('select id from users')).toEqual([]);
  });
});

describe('imr user list, deactivate, activate, reset-password', () => {
  it('lists accounts without hashes; deactivating ends sign-in and sessions; the last active admin stays; reset-password swaps the password', async () => {
    await user(['add', 'root', '--role', 'admin', '--password-stdin'], `${PASSWORD}\n`);
    await user(['add', 'clerk', '--role', 'intake', '--password-stdin'], `${PASSWORD}\n`);
    const listed = await user(['list', '--json']);
    const accounts = (JSON.parse(listed.out) as { users: Record<string, unknown>[] }).users;
    expect(accounts.map((a) => [a.username, a.role, a.active])).toEqual([
      ['clerk', 'intake', true],
      ['root', 'admin', true],
    ]);
    expect(listed.out).not.toContain('argon2');
    expect((await user(['list'])).out).toMatch(/^clerk\s+intake\s+active\s+id \d+\nroot\s+admin\s+active\s+id \d+\n$/);

    const { app, store } = await serverOver(db);
    try {
      const session = await signIn(app, 'clerk', PASSWORD);
      expect(session.status).toBe(200);
      const off = await user(['deactivate', 'clerk', '--json']);
      expect(JSON.parse(off.out)).toMatchObject({
        user: { username: 'clerk', active: false },
        changed: true,
        sessionsEnded: 1,
      });
      expect((await signIn(app, 'clerk', PASSWORD)).status).toBe(401);
      const stale = await app.inject({
        method: 'GET',
        url: '/api/v1/auth/session',
        headers: { cookie: `${SESSION_COOKIE}=${session.cookie}` },
      });
      expect(stale.statusCode).toBe(401);
      expect((await user(['deactivate', 'clerk'])).out).toMatch(/^unchanged: clerk/);

      const last = await user(['deactivate', 'root']);
      expect(last.code).toBe(1);
      expect(errorOf(last.err)).toMatchObject({ code: 'IMR_VALIDATION', details: { reason: 'last-admin' } });
      expect(errorOf((await user(['deactivate', 'nobody'])).err).code).toBe('IMR_NOT_FOUND');

      expect((await user(['activate', 'clerk'])).out).toMatch(/^activated clerk/);
      expect((await signIn(app, 'clerk', PASSWORD)).status).toBe(200);

      const next = 'a different password 2';
      const reset = await user(['reset-password', 'clerk', '--password-stdin', '--json'], `${next}\n`);
      expect(JSON.parse(reset.out)).toMatchObject({ user: { username: 'clerk' }, sessionsEnded: 1 });
      expect((await signIn(app, 'clerk', PASSWORD)).status).toBe(401);
      expect((await signIn(app, 'clerk', next)).status).toBe(200);
      expect(errorOf((await user(['reset-password', 'clerk', '--password-stdin'], 'short\n')).err).code).toBe(
        'IMR_VALIDATION',
      );
    } finally {
      await app.close();
      await store.close();
    }
    // The account changes (the server's sign-in events in between are its own).
    const events = rows<{ action: string; details: string }>(
      "select action, details from audit_events where action like 'user.%' order by id",
    );
    expect(events.map((e) => [e.action, JSON.parse(e.details)])).toEqual([
      ['user.created', { role: 'admin', source: 'cli' }],
      ['user.created', { role: 'intake', source: 'cli' }],
      ['user.updated', { fields: 'active', sessionsEnded: 1, source: 'cli' }],
      ['user.updated', { fields: 'active', sessionsEnded: 0, source: 'cli' }],
      ['user.updated', { fields: 'password', sessionsEnded: 1, source: 'cli' }],
    ]);
  });
});

describe('imr db migrate and imr db backup', () => {
  const cmd = (args: string[]) => runCli(['db', ...args, '--db', db]);

  it('migrates a fresh database, then finds nothing to do', async () => {
    const first = await cmd(['migrate', '--json']);
    expect(first.code).toBe(0);
    const { applied } = JSON.parse(first.out) as { applied: string[] };
    expect(applied.length).toBeGreaterThan(0);
    expect(applied[0]).toBe('0001-initial');
    expect((await cmd(['migrate'])).out).toBe('the database is up to date\n');
  });

  it('backs up a database in use to a new private file that holds the same data, and never overwrites one', async () => {
    await user(['add', 'root', '--role', 'admin', '--password-stdin'], `${PASSWORD}\n`);
    // A server holds the database open (WAL) while the backup runs.
    const { app, store } = await serverOver(db);
    try {
      expect((await signIn(app, 'root', PASSWORD)).status).toBe(200);
      const target = join(dir, 'backup.sqlite');
      const r = await cmd(['backup', target, '--json']);
      expect(r.err).toBe('');
      expect(JSON.parse(r.out)).toMatchObject({ backup: target });
      const copy = new BetterSqlite3(target, { readonly: true });
      try {
        expect(copy.prepare('select username, role from users').all()).toEqual([{ username: 'root', role: 'admin' }]);
        expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(
          (copy.prepare('select count(*) as n from sessions').get() as { n: number }).n,
          'the session signed in before the backup is in it',
        ).toBe(1);
      } finally {
        copy.close();
      }
      const { statSync, readdirSync } = await import('node:fs');
      expect(statSync(target).mode & 0o777).toBe(0o600);
      expect(readdirSync(dir).filter((f) => f.includes('partial'))).toEqual([]);
      const again = await cmd(['backup', target]);
      expect(again.code).toBe(1);
      expect(errorOf(again.err)).toMatchObject({ code: 'IMR_OUTPUT_UNWRITABLE', details: { reason: 'exists' } });
      expect(errorOf((await cmd(['backup', join(dir, 'no', 'such', 'dir.sqlite')])).err).code).toBe(
        'IMR_OUTPUT_UNWRITABLE',
      );
    } finally {
      await app.close();
      await store.close();
    }
  });

  it('names pg_dump for a PostgreSQL database instead of copying it', async () => {
    const r = await runCli(['db', 'backup', join(dir, 'x.dump'), '--db', 'postgres://someone@db.example/imr']);
    expect(r.code).toBe(1);
    const e = errorOf(r.err);
    expect(e.code).toBe('IMR_CLI_USAGE');
    expect(e.message).toContain('pg_dump');
    expect(e.message).not.toContain('db.example');
  });
});
