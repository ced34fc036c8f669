import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases, changeCount, openStore, prepared } from './index.js';
import { minimalCase } from './test-fixtures.js';
import { storeTargets, type TestStore } from './test-targets.js';

/** The change counter (migration 0004) and prepared queries, on both databases. */

const targets = await storeTargets();

const caseNumberOf = prepared((db, p: { id: number }) =>
  db.selectFrom('cases').select(['id', 'case_number']).where('id', '=', p.id),
);

for (const target of targets) {
  describe.skipIf(target.skip !== undefined)(`change counter and prepared queries — ${target.title}`, () => {
    let t: TestStore;
    beforeAll(async () => {
      t = await target.open();
    });
    afterAll(async () => {
      await t?.dispose();
    });

    it('moves with every committed transaction, and not with a rolled-back one', async () => {
      const before = await changeCount(t.store);
      const made = await t.store.transaction((tx) => cases.create(tx, minimalCase()));
      expect(made.ok).toBe(true);
      expect(await changeCount(t.store)).toBe(before + 1);
      await expect(
        t.store.transaction(async (tx) => {
          await cases.create(tx, minimalCase());
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect(await changeCount(t.store)).toBe(before + 1);
      // Reads outside a transaction leave it alone.
      await cases.getById(t.store, made.ok ? made.value.id : 0);
      expect(await changeCount(t.store)).toBe(before + 1);
    });

    it('is read inside a transaction as that transaction will commit it', async () => {
      const before = await changeCount(t.store);
      const inside = await t.store.transaction((tx) => changeCount(tx));
      expect(inside).toEqual({ ok: true, value: before });
      expect(await changeCount(t.store)).toBe(before + 1);
    });

    it('binds new values to a query compiled once', async () => {
      const made = await t.store.transaction(async (tx) => [
        await cases.create(tx, minimalCase()),
        await cases.create(tx, minimalCase()),
      ]);
      if (!made.ok) throw new Error(made.error.code);
      const [a, b] = made.value;
      if (a === undefined || b === undefined) throw new Error('two cases expected');
      expect(await caseNumberOf(t.store, { id: a.id })).toEqual([{ id: a.id, case_number: a.caseNumber }]);
      expect(await caseNumberOf(t.store, { id: b.id })).toEqual([{ id: b.id, case_number: b.caseNumber }]);
      expect(await caseNumberOf(t.store, { id: -1 })).toEqual([]);
      const inTx = await t.store.transaction((tx) => caseNumberOf(tx, { id: b.id }));
      expect(inTx).toEqual({ ok: true, value: [{ id: b.id, case_number: b.caseNumber }] });
    });

    it('refuses a parameter that does not reach the query as a bound value', async () => {
      const bad = prepared((db, p: { column: 'id' | 'stage' }) => db.selectFrom('cases').select(p.column));
      await expect(bad(t.store, { column: 'id' })).rejects.toThrow(/not a bound value/);
    });
  });
}

describe('change counter across stores on one SQLite file', () => {
  it('a second store (another server) sees the first one commit', async () => {
    const t = await targets[0]?.open();
    if (t?.sqlitePath === undefined) throw new Error('no SQLite target');
    const other = await openStore({ kind: 'sqlite', path: t.sqlitePath, documentsDir: t.documentsDir });
    if (!other.ok) throw new Error(other.error.code);
    try {
      const seen = await changeCount(other.value);
      const made = await t.store.transaction((tx) => cases.create(tx, minimalCase()));
      expect(made.ok).toBe(true);
      expect(await changeCount(other.value)).toBe(seen + 1);
    } finally {
      await other.value.close();
      await t.dispose();
    }
  });
});
