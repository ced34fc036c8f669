import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeEach, onTestFailed } from 'vitest';
import type { AppConfig } from '../../src/server/config.js';
import { type RunningServer, startServer } from '../../src/server/start.js';

/**
 * End-to-end harness: the real server (src/server `startServer`) on a free port over a throw-away
 * SQLite database seeded with the demo data, serving the web app built by Vite, driven by real
 * Chromium (playwright-core, headless). Each test file starts its own server and browser.
 */

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const WEB = join(ROOT, 'web');

/** Debian's Chromium; CHROMIUM_PATH overrides it. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * How long one step may take to appear. CI runs these beside the 10,000-case workflow simulation on
 * two cores, where a page can take several times longer than on an idle machine.
 */
export const STEP_TIMEOUT_MS = process.env.CI ? 45_000 : 15_000;

/**
 * Whether the browser is there. In CI its absence fails the run; on a developer machine without it
 * the end-to-end tests skip and say why (`apt-get install chromium`, or set CHROMIUM_PATH).
 */
export const HAS_BROWSER: boolean = (() => {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI) throw new Error(`Chromium missing at ${CHROMIUM} (required in CI; apt-get install chromium)`);
  console.warn(`end-to-end tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
  return false;
})();

/** Known passwords for the demo accounts of the test database (the server makes random ones otherwise). */
export function demoPassword(username: string): string {
  return `e2e-${username}-passphrase`;
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(p)));
    else out.push(p);
  }
  return out.sort();
}

/**
 * The web app built with Vite into a directory named by a hash of its sources, so test files that
 * run one after the other (or side by side) build it once. A build goes to a temporary directory and
 * is renamed into place: a half-written build is never used.
 */
export async function buildWeb(): Promise<string> {
  const hash = createHash('sha256');
  hash.update('production');
  const inputs = [
    ...(await filesUnder(join(WEB, 'src'))),
    join(WEB, 'index.html'),
    join(WEB, 'vite.config.ts'),
    join(ROOT, 'package-lock.json'),
  ];
  for (const f of inputs) {
    hash.update(relative(ROOT, f));
    hash.update(await readFile(f));
  }
  const cache = join(ROOT, 'node_modules', '.cache', 'imr-web-e2e');
  const out = join(cache, hash.digest('hex').slice(0, 16));
  if (existsSync(join(out, 'index.html'))) return out;
  await mkdir(cache, { recursive: true });
  const tmp = await mkdtemp(join(cache, 'build-'));
  await run(
    process.execPath,
    [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', WEB, '--outDir', tmp, '--emptyOutDir', '--logLevel', 'warn'],
    // Vitest sets NODE_ENV=test, which would give React's development build.
    { cwd: ROOT, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, NODE_ENV: 'production' } },
  );
  try {
    await rename(tmp, out);
  } catch (thrown) {
    // Another test file finished the same build first: use theirs.
    await rm(tmp, { recursive: true, force: true });
    if (!existsSync(join(out, 'index.html'))) throw thrown;
  }
  // Builds of older sources, left for an hour in case a run still serves one, then removed.
  for (const e of await readdir(cache, { withFileTypes: true })) {
    const p = join(cache, e.name);
    if (p === out || !e.isDirectory()) continue;
    if (Date.now() - (await stat(p)).mtimeMs > 3_600_000) await rm(p, { recursive: true, force: true });
  }
  return out;
}

export interface E2E {
  readonly server: RunningServer;
  readonly url: string;
  readonly browser: Browser;
  /** The demo account of a username (`intake`, `coordinator`, `reviewer`, `reviewer2`, `qa`, `admin`). */
  account(username: string): { username: string; password: string; reviewerId?: number };
  /** A fresh browser context (its own cookies) signed in as `username`, on the queue page. */
  signedIn(username: string): Promise<{ context: BrowserContext; page: Page }>;
  /** Screenshots of every open page, written to a temporary directory when the current test fails. */
  captureOnFailure(task: { name: string }): Promise<void>;
  close(): Promise<void>;
}

/** `config`: server settings beyond the harness's own (e.g. a small `uploadMaxBytes`). */
export async function startE2E(options: { now?: () => string; config?: Partial<AppConfig> } = {}): Promise<E2E> {
  const webRoot = await buildWeb();
  const dir = await mkdtemp(join(tmpdir(), 'imr-e2e-'));
  let server: RunningServer;
  try {
    server = await startServer({
      port: 0,
      store: { dbPath: join(dir, 'imr.sqlite'), documentsDir: join(dir, 'documents') },
      webRoot,
      demoPassword,
      config: { logLevel: 'warn', ...options.config },
      ...(options.now === undefined ? {} : { now: options.now }),
    });
  } catch (thrown) {
    await rm(dir, { recursive: true, force: true });
    throw thrown;
  }
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-dev-shm-usage'],
    });
  } catch (thrown) {
    await server.close();
    await rm(dir, { recursive: true, force: true });
    throw thrown;
  }
  const account = (username: string) => {
    const a = server.accounts.find((x) => x.username === username);
    if (a === undefined) throw new Error(`no demo account ${username}`);
    return {
      username: a.username,
      password: a.password,
      ...(a.reviewerId === undefined ? {} : { reviewerId: a.reviewerId }),
    };
  };
  return {
    server,
    url: server.url,
    browser,
    account,
    async signedIn(username) {
      const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1360, height: 900 } });
      // A step that does not appear in time has failed; do not let one failure eat the file's time.
      context.setDefaultTimeout(STEP_TIMEOUT_MS);
      const page = await context.newPage();
      await signIn(page, username, account(username).password);
      return { context, page };
    },
    async captureOnFailure(task) {
      const out = await mkdtemp(join(tmpdir(), 'imr-e2e-failure-'));
      let n = 0;
      for (const context of browser.contexts()) {
        for (const page of context.pages()) {
          n += 1;
          await page.screenshot({ path: join(out, `${n}.png`), fullPage: true }).catch(() => undefined);
        }
      }
      console.error(`"${task.name}" failed: ${n} page screenshots in ${out}`);
    },
    async close() {
      await browser.close();
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Signs in through the sign-in page, with the keyboard, and waits for the first page. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/queue');
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByLabel('Password').press('Enter');
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

/** Calls the API inside a signed-in context (its cookie), with the session's CSRF token on changes. */
export async function apiCall<T = unknown>(
  context: BrowserContext,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = {};
  if (method !== 'GET') {
    const session = await context.request.get('/api/v1/auth/session');
    headers['x-csrf-token'] = ((await session.json()) as { csrfToken: string }).csrfToken;
  }
  const res = await context.request.fetch(path, {
    method,
    headers,
    ...(body === undefined ? {} : { data: body }),
  });
  const text = await res.text();
  return { status: res.status(), body: (text === '' ? undefined : JSON.parse(text)) as T };
}

/** A date `days` before today, ISO (California dates are close enough for filing windows of weeks). */
export function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

/** What has focus in the page (the tests' type check has no DOM library, hence the string). */
export interface Focus {
  readonly tag: string;
  readonly id: string;
  readonly text: string;
  readonly classes: readonly string[];
  readonly outline: string;
}

export function focused(page: Page): Promise<Focus | null> {
  return page.evaluate(`(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    return { tag: el.tagName, id: el.id, text: el.textContent ?? '', classes: [...el.classList], outline: getComputedStyle(el).outlineStyle };
  })()`);
}

export async function blur(page: Page): Promise<void> {
  await page.evaluate('document.activeElement && document.activeElement.blur()');
}

/** Form controls with no label, `aria-label` or `aria-labelledby` (their HTML, shortened). */
export function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate(`[...document.querySelectorAll('input, select, textarea')]
    .filter((c) => c.type !== 'hidden' && (c.labels?.length ?? 0) === 0 && !c.getAttribute('aria-label') && !c.getAttribute('aria-labelledby'))
    .map((c) => c.outerHTML.slice(0, 80))`);
}

/**
 * The hooks every e2e file needs around its server (call at the top of the file, after starting it
 * in `beforeAll`): screenshots of the open pages when a test fails, and the server and browser
 * closed after the file. `get` returns the file's E2E (undefined when it was never started).
 */
export function captureFailuresAndClose(get: () => E2E | undefined): void {
  beforeEach((ctx) => {
    onTestFailed(() => get()?.captureOnFailure(ctx.task));
  });
  afterAll(async () => {
    await get()?.close();
  });
}

/** Adds a plain-text document through the page's document picker and waits for its row. */
export async function addTextDocument(page: Page, name: string, text: string): Promise<void> {
  await page.getByLabel('Add documents').setInputFiles([{ name, mimeType: 'text/plain', buffer: Buffer.from(text) }]);
  await page.getByRole('cell', { name: new RegExp(`^${name.replace('.', '\\.')}`) }).waitFor();
}
