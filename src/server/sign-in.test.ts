import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeCount, openStore, type Store } from '../store/index.js';
import { buildApp } from './app.js';
import { type AppConfig, testAppConfig } from './config.js';
import { SESSION_COOKIE } from './contract.js';
import { TEST_PASSWORD, type TestServer, type TestUser, testServer } from './test-app.js';

/**
 * Sign-in throttling (per account and per address, counted in the database, failures only) and the
 * session idle timeout, through HTTP. One seeded test server; apps with other settings are built over
 * its store (or over a second store on the same file: another instance, or a restart). Each test signs
 * in from an address of its own, so that address counts do not carry from one test to the next.
 */

let t: TestServer;
const extra: { app: FastifyInstance; store?: Store }[] = [];
beforeAll(async () => {
  t = await testServer();
}, 120_000);
afterAll(async () => {
  for (const e of extra) {
    await e.app.close();
    await e.store?.close();
  }
  await t?.dispose();
});

/** Another app over the test server's store (or over `store`), with `overrides`. */
async function appWith(overrides: Partial<AppConfig>, store: Store = t.store): Promise<FastifyInstance> {
  const app = await buildApp({
    store,
    config: testAppConfig({ logLevel: 'silent', ...overrides }),
    now: () => t.clock.now,
  });
  await app.ready();
  extra.push(store === t.store ? { app } : { app, store });
  return app;
}

/** A second store handle on the test server's database file: another instance, or the same one restarted. */
async function anotherStore(): Promise<Store> {
  const opened = await openStore({
    kind: 'sqlite',
    path: t.storeFiles.dbPath,
    documentsDir: t.storeFiles.documentsDir,
  });
  if (!opened.ok) throw new Error(opened.error.code);
  return opened.value;
}

let addresses = 0;
/** An address no other test signs in from. */
function freshAddress(): string {
  addresses += 1;
  return `192.0.2.${addresses}`;
}

function signIn(
  app: FastifyInstance,
  username: string,
  password: string,
  from: { address: string; forwardedFor?: string },
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress: from.address,
    ...(from.forwardedFor === undefined ? {} : { headers: { 'x-forwarded-for': from.forwardedFor } }),
    payload: { username, password },
  });
}

const WRONG = 'not the password';

function codeOf(r: LightMyRequestResponse): string {
  return r.statusCode === 200 ? 'ok' : r.json<{ error: { code: string } }>().error.code;
}

function retryAfterOf(r: LightMyRequestResponse): { header: string | undefined; seconds: unknown; limit: unknown } {
  const details = r.json<{ error: { details?: Record<string, unknown> } }>().error.details ?? {};
  const header = r.headers['retry-after'];
  return {
    header: typeof header === 'string' ? header : undefined,
    seconds: details.retryAfterSeconds,
    limit: details.limit,
  };
}

/** Fails `n` times for `username`, expecting each to be a plain failed sign-in. */
async function fail(
  app: FastifyInstance,
  username: string,
  n: number,
  from: { address: string; forwardedFor?: string },
) {
  for (let i = 0; i < n; i += 1) expect(codeOf(await signIn(app, username, WRONG, from))).toBe('IMR_LOGIN_FAILED');
}

function advance(ms: number): void {
  t.clock.now = new Date(Date.parse(t.clock.now) + ms).toISOString();
}

