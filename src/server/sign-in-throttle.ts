import { createHash } from 'node:crypto';
import { type ImrError, imrError } from '../domain/errors.js';
import { type Store, signInThrottle, type ThrottleCount } from '../store/index.js';
import type { AppConfig } from './config.js';

/**
 * Failed sign-ins are limited per account (whatever the address: guessing one user's password from
 * many machines) and per client address (whatever the account: trying many users), in a window that
 * begins with the first failure; past either limit, attempts are refused without checking a password
 * until the window ends. The counts live in the database (`signInThrottle`), so every instance and a
 * restarted one see the same. Only failures count: an attempt is counted before its password is
 * checked (so concurrent attempts cannot all slip under the limit) and taken back when it succeeds;
 * a success also clears its account's count, not its address's (one good account must not reset an
 * address that is guessing others). Refused attempts are not counted (no password was tried).
 *
 * The account is counted under the name tried, known or not, so a refusal says nothing about whether
 * the account exists. Keys hold SHA-256 digests, never the name or the address.
 */

export type Admission =
  | { readonly admitted: true; readonly account: Counted; readonly address: Counted }
  | { readonly admitted: false; readonly error: ImrError; readonly retryAfterSeconds: number };

interface Counted {
  readonly key: string;
  readonly count: ThrottleCount;
}

function keyOf(kind: 'account' | 'address', value: string): string {
  return `${kind}:${createHash('sha256').update(value).digest('hex')}`;
}

function windowMs(config: AppConfig): number {
  return config.loginWindowMinutes * 60_000;
}

function refused(config: AppConfig, counted: ThrottleCount, now: string, limit: 'account' | 'address'): Admission {
  const ends = Date.parse(counted.windowStartedAt) + windowMs(config);
  const retryAfterSeconds = Math.max(1, Math.ceil((ends - Date.parse(now)) / 1000));
  return {
    admitted: false,
    retryAfterSeconds,
    error: imrError('IMR_RATE_LIMITED', 'Too many failed sign-ins; try again later.', { retryAfterSeconds, limit }),
  };
}

/**
 * Counts a sign-in attempt for `username` (as typed, normalized) from `address`, or refuses it.
 * One statement each, outside any transaction: counting does not move the change counter.
 */
export async function admitSignIn(
  store: Store,
  config: AppConfig,
  attempt: { readonly username: string; readonly address: string },
  now: string,
): Promise<Admission> {
  const cutoff = new Date(Date.parse(now) - windowMs(config)).toISOString();
  const addressKey = keyOf('address', attempt.address);
  const address = await signInThrottle.count(store, addressKey, now, cutoff);
  if (address.failures > config.loginAddressFailures) {
    await signInThrottle.uncount(store, addressKey, address.windowStartedAt);
    return refused(config, address, now, 'address');
  }
  const accountKey = keyOf('account', attempt.username);
  const account = await signInThrottle.count(store, accountKey, now, cutoff);
  if (account.failures > config.loginAccountFailures) {
    await Promise.all([
      signInThrottle.uncount(store, accountKey, account.windowStartedAt),
      signInThrottle.uncount(store, addressKey, address.windowStartedAt),
    ]);
    return refused(config, account, now, 'account');
  }
  return { admitted: true, account: { key: accountKey, count: account }, address: { key: addressKey, count: address } };
}

/** The attempt succeeded: it is not a failure, and its account starts afresh. */
export async function signInSucceeded(
  store: Store,
  config: AppConfig,
  admission: Admission & { admitted: true },
  now: string,
): Promise<void> {
  await signInThrottle.clear(store, admission.account.key);
  await signInThrottle.uncount(store, admission.address.key, admission.address.count.windowStartedAt);
  await purge(store, config, now);
}

/** The attempt failed: it stays counted. */
export async function signInFailed(store: Store, config: AppConfig, now: string): Promise<void> {
  await purge(store, config, now);
}

/** Counts whose window is over count nothing: dropped, so that the table stays small. */
async function purge(store: Store, config: AppConfig, now: string): Promise<void> {
  await signInThrottle.purge(store, new Date(Date.parse(now) - windowMs(config)).toISOString());
}
