import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { User } from '../../domain/case.js';
import { imrError } from '../../domain/errors.js';
import {
  affiliations,
  appendAudit,
  credentials,
  type Handle,
  type ReviewerProfile,
  reviewers,
  sessions,
  type Tx,
  users,
} from '../../store/index.js';
import { openReviewsByReviewer, workloadOf } from '../../workflow/workload.js';
import type { ReviewerProfileView, UserView } from '../contract.js';
import { hashPassword } from '../passwords.js';
import { addRoute, failWith, notFound, unwrap } from '../route.js';
import type { ServerContext } from './context.js';

/**
 * Administration: user accounts, and the reviewer registry (credentials and affiliations, which the
 * conflict screen and qualification read). Every change is audited in its transaction, with ids and
 * field names only.
 */

/** An account's public fields (never the hash); the CLI's `imr user` prints the same. */
export function userView(u: User): UserView {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    ...(u.reviewerId === undefined ? {} : { reviewerId: u.reviewerId }),
    active: u.active,
    createdAt: u.createdAt,
  };
}

function profileView(p: ReviewerProfile, open: ReadonlyMap<number, number>, capacity: number): ReviewerProfileView {
  const load = workloadOf(open, p.reviewer.id, capacity);
  return {
    reviewer: p.reviewer,
    credentials: [...p.credentials],
    affiliations: [...p.affiliations],
    openAssignments: load.open,
    capacity: load.capacity,
  };
}

async function profileOf(h: Handle, capacity: number, id: number): Promise<ReviewerProfileView> {
  const reviewer = await reviewers.getById(h, id);
  if (reviewer === undefined) return notFound('reviewer');
  const [creds, affs, open] = await Promise.all([
    credentials.listByReviewer(h, id),
    affiliations.listByReviewer(h, id),
    openReviewsByReviewer(h),
  ]);
  return profileView({ reviewer, credentials: creds, affiliations: affs }, open, capacity);
}

