import { type ImrError, imrError } from '../domain/errors.js';
import { err, ok, type Result } from '../domain/result.js';
import { type StoreConfig, storeConfigFromEnv } from '../store/index.js';

/**
 * The server's settings, read once from the environment and validated into readable errors
 * (STYLE.md §7). `PORT` and `DATABASE_URL` are the conventional names; the rest carry `IMR_`.
 */
export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  readonly store: StoreConfig;
  readonly app: AppConfig;
  /** Seed demo data into an empty database on start (default on; `IMR_DEMO=false` turns it off). */
  readonly demo: boolean;
  /** Where the built web app is (`web/dist`). */
  readonly webRoot: string;
}

/** What `buildApp` needs to know (tests use `testAppConfig`). */
export interface AppConfig {
  /** Set the cookie's Secure flag (behind TLS). Default: on when NODE_ENV=production. */
  readonly cookieSecure: boolean;
  readonly sessionHours: number;
  /** Failed and successful sign-ins allowed per client address per minute. */
  readonly loginRateLimit: number;
  readonly bodyLimitBytes: number;
  /** Trust X-Forwarded-* from a reverse proxy (for the client address and TLS). */
  readonly trustProxy: boolean;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Name of the IMR organization in letters. */
  readonly organization?: string;
  /** Open review assignments a reviewer may carry. */
  readonly reviewerCapacity: number;
  /** Check every response body against its schema, undeclared fields included (tests; costs time). */
  readonly checkResponses: boolean;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export function testAppConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    cookieSecure: false,
    sessionHours: 8,
    loginRateLimit: 1000,
    bodyLimitBytes: 60 * 1024 * 1024,
    trustProxy: false,
    logLevel: 'silent',
    reviewerCapacity: 40,
    checkResponses: true,
    ...overrides,
  };
}

type Env = Readonly<Record<string, string | undefined>>;

function intIn(env: Env, name: string, fallback: number, min: number, max: number): Result<number, ImrError> {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return ok(fallback);
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    return err(imrError('IMR_VALIDATION', `${name} must be a whole number from ${min} to ${max}.`));
  }
  return ok(n);
}

function flag(env: Env, name: string, fallback: boolean): Result<boolean, ImrError> {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return ok(fallback);
  if (['1', 'true', 'yes', 'on'].includes(raw)) return ok(true);
  if (['0', 'false', 'no', 'off'].includes(raw)) return ok(false);
  return err(imrError('IMR_VALIDATION', `${name} must be true or false.`));
}

/** Reads the server configuration from the environment. */
export function loadServerConfig(env: Env): Result<ServerConfig, ImrError> {
  const store = storeConfigFromEnv(env);
  if (!store.ok) return store;
  const port = intIn(env, 'PORT', 3000, 0, 65_535);
  const hours = intIn(env, 'IMR_SESSION_HOURS', 8, 1, 24 * 30);
  const rate = intIn(env, 'IMR_LOGIN_RATE_LIMIT', 10, 1, 100_000);
  const bodyMb = intIn(env, 'IMR_BODY_LIMIT_MB', 60, 1, 1024);
  const capacity = intIn(env, 'IMR_REVIEWER_CAPACITY', 40, 1, 10_000);
  const secure = flag(env, 'IMR_COOKIE_SECURE', env.NODE_ENV === 'production');
  const proxy = flag(env, 'IMR_TRUST_PROXY', false);
  const demo = flag(env, 'IMR_DEMO', true);
  const checkResponses = flag(env, 'IMR_CHECK_RESPONSES', false);
  for (const r of [port, hours, rate, bodyMb, capacity, secure, proxy, demo, checkResponses]) if (!r.ok) return r;
  const level = (env.IMR_LOG_LEVEL ?? 'info').trim();
  if (!(LOG_LEVELS as readonly string[]).includes(level)) {
    return err(imrError('IMR_VALIDATION', `IMR_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}.`));
  }
  const organization = env.IMR_ORGANIZATION?.trim();
  return ok({
    port: port.ok ? port.value : 3000,
    host: env.HOST?.trim() || '127.0.0.1',
    store: store.value,
    demo: demo.ok && demo.value,
    webRoot: env.IMR_WEB_ROOT?.trim() || 'web/dist',
    app: {
      cookieSecure: secure.ok && secure.value,
      sessionHours: hours.ok ? hours.value : 8,
      loginRateLimit: rate.ok ? rate.value : 10,
      bodyLimitBytes: (bodyMb.ok ? bodyMb.value : 60) * 1024 * 1024,
      trustProxy: proxy.ok && proxy.value,
      logLevel: level as AppConfig['logLevel'],
      reviewerCapacity: capacity.ok ? capacity.value : 40,
      checkResponses: checkResponses.ok && checkResponses.value,
      ...(organization === undefined || organization === '' ? {} : { organization }),
    },
  });
}
