import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent, UserRole } from '../domain/case.js';
import { auditEvents, changeCount, idsInDetails } from '../store/index.js';
import { ErrorBody, QueueResponse, ROUTES, type RouteName, type RouteSpec, routePath } from './contract.js';
import { ACCESS_REFUSED_ACTION, CASE_READ_ACTION, QUEUE_READ_ACTION } from './read-audit.js';
import { takesCase } from './route.js';
import { type Client, type TestServer, type TestUser, testServer } from './test-app.js';

/**
 * Reads of PHI leave a trace, and refused attempts too: every case page and queue read writes an
 * audit event (who, which cases — ids only), kept response or not, without moving the change counter
 * the kept responses hang on; a reviewer probing another reviewer's case and a role refused on a case
 * route are audited; and a missing case gets one and the same 404 on every case route of the contract.
 */

let t: TestServer;
const users = new Map<TestUser, { client: Client; id: number }>();

beforeAll(async () => {
  t = await testServer();
  for (const name of ['intake', 'coordinator', 'reviewer', 'reviewer2', 'qa', 'admin'] as TestUser[]) {
    const client = await t.signIn(name);
    const row = await t.store.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', name)
      .executeTakeFirstOrThrow();
    users.set(name, { client, id: row.id });
  }
}, 120_000);
afterAll(async () => {
  await t?.dispose();
});

function user(name: TestUser): { client: Client; id: number } {
  const u = users.get(name);
  if (u === undefined) throw new Error(`no ${name}`);
  return u;
}

async function eventsSince(id: number): Promise<AuditEvent[]> {
  return auditEvents.list(t.store, { afterId: id, limit: 5000 });
}

async function lastEventId(): Promise<number> {
  const row = await t.store.db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}

function ok(r: LightMyRequestResponse): void {
  if (r.statusCode !== 200) throw new Error(`${r.statusCode} ${r.body.slice(0, 300)}`);
}

async function queueIds(c: Client, query = ''): Promise<number[]> {
  const r = await c.request('GET', `/api/v1/queue${query}`);
  ok(r);
  return QueueResponse.parse(r.json()).entries.map((e) => e.case.id);
}

describe('reads of the case page and the queue are audited', () => {
  it('writes a case.read event for every read, the kept body included, without moving the change counter', async () => {
    const { client, id: userId } = user('coordinator');
    const [caseId] = await queueIds(client);
    if (caseId === undefined) throw new Error('empty queue');
    const since = await lastEventId();
    const counter = await changeCount(t.store);
    for (let i = 0; i < 3; i += 1) ok(await client.request('GET', `/api/v1/cases/${caseId}`));
    // Reads change nothing: the kept body stays kept (the counter it is keyed on did not move).
    expect(await changeCount(t.store)).toBe(counter);
    const reads = (await eventsSince(since)).filter((e) => e.action === CASE_READ_ACTION);
    expect(reads).toHaveLength(3);
    for (const e of reads) {
      expect(e).toMatchObject({ actor: userId, entityType: 'case', entityId: String(caseId) });
      expect(e.details).toEqual({ via: 'case-page' });
    }
    expect(new Set(reads.map((e) => e.requestId)).size).toBe(3);
  });

  it('writes every one of many concurrent reads', async () => {
    const { client } = user('qa');
    const ids = (await queueIds(client)).slice(0, 5);
    const since = await lastEventId();
    const rs = await Promise.all(
      Array.from({ length: 40 }, (_, i) => client.request('GET', `/api/v1/cases/${ids[i % ids.length] as number}`)),
    );
    for (const r of rs) ok(r);
    const reads = (await eventsSince(since)).filter((e) => e.action === CASE_READ_ACTION);
    expect(reads).toHaveLength(40);
  });

  it('writes a queue.read event naming the cases listed (ids only), for the desk and for a reviewer', async () => {
    const desk = user('intake');
    const since = await lastEventId();
    const listed = await queueIds(desk.client, '?limit=500');
    const again = await queueIds(desk.client, '?limit=500');
    expect(again).toEqual(listed);
    const reviewer = user('reviewer');
    const own = await queueIds(reviewer.client);
    const events = (await eventsSince(since)).filter((e) => e.action === QUEUE_READ_ACTION);
    expect(events).toHaveLength(3);
    const [first, second, third] = events;
    expect(first).toMatchObject({ actor: desk.id, entityType: 'queue', entityId: 'desk' });
    expect(idsInDetails('caseIds', first?.details ?? {})).toEqual(listed);
    expect(first?.details.count).toBe(listed.length);
    expect(idsInDetails('caseIds', second?.details ?? {})).toEqual(listed);
    expect(third).toMatchObject({ actor: reviewer.id, entityId: `reviewer-${t.demo.reviewerId}` });
    expect(idsInDetails('caseIds', third?.details ?? {})).toEqual(own);
    // Nothing but ids, a count and the filters as codes: no names, claim numbers or addresses.
    for (const e of events) {
      for (const [key, value] of Object.entries(e.details)) {
        if (key === 'state') expect(value).toBe('open');
        else if (key === 'sort') expect(value).toBe('due asc');
        else {
          expect(key).toMatch(/^(count|offset|caseIds(_\d+)?)$/);
          expect(String(value)).toMatch(/^[\d,]*$/);
        }
      }
    }
  });

  it('does not serve a case page whose read cannot be audited', async () => {
    const { client } = user('coordinator');
    const [caseId] = await queueIds(client);
    ok(await client.request('GET', `/api/v1/cases/${caseId}`));
    await sql`create trigger refuse_case_reads before insert on audit_events when new.action = 'case.read'
              begin select raise(abort, 'refused'); end`.execute(t.store.db);
    try {
      const r = await client.request('GET', `/api/v1/cases/${caseId}`);
      expect(r.statusCode).toBe(500);
      expect(ErrorBody.parse(r.json()).error.code).toBe('IMR_INTERNAL');
      expect(r.body).not.toContain('"case"');
    } finally {
      await sql`drop trigger refuse_case_reads`.execute(t.store.db);
    }
  });
});

