import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { type ImrError, ImrFailure, imrError } from '../domain/errors.js';
import type { Result } from '../domain/result.js';
import { gate } from './auth.js';
import { ErrorBody, IdParam, ROUTES, type RouteName, type RouteSpec } from './contract.js';
import { sendError } from './errors.js';
import { holdsControlCharacters } from './request-guards.js';
import { acceptsGzip, SerializedBody } from './serialize.js';
import { multipartToJson } from './uploads.js';

/**
 * Registers a route of the contract table: its schemas (validated by zod; the response checked on
 * the way out), its OpenAPI description, and the gate (session, role, CSRF) before anything else.
 * Handlers get parsed input and return the response body (or a kept one, already JSON), or throw a
 * coded failure (`unwrap`).
 */

type Spec<N extends RouteName> = (typeof ROUTES)[N];
type Part<N extends RouteName, K extends 'params' | 'query' | 'body'> =
  Spec<N> extends {
    [P in K]: infer S extends z.ZodType;
  }
    ? z.output<S>
    : undefined;

export interface FileBody {
  readonly file: Uint8Array;
  readonly mime: string;
  readonly filename: string;
  readonly disposition: 'attachment' | 'inline';
}

/** Domain results are readonly throughout; a handler may return them as they are. */
type DeepReadonly<T> = T extends (infer E)[]
  ? readonly DeepReadonly<E>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

type Output<N extends RouteName> = Spec<N>['response'] extends infer R extends z.ZodType
  ? DeepReadonly<z.output<R>>
  : FileBody;

/** The parsed query of route `N` (defaults applied). */
export type RouteQueryOut<N extends RouteName> = Part<N, 'query'>;

/** What a route's handler returns (its response body, domain values readonly as they are). */
export type ResponseOf<N extends RouteName> = Output<N>;

export interface RouteInput<N extends RouteName> {
  readonly params: Part<N, 'params'>;
  readonly query: Part<N, 'query'>;
  readonly body: Part<N, 'body'>;
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
}

/** The value of a result, or a thrown coded failure (turned into the error response). */
export function unwrap<T>(result: Result<T, ImrError>): T {
  if (!result.ok) throw new ImrFailure(result.error);
  return result.value;
}

export function failWith(error: ImrError): never {
  throw new ImrFailure(error);
}

/** Not found — also what a reviewer gets for a case that is not theirs, so existence does not leak. */
export function notFound(entity: string): never {
  throw new ImrFailure(imrError('IMR_NOT_FOUND', `No such ${entity}.`, { entity }));
}

/**
 * What every route of an app shares beyond the contract (app.ts sets it before registering routes).
 * Routes whose path names a `:caseId` get the case gate before their body is read: one answer (404,
 * `notFound`) for a case that does not exist and for one the caller may not see, on every case route.
 */
export interface RouteGuards {
  /** Per-file and total byte limits of multipart uploads. */
  readonly uploads: { readonly fileLimit: number; readonly totalLimit: number };
  /** Throws the case's 404 when the case does not exist or the caller may not see it (and audits that). */
  caseGate(request: FastifyRequest, caseId: number, route: RouteName): Promise<void>;
  /** A signed-in caller's role was refused on a case route (audited). */
  roleRefused(request: FastifyRequest, caseId: number | undefined, route: RouteName): Promise<void>;
}

const guardsOf = new WeakMap<FastifyInstance, RouteGuards>();

export function setRouteGuards(app: FastifyInstance, guards: RouteGuards): void {
  guardsOf.set(app, guards);
}

/** Whether a route's path names a case (`/api/v1/cases/:caseId…`). */
export function takesCase(spec: RouteSpec): boolean {
  return spec.path.includes('/:caseId');
}

function caseIdOf(params: unknown): number | undefined {
  const parsed = IdParam.safeParse((params as { caseId?: unknown } | undefined)?.caseId);
  return parsed.success ? parsed.data : undefined;
}

