import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody, QueueResponse } from './contract.js';
import { QUEUE_READ_ACTION } from './read-audit.js';
import { type Client, type TestServer, testServer } from './test-app.js';
import { sampleApplication } from './test-intake.js';

/**
 * The queue's query parameters through HTTP: state, filters, sort, paging with true totals and case
 * search (number, employee name, claim number) — success, validation failure and access (a reviewer
 * searches only their own cases; the audit names what matched, never the term).
 */

let t: TestServer;
let coordinator: Client;
let intake: Client;
const CLAIM = 'QZ-4410-77812';
const NAME = 'Wilhelmina Quastorff';

function ok(r: LightMyRequestResponse): QueueResponse {
  if (r.statusCode !== 200) throw new Error(`${r.statusCode} ${r.body.slice(0, 400)}`);
  return QueueResponse.parse(r.json());
}

function failure(r: LightMyRequestResponse): { status: number; code: string; message: string } {
  const body = ErrorBody.parse(r.json());
  return { status: r.statusCode, code: body.error.code, message: body.error.message };
}

async function receive(client: Client, claim: string, kind: 'regular' | 'formulary', name = NAME) {
  const treatments = kind === 'formulary' ? ['Celecoxib 200 mg #30'] : ['Physical therapy 2x6 lumbar spine'];
  const r = await client.request('POST', '/api/v1/cases', {
    body: {
      receivedAt: t.clock.now,
      kind,
      application: sampleApplication(claim, treatments, name),
      patient: { age: 51 },
    },
  });
  if (r.statusCode !== 200) throw new Error(`intake ${r.statusCode} ${r.body.slice(0, 300)}`);
  return (r.json() as { case: { id: number; caseNumber: string } }).case;
}

let formulary: { id: number; caseNumber: string };
let regular: { id: number; caseNumber: string };

beforeAll(async () => {
  t = await testServer();
  coordinator = await t.signIn('coordinator');
  intake = await t.signIn('intake');
  regular = await receive(intake, 'QZ-1000-00001', 'regular', 'Bram Ottersby');
  formulary = await receive(intake, CLAIM, 'formulary');
}, 120_000);
afterAll(async () => {
  await t?.dispose();
});

describe('GET /api/v1/queue: what is due', () => {
  it('gives an unscreened application a due date from its clock, a formulary dispute before a regular one', async () => {
    const q = ok(await coordinator.request('GET', '/api/v1/queue?stage=received&limit=500'));
    const f = q.entries.find((e) => e.case.id === formulary.id);
    const r = q.entries.find((e) => e.case.id === regular.id);
    expect(f?.next).toMatchObject({ id: 'screening', unit: 'business-days', period: 5, status: 'pending' });
    expect(r?.next).toMatchObject({ id: 'screening', period: 30 });
    expect(f?.urgency).not.toBe('no-deadline');
    const ids = q.entries.map((e) => e.case.id);
    expect(ids.indexOf(formulary.id)).toBeLessThan(ids.indexOf(regular.id));
    // Soonest due first throughout, undated last.
    const dues = q.entries.map((e) => e.case.dueDate ?? '~');
    expect(dues).toEqual([...dues].sort());
  });

  it('counts open work only: no issued letter, no ineligible case; the dashboard agrees', async () => {
    const open = ok(await coordinator.request('GET', '/api/v1/queue?limit=500'));
    expect(open.total).toBe(open.entries.length);
    const stages = new Set(open.entries.map((e) => e.case.stage));
    for (const s of ['letter-issued', 'closed', 'ineligible', 'terminated', 'withdrawn'])
      expect(stages).not.toContain(s);
    const d = (await (await t.signIn('qa')).request('GET', '/api/v1/dashboard')).json() as {
      volumes: { openCases: number };
    };
    expect(d.volumes.openCases).toBe(open.total);
  });

  it('keeps ended cases reachable with their reason', async () => {
    const ended = ok(await coordinator.request('GET', '/api/v1/queue?state=ended&limit=500'));
    expect(ended.total).toBeGreaterThan(0);
    const stages = new Set(ended.entries.map((e) => e.case.stage));
    expect(stages.has('letter-issued') || stages.has('closed')).toBe(true);
    for (const e of ended.entries)
      expect(['ineligible', 'letter-issued', 'closed', 'terminated', 'withdrawn']).toContain(e.case.stage);
    const all = ok(await coordinator.request('GET', '/api/v1/queue?state=all&limit=1'));
    const open = ok(await coordinator.request('GET', '/api/v1/queue?limit=1'));
    expect(all.total).toBe(open.total + ended.total);
  });

  it('pages with the true total and filters by priority and kind', async () => {
    const first = ok(await coordinator.request('GET', '/api/v1/queue?limit=3'));
    const second = ok(await coordinator.request('GET', '/api/v1/queue?limit=3&offset=3'));
    const both = ok(await coordinator.request('GET', '/api/v1/queue?limit=6'));
    expect(first.entries).toHaveLength(3);
    expect(first.total).toBe(both.total);
    expect([...first.entries, ...second.entries].map((e) => e.case.id)).toEqual(both.entries.map((e) => e.case.id));
    expect(second).toMatchObject({ offset: 3, limit: 3 });
    const f = ok(await coordinator.request('GET', '/api/v1/queue?kind=formulary&limit=500'));
    expect(f.entries.map((e) => e.case.id)).toContain(formulary.id);
    for (const e of f.entries) expect(e.case.kind).toBe('formulary');
    const x = ok(await coordinator.request('GET', '/api/v1/queue?priority=expedited&state=all&limit=500'));
    for (const e of x.entries) expect(e.case.priority).toBe('expedited');
    const byNumber = ok(await coordinator.request('GET', '/api/v1/queue?sort=case-number&order=desc&limit=20'));
    const numbers = byNumber.entries.map((e) => e.case.caseNumber);
    expect(numbers).toEqual([...numbers].sort().reverse());
  });
});

