import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeCount, signInThrottle } from './index.js';
import { storeTargets, type TestStore } from './test-targets.js';

/** Sign-in attempt counts (migration 0005) on both databases. */

const targets = await storeTargets();

const at = (minute: number) => new Date(Date.UTC(2025, 0, 1, 8, minute)).toISOString();
/** A 15-minute window: the cutoff at `minute`. */
const cutoffAt = (minute: number) => at(minute - 15);

for (const target of targets) {
  describe.skipIf(target.skip !== undefined)(`sign-in throttle — ${target.title}`, () => {
    let t: TestStore;
    beforeAll(async () => {
      t = await target.open();
    });
    afterAll(async () => {
      await t?.dispose();
    });

    it('counts attempts in a window, starts a new window once it is over, and never moves the change counter', async () => {
      const before = await changeCount(t.store);
      const key = 'account:one';
      expect(await signInThrottle.count(t.store, key, at(0), cutoffAt(0))).toEqual({
        failures: 1,
        windowStartedAt: at(0),
      });
      expect(await signInThrottle.count(t.store, key, at(5), cutoffAt(5))).toEqual({
        failures: 2,
        windowStartedAt: at(0),
      });
      expect(await signInThrottle.count(t.store, key, at(14), cutoffAt(14))).toEqual({
        failures: 3,
        windowStartedAt: at(0),
      });
      // Another key counts apart.
      expect((await signInThrottle.count(t.store, 'address:x', at(14), cutoffAt(14))).failures).toBe(1);
      // 15 minutes on, the window is over.
      expect(await signInThrottle.count(t.store, key, at(15), cutoffAt(15))).toEqual({
        failures: 1,
        windowStartedAt: at(15),
      });
      expect(await changeCount(t.store)).toBe(before);
    });

    it('takes an attempt back only within its window, clears a key, and purges windows that are over', async () => {
      const key = 'address:two';
      await signInThrottle.count(t.store, key, at(0), cutoffAt(0));
      const second = await signInThrottle.count(t.store, key, at(1), cutoffAt(1));
      await signInThrottle.uncount(t.store, key, second.windowStartedAt);
      expect(await signInThrottle.get(t.store, key)).toEqual({ failures: 1, windowStartedAt: at(0) });
      // An older window's take-back does not touch the current one.
      await signInThrottle.uncount(t.store, key, at(-30));
      expect((await signInThrottle.get(t.store, key))?.failures).toBe(1);
      await signInThrottle.uncount(t.store, key, at(0));
      await signInThrottle.uncount(t.store, key, at(0));
      expect((await signInThrottle.get(t.store, key))?.failures).toBe(0);

      await signInThrottle.count(t.store, 'account:three', at(20), cutoffAt(20));
      await signInThrottle.clear(t.store, 'account:three');
      expect(await signInThrottle.get(t.store, 'account:three')).toBeUndefined();

      await signInThrottle.count(t.store, 'account:four', at(20), cutoffAt(20));
      const purged = await signInThrottle.purge(t.store, cutoffAt(16));
      expect(purged).toBeGreaterThanOrEqual(1);
      expect(await signInThrottle.get(t.store, key)).toBeUndefined();
      expect((await signInThrottle.get(t.store, 'account:four'))?.failures).toBe(1);
    });

    it('counts concurrent attempts one by one', async () => {
      const key = 'account:burst';
      const counts = await Promise.all(
        Array.from({ length: 12 }, () => signInThrottle.count(t.store, key, at(30), cutoffAt(30))),
      );
      expect(counts.map((c) => c.failures).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    });
  });
}
