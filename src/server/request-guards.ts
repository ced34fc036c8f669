import type { FastifyInstance } from 'fastify';
import { imrError } from '../domain/errors.js';
import { clientErrorHandler, frameworkErrorHandler, sendError } from './errors.js';

/**
 * Limits and checks every request meets before a route sees it, so that hostile input gets a coded
 * 4xx (errors.ts) and never reaches a handler, a driver or Node's own error page:
 * - Node's parser refuses a request line and headers over `MAX_HEADER_BYTES`: a coded 431
 *   (`clientErrorHandler`, as for bytes that are not HTTP: 400, and a request not received in time: 408);
 * - a URL over `MAX_URL_LENGTH` is a coded 414, and a path segment (an id) over `MAX_PARAM_LENGTH` a
 *   coded 414 from the router (`frameworkErrorHandler`; so is malformed percent-encoding, a 400);
 * - a percent-encoded control character (NUL, C0, DEL) anywhere in the URL is a coded 400 — no id or
 *   query takes one (search would otherwise hand a NUL to the database);
 * - bodies are JSON, or multipart/form-data on the routes that take uploads (route.ts): text/plain,
 *   forms and anything else are a coded 415.
 * None of these answers echoes the URL or the headers.
 */

export const MAX_HEADER_BYTES = 16 * 1024;
export const MAX_URL_LENGTH = 8 * 1024;
export const MAX_PARAM_LENGTH = 200;

/** A percent-encoded C0 control character or DEL (raw ones never get past Node's parser). */
const ENCODED_CONTROL = /%(?:[01][0-9a-f]|7f)/i;

/** Control characters no text field takes (tab, line feed and carriage return are text). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Options for `Fastify(…)`. */
export const GUARD_OPTIONS = {
  routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
  http: { maxHeaderSize: MAX_HEADER_BYTES },
  clientErrorHandler,
  frameworkErrors: frameworkErrorHandler,
};

/** The URL checks (the first hook of all) and the media types the API takes. */
export function installRequestGuards(app: FastifyInstance): void {
  app.removeContentTypeParser('text/plain');
  app.addHook('onRequest', async (request, reply) => {
    const url = request.raw.url ?? '';
    if (url.length > MAX_URL_LENGTH) return sendError(reply, request, imrError('IMR_URL_TOO_LONG'));
    if (ENCODED_CONTROL.test(url)) return sendError(reply, request, imrError('IMR_CONTROL_CHARACTERS'));
    return undefined;
  });
}

/** Whether any string in a parsed JSON value (keys included) holds a control character. */
export function holdsControlCharacters(value: unknown): boolean {
  if (typeof value === 'string') return CONTROL_IN_TEXT.test(value);
  if (Array.isArray(value)) return value.some(holdsControlCharacters);
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (CONTROL_IN_TEXT.test(k) || holdsControlCharacters(v)) return true;
    }
  }
  return false;
}
