import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserRole } from '../domain/case.js';
import { ErrorBody, ROUTES, type RouteName, type RouteSpec, routePath, SESSION_COOKIE } from './contract.js';
import { type TestServer, type TestUser, testServer } from './test-app.js';

/**
 * Access to every route of the contract: without a session (401), with a role the route does not
 * allow (403), without the CSRF token on a changing request (403), and with invalid input (400) —
 * each answered with a coded error body. Then sign-in, sessions, the login rate limit, a reviewer's
 * view limited to their own cases, and logs without PHI.
 */

let t: TestServer;
beforeAll(async () => {
  t = await testServer();
}, 120_000);
afterAll(async () => {
  await t?.dispose();
});

const NAMES = Object.keys(ROUTES) as RouteName[];
const ALL_ROLES: readonly UserRole[] = ['intake', 'coordinator', 'reviewer', 'qa', 'admin'];
const USER_OF_ROLE: Record<UserRole, TestUser> = {
  intake: 'intake',
  coordinator: 'coordinator',
  reviewer: 'reviewer',
  qa: 'qa',
  admin: 'admin',
};

/** A path with every parameter filled by `value`. */
function pathOf(spec: RouteSpec, value: string | number = 1): string {
  const names = [...spec.path.matchAll(/:([a-zA-Z]+)/g)].map((m) => m[1] as string);
  return routePath(spec.path, Object.fromEntries(names.map((n) => [n, value])));
}

function expectCoded(r: { statusCode: number; json(): unknown }, status: number, code: string): void {
  expect(r.statusCode).toBe(status);
  const body = ErrorBody.parse(r.json());
  expect(body.error.code).toBe(code);
  expect(body.requestId).not.toBe('');
}

function allowedRoles(spec: RouteSpec): readonly UserRole[] {
  return spec.access === 'public' || spec.access === 'signed-in' ? ALL_ROLES : spec.access;
}

/** Invalid input per route: bad path ids where the route has them, else a bad query or body. */
const BAD_QUERY: Partial<Record<RouteName, string>> = {
  queue: 'limit=0',
  dashboard: 'from=last-week',
  searchLetters: 'q=',
  listReviewers: 'active=maybe',
};

describe('every route answers coded errors for missing auth, wrong role, missing CSRF and bad input', () => {
  for (const name of NAMES) {
    const spec: RouteSpec = ROUTES[name];
    const changing = spec.method !== 'GET';

    if (spec.access !== 'public') {
      it(`${name}: 401 without a session`, async () => {
        const r = await t.anonymous.request(spec.method, pathOf(spec), changing ? { body: {} } : {});
        expectCoded(r, 401, 'IMR_UNAUTHENTICATED');
      });
    }

    const wrong = ALL_ROLES.find((role) => !allowedRoles(spec).includes(role));
    if (wrong !== undefined) {
      it(`${name}: 403 for the ${wrong} role`, async () => {
        const c = await t.signIn(USER_OF_ROLE[wrong]);
        const r = await c.request(spec.method, pathOf(spec), changing ? { body: {} } : {});
        expectCoded(r, 403, 'IMR_FORBIDDEN');
      });
    }
    // Routes every role may call (queue, case page, documents, search, session…) have no wrong role.

    const allowed = allowedRoles(spec)[0] as UserRole;
    if (changing && spec.access !== 'public') {
      it(`${name}: 403 IMR_CSRF_INVALID without the CSRF token`, async () => {
        const c = await t.signIn(USER_OF_ROLE[allowed]);
        const r = await c.request(spec.method, pathOf(spec), { body: {}, csrf: false });
        expectCoded(r, 403, 'IMR_CSRF_INVALID');
        const forged = await c.request(spec.method, pathOf(spec), {
          body: {},
          csrf: false,
          headers: { 'x-csrf-token': 'x'.repeat(43) },
        });
        expectCoded(forged, 403, 'IMR_CSRF_INVALID');
      });
    }

    const badQuery = BAD_QUERY[name];
    if (spec.params !== undefined || spec.body !== undefined || badQuery !== undefined) {
      it(`${name}: 400 IMR_VALIDATION for invalid input`, async () => {
        const c = spec.access === 'public' ? t.anonymous : await t.signIn(USER_OF_ROLE[allowed]);
        const url =
          spec.params !== undefined
            ? pathOf(spec, 'not-a-number')
            : badQuery !== undefined
              ? `${spec.path}?${badQuery}`
              : spec.path;
        const r = await c.request(spec.method, url, changing ? { body: { expectedVersion: 'one' } } : {});
        expectCoded(r, 400, 'IMR_VALIDATION');
        // The message names the field, never echoes the value sent.
        expect(r.body).not.toContain('not-a-number');
      });
    }
    // health, logout, session and listUsers take no input at all: nothing to get wrong.
  }
});