/** A case route with every parameter filled: the case, and 1 for the rest. */
function caseUrl(spec: RouteSpec, caseId: number): string {
  const names = [...spec.path.matchAll(/:([a-zA-Z]+)/g)].map((m) => m[1] as string);
  return routePath(spec.path, Object.fromEntries(names.map((n) => [n, n === 'caseId' ? caseId : 1])));
}

const CASE_ROUTES = (Object.keys(ROUTES) as RouteName[]).filter((n) => takesCase(ROUTES[n]));
const ROLE_USER: Record<UserRole, TestUser> = {
  intake: 'intake',
  coordinator: 'coordinator',
  reviewer: 'reviewer',
  qa: 'qa',
  admin: 'admin',
};

function rolesOf(spec: RouteSpec): UserRole[] {
  return Array.isArray(spec.access) ? [...spec.access] : ['intake', 'coordinator', 'reviewer', 'qa', 'admin'];
}

describe('a missing case, and a case not the caller’s, get one 404 on every case route', () => {
  const MISSING = 1_999_999;

  it('covers every route of the contract whose path names a case', () => {
    expect(CASE_ROUTES.length).toBeGreaterThan(15);
    expect(CASE_ROUTES).toContain('caseAudit');
    expect(CASE_ROUTES).toContain('issueLetter');
    expect(CASE_ROUTES).toContain('determine');
  });

  it('answers the same 404 body for a missing case, whatever the route, role or body', async () => {
    const bodies = new Set<string>();
    for (const name of CASE_ROUTES) {
      const spec: RouteSpec = ROUTES[name];
      for (const role of rolesOf(spec)) {
        const r = await user(ROLE_USER[role]).client.request(
          spec.method,
          caseUrl(spec, MISSING),
          spec.method === 'GET' ? {} : { body: { expectedVersion: 1 } },
        );
        expect(r.statusCode, `${name} as ${role}: ${r.body.slice(0, 200)}`).toBe(404);
        bodies.add(JSON.stringify(ErrorBody.parse(r.json()).error));
      }
    }
    expect([...bodies]).toEqual([
      JSON.stringify({ code: 'IMR_NOT_FOUND', message: 'No such case.', details: { entity: 'case' } }),
    ]);
  });

  it("gives a reviewer the same 404 for another reviewer's case, and audits each probe", async () => {
    const probe = user('reviewer2');
    const own = await queueIds(user('reviewer').client);
    const theirs = own[0] as number;
    const since = await lastEventId();
    const bodies = new Set<string>();
    let probes = 0;
    for (const name of CASE_ROUTES) {
      const spec: RouteSpec = ROUTES[name];
      if (!rolesOf(spec).includes('reviewer')) continue;
      for (const caseId of [theirs, MISSING]) {
        const r = await probe.client.request(
          spec.method,
          caseUrl(spec, caseId),
          spec.method === 'GET' ? {} : { body: { expectedVersion: 1 } },
        );
        expect(r.statusCode, `${name} on ${caseId}`).toBe(404);
        bodies.add(JSON.stringify(ErrorBody.parse(r.json()).error));
        probes += 1;
      }
    }
    expect(bodies.size).toBe(1);
    const refused = (await eventsSince(since)).filter((e) => e.action === ACCESS_REFUSED_ACTION);
    expect(refused).toHaveLength(probes);
    for (const e of refused) {
      expect(e.actor).toBe(probe.id);
      expect(e.entityType).toBe('case');
      expect(e.details.reason).toBe(e.entityId === String(theirs) ? 'not-assigned' : 'missing');
      expect(e.details.role).toBe('reviewer');
      expect(CASE_ROUTES).toContain(e.details.route);
    }
    expect(refused.filter((e) => e.entityId === String(theirs)).length).toBe(probes / 2);
    // QA sees the probes in the case's audit trail, beside its reads.
    const trail = await user('qa').client.request('GET', `/api/v1/cases/${theirs}/audit`);
    ok(trail);
    const actions = ROUTES.caseAudit.response.parse(trail.json()).events.map((e) => `${e.action}:${String(e.actor)}`);
    expect(actions).toContain(`${ACCESS_REFUSED_ACTION}:${probe.id}`);
  });

  it('audits a role refused on a case route (403), with the route and role', async () => {
    const clerk = user('intake');
    const [caseId] = await queueIds(clerk.client);
    const since = await lastEventId();
    const refusedRoutes = CASE_ROUTES.filter((n) => !rolesOf(ROUTES[n]).includes('intake'));
    expect(refusedRoutes.length).toBeGreaterThan(0);
    for (const name of refusedRoutes) {
      const spec: RouteSpec = ROUTES[name];
      const r = await clerk.client.request(
        spec.method,
        caseUrl(spec, caseId as number),
        spec.method === 'GET' ? {} : { body: {} },
      );
      expect(r.statusCode).toBe(403);
    }
    const refused = (await eventsSince(since)).filter((e) => e.action === ACCESS_REFUSED_ACTION);
    expect(refused.map((e) => e.details.route).sort()).toEqual([...refusedRoutes].sort());
    for (const e of refused) {
      expect(e).toMatchObject({ actor: clerk.id, entityId: String(caseId) });
      expect(e.details).toMatchObject({ reason: 'role', role: 'intake' });
    }
  });
});