describe('sign-in throttling', () => {
  it('ten failures against one account lock that account, not another user signing in from the same address', async () => {
    const from = { address: freshAddress() };
    await fail(t.app, 'coordinator', 10, from);
    const locked = await signIn(t.app, 'coordinator', TEST_PASSWORD, from);
    expect(locked.statusCode).toBe(429);
    expect(codeOf(locked)).toBe('IMR_RATE_LIMITED');
    const retry = retryAfterOf(locked);
    expect(retry.limit).toBe('account');
    // The window runs 15 minutes from the first failure; the clock has not moved.
    expect(retry.seconds).toBe(15 * 60);
    expect(retry.header).toBe('900');

    expect(codeOf(await signIn(t.app, 'intake', TEST_PASSWORD, from))).toBe('ok');
    // The account is locked from every address, for what remains of its window, then opens again.
    advance(10 * 60_000);
    const elsewhere = await signIn(t.app, 'coordinator', TEST_PASSWORD, { address: freshAddress() });
    expect(codeOf(elsewhere)).toBe('IMR_RATE_LIMITED');
    expect(retryAfterOf(elsewhere)).toMatchObject({ header: '300', seconds: 300 });
    advance(5 * 60_000);
    expect(codeOf(await signIn(t.app, 'coordinator', TEST_PASSWORD, from))).toBe('ok');
  }, 60_000);

  it('a successful sign-in resets the account’s count', async () => {
    const from = { address: freshAddress() };
    await fail(t.app, 'qa', 9, from);
    expect(codeOf(await signIn(t.app, 'qa', TEST_PASSWORD, from))).toBe('ok');
    await fail(t.app, 'qa', 10, from);
    expect(codeOf(await signIn(t.app, 'qa', WRONG, from))).toBe('IMR_RATE_LIMITED');
    advance(15 * 60_000);
  }, 60_000);

  it('counts an unknown account like a known one', async () => {
    const from = { address: freshAddress() };
    await fail(t.app, 'nobody-here', 10, from);
    expect(codeOf(await signIn(t.app, 'nobody-here', WRONG, from))).toBe('IMR_RATE_LIMITED');
    expect(retryAfterOf(await signIn(t.app, 'nobody-here', WRONG, from)).limit).toBe('account');
    advance(15 * 60_000);
  }, 60_000);

  it('limits failures per address across accounts; successes neither count nor reset the address', async () => {
    const app = await appWith({ loginAddressFailures: 3 });
    const from = { address: freshAddress() };
    await fail(app, 'no-such-one', 1, from);
    // Successes in between take none of the address's budget.
    for (const user of ['intake', 'reviewer', 'admin', 'qa'] satisfies TestUser[]) {
      expect(codeOf(await signIn(app, user, TEST_PASSWORD, from))).toBe('ok');
    }
    await fail(app, 'no-such-two', 1, from);
    await fail(app, 'no-such-three', 1, from);
    const locked = await signIn(app, 'intake', TEST_PASSWORD, from);
    expect(codeOf(locked)).toBe('IMR_RATE_LIMITED');
    expect(retryAfterOf(locked).limit).toBe('address');
    expect(Number(retryAfterOf(locked).header)).toBe(retryAfterOf(locked).seconds);
    // Another address is not affected.
    expect(codeOf(await signIn(app, 'intake', TEST_PASSWORD, { address: freshAddress() }))).toBe('ok');
    advance(15 * 60_000);
  }, 60_000);

  it('adds up failures made through two instances on one database, and keeps them across a restart', async () => {
    const first = await appWith({ loginAccountFailures: 3 });
    const secondStore = await anotherStore();
    const second = await appWith({ loginAccountFailures: 3 }, secondStore);
    await fail(first, 'reviewer2', 2, { address: freshAddress() });
    await fail(second, 'reviewer2', 1, { address: freshAddress() });
    expect(codeOf(await signIn(first, 'reviewer2', TEST_PASSWORD, { address: freshAddress() }))).toBe(
      'IMR_RATE_LIMITED',
    );
    expect(codeOf(await signIn(second, 'reviewer2', TEST_PASSWORD, { address: freshAddress() }))).toBe(
      'IMR_RATE_LIMITED',
    );

    // Restart: every app and store handle closed; a new one opened on the same file.
    await first.close();
    await second.close();
    await secondStore.close();
    extra.length = 0;
    const restarted = await appWith({ loginAccountFailures: 3 }, await anotherStore());
    expect(codeOf(await signIn(restarted, 'reviewer2', TEST_PASSWORD, { address: freshAddress() }))).toBe(
      'IMR_RATE_LIMITED',
    );
    advance(15 * 60_000);
    expect(codeOf(await signIn(restarted, 'reviewer2', TEST_PASSWORD, { address: freshAddress() }))).toBe('ok');
  }, 60_000);

  it('takes the address from X-Forwarded-For only when trustProxy says so', async () => {
    const proxy = freshAddress();
    const trusting = await appWith({ loginAddressFailures: 2, trustProxy: [proxy] });
    await fail(trusting, 'xff-one', 1, { address: proxy, forwardedFor: '203.0.113.7' });
    await fail(trusting, 'xff-two', 1, { address: proxy, forwardedFor: '203.0.113.7' });
    expect(codeOf(await signIn(trusting, 'xff-three', WRONG, { address: proxy, forwardedFor: '203.0.113.7' }))).toBe(
      'IMR_RATE_LIMITED',
    );
    // Behind the proxy, another client has a budget of its own.
    expect(codeOf(await signIn(trusting, 'xff-three', WRONG, { address: proxy, forwardedFor: '203.0.113.8' }))).toBe(
      'IMR_LOGIN_FAILED',
    );

    // Not trusted (the default): the header is ignored, so a client cannot claim a fresh address.
    const direct = freshAddress();
    const plain = await appWith({ loginAddressFailures: 2 });
    await fail(plain, 'xff-four', 1, { address: direct, forwardedFor: '203.0.113.9' });
    await fail(plain, 'xff-five', 1, { address: direct, forwardedFor: '203.0.113.10' });
    expect(codeOf(await signIn(plain, 'xff-six', WRONG, { address: direct, forwardedFor: '203.0.113.11' }))).toBe(
      'IMR_RATE_LIMITED',
    );
    advance(15 * 60_000);
  }, 60_000);

  it('does not let a burst of concurrent failures past the account limit', async () => {
    const app = await appWith({ loginAccountFailures: 3 });
    const from = { address: freshAddress() };
    const codes = await Promise.all(Array.from({ length: 8 }, () => signIn(app, 'burst-target', WRONG, from)));
    expect(codes.map(codeOf).filter((c) => c === 'IMR_LOGIN_FAILED')).toHaveLength(3);
    expect(codes.map(codeOf).filter((c) => c === 'IMR_RATE_LIMITED')).toHaveLength(5);
    advance(15 * 60_000);
  }, 60_000);
});