describe('sign-in and sessions', () => {
  it('sets an httpOnly, SameSite=Strict session cookie and returns the user and a CSRF token', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'qa', password: 'correct horse battery staple' },
    });
    expect(r.statusCode).toBe(200);
    const cookie = r.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
    expect(cookie?.value.length).toBeGreaterThanOrEqual(40);
    const body = r.json<{ user: { role: string; username: string }; csrfToken: string }>();
    expect(body.user).toMatchObject({ role: 'qa', username: 'qa' });
    expect(JSON.stringify(body)).not.toContain('passwordHash');
    // The database keeps a hash of the token, not the token.
    const rows = await t.store.db.selectFrom('sessions').select('id').execute();
    expect(rows.map((x) => x.id)).not.toContain(cookie?.value);
  });

  it('refuses a wrong password and an unknown user alike, and audits the attempt', async () => {
    const wrong = await t.anonymous.request('POST', '/api/v1/auth/login', {
      body: { username: 'qa', password: 'not the password at all' },
    });
    const unknown = await t.anonymous.request('POST', '/api/v1/auth/login', {
      body: { username: 'nobody-here', password: 'not the password at all' },
    });
    expectCoded(wrong, 401, 'IMR_LOGIN_FAILED');
    expectCoded(unknown, 401, 'IMR_LOGIN_FAILED');
    expect(wrong.json<{ error: { message: string } }>().error.message).toBe(
      unknown.json<{ error: { message: string } }>().error.message,
    );
    const failed = await t.store.db
      .selectFrom('audit_events')
      .select('id')
      .where('action', '=', 'auth.login-failed')
      .execute();
    expect(failed.length).toBeGreaterThanOrEqual(2);
  });

  it('the session answers until logout, then 401', async () => {
    const c = await t.signIn('intake');
    const live = await c.request('GET', '/api/v1/auth/session');
    expect(live.statusCode).toBe(200);
    expect(live.json<{ user: { role: string } }>().user.role).toBe('intake');
    const out = await c.request('POST', '/api/v1/auth/logout');
    expect(out.statusCode).toBe(200);
    expectCoded(await c.request('GET', '/api/v1/auth/session'), 401, 'IMR_UNAUTHENTICATED');
  });

  it('a session expires after its hours', async () => {
    const c = await t.signIn('coordinator');
    expect((await c.request('GET', '/api/v1/queue')).statusCode).toBe(200);
    const before = t.clock.now;
    t.clock.now = new Date(Date.parse(before) + 9 * 3_600_000).toISOString();
    try {
      expectCoded(await c.request('GET', '/api/v1/queue'), 401, 'IMR_UNAUTHENTICATED');
    } finally {
      t.clock.now = before;
    }
  });

  it('a disabled account is signed out at once', async () => {
    const admin = await t.signIn('admin');
    const victim = await t.signIn('reviewer2');
    const id = (
      await t.store.db.selectFrom('users').select('id').where('username', '=', 'reviewer2').executeTakeFirstOrThrow()
    ).id;
    const off = await admin.request('PATCH', `/api/v1/users/${id}`, { body: { active: false } });
    expect(off.statusCode).toBe(200);
    try {
      expectCoded(await victim.request('GET', '/api/v1/queue'), 401, 'IMR_UNAUTHENTICATED');
    } finally {
      expect((await admin.request('PATCH', `/api/v1/users/${id}`, { body: { active: true } })).statusCode).toBe(200);
    }
  });
});

