import { mkdir, rm, writeFile } from 'node:fs/promises';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImrFailure, imrError } from '../domain/errors.js';
import { appendAudit, auditEvents } from './repos/audit.js';
import { cases } from './repos/cases.js';
import { documents } from './repos/documents.js';
import { items } from './repos/items.js';
import { parties } from './repos/parties.js';
import type { Tx } from './schema.js';
import type { Store } from './store.js';
import { freshCaseNumber, minimalCase } from './test-fixtures.js';
import { storeTargets, type TestStore } from './test-targets.js';

const targets = await storeTargets();

async function rowCount(
  store: Store,
  table: 'cases' | 'parties' | 'case_items' | 'documents' | 'document_text' | 'audit_events',
) {
  const r = await store.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

async function counts(store: Store) {
  const tables = ['cases', 'parties', 'case_items', 'documents', 'document_text', 'audit_events'] as const;
  return Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await rowCount(store, t)] as const)));
}

/** A case, a party, an item, a document with text and an audit event: everything a step may write. */
async function writeEverything(tx: Tx, store: Store, caseNumber: string): Promise<number> {
  const c = await cases.create(tx, minimalCase({ caseNumber }));
  await parties.create(tx, { caseId: c.id, role: 'employee', name: 'Pat Example' });
  await items.create(tx, { caseId: c.id, seq: 1, request: 'MRI lumbar spine', status: 'disputed' });
  const file = await store.files.put(new TextEncoder().encode(`note for ${caseNumber}`));
  await documents.create(tx, {
    ...file,
    caseId: c.id,
    title: 'Note',
    kind: 'other',
    mime: 'text/plain',
    extractedText: 'zebra note',
  });
  await appendAudit(tx, {
    actor: 'system',
    action: 'case.created',
    entityType: 'case',
    entityId: String(c.id),
    caseId: c.id,
    requestId: 'req-rollback',
  });
  return c.id;
}

