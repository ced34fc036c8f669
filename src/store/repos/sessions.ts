import type { User } from '../../domain/case.js';
import { prepared } from '../prepared.js';
import type { Handle, Tx } from '../schema.js';
import { userCodec } from './users.js';

/**
 * Signed-in sessions (migrations 0003, 0005). The caller hashes the cookie's token: only the hash is
 * stored, so reading the table gives nobody a session. A session ends at `expiresAt` (its absolute
 * lifetime) or when unused for the idle timeout: reads take the instant before which `lastSeenAt`
 * means idle too long. Ended rows are ignored on read and removed by `purgeExpired`.
 */
export interface SessionRecord {
  readonly id: string;
  readonly userId: number;
  readonly csrfToken: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  /** When a request last used it (`touch`: to a minute or so). */
  readonly lastSeenAt: string;
}

function fromRow(r: {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string | null;
}): SessionRecord {
  return {
    id: r.id,
    userId: r.user_id,
    csrfToken: r.csrf_token,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    lastSeenAt: r.last_seen_at ?? r.created_at,
  };
}

/** Every signed-in request asks: built and compiled once (prepared.ts). */
const liveWithUser = prepared((db, p: { id: string; now: string; idleCutoff: string }) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select([
      'sessions.id as session_id',
      'sessions.csrf_token as session_csrf_token',
      'sessions.created_at as session_created_at',
      'sessions.expires_at as session_expires_at',
      'sessions.last_seen_at as session_last_seen_at',
    ])
    .select((eb) => eb.selectFrom('change_counter').select('value').where('id', '=', 1).as('change_count'))
    .where('sessions.id', '=', p.id)
    .where('sessions.expires_at', '>', p.now)
    .where('sessions.last_seen_at', '>', p.idleCutoff),
);

export const sessions = {
  async create(tx: Tx, s: SessionRecord): Promise<SessionRecord> {
    await tx.db
      .insertInto('sessions')
      .values({
        id: s.id,
        user_id: s.userId,
        csrf_token: s.csrfToken,
        created_at: s.createdAt,
        expires_at: s.expiresAt,
        last_seen_at: s.lastSeenAt,
      })
      .execute();
    return s;
  },

  /** The session, if it exists, has not expired at `now` and was last seen after `idleCutoff`. */
  async getLive(h: Handle, id: string, now: string, idleCutoff: string): Promise<SessionRecord | undefined> {
    const row = await h.db
      .selectFrom('sessions')
      .selectAll()
      .where('id', '=', id)
      .where('expires_at', '>', now)
      .where('last_seen_at', '>', idleCutoff)
      .executeTakeFirst();
    return row === undefined ? undefined : fromRow(row);
  },

  /**
   * The live session and its user, in one query (every signed-in request asks), with the change
   * counter read in the same query (`changeCount`: responses kept per database state need it).
   */
  async getLiveWithUser(
    h: Handle,
    id: string,
    now: string,
    idleCutoff: string,
  ): Promise<{ session: SessionRecord; user: User; changeCount: number } | undefined> {
    const [row] = await liveWithUser(h, { id, now, idleCutoff });
    if (row === undefined) return undefined;
    const {
      session_id,
      session_csrf_token,
      session_created_at,
      session_expires_at,
      session_last_seen_at,
      change_count,
      ...user
    } = row;
    return {
      session: {
        id: session_id,
        userId: user.id,
        csrfToken: session_csrf_token,
        createdAt: session_created_at,
        expiresAt: session_expires_at,
        lastSeenAt: session_last_seen_at ?? session_created_at,
      },
      user: userCodec.fromRow(user),
      changeCount: Number(change_count),
    };
  },

  async remove(tx: Tx, id: string): Promise<boolean> {
    const r = await tx.db.deleteFrom('sessions').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  },

  /** Ends every session of a user (password change, account disabled). */
  async removeForUser(tx: Tx, userId: number): Promise<number> {
    const r = await tx.db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
    return Number(r.numDeletedRows);
  },

  /**
   * Records that the session was used at `now` (never moving it back). One statement: take the
   * store itself, outside a transaction, so that it does not move the change counter (a touch
   * changes nothing a kept response shows). Callers touch at most about once a minute per session.
   */
  async touch(h: Handle, id: string, now: string): Promise<void> {
    await h.db
      .updateTable('sessions')
      .set({ last_seen_at: now })
      .where('id', '=', id)
      .where('last_seen_at', '<', now)
      .execute();
  },

  /** Removes the sessions ended at `now`: past their lifetime, or last seen at or before `idleCutoff`. */
  async purgeExpired(tx: Tx, now: string, idleCutoff: string): Promise<number> {
    const r = await tx.db
      .deleteFrom('sessions')
      .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleCutoff)]))
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  },
};
