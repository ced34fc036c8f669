import type { RouteBody, RouteName, RouteParams, RouteQuery, RouteResponse, Routes } from './contract.ts';
import { API_BASE, request } from './http.ts';

/**
 * The routes the app calls: method and path repeated from the contract, and checked against its
 * literal types (`satisfies`), so a route the server moves or renames fails `npm run typecheck`.
 */
const ROUTE_TABLE = {
  login: { method: 'POST', path: '/api/v1/auth/login' },
  logout: { method: 'POST', path: '/api/v1/auth/logout' },
  session: { method: 'GET', path: '/api/v1/auth/session' },
  queue: { method: 'GET', path: '/api/v1/queue' },
  intake: { method: 'POST', path: '/api/v1/cases' },
  caseDetail: { method: 'GET', path: '/api/v1/cases/:caseId' },
  screen: { method: 'POST', path: '/api/v1/cases/:caseId/screening' },
  candidates: { method: 'GET', path: '/api/v1/cases/:caseId/reviewer-candidates' },
  assign: { method: 'POST', path: '/api/v1/cases/:caseId/assignment' },
  notice: { method: 'POST', path: '/api/v1/cases/:caseId/notice' },
  records: { method: 'POST', path: '/api/v1/cases/:caseId/records' },
  supplementalRecords: { method: 'POST', path: '/api/v1/cases/:caseId/supplemental-records' },
  close: { method: 'POST', path: '/api/v1/cases/:caseId/close' },
  expedite: { method: 'POST', path: '/api/v1/cases/:caseId/expedite' },
  extend: { method: 'POST', path: '/api/v1/cases/:caseId/extension' },
  terminate: { method: 'POST', path: '/api/v1/cases/:caseId/termination' },
  operationPreview: { method: 'GET', path: '/api/v1/cases/:caseId/operations/preview' },
  caseTimeline: { method: 'GET', path: '/api/v1/cases/:caseId/timeline' },
  document: { method: 'GET', path: '/api/v1/cases/:caseId/documents/:documentId' },
  documentContent: { method: 'GET', path: '/api/v1/cases/:caseId/documents/:documentId/content' },
  review: { method: 'GET', path: '/api/v1/cases/:caseId/review' },
  determine: { method: 'POST', path: '/api/v1/cases/:caseId/determination' },
  letterPreview: { method: 'GET', path: '/api/v1/cases/:caseId/letter/preview' },
  approveLetter: { method: 'POST', path: '/api/v1/cases/:caseId/letter/approval' },
  issueLetter: { method: 'POST', path: '/api/v1/cases/:caseId/letter/issue' },
  letter: { method: 'GET', path: '/api/v1/cases/:caseId/letters/:letterId' },
  letterFile: { method: 'GET', path: '/api/v1/cases/:caseId/letters/:letterId/file' },
  dashboard: { method: 'GET', path: '/api/v1/dashboard' },
  searchLetters: { method: 'GET', path: '/api/v1/search/letters' },
  publishedLetter: { method: 'GET', path: '/api/v1/published-letters/:letterId' },
  listUsers: { method: 'GET', path: '/api/v1/users' },
  createUser: { method: 'POST', path: '/api/v1/users' },
  updateUser: { method: 'PATCH', path: '/api/v1/users/:userId' },
  listReviewers: { method: 'GET', path: '/api/v1/reviewers' },
  createReviewer: { method: 'POST', path: '/api/v1/reviewers' },
  updateReviewer: { method: 'PATCH', path: '/api/v1/reviewers/:reviewerId' },
  addCredential: { method: 'POST', path: '/api/v1/reviewers/:reviewerId/credentials' },
  removeCredential: { method: 'DELETE', path: '/api/v1/reviewers/:reviewerId/credentials/:credentialId' },
  addAffiliation: { method: 'POST', path: '/api/v1/reviewers/:reviewerId/affiliations' },
  updateAffiliation: { method: 'PATCH', path: '/api/v1/reviewers/:reviewerId/affiliations/:affiliationId' },
  removeAffiliation: { method: 'DELETE', path: '/api/v1/reviewers/:reviewerId/affiliations/:affiliationId' },
  // Letter integrity (issue 11)
  returnToReviewer: { method: 'POST', path: '/api/v1/cases/:caseId/letter/return' },
} as const satisfies { readonly [N in RouteName]?: Pick<Routes[N], 'method' | 'path'> };

