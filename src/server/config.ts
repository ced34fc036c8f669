import { type Env, wholeFromEnv } from '../domain/env-options.js';
import { type ImrError, imrError } from '../domain/errors.js';
import { err, ok, type Result } from '../domain/result.js';
import { DEMO_LETTERHEAD, type Letterhead } from '../letter/index.js';
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
  /** A session's absolute lifetime, however busy. */
  readonly sessionHours: number;
  /** A session unused this long ends (it is marked used at most about once a minute). */
  readonly sessionIdleMinutes: number;
  /** Failed sign-ins to one account (any address) allowed per window; then it waits for the window's end. */
  readonly loginAccountFailures: number;
  /** Failed sign-ins from one client address (any account) allowed per window. */
  readonly loginAddressFailures: number;
  /** The sign-in throttle's window, from its first failed attempt. */
  readonly loginWindowMinutes: number;
  readonly bodyLimitBytes: number;
  /**
   * The largest document accepted, per file (multipart or base64 in JSON); the web app reads it from
   * the session response. At most 50 MB (the workflow's limit) and never more than the body limit.
   */
  readonly uploadMaxBytes: number;
  /**
   * Which X-Forwarded-* headers to believe (for the client address the sign-in throttle counts, and
   * for TLS) — Fastify's `trustProxy`: false (default: the socket's peer is the client), true (any
   * hop: only when nothing can reach the server except through the proxy), a number of hops, or the
   * proxies' addresses / CIDR ranges.
   */
  readonly trustProxy: boolean | number | readonly string[];
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Name of the IMR organization in letters. */
  readonly organization?: string;
  /**
   * The organization's name, address, telephone and signatory on its correspondence (IMR_ORGANIZATION,
   * IMR_ORGANIZATION_ADDRESS with lines separated by "|", IMR_ORGANIZATION_PHONE, IMR_SIGNATORY_NAME,
   * IMR_SIGNATORY_TITLE); absent: a demonstration organization.
   */
  readonly letterhead?: Letterhead;
  /** Open review assignments a reviewer may carry. */
  readonly reviewerCapacity: number;
  /** Check every response body against its schema, undeclared fields included (tests; costs time). */
  readonly checkResponses: boolean;
}

/** The workflow refuses documents over 50 MB; it is also the default upload limit. */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
const DEFAULT_UPLOAD_MAX_BYTES = MAX_UPLOAD_BYTES;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export function testAppConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    cookieSecure: false,
    sessionHours: 8,
    sessionIdleMinutes: 30,
    loginAccountFailures: 10,
    loginAddressFailures: 100,
    loginWindowMinutes: 15,
    bodyLimitBytes: 60 * 1024 * 1024,
    uploadMaxBytes: DEFAULT_UPLOAD_MAX_BYTES,
    trustProxy: false,
    logLevel: 'silent',
    reviewerCapacity: 40,
    checkResponses: true,
    ...overrides,
  };
}

function flag(env: Env, name: string, fallback: boolean): Result<boolean, ImrError> {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return ok(fallback);
  if (['1', 'true', 'yes', 'on'].includes(raw)) return ok(true);
  if (['0', 'false', 'no', 'off'].includes(raw)) return ok(false);
  return err(imrError('IMR_VALIDATION', `${name} must be true or false.`));
}

/**
 * IMR_TRUST_PROXY: true / false, a number of proxy hops, or a comma-separated list of the proxies'
 * addresses or CIDR ranges (e.g. `10.0.0.0/8,127.0.0.1`).
 */
function trustProxyOf(env: Env): Result<AppConfig['trustProxy'], ImrError> {
  const raw = env.IMR_TRUST_PROXY?.trim() ?? '';
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops >= 1 && hops <= 10) return ok(hops);
  }
  if (/^[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*$/.test(raw) && /[.:]/.test(raw)) {
    return ok(raw.split(',').map((a) => a.trim()));
  }
  const f = flag(env, 'IMR_TRUST_PROXY', false);
  if (f.ok) return f;
  return err(
    imrError(
      'IMR_VALIDATION',
      'IMR_TRUST_PROXY must be true, false, a number of proxy hops from 1 to 10, or a comma-separated list of proxy addresses or CIDR ranges.',
    ),
  );
}

/** Fastify's `trustProxy` for the setting (a hop count as the function Fastify itself makes of one). */
export function trustProxyForFastify(
  setting: AppConfig['trustProxy'],
): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof setting === 'number') return (_address, hop) => hop < setting;
  return typeof setting === 'boolean' ? setting : [...setting];
}

