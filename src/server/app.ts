import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, validatorCompiler } from 'fastify-type-provider-zod';
import type { Store } from '../store/index.js';
import { createWorkflow, type WorkflowService } from '../workflow/index.js';
import { loadSession, uploadLimitOf } from './auth.js';
import { type AppConfig, trustProxyForFastify } from './config.js';
import { installErrorHandling } from './errors.js';
import { ReadAuditLog } from './read-audit.js';
import { GUARD_OPTIONS, installRequestGuards } from './request-guards.js';
import { setRouteGuards } from './route.js';
import { registerAdminRoutes } from './routes/admin.js';
import { registerAuthRoutes } from './routes/auth.js';
import { registerCaseOperationRoutes } from './routes/case-operations.js';
import { registerCaseRoutes } from './routes/cases.js';
import { routeGuards, type ServerContext } from './routes/context.js';
import { registerInsightRoutes } from './routes/insights.js';
import { registerLetterRoutes } from './routes/letters.js';
import { registerReviewRoutes } from './routes/review.js';
import { responseSerializer } from './serialize.js';
import { multipartLimits } from './uploads.js';

/**
 * The Fastify application: the API under /api/v1 from the contract table, the OpenAPI document at
 * /api/docs, and (when built) the web app. `buildApp` takes its dependencies, so tests run it over a
 * throw-away store through `inject`; `startServer` (start.ts) adds the port, the database and demo data.
 */

export interface AppDeps {
  readonly store: Store;
  readonly config: AppConfig;
  /** The clock (ISO instants); the system clock by default. */
  readonly now?: () => string;
  readonly workflow?: WorkflowService;
  /** The built web app to serve at `/` (absent or missing: the API only). */
  readonly webRoot?: string;
  /** Where logs go (tests capture them); standard output by default. */
  readonly logStream?: { write(line: string): void };
}

/** Header names whose values never reach a log line. */
const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
];

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

const APP_CSP =
  "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; object-src 'none'; frame-src 'self' blob:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, store } = deps;
  const now = deps.now ?? (() => new Date().toISOString());
  const workflow =
    deps.workflow ??
    createWorkflow({
      store,
      now,
      options: {
        reviewerCapacity: config.reviewerCapacity,
        ...(config.organization === undefined ? {} : { organization: config.organization }),
        ...(config.letterhead === undefined ? {} : { letterhead: config.letterhead }),
        // The server sends the notices: each command that owes one generates it as case documents.
        correspondence: true,
      },
    });
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      // Fastify logs each request and its completion with these: the method and path (no query string:
      // search terms may name a person), the request id and the status — never bodies or headers.
      serializers: {
        req: (req: { method: string; url: string; id: string }) => ({
          method: req.method,
          path: req.url.split('?')[0],
          id: req.id,
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      ...(deps.logStream === undefined ? {} : { stream: deps.logStream }),
    },
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    bodyLimit: config.bodyLimitBytes,
    // The client address (request.ip) the sign-in throttle counts: X-Forwarded-For only from trusted proxies.
    trustProxy: trustProxyForFastify(config.trustProxy),
    // Size limits of URLs, ids and headers; coded answers to what Node or the router refuses.
    ...GUARD_OPTIONS,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializer(config.checkResponses));
  app.decorateRequest('signedIn', undefined);
  const webRoot = deps.webRoot === undefined ? undefined : resolve(deps.webRoot);
  const serveWeb = webRoot !== undefined && existsSync(resolve(webRoot, 'index.html'));
  installErrorHandling(app, { htmlFallback: serveWeb });
  installRequestGuards(app);

  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, {
    limits: multipartLimits(uploadLimitOf(config)),
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'IMR Desk API',
        version: '1',
        description:
          'Independent Medical Review desk: intake, eligibility, assignment, review, letters. See docs/api.md for the conventions (session cookie, x-csrf-token, coded errors).',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'imr_session' } },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  app.addHook('onRequest', async (request) => {
    if (request.url.startsWith('/api/v1/')) request.signedIn = await loadSession(store, config, request, now());
  });
  app.addHook('onSend', async (request, reply, payload) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) reply.header(k, v);
    if (!request.url.startsWith('/api/docs')) reply.header('content-security-policy', APP_CSP);
    return payload;
  });
  const ctx: ServerContext = { store, workflow, config, now, dueSoonDays: 2, readAudit: new ReadAuditLog(store, now) };
  setRouteGuards(app, routeGuards(ctx));
  registerAuthRoutes(app, ctx);
  registerCaseRoutes(app, ctx);
  registerCaseOperationRoutes(app, ctx);
  registerReviewRoutes(app, ctx);
  registerLetterRoutes(app, ctx);
  registerInsightRoutes(app, ctx);
  registerAdminRoutes(app, ctx);

  if (serveWeb) await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: 'index.html' });
  return app;
}
