import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../server/passwords.js';
import { auditEvents, MIGRATION_NAMES, migrateStore, reviewers, type Store, users } from '../store/index.js';
import { storeTargets, type TestStore, testPgUrl } from '../store/test-targets.js';
import { addAccount, listAccounts, resetAccountPassword, setAccountActive } from './accounts.js';

/** The account operations behind `imr user …`, and `imr db migrate`'s store call, on SQLite and PostgreSQL. */

const targets = await storeTargets();
const PASSWORD = 'twelve chars or more';

for (const target of targets) {
  describe.skipIf(target.skip !== undefined)(`imr user operations — ${target.title}`, () => {
    let t: TestStore;
    let store: Store;
    beforeAll(async () => {
      t = await target.open();
      store = t.store;
    });
    afterAll(async () => {
      await t?.dispose();
    });

    it('adds accounts with argon2id hashes and audit events, refusing taken names and missing reviewer records', async () => {
      const admin = await addAccount(store, { username: 'chief', role: 'admin', password: PASSWORD });
      expect(admin).toMatchObject({
        ok: true,
        value: { username: 'chief', displayName: 'chief', role: 'admin', active: true },
      });
      const stored = await users.getByUsername(store, 'chief');
      expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);
      expect(await verifyPassword(stored?.passwordHash ?? '', PASSWORD)).toBe(true);
      const events = await auditEvents.listByEntity(store, 'user', String(stored?.id));
      expect(events.map((e) => [e.action, e.actor, e.details])).toEqual([
        ['user.created', 'system', { role: 'admin', source: 'cli' }],
      ]);

      const taken = await addAccount(store, { username: 'chief', role: 'qa', password: PASSWORD });
      expect(taken).toMatchObject({ ok: false, error: { code: 'IMR_ALREADY_EXISTS' } });
      const orphan = await addAccount(store, {
        username: 'rev',
        role: 'reviewer',
        reviewerId: 987_654,
        password: PASSWORD,
      });
      expect(orphan).toMatchObject({ ok: false, error: { code: 'IMR_NOT_FOUND' } });
      const r = await store.transaction((tx) =>
        reviewers.create(tx, { name: 'Dr. Test', qmeStatus: 'none', disciplinaryHistory: false, active: true }),
      );
      if (!r.ok) throw new Error(r.error.code);
      const rev = await addAccount(store, {
        username: 'rev',
        role: 'reviewer',
        reviewerId: r.value.id,
        password: PASSWORD,
      });
      expect(rev).toMatchObject({ ok: true, value: { role: 'reviewer', reviewerId: r.value.id } });
      expect((await listAccounts(store)).map((a) => a.username)).toEqual(['chief', 'rev']);
    });

    it('deactivates (never the last active admin), activates and resets passwords, each audited', async () => {
      const last = await setAccountActive(store, 'chief', false);
      expect(last).toMatchObject({ ok: false, error: { code: 'IMR_VALIDATION', details: { reason: 'last-admin' } } });
      expect((await users.getByUsername(store, 'chief'))?.active).toBe(true);
      expect(await addAccount(store, { username: 'deputy', role: 'admin', password: PASSWORD })).toMatchObject({
        ok: true,
      });
      expect(await setAccountActive(store, 'chief', false)).toMatchObject({
        ok: true,
        value: { changed: true, account: { active: false } },
      });
      expect(await setAccountActive(store, 'deputy', false)).toMatchObject({
        ok: false,
        error: { details: { reason: 'last-admin' } },
      });
      expect(await setAccountActive(store, 'chief', true)).toMatchObject({ ok: true, value: { changed: true } });
      expect(await setAccountActive(store, 'ghost', false)).toMatchObject({
        ok: false,
        error: { code: 'IMR_NOT_FOUND' },
      });

      const next = 'another long password';
      expect(await resetAccountPassword(store, 'rev', next)).toMatchObject({ ok: true });
      const hash = (await users.getByUsername(store, 'rev'))?.passwordHash ?? '';
      expect(await verifyPassword(hash, next)).toBe(true);
      expect(await verifyPassword(hash, PASSWORD)).toBe(false);
      expect(await resetAccountPassword(store, 'rev', 'short')).toMatchObject({
        ok: false,
        error: { code: 'IMR_VALIDATION' },
      });
      const chief = await users.getByUsername(store, 'chief');
      const events = await auditEvents.listByEntity(store, 'user', String(chief?.id));
      expect(events.map((e) => [e.action, e.details])).toEqual([
        ['user.created', { role: 'admin', source: 'cli' }],
        ['user.updated', { fields: 'active', sessionsEnded: 0, source: 'cli' }],
        ['user.updated', { fields: 'active', sessionsEnded: 0, source: 'cli' }],
      ]);
    });
  });
}

const pgTarget = targets.find((x) => x.dialect === 'postgres');
describe.skipIf(pgTarget?.skip !== undefined)('imr db migrate — postgres', () => {
  const url = testPgUrl();
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = async (text: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  };
  beforeAll(() => admin(`create schema ${schema}`));
  afterAll(() => admin(`drop schema if exists ${schema} cascade`));

  it('applies every migration to an empty schema, then none', async () => {
    const config = { kind: 'postgres' as const, url, schema, documentsDir: '/nonexistent' };
    expect(await migrateStore(config)).toEqual({ ok: true, value: { applied: [...MIGRATION_NAMES] } });
    expect(await migrateStore(config)).toEqual({ ok: true, value: { applied: [] } });
  });
});
