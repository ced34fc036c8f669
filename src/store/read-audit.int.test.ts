import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImrFailure } from '../domain/errors.js';
import { appendReadEvents, auditEvents, changeCount, idListDetails, idsInDetails } from './index.js';
import { storeTargets, type TestStore } from './test-targets.js';

/**
 * Audit events of reads (repos/audit.ts `appendReadEvents`), on both databases: written in one
 * statement, read back like any other event, and without moving the change counter that kept
 * responses are keyed on.
 */

const targets = await storeTargets();

for (const target of targets) {
  describe.skipIf(target.skip !== undefined)(`audit events of reads — ${target.title}`, () => {
    let t: TestStore;
    beforeAll(async () => {
      t = await target.open();
    });
    afterAll(async () => {
      await t?.dispose();
    });

    it('appends every event of a batch, in order, without moving the change counter', async () => {
      const before = await changeCount(t.store);
      await appendReadEvents(t.store, [
        {
          at: '2025-03-04T18:00:00.000Z',
          actor: 7,
          action: 'case.read',
          entityType: 'case',
          entityId: '41',
          requestId: 'req-1',
          details: { via: 'case-page' },
        },
        {
          at: '2025-03-04T18:00:01.000Z',
          actor: 7,
          action: 'queue.read',
          entityType: 'queue',
          entityId: 'desk',
          requestId: 'req-2',
          details: { count: 3, ...idListDetails('caseIds', [41, 42, 43]) },
        },
      ]);
      expect(await changeCount(t.store)).toBe(before);
      const [read] = await auditEvents.listByEntity(t.store, 'case', '41');
      expect(read).toMatchObject({ actor: 7, action: 'case.read', requestId: 'req-1', details: { via: 'case-page' } });
      expect(read?.caseId).toBeUndefined();
      const [queue] = await auditEvents.listByEntity(t.store, 'queue', 'desk');
      expect(queue?.at).toBe('2025-03-04T18:00:01.000Z');
      expect(idsInDetails('caseIds', queue?.details ?? {})).toEqual([41, 42, 43]);
      expect((queue?.id ?? 0) > (read?.id ?? 0)).toBe(true);
    });

    it('writes nothing of a batch with an event the schema refuses (free text in details)', async () => {
      const before = (await auditEvents.list(t.store, { limit: 5000 })).length;
      const batch = [
        { actor: 7, action: 'case.read', entityType: 'case', entityId: '50', requestId: 'req-3', details: {} },
        {
          actor: 7,
          action: 'case.read',
          entityType: 'case',
          entityId: '51',
          requestId: 'req-3',
          details: { note: 'x'.repeat(201) },
        },
      ];
      await expect(appendReadEvents(t.store, batch)).rejects.toBeInstanceOf(ImrFailure);
      expect(await auditEvents.list(t.store, { limit: 5000 })).toHaveLength(before);
    });
  });
}

describe('id lists in audit details', () => {
  it('spreads many ids over keys whose values stay within the 200-character limit, and reads them back', () => {
    const ids = Array.from({ length: 500 }, (_, i) => 1_000_000 + i * 7);
    const details = idListDetails('caseIds', ids);
    expect(Object.keys(details).length).toBeGreaterThan(1);
    for (const [key, value] of Object.entries(details)) {
      expect(key).toMatch(/^caseIds(_\d+)?$/);
      expect(value.length).toBeLessThanOrEqual(200);
    }
    expect(idsInDetails('caseIds', details)).toEqual(ids);
    expect(idsInDetails('caseIds', idListDetails('caseIds', []))).toEqual([]);
  });
});
