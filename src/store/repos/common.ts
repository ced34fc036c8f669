import { imrError } from '../../domain/errors.js';
import { fail } from '../db-errors.js';

export function notFound(entity: string, id: number): never {
  return fail(imrError('IMR_NOT_FOUND', undefined, { entity, id }));
}

/** Page size: at least 1, at most `max`. */
export function clampLimit(limit: number | undefined, fallback: number, max: number): number {
  return Math.min(Math.max(Math.trunc(limit ?? fallback), 1), max);
}

/** Rows per multi-row INSERT: far below SQLite's and PostgreSQL's limits on bound values per statement. */
export const ROWS_PER_INSERT = 200;

/** `rows` in runs of at most `size`, for multi-row INSERTs. */
export function chunks<T>(rows: readonly T[], size: number = ROWS_PER_INSERT): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
