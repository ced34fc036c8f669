import { imrError } from '../../domain/errors.js';
import { fail } from '../db-errors.js';

export function notFound(entity: string, id: number): never {
  return fail(imrError('IMR_NOT_FOUND', undefined, { entity, id }));
}

/** Page size: at least 1, at most `max`. */
export function clampLimit(limit: number | undefined, fallback: number, max: number): number {
  return Math.min(Math.max(Math.trunc(limit ?? fallback), 1), max);
}