/** Reads the server configuration from the environment. */
export function loadServerConfig(env: Env): Result<ServerConfig, ImrError> {
  const store = storeConfigFromEnv(env);
  if (!store.ok) return store;
  const port = wholeFromEnv(env, 'PORT', 3000, 0, 65_535);
  if (env.IMR_LOGIN_RATE_LIMIT !== undefined && env.IMR_LOGIN_RATE_LIMIT.trim() !== '') {
    return err(
      imrError(
        'IMR_VALIDATION',
        'IMR_LOGIN_RATE_LIMIT is no longer read: failed sign-ins are limited per account (IMR_LOGIN_ACCOUNT_FAILURES) and per address (IMR_LOGIN_ADDRESS_FAILURES) in a window (IMR_LOGIN_WINDOW_MINUTES). Remove it.',
      ),
    );
  }
  const hours = wholeFromEnv(env, 'IMR_SESSION_HOURS', 8, 1, 24 * 30);
  const idle = wholeFromEnv(env, 'IMR_SESSION_IDLE_MINUTES', 30, 1, 24 * 60 * 30);
  const accountFailures = wholeFromEnv(env, 'IMR_LOGIN_ACCOUNT_FAILURES', 10, 1, 1000);
  const addressFailures = wholeFromEnv(env, 'IMR_LOGIN_ADDRESS_FAILURES', 100, 1, 1_000_000);
  const windowMinutes = wholeFromEnv(env, 'IMR_LOGIN_WINDOW_MINUTES', 15, 1, 24 * 60);
  const bodyMb = wholeFromEnv(env, 'IMR_BODY_LIMIT_MB', 60, 1, 1024);
  const uploadMax = wholeFromEnv(env, 'IMR_UPLOAD_MAX_BYTES', DEFAULT_UPLOAD_MAX_BYTES, 1024, MAX_UPLOAD_BYTES);
  if (!uploadMax.ok) return uploadMax;
  const capacity = wholeFromEnv(env, 'IMR_REVIEWER_CAPACITY', 40, 1, 10_000);
  const secure = flag(env, 'IMR_COOKIE_SECURE', env.NODE_ENV === 'production');
  const proxy = trustProxyOf(env);
  const demo = flag(env, 'IMR_DEMO', true);
  const checkResponses = flag(env, 'IMR_CHECK_RESPONSES', false);
  for (const r of [
    port,
    hours,
    idle,
    accountFailures,
    addressFailures,
    windowMinutes,
    bodyMb,
    capacity,
    secure,
    proxy,
    demo,
    checkResponses,
  ])
    if (!r.ok) return r;
  const level = (env.IMR_LOG_LEVEL ?? 'info').trim();
  if (!(LOG_LEVELS as readonly string[]).includes(level)) {
    return err(imrError('IMR_VALIDATION', `IMR_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}.`));
  }
  const organization = env.IMR_ORGANIZATION?.trim();
  const letterhead = letterheadOf(env, organization);
  return ok({
    port: port.ok ? port.value : 3000,
    host: env.HOST?.trim() || '127.0.0.1',
    store: store.value,
    demo: demo.ok && demo.value,
    webRoot: env.IMR_WEB_ROOT?.trim() || 'web/dist',
    app: {
      cookieSecure: secure.ok && secure.value,
      sessionHours: hours.ok ? hours.value : 8,
      sessionIdleMinutes: idle.ok ? idle.value : 30,
      loginAccountFailures: accountFailures.ok ? accountFailures.value : 10,
      loginAddressFailures: addressFailures.ok ? addressFailures.value : 100,
      loginWindowMinutes: windowMinutes.ok ? windowMinutes.value : 15,
      bodyLimitBytes: (bodyMb.ok ? bodyMb.value : 60) * 1024 * 1024,
      uploadMaxBytes: uploadMax.value,
      trustProxy: proxy.ok ? proxy.value : false,
      logLevel: level as AppConfig['logLevel'],
      reviewerCapacity: capacity.ok ? capacity.value : 40,
      checkResponses: checkResponses.ok && checkResponses.value,
      ...(organization === undefined || organization === '' ? {} : { organization }),
      ...(letterhead === undefined ? {} : { letterhead }),
    },
  });
}

/** The letterhead from the environment; each variable left out keeps the demonstration value. */
export function letterheadOf(env: Env, organization: string | undefined): Letterhead | undefined {
  const text = (name: string) => {
    const v = env[name]?.trim();
    return v === undefined || v === '' ? undefined : v;
  };
  const address = text('IMR_ORGANIZATION_ADDRESS')
    ?.split('|')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const phone = text('IMR_ORGANIZATION_PHONE');
  const signatoryName = text('IMR_SIGNATORY_NAME');
  const signatoryTitle = text('IMR_SIGNATORY_TITLE');
  const name = organization === undefined || organization === '' ? undefined : organization;
  if ([name, address, phone, signatoryName, signatoryTitle].every((v) => v === undefined)) return undefined;
  return {
    name: name ?? DEMO_LETTERHEAD.name,
    addressLines: address !== undefined && address.length > 0 ? address : DEMO_LETTERHEAD.addressLines,
    ...(phone === undefined
      ? DEMO_LETTERHEAD.phone === undefined
        ? {}
        : { phone: DEMO_LETTERHEAD.phone }
      : { phone }),
    signatoryName: signatoryName ?? DEMO_LETTERHEAD.signatoryName,
    signatoryTitle: signatoryTitle ?? DEMO_LETTERHEAD.signatoryTitle,
  };
}
