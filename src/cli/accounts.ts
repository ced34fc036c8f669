import { randomUUID } from 'node:crypto';
import type { User, UserRole } from '../domain/case.js';
import { type ImrError, ImrFailure, imrError } from '../domain/errors.js';
import { err, ok, type Result } from '../domain/result.js';
import { Password, type UserView } from '../server/contract.js';
import { hashPassword } from '../server/passwords.js';
import { userView } from '../server/routes/admin.js';
import { appendAudit, reviewers, type Store, sessions, type Tx, users } from '../store/index.js';

/**
 * Accounts from the command line (`imr user …`): the operator's way in when the server runs without
 * demo data (`IMR_DEMO=false`), and out of a lost admin password. The same rules as the admin routes
 * (src/server/routes/admin.ts): argon2id hashes (the server's), the password policy of the API, a
 * reviewer account tied to its reviewer record, and every change audited in its transaction — by the
 * system actor, as `source: cli`, with ids, roles and field names only. Passwords come from a prompt
 * or standard input, never from the command line, and nothing here prints or logs them.
 */

/** Public fields of an account, never the hash: the view the admin API returns. */
export type AccountView = UserView;
const accountView = userView;

export interface NewAccount {
  readonly username: string;
  readonly displayName?: string;
  readonly role: UserRole;
  readonly reviewerId?: number;
  readonly password: string;
}

/** The API's password rule (length 12 to 256); the message never holds the password. */
export function checkPassword(password: string): Result<string, ImrError> {
  const r = Password.safeParse(password);
  if (r.success) return ok(r.data);
  return err(
    imrError('IMR_VALIDATION', 'The password must be 12 to 256 characters long.', { path: 'password', min: 12 }),
  );
}

function cliRequestId(): string {
  return `cli-${randomUUID()}`;
}

function audit(tx: Tx, requestId: string, action: string, user: User, details: Record<string, string | number>) {
  return appendAudit(tx, {
    actor: 'system',
    action,
    entityType: 'user',
    entityId: String(user.id),
    requestId,
    details: { ...details, source: 'cli' },
  });
}

/** Creates an account (active). Taken user name: IMR_ALREADY_EXISTS; reviewer record missing: IMR_NOT_FOUND. */
export async function addAccount(store: Store, input: NewAccount): Promise<Result<AccountView, ImrError>> {
  const password = checkPassword(input.password);
  if (!password.ok) return password;
  if (input.role === 'reviewer' && input.reviewerId === undefined) {
    return err(
      imrError('IMR_VALIDATION', 'A reviewer account must name its reviewer record (--reviewer-id).', {
        path: 'reviewerId',
      }),
    );
  }
  if (input.role !== 'reviewer' && input.reviewerId !== undefined) {
    return err(imrError('IMR_VALIDATION', 'Only a reviewer account names a reviewer record.', { path: 'reviewerId' }));
  }
  const passwordHash = await hashPassword(password.value);
  const requestId = cliRequestId();
  const created = await store.transaction(async (tx) => {
    if (input.reviewerId !== undefined && (await reviewers.getById(tx, input.reviewerId)) === undefined) {
      throw new ImrFailure(imrError('IMR_NOT_FOUND', 'No reviewer record has this id.', { entity: 'reviewer' }));
    }
    const user = await users.create(tx, {
      username: input.username,
      displayName: input.displayName ?? input.username,
      role: input.role,
      ...(input.reviewerId === undefined ? {} : { reviewerId: input.reviewerId }),
      passwordHash,
      active: true,
    });
    await audit(tx, requestId, 'user.created', user, { role: user.role });
    return user;
  });
  return created.ok ? ok(accountView(created.value)) : created;
}

export async function listAccounts(store: Store): Promise<AccountView[]> {
  return (await users.list(store)).map(accountView);
}

async function requireUser(tx: Tx, username: string): Promise<User> {
  const user = await users.getByUsername(tx, username);
  if (user === undefined)
    throw new ImrFailure(imrError('IMR_NOT_FOUND', 'No account has this user name.', { entity: 'user' }));
  return user;
}

/**
 * Turns an account off (it can no longer sign in; its sessions end) or on again. The last active
 * admin account is not turned off (nobody could administer the desk): IMR_VALIDATION.
 */
export async function setAccountActive(
  store: Store,
  username: string,
  active: boolean,
): Promise<Result<{ account: AccountView; changed: boolean; sessionsEnded: number }, ImrError>> {
  const requestId = cliRequestId();
  return store.transaction(async (tx) => {
    const user = await requireUser(tx, username);
    if (user.active === active) return { account: accountView(user), changed: false, sessionsEnded: 0 };
    if (!active && user.role === 'admin') {
      const admins = (await users.list(tx)).filter((u) => u.role === 'admin' && u.active);
      if (admins.length <= 1) {
        throw new ImrFailure(
          imrError('IMR_VALIDATION', 'This is the last active admin account; add another admin first.', {
            reason: 'last-admin',
          }),
        );
      }
    }
    const updated = await users.update(tx, user.id, { active });
    const sessionsEnded = active ? 0 : await sessions.removeForUser(tx, user.id);
    await audit(tx, requestId, 'user.updated', updated, { fields: 'active', sessionsEnded });
    return { account: accountView(updated), changed: true, sessionsEnded };
  });
}

/** Sets a new password; the account's sessions end (as when an admin resets it in the app). */
export async function resetAccountPassword(
  store: Store,
  username: string,
  newPassword: string,
): Promise<Result<{ account: AccountView; sessionsEnded: number }, ImrError>> {
  const password = checkPassword(newPassword);
  if (!password.ok) return password;
  const passwordHash = await hashPassword(password.value);
  const requestId = cliRequestId();
  return store.transaction(async (tx) => {
    const user = await requireUser(tx, username);
    const updated = await users.update(tx, user.id, { passwordHash });
    const sessionsEnded = await sessions.removeForUser(tx, user.id);
    await audit(tx, requestId, 'user.updated', updated, { fields: 'password', sessionsEnded });
    return { account: accountView(updated), sessionsEnded };
  });
}
