import type { Handle } from '../schema.js';

/**
 * Failed sign-ins counted per key (migration 0005): one row per account or client address, holding
 * how many attempts fell in the window that began at `windowStartedAt`. Kept in the database so that
 * every server instance, and a restarted one, shares the counts. Each call is one statement, atomic
 * on its own: take the store itself (outside a transaction) so that counting attempts does not move
 * the change counter and drop every server's kept responses (see `changeCount`).
 */
export interface ThrottleCount {
  readonly failures: number;
  readonly windowStartedAt: string;
}

export const signInThrottle = {
  /**
   * Counts one attempt under `key` and gives the count with its window's start. A window that
   * began at or before `windowCutoff` is over: the attempt starts a new one at `now`. Counting
   * before the password is checked means concurrent attempts cannot all slip under the limit.
   */
  async count(h: Handle, key: string, now: string, windowCutoff: string): Promise<ThrottleCount> {
    const row = await h.db
      .insertInto('sign_in_throttle')
      .values({ key, failures: 1, window_started_at: now })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet((eb) => {
          const over = eb('sign_in_throttle.window_started_at', '<=', windowCutoff);
          return {
            failures: eb
              .case()
              .when(over)
              .then(1)
              .else(eb('sign_in_throttle.failures', '+', 1))
              .end(),
            window_started_at: eb.case().when(over).then(now).else(eb.ref('sign_in_throttle.window_started_at')).end(),
          };
        }),
      )
      .returning(['failures', 'window_started_at'])
      .executeTakeFirstOrThrow();
    return { failures: Number(row.failures), windowStartedAt: row.window_started_at };
  },

  /** Takes back one attempt counted in the window that began at `windowStartedAt` (if still that window). */
  async uncount(h: Handle, key: string, windowStartedAt: string): Promise<void> {
    await h.db
      .updateTable('sign_in_throttle')
      .set((eb) => ({
        failures: eb
          .case()
          .when('failures', '>', 0)
          .then(eb('failures', '-', 1))
          .else(0)
          .end(),
      }))
      .where('key', '=', key)
      .where('window_started_at', '=', windowStartedAt)
      .execute();
  },

  /** Forgets the attempts under `key` (a successful sign-in to the account). */
  async clear(h: Handle, key: string): Promise<void> {
    await h.db.deleteFrom('sign_in_throttle').where('key', '=', key).execute();
  },

  /** The count under `key`, if any (whatever its window). */
  async get(h: Handle, key: string): Promise<ThrottleCount | undefined> {
    const row = await h.db
      .selectFrom('sign_in_throttle')
      .select(['failures', 'window_started_at'])
      .where('key', '=', key)
      .executeTakeFirst();
    return row === undefined ? undefined : { failures: Number(row.failures), windowStartedAt: row.window_started_at };
  },

  /** Removes the counts whose window began at or before `windowCutoff` (over, so they count nothing). */
  async purge(h: Handle, windowCutoff: string): Promise<number> {
    const r = await h.db
      .deleteFrom('sign_in_throttle')
      .where('window_started_at', '<=', windowCutoff)
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  },
};
