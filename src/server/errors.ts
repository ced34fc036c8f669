import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { type ErrorCode, fieldsInvalid, httpStatusOf, type ImrError, ImrFailure, imrError } from '../domain/errors.js';
import { fieldProblemsOf } from '../domain/plain-issues.js';

/**
 * Everything thrown in a route becomes a coded error here, once (STYLE.md §4): `{ error: { code,
 * message, details? }, requestId }` with the status the code table gives. Validation messages name
 * the field and the rule, never the value (it may be PHI).
 */

export function sendError(reply: FastifyReply, request: FastifyRequest, error: ImrError): FastifyReply {
  return reply
    .code(httpStatusOf(error.code))
    .header('cache-control', 'no-store')
    .send({
      error: {
        code: error.code,
        message: error.message,
        ...(error.details === undefined ? {} : { details: error.details }),
        ...(error.fields === undefined ? {} : { fields: error.fields }),
      },
      requestId: request.id,
    });
}

/** Fastify's own error codes that are the client's doing. */
export const FASTIFY_CODES: Readonly<Record<string, ErrorCode>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'IMR_INPUT_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'IMR_MEDIA_TYPE_UNSUPPORTED',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'IMR_VALIDATION',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'IMR_JSON_INVALID',
  FST_ERR_CTP_INVALID_JSON_BODY: 'IMR_JSON_INVALID',
  FST_ERR_BAD_URL: 'IMR_URL_INVALID',
  FST_ERR_MAX_PARAM_LENGTH: 'IMR_URL_TOO_LONG',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'IMR_MULTIPART_INVALID',
  FST_PROTO_VIOLATION: 'IMR_MULTIPART_INVALID',
  FST_MP_PREMATURE_CLOSE: 'IMR_MULTIPART_INVALID',
  FST_REQ_FILE_TOO_LARGE: 'IMR_INPUT_TOO_LARGE',
  FST_PARTS_LIMIT: 'IMR_TOO_MANY_PARTS',
  FST_FILES_LIMIT: 'IMR_TOO_MANY_PARTS',
  FST_FIELDS_LIMIT: 'IMR_TOO_MANY_PARTS',
};

export function codedErrorOf(error: unknown): { error: ImrError; bug: boolean } {
  if (error instanceof ImrFailure) return { error: error.error, bug: false };
  const carried = (error as { imr?: ImrError } | null)?.imr;
  if (carried !== undefined) return { error: carried, bug: false };
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'request';
    const fields = fieldProblemsOf(
      error.validation.map((v) => ({
        ...(v.params as Record<string, unknown>),
        code: v.keyword,
        message: v.message ?? '',
        path: (v.instancePath ?? '')
          .replace(/^\//, '')
          .split('/')
          .filter((p) => p !== ''),
      })),
    );
    return { error: fieldsInvalid(where, fields), bug: false };
  }
  if (isResponseSerializationError(error)) return { error: imrError('IMR_INTERNAL'), bug: true };
  const fe = error as Partial<FastifyError>;
  if (typeof fe.code === 'string' && FASTIFY_CODES[fe.code] !== undefined) {
    return { error: imrError(FASTIFY_CODES[fe.code] as ErrorCode), bug: false };
  }
  if (fe.statusCode === 429) return { error: imrError('IMR_RATE_LIMITED'), bug: false };
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return { error: imrError(fe.statusCode === 404 ? 'IMR_NOT_FOUND' : 'IMR_VALIDATION'), bug: false };
  }
  return { error: imrError('IMR_INTERNAL'), bug: true };
}

/**
 * `htmlFallback`: the web app's routes (/cases/12…) are the browser's, so a GET outside /api that
 * asks for HTML gets the app's index.html (served by @fastify/static) instead of a 404.
 */
export function installErrorHandling(app: FastifyInstance, options: { readonly htmlFallback: boolean }): void {
  app.setErrorHandler((error, request, reply) => {
    const { error: coded, bug } = codedErrorOf(error);
    if (bug) {
      // The error's name, code and stack only: messages of driver or validation errors can quote input.
      const e = error as Partial<FastifyError>;
      const frames = e.stack?.split('\n').slice(1).join('\n');
      request.log.error({ err: { type: e.name, code: e.code, stack: frames } }, 'unhandled error');
    }
    return sendError(reply, request, coded);
  });
  app.setNotFoundHandler((request, reply) => {
    if (
      options.htmlFallback &&
      request.method === 'GET' &&
      !request.url.startsWith('/api') &&
      request.headers.accept?.includes('text/html') === true
    ) {
      return reply.type('text/html').sendFile('index.html');
    }
    return sendError(reply, request, imrError('IMR_NOT_FOUND', 'No such route.', { method: request.method }));
  });
}

/**
 * Errors Fastify meets while routing, before any hook (a path segment over the router's length limit,
 * malformed percent-encoding): coded like the rest, without the URL in the body.
 */
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  void sendError(reply, request, codedErrorOf(error).error);
}

/** The whole HTTP response for a request Node's parser refused: a coded body, the connection closed. */
export function rawErrorResponse(code: ErrorCode): string {
  const status = httpStatusOf(code);
  const body = JSON.stringify({ error: { code, message: imrError(code).message }, requestId: randomUUID() });
  return [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Cache-Control: no-store',
    'X-Content-Type-Options: nosniff',
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

/**
 * Requests Node's HTTP parser refuses before Fastify sees them (`clientError`): headers over
 * `maxHeaderSize` (431), a request that was not received in time (408), bytes that are not HTTP (400).
 * Answered with a coded body — never the request line or headers back — and the connection closed.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const code: ErrorCode =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? 'IMR_HEADERS_TOO_LARGE'
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? 'IMR_REQUEST_TIMEOUT'
        : 'IMR_HTTP_MALFORMED';
  if (socket.writable) socket.end(rawErrorResponse(code));
  socket.destroySoon();
}
