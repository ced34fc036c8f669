/**
 * The one way the app talks to the server: JSON over HTTP under /api/v1, the session cookie sent by
 * the browser, and the CSRF token (given at sign-in) on every mutating request. Errors come back as
 * `ApiError` with the server's stable code and message, so pages can say what went wrong.
 */

export const API_BASE = '/api/v1';

/** A wrong field of a request (IMR_VALIDATION): its path in the body and what to do. */
export interface FieldProblem {
  readonly path: string;
  readonly message: string;
}

export interface ErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly details?: unknown;
    readonly fields?: readonly FieldProblem[];
  };
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  /** For IMR_VALIDATION: every wrong field, by its path in the request body. */
  readonly fields: readonly FieldProblem[];
  constructor(status: number, code: string, message: string, details?: unknown, fields?: readonly FieldProblem[]) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.fields = fields ?? [];
  }
}

let csrfToken: string | undefined;

/** Kept in memory only: a reload asks the server again (GET /auth/session). */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** Called when any request answers 401, so the app can return to the sign-in page. */
let onUnauthenticated: (() => void) | undefined;
export function setUnauthenticatedHandler(fn: (() => void) | undefined): void {
  onUnauthenticated = fn;
}

function isErrorBody(v: unknown): v is ErrorBody {
  if (typeof v !== 'object' || v === null || !('error' in v)) return false;
  const e = (v as { error: unknown }).error;
  return typeof e === 'object' && e !== null && 'code' in e && 'message' in e;
}

const FALLBACK: Record<number, string> = {
  401: 'Your session has ended. Sign in again.',
  403: 'Your role does not allow this.',
  404: 'Not found.',
  413: 'The file is larger than the size limit.',
  415: 'The file type is not accepted.',
};

async function toError(res: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    body = undefined;
  }
  if (isErrorBody(body)) {
    const fields = Array.isArray(body.error.fields) ? body.error.fields : undefined;
    return new ApiError(res.status, body.error.code, body.error.message, body.error.details, fields);
  }
  return new ApiError(
    res.status,
    `HTTP_${res.status}`,
    FALLBACK[res.status] ?? `The server answered ${res.status} ${res.statusText}.`,
  );
}

export interface RequestOptions {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** A JSON body, or FormData for uploads (the browser sets the multipart boundary). */
  readonly body?: unknown;
  readonly query?: Record<string, string | number | boolean | undefined | readonly string[]>;
  readonly signal?: AbortSignal;
}

export function apiUrl(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === '') continue;
    if (Array.isArray(v)) for (const x of v) params.append(k, String(x));
    else params.set(k, String(v));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs === '' ? '' : `?${qs}`}`;
}

export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) body = opts.body;
  else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (method !== 'GET' && csrfToken !== undefined) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(apiUrl(path, opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      ...(body === undefined ? {} : { body }),
      ...(opts.signal === undefined ? {} : { signal: opts.signal }),
    });
  } catch (thrown) {
    if (thrown instanceof DOMException && thrown.name === 'AbortError') throw thrown;
    throw new ApiError(0, 'NETWORK', 'The server could not be reached. Check your connection and try again.');
  }
  if (!res.ok) {
    const error = await toError(res);
    if (res.status === 401 && onUnauthenticated !== undefined && !path.startsWith('/auth/')) onUnauthenticated();
    throw error;
  }
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('json')) return (await res.text()) as T;
  return (await res.json()) as T;
}

/** A readable sentence for any error a request can throw. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error) return e.message;
  return 'Something went wrong.';
}
