/**
 * The HTTP API under load on loopback, with autocannon: the case page (`GET /api/v1/cases/:id`, over
 * every case of the demo database in turn) and the work queue (`GET /api/v1/queue`, the 100 most
 * urgent open cases with their clocks), each signed in as a coordinator, against the trivial route
 * `GET /api/health` (the baseline: the same server, cookie parsing and logging, no work). Every
 * endpoint gets the same connections and durations, in rounds that alternate between them:
 *   - throughput at saturation: as many requests as 10 connections get answered in a few seconds;
 *     the ratio to the trivial route measured in the same round (target ≥ 0.30), median over rounds;
 *   - latency at a fixed 200 requests/s (autocannon `overallRate`): p50 and p99, median over rounds
 *     (target p99 ≤ 25 ms).
 * Every request carries the session cookie and, as a browser's does, `accept-encoding: gzip, …`; one
 * more queue row without it shows the uncompressed cost, and the session route (`GET
 * /api/v1/auth/session`: the session read from the database, nothing else) what signing in costs.
 * The server runs in a child process (so autocannon does not share its event loop) over a fresh
 * SQLite database seeded with the demo data `npm start` makes on a first start (bench/lib/http-load.ts).
 */
import { request as httpRequest } from 'node:http';
import { failedRequests, type LoadRun, load, signIn, startBenchServer } from '../lib/http-load.js';
import { check, measuredRow, median } from '../lib/measure.js';
import type { Ratio, Suite, SuiteResult } from '../lib/types.js';

const ROUNDS = 3;
const THROUGHPUT_SECONDS = 4;
const LATENCY_SECONDS = 4;
const RATE = 200;
const CONNECTIONS = 10;
const P99_BUDGET_MS = 25;
const MIN_THROUGHPUT_RATIO = 0.3;
const BROWSER_ENCODINGS = 'gzip, deflate, br';

async function caseIds(url: string, cookie: string): Promise<number[]> {
  // The queue's open cases and the closed ones behind them: probe ids until a run of misses.
  const ids: number[] = [];
  for (let id = 1, misses = 0; misses < 20; id += 1) {
    const r = await fetch(`${url}/api/v1/cases/${id}`, { headers: { cookie } });
    await r.arrayBuffer();
    if (r.status === 200) {
      ids.push(id);
      misses = 0;
    } else misses += 1;
  }
  return ids;
}

interface Endpoint {
  readonly label: string;
  readonly path: (i: number) => string;
  /** Sent with the session cookie. */
  readonly headers: Readonly<Record<string, string>>;
  /** Shown for comparison, without targets. */
  readonly reference?: boolean;
}

