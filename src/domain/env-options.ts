import { type ImrError, imrError } from './errors.js';
import { err, ok, type Result } from './result.js';

/**
 * Reading settings from environment variables (the caller passes `process.env`; nothing here reads
 * it). Used by the server's configuration and by the OCR and PDF-worker options.
 */

export type Env = Readonly<Record<string, string | undefined>>;

/** `env[name]` as a whole number from `min` to `max`; `fallback` when unset or blank. */
export function wholeFromEnv(
  env: Env,
  name: string,
  fallback: number,
  min: number,
  max: number,
): Result<number, ImrError> {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return ok(fallback);
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    return err(imrError('IMR_VALIDATION', `${name} must be a whole number from ${min} to ${max}.`));
  }
  return ok(n);
}