export type CalledRoute = keyof typeof ROUTE_TABLE;

type IfAny<T, K extends string> = [T] extends [never] ? { readonly [P in K]?: never } : { readonly [P in K]: T };
type QueryArg<N extends RouteName> = [RouteQuery<N>] extends [never]
  ? { readonly query?: never }
  : { readonly query?: RouteQuery<N> };
export type CallArgs<N extends RouteName> = IfAny<RouteParams<N>, 'params'> &
  IfAny<RouteBody<N>, 'body'> &
  QueryArg<N> & { readonly signal?: AbortSignal };

/** `/api/v1/cases/:caseId` with `{ caseId: 7 }` → `/cases/7` (relative to API_BASE). */
export function fillPath(path: string, params: object | undefined): string {
  const values = (params ?? {}) as Record<string, string | number>;
  const filled = path.replace(/:([a-zA-Z]+)/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
  return filled.startsWith(API_BASE) ? filled.slice(API_BASE.length) : filled;
}

/** Calls a route of the contract; the arguments and the answer are typed by it. */
export function call<N extends CalledRoute>(name: N, args: CallArgs<N>): Promise<RouteResponse<N>> {
  const route = ROUTE_TABLE[name];
  const a = args as {
    params?: object;
    body?: unknown;
    query?: Record<string, string | number | undefined>;
    signal?: AbortSignal;
  };
  return request<RouteResponse<N>>(fillPath(route.path, a.params), {
    method: route.method,
    ...(a.body === undefined ? {} : { body: a.body }),
    ...(a.query === undefined ? {} : { query: a.query }),
    ...(a.signal === undefined ? {} : { signal: a.signal }),
  });
}

/** The URL of a file route (a download link; GET needs no CSRF token). */
export function fileUrl<N extends 'letterFile' | 'documentContent'>(
  name: N,
  params: RouteParams<N>,
  disposition: 'attachment' | 'inline' = 'attachment',
): string {
  return `${API_BASE}${fillPath(ROUTE_TABLE[name].path, params as object)}?disposition=${disposition}`;
}

/** A document to send as a file part (multipart), described by title and kind. */
export interface OutgoingDocument {
  readonly name: string;
  readonly title: string;
  readonly kind: string;
  readonly mime: string;
  readonly bytes: Uint8Array;
}

type DocumentRoute = 'intake' | 'records' | 'supplementalRecords' | 'expedite';

/**
 * A command that carries documents, sent as `multipart/form-data` (the contract's form: a `body`
 * field with the JSON without `documents`, a `documents` field describing the file parts in order,
 * then one file part per document), so large PDFs do not travel as base64 inside JSON.
 */
export function callWithDocuments<N extends DocumentRoute>(
  name: N,
  args: IfAny<RouteParams<N>, 'params'> & { readonly body: Omit<RouteBody<N>, 'documents'> },
  documents: readonly OutgoingDocument[],
): Promise<RouteResponse<N>> {
  const form = new FormData();
  form.set('body', JSON.stringify(args.body));
  form.set('documents', JSON.stringify(documents.map((d) => ({ title: d.title, kind: d.kind }))));
  for (const d of documents) {
    form.append('file', new Blob([d.bytes as Uint8Array<ArrayBuffer>], { type: d.mime }), d.name);
  }
  const params = (args as { params?: object }).params;
  return request<RouteResponse<N>>(fillPath(ROUTE_TABLE[name].path, params), {
    method: ROUTE_TABLE[name].method,
    body: form,
  });
}