describe("GET /api/v1/queue?group=: a dashboard overturn chart's cases", () => {
  it('lists the cases decided in each group, every decided case in some group', async () => {
    const d = (await coordinator.request('GET', '/api/v1/dashboard')).json() as {
      volumes: { decidedCases: number };
      overturn: { byKind: { key: string; decided: number }[] };
    };
    const seen = new Set<number>();
    for (const row of d.overturn.byKind) {
      const q = ok(
        await coordinator.request(
          'GET',
          `/api/v1/queue?state=all&limit=500&group=${encodeURIComponent(`kind:${row.key}`)}`,
        ),
      );
      expect(q.total, row.key).toBeGreaterThan(0);
      // A case holds one or more of the group's decided items.
      expect(q.total, row.key).toBeLessThanOrEqual(row.decided);
      for (const e of q.entries) {
        expect(e.case.decisionDate, row.key).toBeDefined();
        seen.add(e.case.id);
      }
    }
    expect(seen.size).toBe(d.volumes.decidedCases);
    const none = ok(await coordinator.request('GET', '/api/v1/queue?state=all&group=kind:no-such-kind'));
    expect(none).toMatchObject({ entries: [], total: 0 });
    const bad = failure(await coordinator.request('GET', '/api/v1/queue?group=reviewer:7'));
    expect(bad).toMatchObject({ status: 400, code: 'IMR_VALIDATION' });
  });
});

describe('GET /api/v1/queue?q=: case search', () => {
  it('finds a case by claim number, by employee name and by case number, and shows who and which claim', async () => {
    for (const q of [CLAIM, CLAIM.toLowerCase().slice(3), 'quastorff', formulary.caseNumber]) {
      const found = ok(await coordinator.request('GET', `/api/v1/queue?state=all&q=${encodeURIComponent(q)}`));
      expect(found.entries.map((e) => e.case.id)).toEqual([formulary.id]);
      expect(found.total).toBe(1);
      expect(found.entries[0]).toMatchObject({ employeeName: NAME, claimNumber: CLAIM });
    }
    const none = ok(await coordinator.request('GET', '/api/v1/queue?state=all&q=no-such-claim-zz'));
    expect(none).toMatchObject({ entries: [], total: 0 });
    // Without a search the queue shows no names.
    const plain = ok(await coordinator.request('GET', '/api/v1/queue?stage=received'));
    for (const e of plain.entries) expect(e).not.toHaveProperty('employeeName');
  });

  it('audits a search with the kinds of field that matched, never the term', async () => {
    const before = await t.store.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirst();
    ok(await intake.request('GET', `/api/v1/queue?state=all&q=${CLAIM}`));
    const rows = await t.store.db
      .selectFrom('audit_events')
      .selectAll()
      .where('id', '>', Number(before?.id ?? 0))
      .where('action', '=', QUEUE_READ_ACTION)
      .execute();
    expect(rows).toHaveLength(1);
    const details = JSON.parse(rows[0]?.details ?? '{}') as Record<string, unknown>;
    expect(details).toMatchObject({ search: true, matched: 'claim-number', state: 'all', count: 1 });
    expect(JSON.stringify(rows[0])).not.toContain(CLAIM);
    expect(JSON.stringify(rows[0])).not.toContain('Quastorff');
  });

  it('lets a reviewer find only their own cases, and answers 401 without a session', async () => {
    const reviewer = await t.signIn('reviewer');
    const theirs = ok(await reviewer.request('GET', `/api/v1/queue?state=all&q=${CLAIM}`));
    expect(theirs).toMatchObject({ entries: [], total: 0 });
    const own = ok(await reviewer.request('GET', '/api/v1/queue?state=all&limit=500'));
    for (const e of own.entries) expect(e.reviewers.map((r) => r.id)).toContain(t.demo.reviewerId);
    const anonymous = await t.anonymous.request('GET', `/api/v1/queue?q=${CLAIM}`);
    expect(failure(anonymous)).toMatchObject({ status: 401, code: 'IMR_UNAUTHENTICATED' });
  });

  it('refuses malformed parameters with a message naming the field', async () => {
    const cases: [string, string][] = [
      ['q=a', 'q'],
      ['receivedFrom=2025-03-10&receivedTo=2025-03-01', 'receivedTo'],
      ['decidedFrom=2025-03-10&decidedTo=2025-03-01', 'decidedTo'],
      ['sort=urgency', 'sort'],
      ['state=pending', 'state'],
      ['kind=drug', 'kind'],
      ['offset=-1', 'offset'],
      ['limit=501', 'limit'],
    ];
    for (const [query, field] of cases) {
      const f = failure(await coordinator.request('GET', `/api/v1/queue?${query}`));
      expect(f, query).toMatchObject({ status: 400, code: 'IMR_VALIDATION' });
      expect(f.message, query).toContain(field);
    }
    const dash = failure(await coordinator.request('GET', '/api/v1/dashboard?from=2025-03-10&to=2025-03-01'));
    expect(dash).toMatchObject({ status: 400, code: 'IMR_VALIDATION' });
    expect(dash.message).toContain('"To" must be on or after "From"');
  });
});
