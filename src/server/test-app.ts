import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, HTTPMethods, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { UserRole } from '../domain/case.js';
import { openStore, type Store, users } from '../store/index.js';
import { type DemoSummary, seedDemo } from '../synthetic/demo.js';
import { buildApp } from './app.js';
import { type AppConfig, testAppConfig } from './config.js';
import { CSRF_HEADER, SESSION_COOKIE } from './contract.js';
import { hashPassword } from './passwords.js';

/**
 * A test server: a throw-away SQLite store with a small demo world (reviewers, cases at every stage,
 * showcase cases for two reviewers, a few published letters), one account per role, and the app
 * built over it, driven through `inject`. The clock is settable.
 */

export const TEST_PASSWORD = 'correct horse battery staple';
export const TEST_NOW = '2025-03-04T18:00:00.000Z';

export type TestUser = 'intake' | 'coordinator' | 'reviewer' | 'reviewer2' | 'qa' | 'admin';
const ROLE_OF: Record<TestUser, UserRole> = {
  intake: 'intake',
  coordinator: 'coordinator',
  reviewer: 'reviewer',
  reviewer2: 'reviewer',
  qa: 'qa',
  admin: 'admin',
};

export interface Client {
  readonly user: TestUser | undefined;
  /** Sends a request with the session cookie and (unless `csrf: false`) the CSRF header. */
  request(
    method: HTTPMethods,
    url: string,
    options?: { body?: unknown; csrf?: boolean; headers?: Record<string, string> },
  ): Promise<LightMyRequestResponse>;
}

export interface TestServer {
  readonly app: FastifyInstance;
  readonly store: Store;
  /** The store's SQLite file and documents directory (a second server may open them). */
  readonly storeFiles: { readonly dbPath: string; readonly documentsDir: string };
  readonly demo: DemoSummary;
  readonly clock: { now: string };
  /** Every log line the app wrote. */
  readonly logs: string[];
  readonly anonymous: Client;
  signIn(user: TestUser): Promise<Client>;
  dispose(): Promise<void>;
}

export async function testServer(overrides: Partial<AppConfig> = {}): Promise<TestServer> {
  const dir = await mkdtemp(join(tmpdir(), 'imr-server-test-'));
  const storeFiles = { dbPath: join(dir, 'imr.sqlite'), documentsDir: join(dir, 'docs') };
  const opened = await openStore({ kind: 'sqlite', path: storeFiles.dbPath, documentsDir: storeFiles.documentsDir });
  if (!opened.ok) throw new Error(`openStore: ${opened.error.code}`);
  const store = opened.value;
  const seeded = await seedDemo(store, {
    now: TEST_NOW,
    historyCases: 40,
    reviewers: 14,
    showcaseCases: 4,
    publishedLetters: 8,
  });
  if (!seeded.ok) throw new Error(`seedDemo: ${seeded.error.code}`);
  const demo = seeded.value;
  const hash = await hashPassword(TEST_PASSWORD);
  const made = await store.transaction(async (tx) => {
    for (const name of Object.keys(ROLE_OF) as TestUser[]) {
      const reviewerId =
        name === 'reviewer' ? demo.reviewerId : name === 'reviewer2' ? demo.secondReviewerId : undefined;
      await users.create(tx, {
        username: name,
        displayName: `Test ${name}`,
        role: ROLE_OF[name],
        ...(reviewerId === undefined ? {} : { reviewerId }),
        passwordHash: hash,
        active: true,
      });
    }
  });
  if (!made.ok) throw new Error(`users: ${made.error.code}`);
  const clock = { now: new Date(Date.parse(TEST_NOW) + 3_600_000).toISOString() };
  const logs: string[] = [];
  const app = await buildApp({
    store,
    config: testAppConfig({ logLevel: 'info', ...overrides }),
    now: () => clock.now,
    logStream: { write: (line: string) => void logs.push(line) },
  });
  await app.ready();

  const client = (user: TestUser | undefined, cookie: string | undefined, csrfToken: string | undefined): Client => ({
    user,
    request: (method, url, options = {}) =>
      app.inject({
        method,
        url,
        headers: {
          ...(cookie === undefined ? {} : { cookie: `${SESSION_COOKIE}=${cookie}` }),
          ...(csrfToken === undefined || options.csrf === false ? {} : { [CSRF_HEADER]: csrfToken }),
          ...options.headers,
        },
        ...(options.body === undefined ? {} : { payload: options.body as NonNullable<InjectOptions['payload']> }),
      }),
  });

  return {
    app,
    store,
    storeFiles,
    demo,
    clock,
    logs,
    anonymous: client(undefined, undefined, undefined),
    async signIn(user) {
      const r = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: user, password: TEST_PASSWORD },
      });
      if (r.statusCode !== 200) throw new Error(`sign-in of ${user}: ${r.statusCode} ${r.body}`);
      const cookie = r.cookies.find((c) => c.name === SESSION_COOKIE)?.value;
      const body = r.json<{ csrfToken: string }>();
      return client(user, cookie, body.csrfToken);
    },
    async dispose() {
      await app.close();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
