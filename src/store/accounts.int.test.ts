import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases, changeCount, eligibilityScreens, letterApprovals, sessions, users } from './index.js';
import { minimalCase } from './test-fixtures.js';
import { storeTargets, type TestStore } from './test-targets.js';

/** Migration 0003's repositories on both databases: sessions, letter approvals, eligibility screens. */

const targets = await storeTargets();

for (const target of targets) {
  describe.skipIf(target.skip !== undefined)(`sessions and approvals — ${target.title}`, () => {
    let t: TestStore;
    let userId: number;
    let caseId: number;
    beforeAll(async () => {
      t = await target.open();
      const made = await t.store.transaction(async (tx) => {
        const u = await users.create(tx, {
          username: 'session-user',
          displayName: 'Session User',
          role: 'qa',
          passwordHash: 'not-a-real-hash',
          active: true,
        });
        const c = await cases.create(tx, minimalCase());
        return { u, c };
      });
      if (!made.ok) throw new Error(made.error.code);
      userId = made.value.u.id;
      caseId = made.value.c.id;
    });
    afterAll(async () => {
      await t?.dispose();
    });

    const session = (id: string, expiresAt: string) => ({
      id,
      userId,
      csrfToken: `csrf-${id}`,
      createdAt: '2025-01-01T08:00:00.000Z',
      expiresAt,
      lastSeenAt: '2025-01-01T08:00:00.000Z',
    });
    /** Sessions idle since before this are over (30 minutes before `at`). */
    const idleCutoffOf = (at: string) => new Date(Date.parse(at) - 30 * 60_000).toISOString();

    it('finds a live session with its user, not an expired one, and removes them', async () => {
      const w = await t.store.transaction(async (tx) => {
        await sessions.create(tx, session('a'.repeat(64), '2025-01-01T16:00:00.000Z'));
        await sessions.create(tx, session('b'.repeat(64), '2025-01-01T09:00:00.000Z'));
      });
      expect(w.ok).toBe(true);
      const at = '2025-01-01T08:20:00.000Z';
      const cutoff = idleCutoffOf(at);
      const live = await sessions.getLiveWithUser(t.store, 'a'.repeat(64), at, cutoff);
      expect(live?.session).toEqual(session('a'.repeat(64), '2025-01-01T16:00:00.000Z'));
      expect(live?.user).toMatchObject({ id: userId, username: 'session-user', role: 'qa', active: true });
      // The change counter comes with it (the session's transaction moved it).
      expect(live?.changeCount).toBe(await changeCount(t.store));
      expect(live?.changeCount).toBeGreaterThan(0);
      const later = '2025-01-01T10:00:00.000Z';
      expect(await sessions.getLiveWithUser(t.store, 'b'.repeat(64), later, idleCutoffOf(later))).toBeUndefined();
      expect(await sessions.getLive(t.store, 'b'.repeat(64), later, idleCutoffOf(later))).toBeUndefined();
      const purged = await t.store.transaction((tx) => sessions.purgeExpired(tx, later, '2000-01-01T00:00:00.000Z'));
      expect(purged).toEqual({ ok: true, value: 1 });
      const removed = await t.store.transaction((tx) => sessions.removeForUser(tx, userId));
      expect(removed).toEqual({ ok: true, value: 1 });
      expect(await sessions.getLiveWithUser(t.store, 'a'.repeat(64), at, cutoff)).toBeUndefined();
    });

    it('ends a session idle past the cutoff though its lifetime runs on; a touch keeps it, without moving the change counter', async () => {
      const id = 'c'.repeat(64);
      const w = await t.store.transaction((tx) => sessions.create(tx, session(id, '2025-01-01T16:00:00.000Z')));
      expect(w.ok).toBe(true);
      const idle = '2025-01-01T08:45:00.000Z';
      expect(await sessions.getLiveWithUser(t.store, id, idle, idleCutoffOf(idle))).toBeUndefined();
      expect(await sessions.getLive(t.store, id, idle, idleCutoffOf(idle))).toBeUndefined();

      const counted = await changeCount(t.store);
      await sessions.touch(t.store, id, '2025-01-01T08:25:00.000Z');
      // Never moved back.
      await sessions.touch(t.store, id, '2025-01-01T08:10:00.000Z');
      expect(await changeCount(t.store)).toBe(counted);
      const live = await sessions.getLiveWithUser(t.store, id, idle, idleCutoffOf(idle));
      expect(live?.session.lastSeenAt).toBe('2025-01-01T08:25:00.000Z');
      expect(live?.changeCount).toBe(counted);

      // Idle sessions go with the expired ones.
      const late = '2025-01-01T09:00:00.000Z';
      const purged = await t.store.transaction((tx) => sessions.purgeExpired(tx, late, idleCutoffOf(late)));
      expect(purged).toEqual({ ok: true, value: 1 });
      expect(await sessions.getLive(t.store, id, idle, '2000-01-01T00:00:00.000Z')).toBeUndefined();
    });

    it('gives the latest letter approval and eligibility screen of a case', async () => {
      expect(await letterApprovals.latest(t.store, caseId)).toBeUndefined();
      expect(await eligibilityScreens.latest(t.store, caseId)).toBeUndefined();
      const w = await t.store.transaction(async (tx) => {
        await letterApprovals.create(tx, {
          caseId,
          caseVersion: 3,
          approvedBy: userId,
          approvedAt: '2025-01-02T08:00:00.000Z',
        });
        await letterApprovals.create(tx, {
          caseId,
          caseVersion: 5,
          approvedBy: userId,
          approvedAt: '2025-01-03T08:00:00.000Z',
        });
        await eligibilityScreens.create(tx, {
          caseId,
          screenedAt: '2025-01-01T08:00:00.000Z',
          result: { status: 'deferred' },
        });
        await eligibilityScreens.create(tx, {
          caseId,
          screenedAt: '2025-01-02T08:00:00.000Z',
          result: { status: 'eligible' },
        });
      });
      expect(w.ok).toBe(true);
      expect(await letterApprovals.latest(t.store, caseId)).toMatchObject({
        caseId,
        caseVersion: 5,
        approvedBy: userId,
        approvedAt: '2025-01-03T08:00:00.000Z',
      });
      expect(await eligibilityScreens.latest(t.store, caseId)).toEqual({
        screenedAt: '2025-01-02T08:00:00.000Z',
        result: { status: 'eligible' },
      });
    });
  });
}
