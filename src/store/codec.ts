import type { z } from 'zod';
import { imrError } from '../domain/errors.js';
import { fail } from './db-errors.js';

/**
 * Domain record ⇄ table row. Column names are the field names in snake_case; JSON fields travel
 * as JSON text and booleans as 0/1 (both dialects accept those, see schema.ts); NULL columns become
 * absent fields. A codec lists every field of its record (the type checker holds it to that), and
 * the integration tests hold the migrations to the codecs.
 */

export type FieldKind = 'value' | 'json' | 'bool';
export type Fields<T> = { readonly [K in keyof Required<T>]: FieldKind };

export interface Codec<T> {
  readonly fields: Fields<T>;
  /** The column of a field. */
  column(field: keyof T & string): string;
  /** Row values for the fields present in `value`; `null` (clear) is kept, `undefined` skipped. */
  toRow(value: { readonly [K in keyof T]?: T[K] | null | undefined }): Record<string, unknown>;
  /**
   * A row for a multi-row INSERT: every column but `id`, NULL for the fields `value` lacks, so that
   * all rows of one statement name the same columns (SQLite has no DEFAULT in VALUES).
   */
  toInsertRow(value: { readonly [K in keyof T]?: T[K] | undefined }): Record<string, unknown>;
  fromRow(row: object): T;
}

export function snakeCase(field: string): string {
  return field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

export function codec<T>(fields: Fields<T>): Codec<T> {
  const byColumn = new Map<string, { field: string; kind: FieldKind }>();
  for (const [field, kind] of Object.entries(fields) as [string, FieldKind][]) {
    byColumn.set(snakeCase(field), { field, kind });
  }
  return {
    fields,
    column: (field) => snakeCase(field),
    toRow(value) {
      const row: Record<string, unknown> = {};
      for (const [field, v] of Object.entries(value)) {
        const kind = (fields as Record<string, FieldKind | undefined>)[field];
        if (kind === undefined || v === undefined) continue;
        row[snakeCase(field)] = v === null ? null : encode(kind, v);
      }
      return row;
    },
    toInsertRow(value) {
      const row: Record<string, unknown> = {};
      const given = value as Record<string, unknown>;
      for (const [field, kind] of Object.entries(fields) as [string, FieldKind][]) {
        if (field === 'id') continue;
        const v = given[field];
        row[snakeCase(field)] = v === undefined || v === null ? null : encode(kind, v);
      }
      return row;
    },
    fromRow(row) {
      const value: Record<string, unknown> = {};
      for (const [column, v] of Object.entries(row)) {
        const spec = byColumn.get(column);
        if (spec === undefined || v === null || v === undefined) continue;
        value[spec.field] = decode(spec.kind, v);
      }
      return value as T;
    },
  };
}

function encode(kind: FieldKind, v: unknown): unknown {
  switch (kind) {
    case 'json':
      return JSON.stringify(v);
    case 'bool':
      return v === true ? 1 : 0;
    case 'value':
      return v;
  }
}

function decode(kind: FieldKind, v: unknown): unknown {
  switch (kind) {
    case 'json':
      return typeof v === 'string' ? JSON.parse(v) : v;
    case 'bool':
      return readBool(v);
    case 'value':
      return v;
  }
}

/** SQLite gives 0/1, PostgreSQL true/false. */
export function readBool(v: unknown): boolean {
  return v === true || v === 1;
}

export function nowIso(): string {
  return new Date().toISOString();
}

/**
 * Validates input against its schema or throws IMR_VALIDATION. The message names the field and
 * the rule, never the value (it may be PHI).
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue === undefined || issue.path.length === 0 ? '' : ` at ${issue.path.join('.')}`;
  return fail(
    imrError('IMR_VALIDATION', `Invalid ${what}${where}: ${issue?.message ?? 'invalid input'}.`, {
      entity: what,
      ...(issue === undefined ? {} : { path: issue.path.join('.') }),
    }),
  );
}
