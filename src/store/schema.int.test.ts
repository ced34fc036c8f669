import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Codec } from './codec.js';
import { MIGRATION_NAMES, migrateToLatest } from './migrations/index.js';
import { applicationCodec } from './repos/applications.js';
import { assignmentCodec } from './repos/assignments.js';
import { caseCodec } from './repos/cases.js';
import { determinationCodec } from './repos/determinations.js';
import { documentCodec } from './repos/documents.js';
import { itemCodec } from './repos/items.js';
import { letterCodec } from './repos/letters.js';
import { partyCodec } from './repos/parties.js';
import { affiliationCodec, credentialCodec, reviewerCodec } from './repos/reviewers.js';
import { urDecisionCodec } from './repos/ur-decisions.js';
import { userCodec } from './repos/users.js';
import { openStore, type Store } from './store.js';
import { storeTargets, type TestStore } from './test-targets.js';

const targets = await storeTargets();

/** Each table and the columns the code reads and writes (the full-text column aside). */
const CODEC_TABLES: ReadonlyArray<readonly [string, Codec<never>]> = [
  ['cases', caseCodec],
  ['parties', partyCodec],
  ['applications', applicationCodec],
  ['ur_decisions', urDecisionCodec],
  ['case_items', itemCodec],
  ['documents', documentCodec],
  ['reviewers', reviewerCodec],
  ['reviewer_credentials', credentialCodec],
  ['reviewer_affiliations', affiliationCodec],
  ['assignments', assignmentCodec],
  ['item_determinations', determinationCodec],
  ['letters', letterCodec],
  ['users', userCodec],
] as unknown as ReadonlyArray<readonly [string, Codec<never>]>;

const OTHER_TABLES: Readonly<Record<string, readonly string[]>> = {
  document_text: ['document_id', 'body'],
  letter_text: ['letter_id', 'summary', 'rationales'],
  audit_events: ['id', 'at', 'actor_user_id', 'action', 'entity_type', 'entity_id', 'case_id', 'request_id', 'details'],
  sessions: ['id', 'user_id', 'csrf_token', 'created_at', 'expires_at', 'last_seen_at'],
  letter_approvals: ['id', 'case_id', 'case_version', 'approved_by', 'approved_at'],
  qa_returns: ['id', 'case_id', 'case_version', 'returned_by', 'returned_at', 'comment'],
  eligibility_screens: ['id', 'case_id', 'screened_at', 'result'],
  change_counter: ['id', 'value'],
  sign_in_throttle: ['key', 'failures', 'window_started_at'],
};

/** This store's tables (on PostgreSQL other test files' schemas are visible too). */
async function ownTables(store: Store) {
  const schema = await currentSchema(store);
  const tables = await store.db.introspection.getTables();
  return tables.filter((t) => schema === undefined || t.schema === schema);
}

async function tableColumns(store: Store): Promise<Map<string, string[]>> {
  const tables = await ownTables(store);
  return new Map(
    tables
      .filter((t) => !t.name.startsWith('kysely_') && !t.name.endsWith('_fts') && !/_fts_/.test(t.name))
      .map((t) => [
        t.name,
        t.columns
          .map((c) => c.name)
          .filter((n) => n !== 'search_vector')
          .sort(),
      ]),
  );
}

for (const target of targets) {
  describe.skipIf(target.skip !== undefined)(`store schema — ${target.title}`, () => {
    let t: TestStore;
    beforeAll(async () => {
      t = await target.open();
    });
    afterAll(async () => {
      await t?.dispose();
    });

    it('migrates an empty database to the latest migration and records it', async () => {
      const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(t.store.db);
      expect(rows.rows.map((r) => r.name)).toEqual([...MIGRATION_NAMES]);
      expect(MIGRATION_NAMES[0]).toBe('0001-initial');
    });

    it('creates exactly the tables and columns the repositories map', async () => {
      const actual = await tableColumns(t.store);
      const expected = new Map<string, string[]>([
        ...CODEC_TABLES.map(
          ([table, c]) =>
            [
              table,
              Object.keys(c.fields)
                .map((f) => c.column(f as never))
                .sort(),
            ] as const,
        ),
        ...Object.entries(OTHER_TABLES).map(([table, cols]) => [table, [...cols].sort()] as const),
      ]);
      expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected));
    });

    it('does nothing when migrated again', async () => {
      const again = await migrateToLatest(t.store.db, t.store.dialect, await currentSchema(t.store));
      expect(again.error).toBeUndefined();
      expect(again.results).toEqual([]);
    });

    it('refuses to run against a database migrated by newer code (an unknown migration)', async () => {
      const fresh = await target.open();
      try {
        await sql`insert into kysely_migration (name, timestamp) values ('9999-from-the-future', '2030-01-01T00:00:00.000Z')`.execute(
          fresh.store.db,
        );
        const r = await migrateToLatest(fresh.store.db, fresh.store.dialect, await currentSchema(fresh.store));
        expect(r.error).toBeInstanceOf(Error);
        expect(String(r.error)).toMatch(/9999-from-the-future/);
      } finally {
        await fresh.dispose();
      }
    });

    it('keeps the full-text index in its engine: FTS5 on SQLite, a tsvector column on PostgreSQL', async () => {
      const tables = await ownTables(t.store);
      const names = tables.map((x) => x.name);
      if (t.store.dialect === 'sqlite') {
        expect(names).toEqual(expect.arrayContaining(['document_text_fts', 'letter_text_fts']));
      } else {
        const doc = tables.find((x) => x.name === 'document_text');
        expect(doc?.columns.find((c) => c.name === 'search_vector')?.dataType).toBe('tsvector');
      }
    });
  });
}

async function currentSchema(store: Store): Promise<string | undefined> {
  if (store.dialect === 'sqlite') return undefined;
  const r = await sql<{ s: string }>`select current_schema() as s`.execute(store.db);
  return r.rows[0]?.s;
}

describe('openStore failures', () => {
  it('reports IMR_STORE_UNAVAILABLE for a PostgreSQL server that does not answer', async () => {
    const r = await openStore({
      kind: 'postgres',
      url: 'postgres://postgres@127.0.0.1:1/test',
      documentsDir: join(tmpdir(), 'unused'),
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('IMR_STORE_UNAVAILABLE');
  });

  it('reports IMR_STORE_UNAVAILABLE for a SQLite path it cannot open, without creating anything', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'imr-store-bad-'));
    try {
      await writeFile(join(dir, 'a-file'), 'x');
      const r = await openStore({ kind: 'sqlite', path: join(dir, 'a-file', 'imr.sqlite'), documentsDir: dir });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('IMR_STORE_UNAVAILABLE');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a PostgreSQL schema name that is not a plain identifier', async () => {
    const r = await openStore({
      kind: 'postgres',
      url: 'postgres://postgres@127.0.0.1:1/test',
      schema: 'x; drop table y',
      documentsDir: tmpdir(),
    });
    expect(!r.ok && r.error.code).toBe('IMR_VALIDATION');
  });
});