/** The bytes of one response as sent (compressed when it was) and its content-encoding. */
function probe(url: string, path: string, headers: Readonly<Record<string, string>>): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${url}${path}`, { headers }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
      res.on('end', () => {
        const encoding = res.headers['content-encoding'];
        resolve(
          `${res.statusCode ?? '?'}, ${(bytes / 1000).toFixed(1)} kB${encoding === undefined ? '' : ` ${encoding}`}`,
        );
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** One endpoint's load for a while (see bench/lib/http-load.ts), with the session cookie. */
function run(url: string, cookie: string, endpoint: Endpoint, options: { rate?: number; seconds: number }) {
  return load({
    url,
    path: endpoint.path,
    headers: { cookie, ...endpoint.headers },
    connections: CONNECTIONS,
    seconds: options.seconds,
    ...(options.rate === undefined ? {} : { rate: options.rate }),
  });
}

export const suite: Suite = {
  name: 'serve',
  description: 'HTTP API under load (case page, queue) vs GET /api/health, p50/p99 at 200 req/s',
  async run(): Promise<SuiteResult> {
    const child = await startBenchServer('serve');
    try {
      const { cookie } = await signIn(child.url);
      const ids = await caseIds(child.url, cookie);
      const browser = { 'accept-encoding': BROWSER_ENCODINGS };
      const health: Endpoint = { label: 'GET /api/health', path: () => '/api/health', headers: browser };
      const endpoints: Endpoint[] = [
        {
          label: 'session (signed in, no work)',
          path: () => '/api/v1/auth/session',
          headers: browser,
          reference: true,
        },
        { label: 'case page', path: (i) => `/api/v1/cases/${ids[i % ids.length] as number}`, headers: browser },
        { label: 'queue (100 cases)', path: () => '/api/v1/queue', headers: browser },
        { label: 'queue, uncompressed', path: () => '/api/v1/queue', headers: {}, reference: true },
        {
          // Ten different two-digit fragments (claim and case numbers hold them) over every case; a
          // page of 100 like the queue row; kept per term like any queue filter.
          label: 'case search (number fragment, all cases)',
          path: (i) => `/api/v1/queue?state=all&q=${(i % 9) + 1}${i % 10}`,
          headers: browser,
          reference: true,
        },
      ];
      const sizes = await Promise.all(
        [health, ...endpoints].map(
          async (e) => `${e.label} ${await probe(child.url, e.path(0), { cookie, ...e.headers })}`,
        ),
      );
      // Warm-up: JIT, statement caches, the engine's and clocks' first use.
      for (const e of [health, ...endpoints]) await run(child.url, cookie, e, { seconds: 1 });

      const runs = new Map<string, { throughput: LoadRun[]; latency: LoadRun[] }>();
      for (const e of [health, ...endpoints]) runs.set(e.label, { throughput: [], latency: [] });
      for (let round = 0; round < ROUNDS; round += 1) {
        for (const e of [health, ...endpoints]) {
          runs.get(e.label)?.throughput.push(await run(child.url, cookie, e, { seconds: THROUGHPUT_SECONDS }));
          runs.get(e.label)?.latency.push(await run(child.url, cookie, e, { seconds: LATENCY_SECONDS, rate: RATE }));
        }
      }

      const rate = (r: LoadRun) => r.requests / r.seconds;
      const baseline = runs.get(health.label)?.throughput ?? [];
      const rows = [health, ...endpoints].map((e) => {
        const m = runs.get(e.label) as { throughput: LoadRun[]; latency: LoadRun[] };
        const p50 = median(m.latency.map((r) => r.p50));
        const p99 = median(m.latency.map((r) => r.p99));
        const failed = [...m.throughput, ...m.latency].reduce((s, r) => s + failedRequests(r), 0);
        const ratios: Ratio[] = [
          {
            name: `p99/${P99_BUDGET_MS}ms`,
            value: p99 / P99_BUDGET_MS,
            method: `median over rounds of the p99 latency at ${RATE} req/s, over the ${P99_BUDGET_MS} ms budget`,
            ...(e.reference === true ? {} : { target: check(p99 / P99_BUDGET_MS, '<=', 1) }),
          },
        ];
        if (e !== health) {
          const paired = median(m.throughput.map((r, k) => rate(r) / rate(baseline[k] as LoadRun)));
          ratios.unshift({
            name: 'throughput/health',
            value: paired,
            method: 'median over rounds of paired per-round throughput ratios (rounds alternate)',
            ...(e.reference === true ? {} : { target: check(paired, '>=', MIN_THROUGHPUT_RATIO) }),
          });
        }
        const requests = median(m.throughput.map((r) => r.requests));
        const bytesPerRequest = median(m.throughput.map((r) => r.bytes / Math.max(r.requests, 1)));
        return measuredRow({
          label: e.label,
          unit: 'req',
          itemsPerRound: requests,
          bytesPerRound: requests * bytesPerRequest,
          seconds: m.throughput.map((r) => (r.seconds * requests) / r.requests),
          ratios,
          note: `@${RATE}/s p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms${failed > 0 ? `, ${failed} failed` : ''}`,
        });
      });
      return {
        name: 'serve',
        title: `${ids.length} cases of the demo database, SQLite, ${CONNECTIONS} connections on loopback, server in a child process`,
        rows,
        notes: [
          `same for every endpoint: throughput with ${CONNECTIONS} connections for ${THROUGHPUT_SECONDS} s per round, latency at ${RATE} req/s (autocannon overallRate) for ${LATENCY_SECONDS} s; ${ROUNDS} rounds alternating between the endpoints, after a 1 s warm-up each; figures are medians over the rounds`,
          `every request carries a coordinator's session cookie and, but for "uncompressed", accept-encoding: ${BROWSER_ENCODINGS} (as browsers send); GET /api/health reads no session (it is outside /api/v1) — the session row is the trivial signed-in route (one database read)`,
          `one response as sent: ${sizes.join('; ')}`,
          'case page and queue are kept per (change counter, minute) — the counter moves with every committed transaction on any server — and case (case page) or scope and filter (queue); nothing is changed during the run (each read appends its audit event, which does not move the counter), so after the first request per case and minute each request reads its session and the counter, writes its read event and sends the kept body',
          'server: production settings (responses checked against the contract when made only in tests), request logs at info level (to a sink)',
          'the two processes share the machine: on 2 cores the load generator takes one of them',
        ],
        data: Object.fromEntries([...runs.entries()].map(([k, v]) => [k, v])),
      };
    } finally {
      await child.stop();
    }
  },
};