describe('login rate limit', () => {
  it('answers 429 IMR_RATE_LIMITED past the limit of failed attempts from one address, with Retry-After', async () => {
    const limited = await testServerWithLimit();
    try {
      const attempt = () =>
        limited.anonymous.request('POST', '/api/v1/auth/login', {
          body: { username: 'qa', password: 'wrong password' },
        });
      for (let i = 0; i < 3; i += 1) expectCoded(await attempt(), 401, 'IMR_LOGIN_FAILED');
      const refused = await attempt();
      expectCoded(refused, 429, 'IMR_RATE_LIMITED');
      // The window (15 minutes from the first failure) has all but begun: the clock did not move.
      expect(refused.headers['retry-after']).toBe('900');
    } finally {
      await limited.dispose();
    }
  }, 120_000);
});

async function testServerWithLimit(): Promise<TestServer> {
  return testServer({ loginAddressFailures: 3 });
}

describe('a reviewer sees only the cases assigned to them', () => {
  it("answers 404 for another reviewer's case on every case route, as for a missing case", async () => {
    const first = await t.signIn('reviewer');
    const queue = await first.request('GET', '/api/v1/queue');
    const caseIds = queue.json<{ entries: { case: { id: number } }[] }>().entries.map((e) => e.case.id);
    expect(caseIds.length).toBeGreaterThan(0);
    const other = t.demo.showcaseCaseIds.find((id) => !caseIds.includes(id));
    expect(other).toBeDefined();
    const second = await t.signIn('reviewer2');
    const secondQueue = (await second.request('GET', '/api/v1/queue'))
      .json<{ entries: { case: { id: number } }[] }>()
      .entries.map((e) => e.case.id);
    expect(secondQueue).toContain(other);
    for (const id of secondQueue) expect(caseIds).not.toContain(id);

    const mine = caseIds[0] as number;
    const doc = await t.store.db
      .selectFrom('documents')
      .select('id')
      .where('case_id', '=', mine)
      .executeTakeFirstOrThrow();
    for (const url of [
      `/api/v1/cases/${mine}`,
      `/api/v1/cases/${mine}/review`,
      `/api/v1/cases/${mine}/letter/preview`,
      `/api/v1/cases/${mine}/documents/${doc.id}`,
      `/api/v1/cases/${mine}/documents/${doc.id}/content`,
    ]) {
      const r = await second.request('GET', url);
      expectCoded(r, 404, 'IMR_NOT_FOUND');
      const missing = await second.request('GET', url.replace(`/cases/${mine}`, '/cases/999999'));
      expect(missing.statusCode).toBe(404);
      expect(r.json<{ error: unknown }>().error).toEqual(missing.json<{ error: unknown }>().error);
    }
    const decide = await second.request('POST', `/api/v1/cases/${mine}/determination`, {
      body: {
        expectedVersion: 1,
        items: [{ itemId: 1, decision: 'Upheld', basis: { usedMtus: false, citations: [], raw: '' }, rationale: 'x' }],
      },
    });
    expectCoded(decide, 404, 'IMR_NOT_FOUND');
  });
});

describe('logs', () => {
  it('carry no names, passwords, cookies or search terms', async () => {
    const intake = await t.signIn('intake');
    const name = 'Quillon Zaverbeck';
    const r = await intake.request('POST', '/api/v1/cases', {
      body: {
        application: {
          employeeName: name,
          claimNumber: 'LOG-TEST-1',
          disputedTreatments: [{ treatment: 'Tramadol 50mg #60' }],
          alsoDisputedForOtherReasons: false,
          deniedForMissingInformation: false,
          signaturePresent: true,
          consentToRecords: true,
          urDecisionAttached: true,
        },
        documents: [
          {
            title: 'Note',
            kind: 'medical-record',
            mime: 'text/plain',
            contentBase64: Buffer.from(`${name} reports pain.`).toString('base64'),
          },
        ],
      },
    });
    expect(r.statusCode).toBe(200);
    const search = await intake.request('GET', `/api/v1/search/letters?q=${encodeURIComponent(name)}`);
    expect(search.statusCode).toBe(200);
    const text = t.logs.join('\n');
    expect(text).toContain('/api/v1/cases');
    expect(text).not.toContain('Quillon');
    expect(text).not.toContain('Zaverbeck');
    expect(text).not.toContain('correct horse');
    expect(text).not.toContain(`${SESSION_COOKIE}=`);
  });
});
