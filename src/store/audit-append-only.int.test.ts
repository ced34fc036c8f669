import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from './repos/audit.js';
import type { Dialect } from './schema.js';
import type { Store } from './store.js';
import { storeTargets, type TestStore } from './test-targets.js';

/**
 * The audit log can only grow (migrations 0001 and 0005), under every kind of write each database
 * offers: no statement replaces, rewrites, merges over or removes an event that exists.
 */

const targets = await storeTargets();

/** A row's columns in the values order below: id, at, actor, action, entity type and id, request, details. */
const row = (id: number) =>
  `(${id}, '2025-01-01T00:00:00.000Z', null, 'test.forged', 'test', 'forged', 'forged-request', '{}')`;
const COLUMNS = '(id, at, actor_user_id, action, entity_type, entity_id, request_id, details)';

/** Statements that would change or remove event `id` if the table let them. */
function attacks(dialect: Dialect, id: number): string[] {
  const common = [
    `update audit_events set action = 'test.changed' where id = ${id}`,
    `delete from audit_events where id = ${id}`,
    'delete from audit_events',
    `insert into audit_events ${COLUMNS} values ${row(id)} on conflict (id) do update set action = excluded.action`,
    `insert into audit_events ${COLUMNS} values ${row(id)} on conflict do nothing`,
  ];
  if (dialect === 'sqlite') {
    return [
      ...common,
      `insert or replace into audit_events ${COLUMNS} values ${row(id)}`,
      `replace into audit_events ${COLUMNS} values ${row(id)}`,
      `insert or ignore into audit_events ${COLUMNS} values ${row(id)}`,
      `insert or fail into audit_events ${COLUMNS} values ${row(id)}`,
      `update or replace audit_events set action = 'test.changed' where id = ${id}`,
      `update or ignore audit_events set action = 'test.changed' where id = ${id}`,
      // A new row given the id of an existing one by an update: REPLACE would drop the other row.
      `update or replace audit_events set id = ${id} where id = (select max(id) from audit_events)`,
    ];
  }
  return [
    ...common,
    'truncate audit_events',
    'truncate table audit_events restart identity cascade',
    `merge into audit_events a using (select ${id} as id) s on a.id = s.id when matched then update set action = 'test.changed'`,
    `merge into audit_events a using (select ${id} as id) s on a.id = s.id when matched then delete`,
    `insert into audit_events ${COLUMNS} overriding system value values ${row(id)} on conflict (id) do update set action = excluded.action`,
  ];
}

async function snapshot(store: Store): Promise<unknown[]> {
  return store.db.selectFrom('audit_events').selectAll().orderBy('id').execute();
}

async function append(store: Store, entityId: string): Promise<number> {
  const r = await store.transaction((tx) =>
    appendAudit(tx, { actor: 'system', action: 'test.appended', entityType: 'test', entityId, requestId: 'r' }),
  );
  if (!r.ok) throw new Error(r.error.code);
  return r.value.id;
}

for (const target of targets) {
  describe.skipIf(target.skip !== undefined)(`audit log append-only — ${target.title}`, () => {
    let t: TestStore;
    beforeAll(async () => {
      t = await target.open();
    });
    afterAll(async () => {
      await t?.dispose();
    });

    it('refuses every statement that would replace, rewrite or remove an event, and changes nothing', async () => {
      const id = await append(t.store, 'first');
      await append(t.store, 'second');
      const before = await snapshot(t.store);
      expect(before).toHaveLength(2);
      const statements = attacks(t.store.dialect, id);
      const outcomes: string[] = [];
      for (const statement of statements) {
        try {
          await sql.raw(statement).execute(t.store.db);
          outcomes.push(`allowed: ${statement}`);
        } catch (thrown) {
          const message = thrown instanceof Error ? thrown.message : String(thrown);
          outcomes.push(/append-only/.test(message) ? 'refused' : `failed otherwise (${message}): ${statement}`);
        }
      }
      expect(outcomes).toEqual(statements.map(() => 'refused'));
      expect(await snapshot(t.store)).toEqual(before);
    });

    it('still takes new events, with or without a key given', async () => {
      const before = (await snapshot(t.store)).length;
      await append(t.store, 'third');
      const fresh = 1_000_000;
      const given =
        t.store.dialect === 'sqlite'
          ? `insert or replace into audit_events ${COLUMNS} values ${row(fresh)}`
          : `insert into audit_events ${COLUMNS} values ${row(fresh)} on conflict do nothing`;
      await sql.raw(given).execute(t.store.db);
      const after = await snapshot(t.store);
      expect(after).toHaveLength(before + 2);
      expect(after.at(-1)).toMatchObject({ id: fresh, action: 'test.forged' });
    });
  });
}
