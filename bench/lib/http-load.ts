/**
 * What the HTTP benches (serve, hostile) share: the server in a child process over a fresh demo
 * database, signing in as a demo account, and the load loop — autocannon against one route, at
 * saturation or at a fixed overall rate, reporting throughput and latency percentiles.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

/** The password of every demo account in the bench server. */
export const BENCH_PASSWORD = 'bench password for the demo accounts';

export interface BenchServer {
  readonly url: string;
  readonly process: ChildProcess;
  /** Stops the server and removes its database. */
  stop(): Promise<void>;
}

/** Starts bench/lib/server-child.ts over a fresh temporary directory; resolves once it listens. */
export async function startBenchServer(name: string): Promise<BenchServer> {
  const dir = await mkdtemp(join(tmpdir(), `imr-bench-${name}-`));
  const script = fileURLToPath(new URL('./server-child.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, dir, BENCH_PASSWORD], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let buffered = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        const line = buffered.split('\n').find((l) => l.startsWith('{'));
        if (line !== undefined) resolve((JSON.parse(line) as { url: string }).url);
      });
      child.on('exit', (code) => reject(new Error(`the server exited (${String(code)}) before it was ready`)));
    });
    return {
      url,
      process: child,
      stop: async () => {
        if (child.exitCode === null) {
          const exited = new Promise((resolve) => child.once('exit', resolve));
          child.kill('SIGTERM');
          await exited;
        }
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (thrown) {
    child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
    throw thrown;
  }
}

export interface BenchSession {
  /** `imr_session=…`, for a `cookie` header. */
  readonly cookie: string;
  readonly csrf: string;
}

/** Signs in as a demo account (default: the coordinator). */
export async function signIn(url: string, username = 'coordinator'): Promise<BenchSession> {
  const r = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: BENCH_PASSWORD }),
  });
  if (r.status !== 200) throw new Error(`sign-in failed: ${r.status}`);
  const cookie = r.headers.getSetCookie().find((c) => c.startsWith('imr_session='));
  if (cookie === undefined) throw new Error('no session cookie');
  const body = (await r.json()) as { csrfToken: string };
  return { cookie: cookie.split(';')[0] as string, csrf: body.csrfToken };
}

export interface LoadOptions {
  readonly url: string;
  /** The path of the i-th request (1-based), e.g. cycling over case ids; default `/`. */
  readonly path?: (i: number) => string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly connections: number;
  readonly seconds: number;
  /** Requests per second over all connections (autocannon `overallRate`); absent: as fast as answered. */
  readonly rate?: number;
}

export interface LoadRun {
  readonly requests: number;
  /** Response bytes received, headers included. */
  readonly bytes: number;
  readonly seconds: number;
  /** Latency percentiles, ms. */
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
}

/** GET requests against one route for a while; see LoadOptions. */
export async function load(options: LoadOptions): Promise<LoadRun> {
  let i = 0;
  const path = options.path ?? (() => '/');
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    ...(options.rate === undefined ? {} : { overallRate: options.rate }),
    ...(options.headers === undefined ? {} : { headers: { ...options.headers } }),
    requests: [
      {
        method: 'GET',
        setupRequest: (req) => {
          i += 1;
          return { ...req, path: path(i) };
        },
      },
    ],
  });
  return {
    requests: result.requests.total,
    bytes: result.throughput.total,
    seconds: result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/** Requests that did not get a 2xx answer in time. */
export function failedRequests(run: LoadRun): number {
  return run.non2xx + run.errors + run.timeouts;
}
