import argon2 from 'argon2';

/**
 * Passwords: argon2id with OWASP's minimum parameters (19 MiB, 2 passes, 1 lane). The hash string
 * carries its parameters, so raising them later still verifies old hashes.
 */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

/** False for a wrong password or a malformed hash (never throws for those). */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;

/**
 * Verifies against a throw-away hash, so that signing in as an unknown user takes as long as with a
 * wrong password (the answer time does not tell which user names exist).
 */
export async function verifyNobody(password: string): Promise<false> {
  dummy ??= hashPassword('not-a-real-account-password');
  await verifyPassword(await dummy, password);
  return false;
}
