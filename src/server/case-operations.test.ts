import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseStage } from '../domain/case.js';
import { MAX_EXTENSION_DAYS, TerminationReason } from '../domain/clocks.js';
import { ExtensionReason } from '../workflow/case-events.js';
import { CASE_OPERATIONS } from '../workflow/operation-preview.js';
import {
  CaseOperation,
  type CaseTimelineResponse,
  ErrorBody,
  ExtensionBody,
  OperationPreviewResponse,
  ROUTES,
  TerminationBody,
} from './contract.js';
import { type Client, type TestServer, testServer } from './test-app.js';

/**
 * The previews of the case operations (the clock effect shown before confirming: same checks as the
 * operation, nothing written), the plain-language timeline, and a reviewer's read-only access to a
 * case they decided once it is no longer assigned to them.
 */

let t: TestServer;
let coordinator: Client;
let qa: Client;
let intake: Client;
let reviewer: Client;
let reviewer2: Client;

beforeAll(async () => {
  t = await testServer();
  [coordinator, qa, intake, reviewer, reviewer2] = await Promise.all([
    t.signIn('coordinator'),
    t.signIn('qa'),
    t.signIn('intake'),
    t.signIn('reviewer'),
    t.signIn('reviewer2'),
  ]);
}, 120_000);
afterAll(async () => {
  await t?.dispose();
});

function json<T>(r: LightMyRequestResponse, status = 200): T {
  if (r.statusCode !== status) throw new Error(`expected ${status}, got ${r.statusCode}: ${r.body.slice(0, 400)}`);
  return r.json<T>();
}

function coded(r: LightMyRequestResponse, status: number): ErrorBody['error'] {
  expect(r.statusCode).toBe(status);
  return ErrorBody.parse(r.json()).error;
}

async function caseIn(stage: CaseStage, notIn: readonly number[] = []): Promise<{ id: number; version: number }> {
  const rows = await t.store.db
    .selectFrom('cases')
    .select(['id', 'version'])
    .where('stage', '=', stage)
    .where('source', '=', 'intake')
    .orderBy('id')
    .execute();
  const row = rows.find((r) => !notIn.includes(r.id));
  if (row === undefined) throw new Error(`no ${stage} case in the test data`);
  return row;
}

/** A showcase case the demo reviewer decided (it waits for QA). */
async function decidedByReviewer(): Promise<number> {
  const row = await t.store.db
    .selectFrom('cases')
    .innerJoin('case_items', 'case_items.case_id', 'cases.id')
    .innerJoin('item_determinations', 'item_determinations.item_id', 'case_items.id')
    .select('cases.id')
    .where('cases.stage', '=', 'determined')
    .where('item_determinations.reviewer_id', '=', t.demo.reviewerId)
    .where('cases.id', 'in', [...t.demo.showcaseCaseIds])
    .executeTakeFirstOrThrow();
  return row.id;
}

