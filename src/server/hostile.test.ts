import { connect } from 'node:net';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserRole } from '../domain/case.js';
import type { ErrorCode } from '../domain/errors.js';
import { ERROR_CODES } from '../domain/errors.js';
import { ErrorBody, ROUTES, type RouteName, type RouteSpec, routePath } from './contract.js';
import { type Client, type TestServer, type TestUser, testServer } from './test-app.js';

/**
 * Hostile input never takes the service down: for every route of the contract (ROUTES, so a new
 * route is walked too), requests an attacker with an account can send — control characters in the
 * query, path and body, over-long and malformed ids, over-long URLs and headers, bodies of the wrong
 * media type, and every way a multipart upload can be broken — each answered with a coded 4xx
 * error body that does not echo what was sent. Never a 5xx, never Fastify's or Node's own body.
 */

const UPLOAD_LIMIT = 64 * 1024;

let t: TestServer;
const clients = new Map<UserRole, Client>();
const USER_OF_ROLE: Record<UserRole, TestUser> = {
  intake: 'intake',
  coordinator: 'coordinator',
  reviewer: 'reviewer',
  qa: 'qa',
  admin: 'admin',
};

beforeAll(async () => {
  t = await testServer({ uploadMaxBytes: UPLOAD_LIMIT });
  for (const role of Object.keys(USER_OF_ROLE) as UserRole[]) clients.set(role, await t.signIn(USER_OF_ROLE[role]));
}, 120_000);
afterAll(async () => {
  await t?.dispose();
});

const NAMES = Object.keys(ROUTES) as RouteName[];

function paramNames(spec: RouteSpec): string[] {
  return [...spec.path.matchAll(/:([a-zA-Z]+)/g)].map((m) => m[1] as string);
}

/** The route's path with every parameter 1, or `raw` (sent as it is, not encoded) for `param`. */
function pathWith(spec: RouteSpec, param?: string, raw?: string): string {
  const names = paramNames(spec);
  let path = routePath(spec.path, Object.fromEntries(names.map((n) => [n, n === param ? 'RAW' : 1])));
  if (param !== undefined && raw !== undefined) path = path.replace('RAW', raw);
  return path;
}

/**
 * A client of a role the route admits, and that reaches case 1 (not a reviewer, who reaches only
 * their own cases), so the request gets past the role and case checks to its input.
 */
function clientFor(spec: RouteSpec): Client {
  const role: UserRole =
    spec.access === 'public' || spec.access === 'signed-in'
      ? 'intake'
      : (spec.access.find((r) => r !== 'reviewer') ?? (spec.access[0] as UserRole));
  const c = clients.get(role);
  if (c === undefined) throw new Error(`no client for ${role}`);
  return c;
}

