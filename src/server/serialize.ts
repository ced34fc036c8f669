import type { FastifySerializerCompiler } from 'fastify';
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import type { z } from 'zod';

/**
 * Response bodies. Handlers build exactly the contract's shapes, so in production a body is written
 * as it is (`JSON.stringify`). With `check` on (tests, and `IMR_CHECK_RESPONSES=true`) every body is
 * also parsed with the route's zod schema, and a body with a field the schema does not declare is an
 * error: the tests, which call every route, hold each handler to its contract, and nothing private
 * (a storage path, a password hash) can ride along unnoticed.
 */

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

export function responseSerializer(check: boolean): FastifySerializerCompiler<z.ZodType> {
  return ({ schema, method, url }) => {
    if (!check) return (data) => JSON.stringify(data);
    return (data) => {
      const parsed = schema.safeParse(data);
      if (!parsed.success) throw new ResponseSerializationError(method, url, { cause: parsed.error });
      const sent = JSON.stringify(canonical(JSON.parse(JSON.stringify(data))));
      const declared = JSON.stringify(canonical(JSON.parse(JSON.stringify(parsed.data))));
      if (sent !== declared) {
        throw new Error(`The response of ${method} ${url} carries fields its schema does not declare.`);
      }
      return JSON.stringify(data);
    };
  };
}
