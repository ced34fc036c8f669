import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store/index.js';
import { storeTargets, type TestStore } from '../store/test-targets.js';
import { type DemoSummary, seedDemo } from '../synthetic/demo.js';
import { caseHistory } from './case-history.js';
import { previewOperation } from './operation-preview.js';
import { reviewerAccess } from './reviewer-access.js';
import { actorAs } from './test-fixtures.js';
import { createWorkflow } from './workflow.js';

/**
 * On SQLite and PostgreSQL: a reviewer's access to a case (assigned, decided after the assignment
 * ended, none), the case timeline's queries, and an operation preview that writes nothing.
 */

const targets = await storeTargets();
const NOW = '2025-03-04T18:00:00.000Z';

for (const target of targets) {
  describe.skipIf(target.skip !== undefined)(`case operations and reviewer access — ${target.title}`, () => {
    let t: TestStore;
    let store: Store;
    let demo: DemoSummary;
    let decided: number;

    beforeAll(async () => {
      t = await target.open();
      store = t.store;
      const seeded = await seedDemo(store, { now: NOW, historyCases: 12, reviewers: 10, showcaseCases: 4 });
      if (!seeded.ok) throw new Error(seeded.error.code);
      demo = seeded.value;
      const row = await store.db
        .selectFrom('cases')
        .innerJoin('case_items', 'case_items.case_id', 'cases.id')
        .innerJoin('item_determinations', 'item_determinations.item_id', 'case_items.id')
        .select('cases.id')
        .where('cases.stage', '=', 'determined')
        .where('item_determinations.reviewer_id', '=', demo.reviewerId)
        .executeTakeFirstOrThrow();
      decided = row.id;
    }, 120_000);
    afterAll(async () => {
      await t?.dispose();
    });

    it('a reviewer is assigned, then decided-only once the assignment ends; another reviewer has none', async () => {
      expect(await reviewerAccess(store, decided, demo.reviewerId)).toBe('assigned');
      const other = demo.secondReviewerId as number;
      expect(await reviewerAccess(store, decided, other)).toBe('none');
      const wf = createWorkflow({ store, now: () => NOW });
      const c = await store.db
        .selectFrom('cases')
        .select('version')
        .where('id', '=', decided)
        .executeTakeFirstOrThrow();
      const ended = await wf.terminate(actorAs('coordinator'), {
        caseId: decided,
        expectedVersion: c.version,
        reason: 'request-withdrawn',
      });
      expect(ended.ok).toBe(true);
      expect(await reviewerAccess(store, decided, demo.reviewerId)).toBe('decided');
      expect(await reviewerAccess(store, decided, other)).toBe('none');
    });

    it('the timeline names the reviewer and ends with the withdrawal', async () => {
      const entries = await caseHistory(store, decided);
      expect(entries[0]?.what).toBe('Application received');
      expect(entries.some((e) => /^Determination recorded for Dr\. /.test(e.what))).toBe(true);
      expect(entries.at(-1)?.what).toBe('Request withdrawn by the employee');
      expect(entries.at(-1)?.who).toMatch(/\(coordinator\)$|^A former user$/);
    });

    it('a preview writes nothing', async () => {
      const row = await store.db
        .selectFrom('cases')
        .select(['id', 'version'])
        .where('stage', '=', 'records-received')
        .executeTakeFirstOrThrow();
      const before = await store.db
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const p = await previewOperation(
        store,
        actorAs('coordinator'),
        { operation: 'extension', caseId: row.id, expectedVersion: row.version, days: 1, reason: 'good-cause' },
        NOW,
      );
      if (!p.ok) throw new Error(p.error.code);
      expect(p.value.after.extensions.map((e) => e.days)).toEqual([1]);
      const after = await store.db
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
      const still = await store.db
        .selectFrom('cases')
        .select('version')
        .where('id', '=', row.id)
        .executeTakeFirstOrThrow();
      expect(still.version).toBe(row.version);
    });
  });
}