async function auditCount(caseId: number): Promise<number> {
  const r = await t.store.db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('case_id', '=', caseId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

const preview = (c: Client, caseId: number, query: string) =>
  c.request('GET', `/api/v1/cases/${caseId}/operations/preview?${query}`);

describe('the contract states the operations as the workflow has them', () => {
  it('operations and reason codes are the same sets', () => {
    expect(CaseOperation.options).toEqual([...CASE_OPERATIONS]);
    expect(ExtensionBody.shape.reason.options).toEqual(ExtensionReason.options);
    expect(TerminationBody.shape.reason.options).toEqual(TerminationReason.options);
    expect(ROUTES.caseTimeline.access).toEqual(ROUTES.caseAudit.access);
  });
});

describe('previews show the clock effect before confirming, and write nothing', () => {
  it('an extension moves the decision due date by its days; confirmed, the case agrees', async () => {
    const c = await caseIn('records-received');
    const audits = await auditCount(c.id);
    const p = OperationPreviewResponse.parse(
      json(
        await preview(coordinator, c.id, `operation=extension&expectedVersion=${c.version}&days=2&reason=good-cause`),
      ),
    );
    expect(p.stage).toEqual({ from: 'records-received', to: 'records-received' });
    const before = p.before.clocks.find((k) => k.id === 'decision');
    const after = p.after.clocks.find((k) => k.id === 'decision');
    expect(after?.extensionDays).toBe((before?.extensionDays ?? 0) + 2);
    expect(after?.dueDate).not.toBe(before?.dueDate);
    expect(p.extensionDaysAllowed).toBe(MAX_EXTENSION_DAYS);
    // Nothing written: same version, no audit event.
    const d = json<{ case: { version: number } }>(await coordinator.request('GET', `/api/v1/cases/${c.id}`));
    expect(d.case.version).toBe(c.version);
    expect(await auditCount(c.id)).toBe(audits);

    const done = json<{ case: { version: number } }>(
      await coordinator.request('POST', `/api/v1/cases/${c.id}/extension`, {
        body: { expectedVersion: c.version, days: 2, reason: 'good-cause' },
      }),
    );
    const now = json<{ clocks: { clocks: { id: string; dueDate?: string }[] } }>(
      await coordinator.request('GET', `/api/v1/cases/${c.id}`),
    );
    expect(now.clocks.clocks.find((k) => k.id === 'decision')?.dueDate).toBe(after?.dueDate);

    // Past the three days in all: the same coded error, on the days field, from preview and command.
    const over = coded(
      await preview(
        coordinator,
        c.id,
        `operation=extension&expectedVersion=${done.case.version}&days=2&reason=good-cause`,
      ),
      400,
    );
    expect(over.code).toBe('IMR_VALIDATION');
    expect(over.details?.field).toBe('days');
    expect(over.message).toContain('1 day is left');
    const refused = coded(
      await coordinator.request('POST', `/api/v1/cases/${c.id}/extension`, {
        body: { expectedVersion: done.case.version, days: 2, reason: 'good-cause' },
      }),
      400,
    );
    expect(refused).toEqual(over);
  });

  it('an extension without a reason names the field', async () => {
    const c = await caseIn('records-received');
    const e = coded(await preview(coordinator, c.id, `operation=extension&expectedVersion=${c.version}&days=1`), 400);
    expect(e.code).toBe('IMR_VALIDATION');
    expect(e.details?.path).toBe('reason');
  });

  it('a termination stops the clocks and ends the assignment; a date in the future is refused', async () => {
    const c = await caseIn('records-received');
    const p = OperationPreviewResponse.parse(
      json(
        await preview(coordinator, c.id, `operation=termination&expectedVersion=${c.version}&reason=request-withdrawn`),
      ),
    );
    expect(p.stage).toEqual({ from: 'records-received', to: 'withdrawn' });
    expect(p.before.stopped).toBeUndefined();
    expect(p.after.stopped?.reason).toBe('request-withdrawn');
    expect(p.assignmentsEnding).toBeGreaterThan(0);
    const settled = OperationPreviewResponse.parse(
      json(await preview(coordinator, c.id, `operation=termination&expectedVersion=${c.version}&reason=settled`)),
    );
    expect(settled.stage.to).toBe('terminated');
    const future = coded(
      await preview(
        coordinator,
        c.id,
        `operation=termination&expectedVersion=${c.version}&reason=settled&at=2099-01-01`,
      ),
      400,
    );
    expect(future.details?.field).toBe('at');
  });

  it('a conversion to expedited shortens the clocks; a stale version is a conflict', async () => {
    const c = await caseIn('records-received');
    const p = OperationPreviewResponse.parse(
      json(await preview(intake, c.id, `operation=expedite&expectedVersion=${c.version}`)),
    );
    expect(p.priority).toEqual({ from: 'standard', to: 'expedited' });
    expect(p.after.priority).toBe('expedited');
    const before = p.before.clocks.find((k) => k.id === 'decision');
    const after = p.after.clocks.find((k) => k.id === 'decision');
    expect(after?.period).toBeLessThan(before?.period ?? 0);
    expect(coded(await preview(intake, c.id, `operation=expedite&expectedVersion=${c.version + 7}`), 409).code).toBe(
      'IMR_CONFLICT',
    );
  });

  it('the operation’s own roles and stages apply', async () => {
    const c = await caseIn('records-received');
    const q = `operation=extension&expectedVersion=${c.version}&days=1&reason=good-cause`;
    expect(coded(await preview(intake, c.id, q), 403).code).toBe('IMR_FORBIDDEN');
    expect(coded(await preview(reviewer, c.id, q), 403).code).toBe('IMR_FORBIDDEN');
    const close = coded(await preview(coordinator, c.id, `operation=close&expectedVersion=${c.version}`), 409);
    expect(close.code).toBe('IMR_INVALID_TRANSITION');
  });
});

describe('the timeline tells the audit trail in plain language', () => {
  it('oldest first, with names, and no codes', async () => {
    const caseId = await decidedByReviewer();
    json(await reviewer.request('GET', `/api/v1/cases/${caseId}`));
    const tl = json<CaseTimelineResponse>(await qa.request('GET', `/api/v1/cases/${caseId}/timeline`));
    expect(tl.entries.length).toBeGreaterThan(4);
    const ids = tl.entries.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const whats = tl.entries.map((e) => e.what);
    expect(whats[0]).toBe('Application received');
    expect(whats.some((w) => w.startsWith('Reviewer assigned: ') && !w.endsWith('a reviewer'))).toBe(true);
    expect(whats).toContain('Opened the case');
    const opened = tl.entries.find((e) => e.what === 'Opened the case');
    expect(opened?.who).toBe('Test reviewer (physician reviewer)');
    expect(opened?.kind).toBe('read');
    // Reading the timeline is itself audited: the next reading shows it.
    const again = json<CaseTimelineResponse>(await qa.request('GET', `/api/v1/cases/${caseId}/timeline`));
    const readIt = again.entries.filter((e) => e.what === 'Read the timeline');
    expect(readIt.map((e) => e.who)).toEqual(['Test qa (quality assurance)']);
    for (const e of tl.entries) {
      const text = `${e.who} ${e.what} ${e.detail ?? ''}`;
      expect(text).not.toMatch(/IMR_|\b[a-z]+\.[a-z-]+\b|reviewerIds|eventAt/);
    }
  });

  it('is for the roles that may read the audit', async () => {
    const caseId = t.demo.showcaseCaseIds[0] as number;
    expect(coded(await coordinator.request('GET', `/api/v1/cases/${caseId}/timeline`), 403).code).toBe('IMR_FORBIDDEN');
    expect(coded(await reviewer.request('GET', `/api/v1/cases/${caseId}/timeline`), 403).code).toBe('IMR_FORBIDDEN');
  });
});

describe('a reviewer keeps read-only access to a case they decided', () => {
  it('after the assignment ends they read the case and its letters, change nothing, and others still cannot reach it', async () => {
    const caseId = await decidedByReviewer();
    const d = json<{ case: { version: number; stage: string }; items: { id: number }[] }>(
      await coordinator.request('GET', `/api/v1/cases/${caseId}`),
    );
    expect(d.case.stage).toBe('determined');
    // Ended after the decision (withdrawn before the letter issued): the assignment is over.
    json(
      await coordinator.request('POST', `/api/v1/cases/${caseId}/termination`, {
        body: { expectedVersion: d.case.version, reason: 'request-withdrawn' },
      }),
    );
    const current = await t.store.db
      .selectFrom('assignments')
      .select('id')
      .where('case_id', '=', caseId)
      .where('ended_at', 'is', null)
      .execute();
    expect(current).toEqual([]);

    const read = json<{ case: { stage: string }; items: { determinations: unknown[] }[] }>(
      await reviewer.request('GET', `/api/v1/cases/${caseId}`),
    );
    expect(read.case.stage).toBe('withdrawn');
    expect(read.items.some((i) => i.determinations.length > 0)).toBe(true);

    const decide = coded(
      await reviewer.request('POST', `/api/v1/cases/${caseId}/determination`, {
        body: {
          expectedVersion: 1,
          items: [
            {
              itemId: d.items[0]?.id ?? 1,
              decision: 'Upheld',
              basis: { usedMtus: false, citations: [], raw: 'x' },
              rationale: 'x',
            },
          ],
        },
      }),
      403,
    );
    expect(decide.code).toBe('IMR_FORBIDDEN');
    expect(decide.details?.reason).toBe('read-only');
    const doc = await t.store.db
      .selectFrom('documents')
      .select('id')
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(coded(await reviewer.request('GET', `/api/v1/cases/${caseId}/documents/${doc.id}`), 403).code).toBe(
      'IMR_FORBIDDEN',
    );
    expect(coded(await reviewer.request('GET', `/api/v1/cases/${caseId}/review`), 403).code).toBe('IMR_FORBIDDEN');
    const refusals = await t.store.db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'access.refused')
      .where('entity_id', '=', String(caseId))
      .execute();
    expect(refusals.map((r) => JSON.parse(String(r.details)).reason)).toContain('read-only');

    // Another reviewer still gets the 404 of a missing case.
    const other = coded(await reviewer2.request('GET', `/api/v1/cases/${caseId}`), 404);
    const missing = coded(await reviewer2.request('GET', '/api/v1/cases/999999'), 404);
    expect(other).toEqual(missing);
  });
});
