import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { User, UserRole } from '../domain/case.js';
import { imrError } from '../domain/errors.js';
import { type SessionRecord, type Store, sessions } from '../store/index.js';
import type { Actor } from '../workflow/index.js';
import { type AppConfig, MAX_UPLOAD_BYTES } from './config.js';
import { CSRF_HEADER, type RouteAccess, SESSION_COOKIE, type SessionResponse, type SessionUser } from './contract.js';
import { sendError } from './errors.js';

/**
 * Sign-in state. The cookie holds a random 256-bit token; the database holds its SHA-256 with the
 * user, the session's CSRF token, its expiry and when it was last used, so sessions survive restarts
 * and are shared by every instance. A session ends after `sessionHours` however busy, or after
 * `sessionIdleMinutes` unused; a request marks it used when a minute or more has passed since the
 * last mark (not on every request), with a statement outside any transaction so that the change
 * counter — and every response kept under it — stays as it was. Requests that change something must
 * echo the CSRF token in a header (a cross-site form cannot read it; SameSite=Strict already keeps
 * the cookie off cross-site requests — this is the second lock). Roles are checked per route before
 * validation, so a caller learns nothing about a route's input that their role may not use.
 */

export interface SignedIn {
  readonly session: SessionRecord;
  readonly user: User;
  /** The change counter, read with the session (absent for a session this request started). */
  readonly changeCount?: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    signedIn: SignedIn | undefined;
  }
}

export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function sessionUserOf(user: User): SessionUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    ...(user.reviewerId === undefined ? {} : { reviewerId: user.reviewerId }),
  };
}

/** The per-file upload limit: the configured one (`IMR_UPLOAD_MAX_BYTES`), within the workflow's and the body's. */
export function uploadLimitOf(config: AppConfig): number {
  return Math.min(MAX_UPLOAD_BYTES, config.uploadMaxBytes, config.bodyLimitBytes);
}

export function sessionResponse(s: SignedIn, config: AppConfig): SessionResponse {
  return {
    user: sessionUserOf(s.user),
    csrfToken: s.session.csrfToken,
    expiresAt: s.session.expiresAt,
    uploadLimitBytes: uploadLimitOf(config),
  };
}

export function actorOf(request: FastifyRequest): Actor {
  const s = request.signedIn;
  if (s === undefined) throw new Error('actorOf called on a request without a session');
  return { userId: s.user.id, role: s.user.role, requestId: request.id };
}

/** How stale a session's last-used mark may grow before a request renews it. */
export const TOUCH_AFTER_MS = 60_000;

function idleCutoffOf(config: AppConfig, now: string): string {
  return new Date(Date.parse(now) - config.sessionIdleMinutes * 60_000).toISOString();
}

/**
 * Reads the session named by the cookie (a live session of an active user), or undefined, and marks
 * it used when its mark is a minute old or more.
 */
export async function loadSession(
  store: Store,
  config: AppConfig,
  request: FastifyRequest,
  now: string,
): Promise<SignedIn | undefined> {
  const token = request.cookies[SESSION_COOKIE];
  if (token === undefined || token.length < 20 || token.length > 200) return undefined;
  const found = await sessions.getLiveWithUser(store, sessionIdOf(token), now, idleCutoffOf(config, now));
  if (found === undefined || !found.user.active) return undefined;
  if (Date.parse(now) - Date.parse(found.session.lastSeenAt) < TOUCH_AFTER_MS) return found;
  await sessions.touch(store, found.session.id, now);
  return { ...found, session: { ...found.session, lastSeenAt: now } };
}

export async function startSession(
  store: Store,
  reply: FastifyReply,
  user: User,
  config: AppConfig,
  now: string,
): Promise<SignedIn> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.parse(now) + config.sessionHours * 3_600_000).toISOString();
  const record: SessionRecord = {
    id: sessionIdOf(token),
    userId: user.id,
    csrfToken: randomBytes(32).toString('base64url'),
    createdAt: now,
    expiresAt,
    lastSeenAt: now,
  };
  const written = await store.transaction(async (tx) => {
    await sessions.purgeExpired(tx, now, idleCutoffOf(config, now));
    return sessions.create(tx, record);
  });
  if (!written.ok) throw new Error(`session not stored: ${written.error.code}`);
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: config.cookieSecure,
    expires: new Date(expiresAt),
  });
  return { session: record, user };
}

export function clearSessionCookie(reply: FastifyReply, config: AppConfig): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure: config.cookieSecure });
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const CHANGING = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

/**
 * The route's gate: 401 without a live session, 403 when the role is not allowed, 403
 * IMR_CSRF_INVALID when a changing request lacks the session's token. Returns false when it replied.
 */
export function gate(request: FastifyRequest, reply: FastifyReply, access: RouteAccess): boolean {
  if (access === 'public') return true;
  const s = request.signedIn;
  if (s === undefined) {
    sendError(reply, request, imrError('IMR_UNAUTHENTICATED'));
    return false;
  }
  if (access !== 'signed-in' && !(access as readonly UserRole[]).includes(s.user.role)) {
    sendError(reply, request, imrError('IMR_FORBIDDEN', undefined, { role: s.user.role }));
    return false;
  }
  if (CHANGING.has(request.method)) {
    const sent = request.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || !sameToken(sent, s.session.csrfToken)) {
      sendError(reply, request, imrError('IMR_CSRF_INVALID'));
      return false;
    }
  }
  return true;
}
