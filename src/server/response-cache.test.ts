import { gunzipSync } from 'node:zlib';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../store/index.js';
import { buildApp } from './app.js';
import { testAppConfig } from './config.js';
import { CaseDetail, CSRF_HEADER, QueueResponse, SESSION_COOKIE } from './contract.js';
import { ResponseCache } from './response-cache.js';
import { SerializedBody } from './serialize.js';
import { type Client, TEST_PASSWORD, type TestServer, testServer } from './test-app.js';

/**
 * Kept responses (response-cache.ts): the queue and the case page are given again while the database
 * and the minute stay the same, and never after a change — made through this server, or through
 * another one sharing the database — nor to a user the body was not made for.
 */

let t: TestServer;
let coordinator: Client;
let reviewer: Client;
let reviewer2: Client;
beforeAll(async () => {
  t = await testServer();
  // Signing in commits a session: done first, so that the tests' requests share a generation.
  coordinator = await t.signIn('coordinator');
  reviewer = await t.signIn('reviewer');
  reviewer2 = await t.signIn('reviewer2');
}, 120_000);
afterAll(async () => {
  await t?.dispose();
});

function ok(r: LightMyRequestResponse): unknown {
  if (r.statusCode !== 200) throw new Error(`${r.statusCode} ${r.body.slice(0, 300)}`);
  return r.json();
}

const queueOf = async (c: Client, query = '') =>
  QueueResponse.parse(ok(await c.request('GET', `/api/v1/queue${query}`)));
const caseOf = async (c: Client, id: number) => CaseDetail.parse(ok(await c.request('GET', `/api/v1/cases/${id}`)));

/** Moves the test clock by `ms`. */
function advance(ms: number): void {
  t.clock.now = new Date(Date.parse(t.clock.now) + ms).toISOString();
}

/** The clock a few seconds into a minute, so that a test's requests stay in it. */
function startOfAMinute(): void {
  const next = Math.ceil((Date.parse(t.clock.now) + 1) / 60_000) * 60_000;
  t.clock.now = new Date(next + 5_000).toISOString();
}

const used = new Set<number>();

/** A case in `stage` that no earlier test has changed. */
async function caseInStage(stage: string): Promise<{ id: number; version: number }> {
  const q = await queueOf(coordinator, '?limit=500');
  const e = q.entries.find((x) => x.case.stage === stage && !used.has(x.case.id));
  if (e === undefined) throw new Error(`no unused case in ${stage} in the demo data`);
  used.add(e.case.id);
  return { id: e.case.id, version: e.case.version };
}

