import { type ImrError, ImrFailure, imrError } from '../domain/errors.js';

/**
 * Driver errors (better-sqlite3, pg, the network) turned into coded errors. Only codes travel:
 * driver messages and details can quote the values of a row, which may be PHI.
 */

function codeOf(thrown: unknown): string | undefined {
  if (typeof thrown !== 'object' || thrown === null) return undefined;
  const code = (thrown as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  // Node reports a refused connection to several addresses (::1 and 127.0.0.1) as an AggregateError.
  const inner = (thrown as { errors?: unknown }).errors;
  if (Array.isArray(inner)) return inner.map(codeOf).find((c) => c !== undefined);
  return undefined;
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'EAI_AGAIN',
  'EPIPE',
]);
/** pg errors without a code (pool and socket trouble). */
const PG_CONNECTION_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Cannot use a pool after calling end/;

export function isUniqueViolation(thrown: unknown): boolean {
  const code = codeOf(thrown);
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

export function isForeignKeyViolation(thrown: unknown): boolean {
  const code = codeOf(thrown);
  return code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

function isUnavailable(thrown: unknown, code: string | undefined): boolean {
  if (code !== undefined) {
    if (NETWORK_CODES.has(code)) return true;
    // PostgreSQL: connection exceptions, shutdown, too many connections, no such database, bad login.
    if (/^08/.test(code) || /^57P0[1-3]$/.test(code) || ['53300', '3D000', '28000', '28P01'].includes(code))
      return true;
    if (/^SQLITE_(BUSY|LOCKED|CANTOPEN|IOERR|FULL|READONLY|CORRUPT|NOTADB)/.test(code)) return true;
  }
  return thrown instanceof Error && PG_CONNECTION_MESSAGES.test(thrown.message);
}

/**
 * The coded error for a failure the caller can act on, or undefined for a bug (which should stay
 * an exception, with its stack, until the transport boundary).
 */
export function storeErrorOf(thrown: unknown): ImrError | undefined {
  if (thrown instanceof ImrFailure) return thrown.error;
  const code = codeOf(thrown);
  const details = code === undefined ? undefined : { driverCode: code };
  if (isUniqueViolation(thrown)) return imrError('IMR_ALREADY_EXISTS', undefined, details);
  if (isForeignKeyViolation(thrown)) {
    return imrError('IMR_NOT_FOUND', 'The record refers to a record that does not exist.', details);
  }
  // PostgreSQL serialization failure and deadlock: a concurrent change won; retrying may succeed.
  if (code === '40001' || code === '40P01') return imrError('IMR_CONFLICT', undefined, details);
  if (isUnavailable(thrown, code)) return imrError('IMR_STORE_UNAVAILABLE', undefined, details);
  return undefined;
}

export function fail(error: ImrError): never {
  throw new ImrFailure(error);
}
