import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadServerConfig, MAX_UPLOAD_BYTES } from './config.js';
import { ErrorBody, SessionResponse } from './contract.js';
import { type TestServer, testServer } from './test-app.js';

/**
 * The upload limit is one server setting (IMR_UPLOAD_MAX_BYTES): read from the environment, handed
 * to the web app in the session response, and applied to documents sent as base64 in JSON as to
 * multipart file parts (hostile.test.ts covers those).
 */

describe('IMR_UPLOAD_MAX_BYTES', () => {
  it('defaults to the workflow limit (50 MB) and takes a number of bytes within it', () => {
    const base = { IMR_DEMO: 'false' };
    const dflt = loadServerConfig(base);
    expect(dflt.ok && dflt.value.app.uploadMaxBytes).toBe(MAX_UPLOAD_BYTES);
    const set = loadServerConfig({ ...base, IMR_UPLOAD_MAX_BYTES: '2097152' });
    expect(set.ok && set.value.app.uploadMaxBytes).toBe(2_097_152);
  });

  it('refuses a value that is not a whole number of bytes from 1 kB to 50 MB, naming the setting', () => {
    for (const bad of ['10MB', '-1', '0', '1.5', String(MAX_UPLOAD_BYTES + 1)]) {
      const r = loadServerConfig({ IMR_DEMO: 'false', IMR_UPLOAD_MAX_BYTES: bad });
      expect(r.ok, bad).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('IMR_VALIDATION');
        expect(r.error.message).toContain('IMR_UPLOAD_MAX_BYTES');
      }
    }
  });
});

describe('the configured limit, through HTTP', () => {
  const LIMIT = 40 * 1024;
  let t: TestServer;
  beforeAll(async () => {
    t = await testServer({ uploadMaxBytes: LIMIT });
  }, 120_000);
  afterAll(async () => {
    await t?.dispose();
  });

  it('is the session response’s uploadLimitBytes, which the web app reads', async () => {
    const c = await t.signIn('intake');
    const s = SessionResponse.parse((await c.request('GET', '/api/v1/auth/session')).json());
    expect(s.uploadLimitBytes).toBe(LIMIT);
  });

  it('refuses a base64 document over it (413, naming the document), as it refuses a file part', async () => {
    const c = await t.signIn('intake');
    const doc = (bytes: number) => ({
      title: 'Scanned records',
      kind: 'medical-record',
      mime: 'text/plain',
      contentBase64: Buffer.alloc(bytes, 'a').toString('base64'),
    });
    const over = await c.request('POST', '/api/v1/cases/1/records', {
      body: { expectedVersion: 1, documents: [doc(LIMIT + 1)] },
    });
    expect(over.statusCode).toBe(413);
    const body = ErrorBody.parse(over.json());
    expect(body.error.code).toBe('IMR_INPUT_TOO_LARGE');
    expect(body.error.details).toMatchObject({ document: 0, limitBytes: LIMIT });
    // At the limit the document passes the size check (the closed case then refuses the step).
    const at = await c.request('POST', '/api/v1/cases/1/records', {
      body: { expectedVersion: 1, documents: [doc(LIMIT)] },
    });
    expect(ErrorBody.parse(at.json()).error.code).not.toBe('IMR_INPUT_TOO_LARGE');
  });
});