describe('kept responses', () => {
  it('gives the same body again within a minute while nothing changes, and a new one the next minute', async () => {
    startOfAMinute();
    const first = await queueOf(coordinator);
    advance(20_000);
    const again = await queueOf(coordinator);
    // Kept: the body made at the first request, clocks and all.
    expect(again.asOf).toBe(first.asOf);
    expect(again).toEqual(first);
    advance(60_000);
    const later = await queueOf(coordinator);
    expect(later.asOf).toBe(t.clock.now);
    expect(later.asOf).not.toBe(first.asOf);
  });

  it('the queue shows a workflow command in the next response, in the same minute', async () => {
    startOfAMinute();
    const c = await caseInStage('records-received');
    const before = await queueOf(coordinator, '?limit=500');
    const extended = before.entries.find((e) => e.case.id === c.id)?.next?.extensionDays ?? -1;
    advance(1_000);
    ok(
      await coordinator.request('POST', `/api/v1/cases/${c.id}/extension`, {
        body: { expectedVersion: c.version, days: 1, reason: 'good-cause' },
      }),
    );
    advance(1_000);
    const after = await queueOf(coordinator, '?limit=500');
    const entry = after.entries.find((e) => e.case.id === c.id);
    expect(entry?.case.version).toBe(c.version + 1);
    expect(entry?.next?.extensionDays).toBe(extended + 1);
    expect(after.asOf).not.toBe(before.asOf);
  });

  it('the case page shows a workflow command in the next response, in the same minute', async () => {
    startOfAMinute();
    const c = await caseInStage('records-received');
    const before = await caseOf(coordinator, c.id);
    const extensions = before.clocks.extensions.map((e) => e.days);
    advance(1_000);
    ok(
      await coordinator.request('POST', `/api/v1/cases/${c.id}/extension`, {
        body: { expectedVersion: c.version, days: 1, reason: 'good-cause' },
      }),
    );
    const after = await caseOf(coordinator, c.id);
    expect(after.case.version).toBe(c.version + 1);
    expect(after.clocks.extensions.map((e) => e.days)).toEqual([...extensions, 1]);
  });

  it('a change made through another server sharing the database shows at once on this one', async () => {
    startOfAMinute();
    const other = await openStore({ kind: 'sqlite', ...pathsOf(t) });
    if (!other.ok) throw new Error(other.error.code);
    let app: FastifyInstance | undefined;
    try {
      app = await buildApp({ store: other.value, config: testAppConfig(), now: () => t.clock.now });
      const c = await caseInStage('records-received');
      const queueBefore = await queueOf(coordinator, '?limit=500');
      const pageBefore = await caseOf(coordinator, c.id);
      expect(pageBefore.case.version).toBe(c.version);
      const extensions = pageBefore.clocks.extensions.map((e) => e.days);
      // Sessions live in the database: the coordinator's sign-in works on the other server too.
      const login = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'coordinator', password: TEST_PASSWORD },
      });
      const cookie = login.cookies.find((k) => k.name === SESSION_COOKIE)?.value ?? '';
      const csrf = login.json<{ csrfToken: string }>().csrfToken;
      // A response kept after the sign-in, so that only the command can tell the two apart.
      const queueKept = await queueOf(coordinator, '?limit=500');
      expect(queueKept.entries).toEqual(queueBefore.entries);
      ok(
        await app.inject({
          method: 'POST',
          url: `/api/v1/cases/${c.id}/extension`,
          headers: { cookie: `${SESSION_COOKIE}=${cookie}`, [CSRF_HEADER]: csrf },
          payload: { expectedVersion: c.version, days: 1, reason: 'good-cause' },
        }),
      );
      const queueAfter = await queueOf(coordinator, '?limit=500');
      expect(queueAfter.entries.find((e) => e.case.id === c.id)?.case.version).toBe(c.version + 1);
      const pageAfter = await caseOf(coordinator, c.id);
      expect(pageAfter.case.version).toBe(c.version + 1);
      expect(pageAfter.clocks.extensions.map((e) => e.days)).toEqual([...extensions, 1]);
    } finally {
      await app?.close();
      await other.value.close();
    }
  });

  it("a reviewer gets their own queue, never the desk's or another reviewer's kept one", async () => {
    startOfAMinute();
    const desk = await queueOf(coordinator);
    const mine = await queueOf(reviewer);
    const theirs = await queueOf(reviewer2);
    expect(mine.entries.length).toBeGreaterThan(0);
    expect(theirs.entries.length).toBeGreaterThan(0);
    for (const e of mine.entries) expect(e.reviewers.map((r) => r.id)).toContain(t.demo.reviewerId);
    for (const e of theirs.entries) expect(e.reviewers.map((r) => r.id)).toContain(t.demo.secondReviewerId);
    expect(desk.entries.some((e) => !e.reviewers.some((r) => r.id === t.demo.reviewerId))).toBe(true);
    // Asked again (kept now), in the other order: still each one's own.
    expect(await queueOf(reviewer2)).toEqual(theirs);
    expect(await queueOf(reviewer)).toEqual(mine);
    expect(await queueOf(coordinator)).toEqual(desk);
  });

  it('a case page kept for the desk is not given to a reviewer the case is not assigned to', async () => {
    startOfAMinute();
    const mine = await queueOf(reviewer);
    const own = mine.entries[0]?.case.id as number;
    const desk = await queueOf(coordinator, '?limit=500');
    const other = desk.entries.find(
      (e) => e.reviewers.length > 0 && !e.reviewers.some((r) => r.id === t.demo.reviewerId),
    );
    if (other === undefined) throw new Error('no case assigned to someone else in the demo data');
    await caseOf(coordinator, other.case.id);
    await caseOf(coordinator, own);
    const refused = await reviewer.request('GET', `/api/v1/cases/${other.case.id}`);
    expect(refused.statusCode).toBe(404);
    expect(refused.body).not.toContain(other.case.caseNumber);
    expect((await caseOf(reviewer, own)).case.id).toBe(own);
  });

  it('compresses a kept body for a client that accepts gzip, and only then', async () => {
    const plain = await coordinator.request('GET', '/api/v1/queue');
    const zipped = await coordinator.request('GET', '/api/v1/queue', { headers: { 'accept-encoding': 'br, gzip' } });
    const refused = await coordinator.request('GET', '/api/v1/queue', { headers: { 'accept-encoding': 'gzip;q=0' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('accept-encoding');
    expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length);
    expect(gunzipSync(zipped.rawPayload).toString()).toBe(plain.body);
  });
});

describe('ResponseCache', () => {
  const body = (s: string) => Promise.resolve(new SerializedBody(s));

  it('makes a body once per key and generation, and forgets a failure', async () => {
    const cache = new ResponseCache(10);
    let made = 0;
    const make = () => {
      made += 1;
      return body(`{"n":${made}}`);
    };
    const [a, b] = await Promise.all([cache.body('g1', 'k', make), cache.body('g1', 'k', make)]);
    expect(a).toBe(b);
    expect(made).toBe(1);
    expect((await cache.body('g2', 'k', make)).json.toString()).toBe('{"n":2}');
    // Back to an older generation: made afresh, not the body of g1.
    expect((await cache.body('g1', 'k', make)).json.toString()).toBe('{"n":3}');
    await expect(cache.body('g1', 'bad', () => Promise.reject(new Error('no such case')))).rejects.toThrow();
    expect((await cache.body('g1', 'bad', make)).json.toString()).toBe('{"n":4}');
  });

  it('keeps at most its limit', async () => {
    const cache = new ResponseCache(3);
    for (const k of ['a', 'b', 'c', 'd', 'e']) await cache.body('g', k, () => body('{}'));
    expect(cache.size).toBe(3);
  });
});

function pathsOf(server: TestServer): { path: string; documentsDir: string } {
  return { path: server.storeFiles.dbPath, documentsDir: server.storeFiles.documentsDir };
}