for (const target of targets) {
  describe.skipIf(target.skip !== undefined)(`transactions and concurrency — ${target.title}`, () => {
    let t: TestStore;
    let store: Store;
    beforeAll(async () => {
      t = await target.open();
      store = t.store;
    });
    afterAll(async () => {
      await t?.dispose();
    });

    it('commits every write of a transaction together', async () => {
      const before = await counts(store);
      const caseNumber = freshCaseNumber();
      const r = await store.transaction((tx) => writeEverything(tx, store, caseNumber));
      expect(r.ok).toBe(true);
      const after = await counts(store);
      for (const table of Object.keys(before)) expect(after[table], table).toBe((before[table] ?? 0) + 1);
    });

    it('rolls back every write, the audit event included, when a step fails with a coded error', async () => {
      const before = await counts(store);
      const caseNumber = freshCaseNumber();
      const r = await store.transaction(async (tx) => {
        await writeEverything(tx, store, caseNumber);
        throw new ImrFailure(imrError('IMR_INVALID_TRANSITION'));
      });
      expect(!r.ok && r.error.code).toBe('IMR_INVALID_TRANSITION');
      expect(await counts(store)).toEqual(before);
      expect(await cases.getByCaseNumber(store, caseNumber)).toBeUndefined();
    });

    it('forces the document files put before it to disk before it commits', async () => {
      const caseNumber = freshCaseNumber();
      const file = await store.files.put(new TextEncoder().encode(`put before ${caseNumber}`));
      expect(store.files.unflushed).toBeGreaterThan(0);
      const r = await store.transaction(async (tx) => {
        const c = await cases.create(tx, minimalCase({ caseNumber }));
        return documents.create(tx, { ...file, caseId: c.id, title: 'Note', kind: 'other', mime: 'text/plain' });
      });
      expect(r.ok).toBe(true);
      expect(store.files.unflushed).toBe(0);
    });

    it('rolls back when a document file cannot be forced to disk (IMR_DOCUMENT_STORE_FAILED)', async () => {
      const before = await counts(store);
      const caseNumber = freshCaseNumber();
      const bytes = new TextEncoder().encode(`unflushable ${caseNumber}`);
      const file = await store.files.put(bytes);
      const target = store.files.pathOf(file.storagePath);
      // A directory in the file's place: the forced write fails.
      await rm(target);
      await mkdir(target);
      try {
        const r = await store.transaction(async (tx) => {
          const c = await cases.create(tx, minimalCase({ caseNumber }));
          return documents.create(tx, { ...file, caseId: c.id, title: 'Note', kind: 'other', mime: 'text/plain' });
        });
        expect(!r.ok && r.error.code).toBe('IMR_DOCUMENT_STORE_FAILED');
        expect(await counts(store)).toEqual(before);
      } finally {
        await rm(target, { recursive: true });
        await writeFile(target, bytes);
        await store.files.flush();
      }
    });

    it('rolls back and rethrows when a step fails with a bug (not a coded error)', async () => {
      const before = await counts(store);
      await expect(
        store.transaction(async (tx) => {
          await writeEverything(tx, store, freshCaseNumber());
          throw new TypeError('a bug');
        }),
      ).rejects.toThrow('a bug');
      expect(await counts(store)).toEqual(before);
    });

    it('rolls back the audit event when the database refuses a later write (duplicate case number)', async () => {
      const caseNumber = freshCaseNumber();
      await store.transaction((tx) => cases.create(tx, minimalCase({ caseNumber })));
      const before = await counts(store);
      const r = await store.transaction(async (tx) => {
        await appendAudit(tx, {
          actor: 'system',
          action: 'case.created',
          entityType: 'case',
          entityId: '0',
          requestId: 'r',
        });
        return cases.create(tx, minimalCase({ caseNumber }));
      });
      expect(!r.ok && r.error).toMatchObject({ code: 'IMR_CASE_DUPLICATE', details: { caseNumber } });
      expect(await counts(store)).toEqual(before);
    });

    it('treats an existing case number as "already there" in createIfAbsent, and the transaction goes on', async () => {
      const caseNumber = freshCaseNumber();
      const r = await store.transaction(async (tx) => {
        const first = await cases.createIfAbsent(tx, minimalCase({ caseNumber }));
        const second = await cases.createIfAbsent(tx, minimalCase({ caseNumber, stage: 'closed' }));
        // On PostgreSQL a failed statement would abort the transaction; this one must not have failed.
        const item = await items.create(tx, { caseId: first?.id ?? 0, seq: 1, request: 'X', status: 'disputed' });
        return { first, second, item };
      });
      if (!r.ok) throw new Error(r.error.code);
      expect(r.value.first?.stage).toBe('received');
      expect(r.value.second).toBeUndefined();
      expect((await cases.getByCaseNumber(store, caseNumber))?.stage).toBe('received');
    });

    it('rejects an update based on a stale version with IMR_CONFLICT and keeps the winner', async () => {
      const c = await store.transaction((tx) => cases.create(tx, minimalCase()));
      if (!c.ok) throw new Error(c.error.code);
      const ref = { id: c.value.id, expectedVersion: c.value.version };
      const won = await store.transaction((tx) => cases.updateStage(tx, ref, 'eligibility-review'));
      expect(won.ok && won.value.version).toBe(2);
      const lost = await store.transaction((tx) => cases.updateStage(tx, ref, 'ineligible', { stageReason: 'late' }));
      expect(!lost.ok && lost.error).toMatchObject({
        code: 'IMR_CONFLICT',
        details: { entity: 'case', id: ref.id, expectedVersion: 1, currentVersion: 2 },
      });
      expect((await cases.getById(store, ref.id))?.stage).toBe('eligibility-review');
      const missing = await store.transaction((tx) =>
        cases.updateStage(tx, { id: 999_999, expectedVersion: 1 }, 'closed'),
      );
      expect(!missing.ok && missing.error.code).toBe('IMR_NOT_FOUND');
    });

    it('lets exactly one of two concurrent updates of the same version win', async () => {
      const c = await store.transaction((tx) => cases.create(tx, minimalCase()));
      if (!c.ok) throw new Error(c.error.code);
      const ref = { id: c.value.id, expectedVersion: 1 };
      const results = await Promise.all(
        (['eligible', 'ineligible'] as const).map((stage) =>
          store.transaction(async (tx) => {
            const current = await cases.getById(tx, ref.id);
            await appendAudit(tx, {
              actor: 'system',
              action: 'case.stage-changed',
              entityType: 'case',
              entityId: String(ref.id),
              caseId: ref.id,
              requestId: stage,
              details: { from: current?.stage ?? null, to: stage },
            });
            return cases.updateStage(tx, ref, stage);
          }),
        ),
      );
      expect(results.map((r) => (r.ok ? 'ok' : r.error.code)).sort()).toEqual(['IMR_CONFLICT', 'ok']);
      const winner = results.find((r) => r.ok);
      const final = await cases.getById(store, ref.id);
      expect(final?.version).toBe(2);
      expect(winner?.ok && winner.value.stage).toBe(final?.stage);
      // Only the winner's audit event remains.
      expect((await auditEvents.listByCase(store, ref.id)).map((e) => e.requestId)).toEqual([final?.stage]);
    });

    it('keeps the audit log append-only: the database refuses updates and deletes', async () => {
      const r = await store.transaction((tx) =>
        appendAudit(tx, {
          actor: 'system',
          action: 'test.appended',
          entityType: 'test',
          entityId: '1',
          requestId: 'r',
        }),
      );
      if (!r.ok) throw new Error(r.error.code);
      const id = r.value.id;
      await expect(
        sql`update audit_events set action = 'test.changed' where id = ${id}`.execute(store.db),
      ).rejects.toThrow(/append-only/);
      await expect(sql`delete from audit_events where id = ${id}`.execute(store.db)).rejects.toThrow(/append-only/);
      expect((await auditEvents.listByEntity(store, 'test', '1')).map((e) => e.action)).toEqual(['test.appended']);
    });

    it('refuses a transaction inside a transaction, and the root handle inside one (no silent deadlock)', async () => {
      await expect(store.transaction(() => store.transaction(() => Promise.resolve(1)))).rejects.toThrow(
        /inside a transaction/,
      );
      await expect(store.transaction(() => cases.getById(store, 1))).rejects.toThrow(/use tx.db/);
      // Outside any transaction both work.
      expect((await store.transaction(() => Promise.resolve(7))).ok).toBe(true);
      await cases.getById(store, 1);
    });
  });
}

describe('SQLite transactions', () => {
  it('take the write lock when they begin (BEGIN IMMEDIATE), so another process waits instead of failing later', async () => {
    const sqlite = targets.find((x) => x.dialect === 'sqlite');
    if (sqlite === undefined) throw new Error('no SQLite target');
    const t = await sqlite.open();
    if (t.sqlitePath === undefined) throw new Error('the SQLite target has no file');
    const other = new BetterSqlite3(t.sqlitePath, { timeout: 0 });
    try {
      let lockedOut: unknown;
      const r = await t.store.transaction(async (tx) => {
        await cases.getById(tx, 1); // reads only: a DEFERRED transaction would hold no write lock yet
        try {
          other.exec('begin immediate');
          other.exec('rollback');
        } catch (thrown) {
          lockedOut = thrown;
        }
      });
      expect(r.ok).toBe(true);
      expect((lockedOut as { code?: string } | undefined)?.code).toBe('SQLITE_BUSY');
      // Once committed, the other connection can write.
      other.exec('begin immediate');
      other.exec('rollback');
    } finally {
      other.close();
      await t.dispose();
    }
  });
});