function queryKeys(spec: RouteSpec): string[] {
  const shape = (spec.query as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape === undefined ? [] : Object.keys(shape);
}

function expectCoded(r: LightMyRequestResponse, code: ErrorCode, echo?: string): void {
  expect(r.statusCode, r.body.slice(0, 300)).toBe(ERROR_CODES[code].status);
  expect(r.headers['content-type']).toMatch(/^application\/json/);
  const body = ErrorBody.parse(r.json());
  expect(body.error.code).toBe(code);
  expect(body.requestId).not.toBe('');
  if (echo !== undefined) expect(r.body).not.toContain(echo);
}

/** A multipart body from raw parts (`name`, optional file name and type, content). */
function multipart(
  boundary: string,
  parts: readonly { name: string; filename?: string; type?: string; content: string }[],
  end = true,
): string {
  const out = parts.map(
    (p) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${p.filename === undefined ? '' : `; filename="${p.filename}"`}\r\n${p.type === undefined ? '' : `Content-Type: ${p.type}\r\n`}\r\n${p.content}\r\n`,
  );
  return out.join('') + (end ? `--${boundary}--\r\n` : '');
}

const FIELDS = [
  { name: 'body', content: '{"expectedVersion":1}' },
  { name: 'documents', content: '[{"title":"Note","kind":"medical-record"}]' },
];
const FILE = { name: 'file', filename: 'note.txt', type: 'text/plain', content: 'A synthetic note.' };

/** Every way a multipart upload can be broken, with the code it must get. */
const MULTIPART_CASES: readonly { label: string; contentType: string; payload: string; code: ErrorCode }[] = [
  {
    label: 'no boundary',
    contentType: 'multipart/form-data',
    payload: multipart('b1', [...FIELDS, FILE]),
    code: 'IMR_MULTIPART_INVALID',
  },
  {
    label: 'an empty boundary',
    contentType: 'multipart/form-data; boundary=',
    payload: multipart('b1', [...FIELDS, FILE]),
    code: 'IMR_MULTIPART_INVALID',
  },
  {
    label: 'a boundary the body does not use',
    contentType: 'multipart/form-data; boundary=other',
    payload: multipart('b1', [...FIELDS, FILE]),
    code: 'IMR_MULTIPART_INVALID',
  },
  {
    label: 'a body cut short inside a part',
    contentType: 'multipart/form-data; boundary=b1',
    payload: multipart('b1', [...FIELDS, FILE], false).slice(0, -30),
    code: 'IMR_MULTIPART_INVALID',
  },
  {
    label: 'a body without its closing boundary',
    contentType: 'multipart/form-data; boundary=b1',
    payload: multipart('b1', [...FIELDS, FILE], false),
    code: 'IMR_MULTIPART_INVALID',
  },
  {
    label: 'garbage bytes',
    contentType: 'multipart/form-data; boundary=b1',
    payload: '\u0001\u0002garbage\r\n--b1\r\nnot a header\r\n\r\n\u00ff',
    code: 'IMR_MULTIPART_INVALID',
  },
  {
    label: 'a part without headers',
    contentType: 'multipart/form-data; boundary=b1',
    payload: '--b1\r\n\r\nvalue\r\n--b1--\r\n',
    code: 'IMR_MULTIPART_INVALID',
  },
  {
    label: 'a body field that is not JSON',
    contentType: 'multipart/form-data; boundary=b1',
    payload: multipart('b1', [{ name: 'body', content: '{nope' }]),
    code: 'IMR_JSON_INVALID',
  },
  {
    label: 'more files than allowed',
    contentType: 'multipart/form-data; boundary=b1',
    payload: multipart('b1', [...FIELDS, ...Array.from({ length: 51 }, () => FILE)]),
    code: 'IMR_TOO_MANY_PARTS',
  },
  {
    label: 'more fields than allowed',
    contentType: 'multipart/form-data; boundary=b1',
    payload: multipart(
      'b1',
      Array.from({ length: 21 }, (_, i) => ({ name: `f${i}`, content: 'x' })),
    ),
    code: 'IMR_TOO_MANY_PARTS',
  },
  {
    label: 'a file over the upload limit',
    contentType: 'multipart/form-data; boundary=b1',
    payload: multipart('b1', [...FIELDS, { ...FILE, content: 'x'.repeat(UPLOAD_LIMIT + 1) }]),
    code: 'IMR_INPUT_TOO_LARGE',
  },
];

describe('every route answers hostile requests with a coded 4xx that does not echo them', () => {
  for (const name of NAMES) {
    const spec: RouteSpec = ROUTES[name];
    const changing = spec.method !== 'GET';
    const body = changing ? { payload: { expectedVersion: 1 } } : {};

    it(`${name}: control characters in the query string`, async () => {
      const c = clientFor(spec);
      for (const key of ['x', ...queryKeys(spec)]) {
        for (const ctl of ['%00', '%01', '%1F', '%7F']) {
          const r = await c.request(spec.method, `${pathWith(spec)}?${key}=knee${ctl}pain`, {
            ...(changing ? { body: body.payload } : {}),
          });
          expectCoded(r, 'IMR_CONTROL_CHARACTERS', 'knee');
        }
      }
    });

    for (const param of paramNames(spec)) {
      it(`${name}: hostile :${param} values`, async () => {
        const c = clientFor(spec);
        const send = (raw: string) =>
          c.request(spec.method, pathWith(spec, param, raw), changing ? { body: body.payload } : {});
        expectCoded(await send('7'.repeat(250)), 'IMR_URL_TOO_LONG', '7777777777');
        expectCoded(await send('9'.repeat(12)), 'IMR_VALIDATION', '999999999999');
        expectCoded(await send('1e300'), 'IMR_VALIDATION', '1e300');
        expectCoded(await send('1%00'), 'IMR_CONTROL_CHARACTERS');
        expectCoded(await send('%E0%A4%A'), 'IMR_URL_INVALID', '%E0%A4%A');
      });
    }

    if (spec.body !== undefined) {
      it(`${name}: control characters in a JSON body, and bodies of a media type it does not take`, async () => {
        const c = clientFor(spec);
        const nul = await c.request(spec.method, pathWith(spec), {
          body: JSON.stringify({ expectedVersion: 1, reason: 'knee\u0000pain', nested: [{ x: 'a\u0007b' }] }),
          headers: { 'content-type': 'application/json' },
        });
        expectCoded(nul, 'IMR_CONTROL_CHARACTERS', 'knee');
        const text = await c.request(spec.method, pathWith(spec), {
          body: 'expectedVersion=1',
          headers: { 'content-type': 'text/plain' },
        });
        expectCoded(text, 'IMR_MEDIA_TYPE_UNSUPPORTED', 'expectedVersion=1');
        const form = await c.request(spec.method, pathWith(spec), {
          body: 'expectedVersion=1',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        });
        expectCoded(form, 'IMR_MEDIA_TYPE_UNSUPPORTED', 'expectedVersion=1');
        if (spec.uploads !== true) {
          const parts = await c.request(spec.method, pathWith(spec), {
            body: multipart('b1', [...FIELDS, FILE]),
            headers: { 'content-type': 'multipart/form-data; boundary=b1' },
          });
          expectCoded(parts, 'IMR_MEDIA_TYPE_UNSUPPORTED');
        }
      });
    }

    if (spec.uploads === true) {
      for (const m of MULTIPART_CASES) {
        it(`${name}: a multipart body with ${m.label}`, async () => {
          const r = await clientFor(spec).request(spec.method, pathWith(spec), {
            body: m.payload,
            headers: { 'content-type': m.contentType },
          });
          expectCoded(r, m.code);
        });
      }
    }
  }
});

describe('search takes any text but control characters', () => {
  const QUERIES = [
    '"',
    '""',
    'knee"',
    '"knee pain',
    '(knee)',
    ')(',
    'knee*',
    '*',
    'NEAR(knee pain, 2)',
    'knee AND OR NOT',
    '^knee',
    'knee:pain',
    '{knee pain}',
    '-knee',
    '+knee',
    "o'brien",
    '\\',
    '%',
    '\u200bknee\u200e',
    'ümlaut',
    '💥',
  ];
  it('never fails on FTS5 syntax characters, quotes, parentheses or asterisks', async () => {
    const c = clientFor(ROUTES.searchLetters);
    for (const q of QUERIES) {
      const r = await c.request('GET', `/api/v1/search/letters?q=${encodeURIComponent(q)}`);
      expect(r.statusCode, `${JSON.stringify(q)}: ${r.body.slice(0, 200)}`).toBe(200);
      expect(ROUTES.searchLetters.response.parse(r.json()).hits).toBeInstanceOf(Array);
    }
    const knee = await c.request('GET', `/api/v1/search/letters?q=${encodeURIComponent('"knee')}`);
    expect(ROUTES.searchLetters.response.parse(knee.json()).total).toBeGreaterThan(0);
  });

  it('refuses NUL and other control characters with a coded 400 that does not echo the query', async () => {
    const c = clientFor(ROUTES.searchLetters);
    for (const q of ['knee%00pain', 'knee%0Apain', 'knee%09pain', '%00']) {
      expectCoded(await c.request('GET', `/api/v1/search/letters?q=${q}`), 'IMR_CONTROL_CHARACTERS', 'knee');
    }
  });
});

/** One raw HTTP exchange over a socket (what `inject` cannot send: oversized or malformed requests). */
function rawExchange(port: number, request: string): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      data += chunk;
    });
    socket.on('error', (e: NodeJS.ErrnoException) => {
      // The server may close while we still write a huge request: what it sent is what counts.
      if (e.code !== 'ECONNRESET' && e.code !== 'EPIPE') reject(e);
    });
    socket.on('close', () => {
      const [head = '', ...rest] = data.split('\r\n\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
      resolve({ status, headers: head, body: rest.join('\r\n\r\n') });
    });
    socket.write(request);
  });
}

describe('requests too large or malformed for the HTTP parser', () => {
  let port = 0;
  beforeAll(async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    port = address.port;
  });

  function expectRawCoded(r: { status: number; headers: string; body: string }, code: ErrorCode, echo: string): void {
    expect(r.status, r.headers).toBe(ERROR_CODES[code].status);
    expect(r.headers.toLowerCase()).toContain('content-type: application/json');
    const body = ErrorBody.parse(JSON.parse(r.body));
    expect(body.error.code).toBe(code);
    expect(body.requestId).not.toBe('');
    expect(r.body).not.toContain(echo);
  }

  for (const name of NAMES) {
    const spec: RouteSpec = ROUTES[name];
    it(`${name}: a 70 kB URL gets a coded 431, a 10 kB one a coded 414`, async () => {
      const huge = await rawExchange(
        port,
        `${spec.method} ${pathWith(spec)}?q=${'a'.repeat(70_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
      );
      expectRawCoded(huge, 'IMR_HEADERS_TOO_LARGE', 'aaaaaaaa');
      const long = await rawExchange(
        port,
        `${spec.method} ${pathWith(spec)}?q=${'b'.repeat(10_000)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
      );
      expectRawCoded(long, 'IMR_URL_TOO_LONG', 'bbbbbbbb');
    });
  }

  it('a header block over the limit gets a coded 431', async () => {
    const r = await rawExchange(port, `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Fill: ${'c'.repeat(40_000)}\r\n\r\n`);
    expectRawCoded(r, 'IMR_HEADERS_TOO_LARGE', 'cccccccc');
  });

  it('bytes that are not HTTP get a coded 400', async () => {
    const r = await rawExchange(port, 'HELLO there\u0000\r\n\r\n');
    expectRawCoded(r, 'IMR_HTTP_MALFORMED', 'HELLO');
  });
});
