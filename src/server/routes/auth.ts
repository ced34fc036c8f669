import type { FastifyInstance } from 'fastify';
import { Username } from '../../domain/case.js';
import { imrError } from '../../domain/errors.js';
import { appendAudit, sessions, users } from '../../store/index.js';
import { clearSessionCookie, sessionIdOf, sessionResponse, startSession } from '../auth.js';
import { SESSION_COOKIE } from '../contract.js';
import { verifyNobody, verifyPassword } from '../passwords.js';
import { addRoute, failWith } from '../route.js';
import { admitSignIn, signInFailed, signInSucceeded } from '../sign-in-throttle.js';
import type { ServerContext } from './context.js';

/**
 * Health, sign-in and sign-out. Sign-ins (successful or not) are audited without the name tried;
 * failed ones are limited per account and per address (sign-in-throttle.ts), and an attempt past a
 * limit is refused with 429 IMR_RATE_LIMITED and Retry-After, before any password is checked.
 */
export function registerAuthRoutes(app: FastifyInstance, ctx: ServerContext): void {
  addRoute(app, 'health', async () => ({ status: 'ok' as const }));

  addRoute(app, 'login', async ({ body, request, reply }) => {
    const at = ctx.now();
    const typed = body.username.trim().toLowerCase();
    const admission = await admitSignIn(ctx.store, ctx.config, { username: typed, address: request.ip }, at);
    if (!admission.admitted) {
      request.log.info({ limit: admission.error.details?.limit }, 'sign-in refused: too many failures');
      reply.header('retry-after', String(admission.retryAfterSeconds));
      return failWith(admission.error);
    }
    const name = Username.safeParse(typed);
    const user = name.success ? await users.getByUsername(ctx.store, name.data) : undefined;
    const good =
      user === undefined ? await verifyNobody(body.password) : await verifyPassword(user.passwordHash, body.password);
    if (user === undefined || !good || !user.active) {
      await ctx.store.transaction((tx) =>
        appendAudit(tx, {
          at,
          actor: user?.id ?? 'system',
          action: 'auth.login-failed',
          entityType: 'user',
          entityId: user === undefined ? 'unknown' : String(user.id),
          requestId: request.id,
          details: { knownUser: user !== undefined },
        }),
      );
      await signInFailed(ctx.store, ctx.config, at);
      return failWith(imrError('IMR_LOGIN_FAILED'));
    }
    await signInSucceeded(ctx.store, ctx.config, admission, at);
    const signedIn = await startSession(ctx.store, reply, user, ctx.config, at);
    await ctx.store.transaction((tx) =>
      appendAudit(tx, {
        at,
        actor: user.id,
        action: 'auth.signed-in',
        entityType: 'user',
        entityId: String(user.id),
        requestId: request.id,
        details: { role: user.role },
      }),
    );
    request.signedIn = signedIn;
    return sessionResponse(signedIn, ctx.config);
  });

  addRoute(app, 'logout', async ({ request, reply }) => {
    const token = request.cookies[SESSION_COOKIE];
    const user = request.signedIn?.user;
    await ctx.store.transaction(async (tx) => {
      if (token !== undefined) await sessions.remove(tx, sessionIdOf(token));
      if (user !== undefined) {
        await appendAudit(tx, {
          at: ctx.now(),
          actor: user.id,
          action: 'auth.signed-out',
          entityType: 'user',
          entityId: String(user.id),
          requestId: request.id,
          details: {},
        });
      }
    });
    clearSessionCookie(reply, ctx.config);
    return {};
  });

  addRoute(app, 'session', async ({ request }) => {
    const s = request.signedIn;
    if (s === undefined) return failWith(imrError('IMR_UNAUTHENTICATED'));
    return sessionResponse(s, ctx.config);
  });
}
