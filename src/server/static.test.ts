import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store/index.js';
import { buildApp } from './app.js';
import { testAppConfig } from './config.js';

/** The built web app is served at `/`, its client-side routes fall back to index.html, the API stays JSON. */

let dir: string;
let store: Store;
let app: FastifyInstance;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'imr-static-'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>IMR Desk test page</title>');
  const opened = await openStore({ kind: 'sqlite', path: ':memory:', documentsDir: join(dir, 'docs') });
  if (!opened.ok) throw new Error(opened.error.code);
  store = opened.value;
  app = await buildApp({ store, config: testAppConfig(), webRoot: dir });
});
afterAll(async () => {
  await app?.close();
  await store?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('serving the web app', () => {
  it('serves index.html at / with a content security policy', async () => {
    const r = await app.inject({ method: 'GET', url: '/' });
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('IMR Desk test page');
    expect(r.headers['content-security-policy']).toContain("default-src 'self'");
    expect(r.headers['x-frame-options']).toBe('DENY');
  });

  it("answers the app's own routes with index.html when the browser asks for a page", async () => {
    const r = await app.inject({ method: 'GET', url: '/cases/12', headers: { accept: 'text/html' } });
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('IMR Desk test page');
  });

  it('keeps unknown API paths a coded JSON 404, even for a browser', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/v1/nothing-here', headers: { accept: 'text/html' } });
    expect(r.statusCode).toBe(404);
    expect(r.json<{ error: { code: string } }>().error.code).toBe('IMR_NOT_FOUND');
  });

  it('serves the OpenAPI document for the contract', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(r.statusCode).toBe(200);
    const doc = r.json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(doc.paths)).toContain('/api/v1/cases/{caseId}');
    expect(Object.keys(doc.paths)).toContain('/api/health');
  });
});
