import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { FastifySerializerCompiler } from 'fastify';
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import type { z } from 'zod';

/**
 * Response bodies. Handlers build exactly the contract's shapes, so in production a body is written
 * as it is (`JSON.stringify`). With `check` on (tests, and `IMR_CHECK_RESPONSES=true`) every body is
 * also parsed with the route's zod schema, and a body with a field the schema does not declare is an
 * error: the tests, which call every route, hold each handler to its contract, and nothing private
 * (a storage path, a password hash) can ride along unnoticed. Kept bodies (`SerializedBody`) are
 * checked the same way once, when they are made.
 */

const gzipAsync = promisify(gzip);

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

/**
 * The JSON of a response body; with `check`, first parsed with `schema`, and refused when it carries
 * a field the schema does not declare.
 */
export function responseJson(schema: z.ZodType, data: unknown, check: boolean, method: string, url: string): string {
  if (!check) return JSON.stringify(data);
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new ResponseSerializationError(method, url, { cause: parsed.error });
  const sent = JSON.stringify(canonical(JSON.parse(JSON.stringify(data))));
  const declared = JSON.stringify(canonical(JSON.parse(JSON.stringify(parsed.data))));
  if (sent !== declared) {
    throw new Error(`The response of ${method} ${url} carries fields its schema does not declare.`);
  }
  return JSON.stringify(data);
}

export function responseSerializer(check: boolean): FastifySerializerCompiler<z.ZodType> {
  return ({ schema, method, url }) =>
    check ? (data) => responseJson(schema, data, true, method, url) : (data) => JSON.stringify(data);
}

/** Bodies smaller than this are sent as they are, never compressed. */
const GZIP_FROM_BYTES = 1024;

/**
 * A body already written as JSON (a kept response, `response-cache.ts`): a handler may return one
 * instead of the object, and it is sent as it is — gzip-compressed, once, for clients that accept it.
 * Whoever makes one checks it first (`responseJson`).
 */
export class SerializedBody {
  readonly json: Buffer;
  /** The cases whose data the body shows (kept with it, for the audit of each read). */
  readonly caseIds: readonly number[];
  #gzip: Promise<Buffer> | undefined;

  constructor(json: string, caseIds: readonly number[] = []) {
    this.json = Buffer.from(json);
    this.caseIds = caseIds;
  }

  /** Whether a client that accepts gzip gets it compressed. */
  get compressible(): boolean {
    return this.json.length >= GZIP_FROM_BYTES;
  }

  /** The body gzip-compressed (made on first use, then kept with the body). */
  gzip(): Promise<Buffer> {
    this.#gzip ??= gzipAsync(this.json);
    return this.#gzip;
  }
}

/** Whether an Accept-Encoding header accepts gzip (named, with a quality above 0). */
export function acceptsGzip(header: string | undefined): boolean {
  if (header === undefined) return false;
  for (const part of header.split(',')) {
    const [coding, ...params] = part.split(';').map((x) => x.trim().toLowerCase());
    if (coding !== 'gzip' && coding !== 'x-gzip') continue;
    const q = params.find((x) => x.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  }
  return false;
}
