import { randomBytes } from 'node:crypto';
import type { UserRole } from '../domain/case.js';
import { type ImrError, imrError } from '../domain/errors.js';
import { err, ok, type Result } from '../domain/result.js';
import { appendAudit, type Store, users } from '../store/index.js';
import { type DemoOptions, type DemoSummary, seedDemo } from '../synthetic/demo.js';
import { hashPassword } from './passwords.js';

/**
 * Demo accounts, one per role (two reviewers, each with cases of their own), made with the demo data
 * on a first start. Their passwords are random for each database and handed back once, to be printed
 * on the console: a demo left running is not open to anyone who has read this file.
 */
export const DEMO_ACCOUNTS = [
  { username: 'intake', displayName: 'Demo Intake Clerk', role: 'intake' },
  { username: 'coordinator', displayName: 'Demo Coordinator', role: 'coordinator' },
  { username: 'reviewer', displayName: 'Demo Reviewer', role: 'reviewer' },
  { username: 'reviewer2', displayName: 'Demo Second Reviewer', role: 'reviewer' },
  { username: 'qa', displayName: 'Demo QA Nurse', role: 'qa' },
  { username: 'admin', displayName: 'Demo Administrator', role: 'admin' },
] as const satisfies readonly { username: string; displayName: string; role: UserRole }[];

export interface DemoCredential {
  readonly username: string;
  readonly password: string;
  readonly role: UserRole;
  /** The reviewer record a reviewer account stands for. */
  readonly reviewerId?: number;
}

export interface SeededDemo {
  readonly accounts: readonly DemoCredential[];
  readonly summary: DemoSummary;
}

/** Whether the store has never been used (no accounts yet): the signal for seeding. */
export async function isFirstStart(store: Store): Promise<boolean> {
  const row = await store.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

/** Seeds demo data and accounts into an empty store. */
export async function seedDemoData(
  store: Store,
  options: DemoOptions & { readonly password?: (username: string) => string },
): Promise<Result<SeededDemo, ImrError>> {
  if (!(await isFirstStart(store))) return err(imrError('IMR_ALREADY_EXISTS', 'The database already has accounts.'));
  const seeded = await seedDemo(store, options);
  if (!seeded.ok) return seeded;
  const summary = seeded.value;
  const accounts: DemoCredential[] = [];
  for (const a of DEMO_ACCOUNTS) {
    const reviewerId =
      a.username === 'reviewer'
        ? summary.reviewerId
        : a.username === 'reviewer2'
          ? summary.secondReviewerId
          : undefined;
    if (a.role === 'reviewer' && reviewerId === undefined) continue;
    const password = options.password?.(a.username) ?? randomBytes(12).toString('base64url');
    accounts.push({
      username: a.username,
      password,
      role: a.role,
      ...(reviewerId === undefined ? {} : { reviewerId }),
    });
  }
  const hashes = await Promise.all(accounts.map((a) => hashPassword(a.password)));
  const written = await store.transaction(async (tx) => {
    for (const [i, a] of accounts.entries()) {
      const spec = DEMO_ACCOUNTS.find((d) => d.username === a.username);
      const user = await users.create(tx, {
        username: a.username,
        displayName: spec?.displayName ?? a.username,
        role: a.role,
        ...(a.reviewerId === undefined ? {} : { reviewerId: a.reviewerId }),
        passwordHash: hashes[i] as string,
        active: true,
      });
      await appendAudit(tx, {
        at: options.now,
        actor: 'system',
        action: 'user.created',
        entityType: 'user',
        entityId: String(user.id),
        requestId: 'demo-seed',
        details: { role: user.role, demo: true },
      });
    }
  });
  if (!written.ok) return written;
  return ok({ accounts, summary });
}