export function addRoute<N extends RouteName>(
  app: FastifyInstance,
  name: N,
  handler: (input: RouteInput<N>) => Promise<Output<N> | SerializedBody>,
): void {
  const spec: RouteSpec = ROUTES[name];
  const guards = guardsOf.get(app);
  if (guards === undefined) throw new Error('setRouteGuards(app, …) must come before addRoute');
  const caseRoute = takesCase(spec);
  const response: Record<string, z.ZodType> = { '4xx': ErrorBody, '5xx': ErrorBody };
  if (spec.response !== 'file') response['200'] = spec.response;
  app.route({
    method: spec.method,
    url: spec.path,
    schema: {
      tags: [spec.tag],
      summary: spec.summary,
      description:
        spec.access === 'public'
          ? 'Public.'
          : spec.access === 'signed-in'
            ? 'Any signed-in user.'
            : `Roles: ${spec.access.join(', ')}.`,
      ...(spec.access === 'public' ? {} : { security: [{ session: [] }] }),
      ...(spec.params === undefined ? {} : { params: spec.params }),
      ...(spec.query === undefined ? {} : { querystring: spec.query }),
      ...(spec.body === undefined ? {} : { body: spec.body }),
      response,
    },
    onRequest: async (request, reply) => {
      const role = request.signedIn?.user.role;
      if (caseRoute && role !== undefined && Array.isArray(spec.access) && !spec.access.includes(role)) {
        // Refused for the role (the gate answers 403 next): on a case route, that is audited first.
        await guards.roleRefused(request, caseIdOf(request.params), name);
      }
      if (!gate(request, reply, spec.access)) return reply;
      return undefined;
    },
    ...(spec.body === undefined && !caseRoute
      ? {}
      : {
          preValidation: async (request: FastifyRequest, reply: FastifyReply) => {
            // The case first, before the body is read or judged: a case that is missing or not the
            // caller's gets its one 404 whatever was sent (an id that is not one: validation's 400).
            const caseId = caseRoute ? caseIdOf(request.params) : undefined;
            if (caseId !== undefined) await guards.caseGate(request, caseId, name);
            if (spec.body === undefined) return undefined;
            // Uploads arrive as multipart only where the contract says so; either way the body is JSON
            // by now, and no string in it may hold a control character (NUL…) before it is validated.
            if (request.isMultipart()) {
              if (spec.uploads !== true) return sendError(reply, request, imrError('IMR_MEDIA_TYPE_UNSUPPORTED'));
              const parsed = await multipartToJson(request, guards.uploads);
              if (!parsed.ok) return sendError(reply, request, parsed.error);
              request.body = parsed.value;
            }
            if (holdsControlCharacters(request.body)) {
              return sendError(reply, request, imrError('IMR_CONTROL_CHARACTERS'));
            }
            return undefined;
          },
        }),
    handler: async (request, reply) => {
      const out = await handler({
        params: request.params as Part<N, 'params'>,
        query: request.query as Part<N, 'query'>,
        body: request.body as Part<N, 'body'>,
        request,
        reply,
      });
      reply.header('cache-control', 'no-store');
      if (out instanceof SerializedBody) {
        reply.type('application/json; charset=utf-8');
        if (!out.compressible) return reply.send(out.json);
        reply.header('vary', 'accept-encoding');
        if (!acceptsGzip(request.headers['accept-encoding'])) return reply.send(out.json);
        return reply.header('content-encoding', 'gzip').send(await out.gzip());
      }
      if (spec.response === 'file') {
        const f = out as FileBody;
        const safeName = f.filename.replace(/[^A-Za-z0-9._-]/g, '_');
        return reply
          .type(f.mime)
          .header('content-disposition', `${f.disposition}; filename="${safeName}"`)
          .header('x-content-type-options', 'nosniff')
          .send(Buffer.from(f.file.buffer, f.file.byteOffset, f.file.byteLength));
      }
      return out;
    },
  });
}
