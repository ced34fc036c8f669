import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NewCase, OPEN_STAGES } from '../domain/case.js';
import { applications } from './repos/applications.js';
import { assignments } from './repos/assignments.js';
import { caseList } from './repos/case-list.js';
import { cases } from './repos/cases.js';
import { reviewers } from './repos/reviewers.js';
import type { Store } from './store.js';
import { fullApplication, fullAssignment, fullReviewer, minimalCase } from './test-fixtures.js';
import { storeTargets, type TestStore } from './test-targets.js';

const targets = await storeTargets();

for (const target of targets) {
  describe.skipIf(target.skip !== undefined)(`case list (queue and case search) — ${target.title}`, () => {
    let t: TestStore;
    let store: Store;
    const ids: Record<string, number> = {};

    async function add(name: string, c: Partial<NewCase>, app?: { employeeName: string; claimNumber: string }) {
      const r = await store.transaction(async (tx) => {
        const created = await cases.create(tx, minimalCase(c));
        if (app !== undefined) await applications.create(tx, { ...fullApplication(created.id), ...app });
        return created;
      });
      if (!r.ok) throw new Error(r.error.message);
      ids[name] = r.value.id;
    }

    const idsOf = (names: readonly string[]) => names.map((n) => ids[n]);

    beforeAll(async () => {
      t = await target.open();
      store = t.store;
      await add(
        'standardLater',
        { stage: 'received', dueDate: '2030-04-01', receivedDate: '2030-03-02' },
        {
          employeeName: "Maria O'Connor-Diaz",
          claimNumber: 'SC-2030-000417',
        },
      );
      await add('formularySoon', {
        stage: 'received',
        kind: 'formulary',
        dueDate: '2030-03-09',
        receivedDate: '2030-03-02',
      });
      await add('recordsDue', { stage: 'records-requested', dueDate: '2030-03-20', receivedDate: '2030-02-01' });
      await add('expedited', {
        stage: 'in-review',
        priority: 'expedited',
        dueDate: '2030-03-05',
        receivedDate: '2030-03-01',
      });
      await add(
        'deferred',
        { stage: 'deferred', receivedDate: '2030-01-10' },
        {
          employeeName: 'Lee 100%_Wild',
          claimNumber: 'WC-77-A',
        },
      );
      await add('issued', { stage: 'letter-issued', receivedDate: '2029-12-01', decisionDate: '2030-01-20' });
      await add(
        'ineligible',
        { stage: 'ineligible', stageReason: 'late-filing', receivedDate: '2030-02-20' },
        {
          employeeName: 'Maria Ortega',
          claimNumber: 'SC-2030-000999',
        },
      );
    });
    afterAll(async () => {
      await t?.dispose();
    });

    const OPEN = OPEN_STAGES;

    it('lists soonest due first across every stage, a formulary application ahead of later work, undated last', async () => {
      const page = await caseList.page(store, { stages: OPEN });
      expect(page.refs.map((r) => r.id)).toEqual(
        idsOf(['expedited', 'formularySoon', 'recordsDue', 'standardLater', 'deferred']),
      );
      expect(page.total).toBe(5);
    });

    it('pages with the true total, in either order', async () => {
      const first = await caseList.page(store, { stages: OPEN, limit: 2 });
      const second = await caseList.page(store, { stages: OPEN, limit: 2, offset: 2 });
      expect([...first.refs, ...second.refs].map((r) => r.id)).toEqual(
        idsOf(['expedited', 'formularySoon', 'recordsDue', 'standardLater']),
      );
      expect(first.total).toBe(5);
      expect(second.total).toBe(5);
      const desc = await caseList.page(store, { stages: OPEN, sort: 'received', order: 'desc', limit: 2 });
      expect(desc.refs.map((r) => r.id)).toEqual(
        idsOf(['standardLater', 'formularySoon']).sort((a, b) => (b ?? 0) - (a ?? 0)),
      );
    });

    it('filters by priority, kind, stage and dates', async () => {
      const only = async (f: Parameters<typeof caseList.page>[1]) =>
        (await caseList.page(store, f)).refs.map((r) => r.id);
      expect(await only({ stages: OPEN, priority: 'expedited' })).toEqual(idsOf(['expedited']));
      expect(await only({ stages: OPEN, kind: 'formulary' })).toEqual(idsOf(['formularySoon']));
      expect(await only({ stages: ['ineligible'] })).toEqual(idsOf(['ineligible']));
      expect(await only({ stages: OPEN, receivedFrom: '2030-03-01', receivedTo: '2030-03-01' })).toEqual(
        idsOf(['expedited']),
      );
      expect(
        await only({ stages: ['letter-issued', 'closed'], decidedFrom: '2030-01-01', decidedTo: '2030-01-31' }),
      ).toEqual(idsOf(['issued']));
      expect(await caseList.page(store, { stages: [] })).toEqual({ refs: [], total: 0 });
    });

    it('finds a case by claim number, by employee name (any case) and by case number, wildcards taken literally', async () => {
      const all = [...OPEN, 'ineligible', 'letter-issued', 'closed', 'terminated', 'withdrawn'] as const;
      const find = async (search: string) =>
        (await caseList.page(store, { stages: all, search, sort: 'case-number' })).refs.map((r) => r.id);
      expect(await find('sc-2030-000417')).toEqual(idsOf(['standardLater']));
      expect(await find('SC-2030')).toEqual(idsOf(['standardLater', 'ineligible']));
      expect(await find('maria o')).toEqual(idsOf(['standardLater', 'ineligible']));
      expect(await find("o'connor")).toEqual(idsOf(['standardLater']));
      expect(await find('100%_w')).toEqual(idsOf(['deferred']));
      expect(await find('%_w')).toEqual(idsOf(['deferred']));
      expect(await find('sc%417')).toEqual([]);
      expect(await find('sc-2030-00041_')).toEqual([]);
      const number = (await cases.getById(store, ids.recordsDue as number))?.caseNumber as string;
      expect(await find(number.toLowerCase())).toEqual(idsOf(['recordsDue']));
      expect(await caseList.matchedFields(store, idsOf(['standardLater']) as number[], '000417')).toEqual([
        'claim-number',
      ]);
      expect(await caseList.matchedFields(store, idsOf(['standardLater']) as number[], 'connor')).toEqual([
        'employee-name',
      ]);
    });

    it("lists only a reviewer's current cases when asked", async () => {
      const r = await store.transaction(async (tx) => {
        const reviewer = await reviewers.create(tx, fullReviewer());
        const { endedAt: _e, endReason: _r, ...current } = fullAssignment(ids.recordsDue as number, reviewer.id);
        await assignments.create(tx, current);
        // An ended assignment no longer puts the case in the reviewer's list.
        await assignments.create(tx, fullAssignment(ids.expedited as number, reviewer.id));
        return reviewer.id;
      });
      if (!r.ok) throw new Error(r.error.message);
      const page = await caseList.page(store, { stages: OPEN, reviewerId: r.value });
      expect(page).toEqual({ refs: [expect.objectContaining({ id: ids.recordsDue })], total: 1 });
    });
  });
}