describe('session idle timeout', () => {
  async function session(user: TestUser): Promise<(url?: string) => Promise<LightMyRequestResponse>> {
    const r = await signIn(t.app, user, TEST_PASSWORD, { address: freshAddress() });
    expect(r.statusCode).toBe(200);
    const cookie = r.cookies.find((c) => c.name === SESSION_COOKIE)?.value;
    return (url = '/api/v1/auth/session') =>
      t.app.inject({ method: 'GET', url, headers: { cookie: `${SESSION_COOKIE}=${cookie}` } });
  }

  it('ends a session unused for 30 minutes, well within its 8-hour lifetime', async () => {
    const get = await session('intake');
    advance(29 * 60_000);
    expect((await get()).statusCode).toBe(200);
    advance(31 * 60_000);
    expect(codeOf(await get())).toBe('IMR_UNAUTHENTICATED');
  });

  it('keeps a session in use alive past the idle timeout, up to its absolute lifetime', async () => {
    const get = await session('coordinator');
    for (let minutes = 0; minutes < 7 * 60 + 40; minutes += 20) {
      advance(20 * 60_000);
      expect((await get()).statusCode).toBe(200);
    }
    // 8 hours after sign-in, in use or not, it is over.
    advance(20 * 60_000);
    expect(codeOf(await get())).toBe('IMR_UNAUTHENTICATED');
  });

  it('marks use at most once a minute, without moving the change counter (kept responses stay valid)', async () => {
    const get = await session('reviewer');
    const lastSeen = async () =>
      (await t.store.db.selectFrom('sessions').select('last_seen_at').orderBy('created_at', 'desc').executeTakeFirst())
        ?.last_seen_at;
    const signedInAt = t.clock.now;
    const before = await changeCount(t.store);
    advance(30_000);
    expect((await get('/api/v1/queue')).statusCode).toBe(200);
    expect(await lastSeen()).toBe(signedInAt);
    advance(40_000);
    expect((await get('/api/v1/queue')).statusCode).toBe(200);
    expect(await lastSeen()).toBe(t.clock.now);
    expect(await changeCount(t.store)).toBe(before);
  });
});