export function registerAdminRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { store } = ctx;

  const audit = (tx: Tx, request: FastifyRequest, action: string, entityType: string, entityId: number, details = {}) =>
    appendAudit(tx, {
      at: ctx.now(),
      actor: request.signedIn?.user.id ?? 'system',
      action,
      entityType,
      entityId: String(entityId),
      requestId: request.id,
      details,
    });

  /** Field names of a change, for the audit event (never the values). */
  const fieldsOf = (patch: object) => ({ fields: Object.keys(patch).sort().join(',').slice(0, 200) });

  addRoute(app, 'listUsers', async () => ({ users: (await users.list(store)).map(userView) }));

  addRoute(app, 'createUser', async ({ body, request }) => {
    if (body.role === 'reviewer' && body.reviewerId === undefined) {
      return failWith(
        imrError('IMR_VALIDATION', 'A reviewer account must name its reviewer record.', { path: 'reviewerId' }),
      );
    }
    if (body.reviewerId !== undefined && (await reviewers.getById(store, body.reviewerId)) === undefined) {
      return notFound('reviewer');
    }
    const passwordHash = await hashPassword(body.password);
    const user = unwrap(
      await store.transaction(async (tx) => {
        const created = await users.create(tx, {
          username: body.username,
          displayName: body.displayName,
          role: body.role,
          ...(body.reviewerId === undefined ? {} : { reviewerId: body.reviewerId }),
          passwordHash,
          active: true,
        });
        await audit(tx, request, 'user.created', 'user', created.id, { role: created.role });
        return created;
      }),
    );
    return { user: userView(user) };
  });

  addRoute(app, 'updateUser', async ({ params, body, request }) => {
    const { password, ...rest } = body;
    const passwordHash = password === undefined ? undefined : await hashPassword(password);
    const user = unwrap(
      await store.transaction(async (tx) => {
        const before = await users.getById(tx, params.userId);
        if (before === undefined) return notFound('user');
        const updated = await users.update(tx, params.userId, {
          ...rest,
          ...(passwordHash === undefined ? {} : { passwordHash }),
        });
        // A new password or a disabled account ends the user's sessions.
        const ended =
          passwordHash !== undefined || rest.active === false || (rest.role !== undefined && rest.role !== before.role)
            ? await sessions.removeForUser(tx, params.userId)
            : 0;
        await audit(tx, request, 'user.updated', 'user', params.userId, {
          ...fieldsOf(body),
          sessionsEnded: ended,
        });
        return updated;
      }),
    );
    return { user: userView(user) };
  });

  addRoute(app, 'listReviewers', async ({ query }) => {
    const [profiles, open] = await Promise.all([
      reviewers.listProfiles(store, { activeOnly: query.active === 'true' }),
      openReviewsByReviewer(store),
    ]);
    const shown = query.active === 'false' ? profiles.filter((p) => !p.reviewer.active) : profiles;
    return { reviewers: shown.map((p) => profileView(p, open, ctx.config.reviewerCapacity)) };
  });

  addRoute(app, 'getReviewer', async ({ params }) => ({
    profile: await profileOf(store, ctx.config.reviewerCapacity, params.reviewerId),
  }));

  addRoute(app, 'createReviewer', async ({ body, request }) => {
    const created = unwrap(
      await store.transaction(async (tx) => {
        const r = await reviewers.create(tx, body);
        await audit(tx, request, 'reviewer.created', 'reviewer', r.id);
        return r;
      }),
    );
    return { profile: await profileOf(store, ctx.config.reviewerCapacity, created.id) };
  });

  addRoute(app, 'updateReviewer', async ({ params, body, request }) => {
    unwrap(
      await store.transaction(async (tx) => {
        const r = await reviewers.update(tx, params.reviewerId, body);
        await audit(tx, request, 'reviewer.updated', 'reviewer', r.id, fieldsOf(body));
      }),
    );
    return { profile: await profileOf(store, ctx.config.reviewerCapacity, params.reviewerId) };
  });

  const ownCredential = async (h: Handle, reviewerId: number, credentialId: number) => {
    if (!(await credentials.listByReviewer(h, reviewerId)).some((c) => c.id === credentialId)) notFound('credential');
  };
  const ownAffiliation = async (h: Handle, reviewerId: number, affiliationId: number) => {
    if (!(await affiliations.listByReviewer(h, reviewerId)).some((a) => a.id === affiliationId)) {
      notFound('affiliation');
    }
  };

  addRoute(app, 'addCredential', async ({ params, body, request }) => {
    if ((await reviewers.getById(store, params.reviewerId)) === undefined) return notFound('reviewer');
    const credential = unwrap(
      await store.transaction(async (tx) => {
        const c = await credentials.create(tx, { ...body, reviewerId: params.reviewerId });
        await audit(tx, request, 'reviewer.credential-added', 'reviewer', params.reviewerId, { credentialId: c.id });
        return c;
      }),
    );
    return { credential };
  });

  addRoute(app, 'updateCredential', async ({ params, body, request }) => {
    const credential = unwrap(
      await store.transaction(async (tx) => {
        await ownCredential(tx, params.reviewerId, params.credentialId);
        const c = await credentials.update(tx, params.credentialId, body);
        await audit(tx, request, 'reviewer.credential-updated', 'reviewer', params.reviewerId, {
          credentialId: c.id,
          ...fieldsOf(body),
        });
        return c;
      }),
    );
    return { credential };
  });

  addRoute(app, 'removeCredential', async ({ params, request }) => {
    unwrap(
      await store.transaction(async (tx) => {
        await ownCredential(tx, params.reviewerId, params.credentialId);
        await credentials.remove(tx, params.credentialId);
        await audit(tx, request, 'reviewer.credential-removed', 'reviewer', params.reviewerId, {
          credentialId: params.credentialId,
        });
      }),
    );
    return {};
  });

  /** An affiliation cannot end before it began. */
  const periodError = (since: string | null | undefined, until: string | null | undefined) =>
    since != null && until != null && until < since
      ? imrError('IMR_VALIDATION', 'The affiliation cannot end before it began.', { path: 'until' })
      : undefined;

  addRoute(app, 'addAffiliation', async ({ params, body, request }) => {
    if ((await reviewers.getById(store, params.reviewerId)) === undefined) return notFound('reviewer');
    const wrongPeriod = periodError(body.since, body.until);
    if (wrongPeriod !== undefined) return failWith(wrongPeriod);
    const affiliation = unwrap(
      await store.transaction(async (tx) => {
        const a = await affiliations.create(tx, { ...body, reviewerId: params.reviewerId });
        await audit(tx, request, 'reviewer.affiliation-added', 'reviewer', params.reviewerId, { affiliationId: a.id });
        return a;
      }),
    );
    return { affiliation };
  });

  addRoute(app, 'updateAffiliation', async ({ params, body, request }) => {
    const affiliation = unwrap(
      await store.transaction(async (tx) => {
        await ownAffiliation(tx, params.reviewerId, params.affiliationId);
        const before = (await affiliations.listByReviewer(tx, params.reviewerId)).find(
          (x) => x.id === params.affiliationId,
        );
        const wrongPeriod = periodError(
          body.since === undefined ? before?.since : body.since,
          body.until === undefined ? before?.until : body.until,
        );
        if (wrongPeriod !== undefined) return failWith(wrongPeriod);
        const a = await affiliations.update(tx, params.affiliationId, body);
        await audit(tx, request, 'reviewer.affiliation-updated', 'reviewer', params.reviewerId, {
          affiliationId: a.id,
          ...fieldsOf(body),
        });
        return a;
      }),
    );
    return { affiliation };
  });

  addRoute(app, 'removeAffiliation', async ({ params, request }) => {
    unwrap(
      await store.transaction(async (tx) => {
        await ownAffiliation(tx, params.reviewerId, params.affiliationId);
        await affiliations.remove(tx, params.affiliationId);
        await audit(tx, request, 'reviewer.affiliation-removed', 'reviewer', params.reviewerId, {
          affiliationId: params.affiliationId,
        });
      }),
    );
    return {};
  });
}
