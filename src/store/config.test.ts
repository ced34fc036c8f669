import { describe, expect, it } from 'vitest';
import { storeConfigFromEnv } from './config.js';

describe('storeConfigFromEnv', () => {
  it('uses the embedded SQLite file and document directory by default', () => {
    expect(storeConfigFromEnv({})).toEqual({
      ok: true,
      value: { kind: 'sqlite', path: './data/imr.sqlite', documentsDir: './data/documents' },
    });
  });

  it('takes IMR_DB_PATH and IMR_DOCUMENTS_DIR', () => {
    expect(
      storeConfigFromEnv({ IMR_DB_PATH: '/var/lib/imr/db.sqlite', IMR_DOCUMENTS_DIR: '/var/lib/imr/docs' }),
    ).toEqual({
      ok: true,
      value: { kind: 'sqlite', path: '/var/lib/imr/db.sqlite', documentsDir: '/var/lib/imr/docs' },
    });
  });

  it('uses PostgreSQL when DATABASE_URL is set, whatever IMR_DB_PATH says', () => {
    const r = storeConfigFromEnv({ DATABASE_URL: 'postgresql://imr:secret@db.internal/imr', IMR_DB_PATH: 'x.sqlite' });
    expect(r).toEqual({
      ok: true,
      value: { kind: 'postgres', url: 'postgresql://imr:secret@db.internal/imr', documentsDir: './data/documents' },
    });
  });

  it('treats empty variables as unset', () => {
    expect(storeConfigFromEnv({ DATABASE_URL: '', IMR_DB_PATH: ' ' })).toMatchObject({
      ok: true,
      value: { kind: 'sqlite' },
    });
  });

  it('refuses a DATABASE_URL that is not a PostgreSQL URL, without echoing it (it may hold a password)', () => {
    const r = storeConfigFromEnv({ DATABASE_URL: 'mysql://u:hunter2@h/db' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('IMR_VALIDATION');
      expect(JSON.stringify(r.error)).not.toContain('hunter2');
    }
  });
});
