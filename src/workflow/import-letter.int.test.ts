import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Letter } from '../domain/letter.js';
import { parseLetterText } from '../letter/parse-text.js';
import { renderLetterText } from '../letter/render-text.js';
import {
  auditEvents,
  cases,
  determinations,
  items,
  letters,
  reviewers,
  type Store,
  searchLetters,
} from '../store/index.js';
import { storeTargets, type TestStore } from '../store/test-targets.js';
import { syntheticLetter } from '../synthetic/letter.js';
import {
  IMPORT_AUDIT_ACTION,
  IMPORT_REVIEWER_NAME,
  type ImportOutcome,
  importLetter,
  SYNTHETIC_CASE_PREFIX,
  syntheticCaseNumber,
} from './import-letter.js';

const targets = await storeTargets();

const TABLES = [
  'cases',
  'case_items',
  'item_determinations',
  'letters',
  'letter_text',
  'audit_events',
  'reviewers',
] as const;

async function counts(store: Store): Promise<Record<(typeof TABLES)[number], number>> {
  const out = {} as Record<(typeof TABLES)[number], number>;
  for (const t of TABLES) {
    const r = await store.db
      .selectFrom(t)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    out[t] = Number(r.n);
  }
  return out;
}

/** Seeds far apart from the other suites' so the case numbers do not collide within a schema. */
function letterFrom(seed: number, file?: string): Letter {
  const l = syntheticLetter(seed);
  return file === undefined ? l : { ...l, file };
}

/** A letter as the importer meets it: rendered to the public layout, then parsed back. */
function renderedAndParsed(seed: number): Letter {
  const parsed = parseLetterText(renderLetterText(syntheticLetter(seed)), { file: `/tmp/in/letter-${seed}.txt` });
  if (!parsed.ok) throw new Error(`synthetic letter ${seed} did not parse: ${parsed.error.code}`);
  return parsed.value;
}

function headerless(seed: number, file?: string): Letter {
  const { file: _f, ...rest } = syntheticLetter(seed);
  return { ...rest, case: {}, ...(file === undefined ? {} : { file }) };
}

async function imported(store: Store, letter: Letter): Promise<Extract<ImportOutcome, { status: 'imported' }>> {
  const r = await importLetter(store, letter, 'system', { requestId: 'test-import' });
  if (!r.ok) throw new Error(`import failed: ${r.error.code} ${r.error.message}`);
  if (r.value.status !== 'imported') throw new Error(`expected imported, got ${r.value.status}`);
  return r.value;
}

for (const target of targets) {
  describe.skipIf(target.skip !== undefined)(`importLetter — ${target.title}`, () => {
    let t: TestStore;
    let store: Store;
    beforeAll(async () => {
      t = await target.open();
      store = t.store;
    });
    afterAll(async () => {
      await t?.dispose();
    });

    it('stores each letter as a closed case with its items, determinations, letter record, search text and audit event', async () => {
      const batch = [letterFrom(101, '/var/letters/a.pdf'), letterFrom(102), renderedAndParsed(103)];
      const before = await counts(store);
      const outcomes = [];
      for (const letter of batch) outcomes.push(await imported(store, letter));
      const after = await counts(store);
      const nItems = batch.reduce((n, l) => n + l.items.length, 0);
      expect(after.cases - before.cases).toBe(3);
      expect(after.case_items - before.case_items).toBe(nItems);
      expect(after.item_determinations - before.item_determinations).toBe(nItems);
      expect(after.letters - before.letters).toBe(3);
      expect(after.letter_text - before.letter_text).toBe(3);
      expect(after.audit_events - before.audit_events).toBe(3);

      for (const [i, letter] of batch.entries()) {
        const o = outcomes[i];
        if (o === undefined) throw new Error('missing outcome');
        expect(o.caseNumber).toBe(letter.case.caseNumber);
        expect(o.syntheticCaseNumber).toBe(false);
        const c = await cases.getByCaseNumber(store, o.caseNumber);
        expect(c).toMatchObject({
          id: o.caseId,
          stage: 'closed',
          source: 'import',
          kind: 'regular',
          priority: letter.case.priority === 'Expedited' ? 'expedited' : 'standard',
          receivedDate: letter.case.applicationReceived,
          urDecisionDate: letter.case.urDenialDate,
          assignedDate: letter.case.dateAssigned,
          decisionDate: letter.case.decisionDate,
          letterIssuedDate: letter.case.decisionDate,
          closedDate: letter.case.decisionDate,
          patientAge: letter.patient.age,
          patientSex: letter.patient.sex,
          injuryDate: letter.patient.injuryDate,
          reviewerCredentials: letter.reviewer,
          version: 1,
        });

        const stored = await items.listByCase(store, o.caseId);
        expect(stored.map(({ id: _i, caseId: _c, seq: _s, status: _st, ...rest }) => rest)).toEqual(letter.items);
        expect(stored.map((s) => [s.seq, s.status])).toEqual(letter.items.map((_, k) => [k + 1, 'determined']));

        const dets = await determinations.listByCase(store, o.caseId);
        expect(dets.map((d) => [d.itemId, d.decision, d.basis, d.rationale])).toEqual(
          stored.map((s, k) => [s.id, letter.items[k]?.decision, letter.items[k]?.reviewerBasis, s.rationale]),
        );
        expect(new Set(dets.map((d) => d.decidedAt))).toEqual(new Set([`${letter.case.decisionDate}T12:00:00.000Z`]));

        const recs = await letters.listByCase(store, o.caseId);
        expect(recs).toHaveLength(1);
        expect(recs[0]).toMatchObject({
          id: o.letterId,
          kind: 'public-redacted',
          format: i === 0 ? 'pdf' : 'text',
          issuedAt: `${letter.case.decisionDate}T12:00:00.000Z`,
        });
        // The letter as parsed, with only the file's directory dropped.
        const { file, ...content } = letter;
        expect(recs[0]?.letter).toEqual(
          file === undefined ? content : { ...content, file: file.slice(file.lastIndexOf('/') + 1) },
        );

        const events = await auditEvents.listByCase(store, o.caseId);
        expect(events).toHaveLength(1);
        expect(events[0]).toMatchObject({
          actor: 'system',
          action: IMPORT_AUDIT_ACTION,
          entityType: 'case',
          entityId: String(o.caseId),
          requestId: 'test-import',
          details: { letterId: o.letterId, items: letter.items.length, format: i === 0 ? 'pdf' : 'text' },
        });
      }

      // Indexed for search: a distinctive word of the second letter's summary finds it.
      const second = batch[1] as Letter;
      const word = (second.clinicalSummary.match(/[A-Za-z]{9,}/g) ?? []).sort((a, b) => b.length - a.length)[0];
      expect(word).toBeDefined();
      const hits = await searchLetters(store, word as string, { kinds: ['public-redacted'], limit: 100 });
      expect(hits.map((h) => h.caseNumber)).toContain(second.case.caseNumber);
    });

    it('attributes every imported determination to one inactive placeholder reviewer', async () => {
      await imported(store, letterFrom(111));
      await imported(store, letterFrom(112));
      const placeholders = (await reviewers.list(store)).filter((r) => r.name === IMPORT_REVIEWER_NAME);
      expect(placeholders).toHaveLength(1);
      expect(placeholders[0]).toMatchObject({ active: false, qmeStatus: 'none' });
      expect(await reviewers.list(store, { activeOnly: true })).not.toContainEqual(placeholders[0]);
    });

    it('skips a case number already stored: nothing written, no audit event, same case', async () => {
      const batch = [letterFrom(121), letterFrom(122), renderedAndParsed(123)];
      const first = [];
      for (const l of batch) first.push(await imported(store, l));
      const before = await counts(store);
      const auditBefore = await auditEvents.list(store, { limit: 5000 });
      for (const [i, l] of batch.entries()) {
        // Also as the other file form of the same letter: same case number, same outcome.
        for (const letter of [l, { ...l, file: 'elsewhere/copy.pdf' }]) {
          const r = await importLetter(store, letter, 'system');
          expect(r).toEqual({
            ok: true,
            value: {
              status: 'skipped',
              caseId: first[i]?.caseId,
              caseNumber: l.case.caseNumber,
              syntheticCaseNumber: false,
            },
          });
        }
      }
      expect(await counts(store)).toEqual(before);
      expect(await auditEvents.list(store, { limit: 5000 })).toEqual(auditBefore);
    });

    it('keys a letter without a case number by a hash of its content, so re-importing it is skipped too', async () => {
      const a = headerless(131, '/copies/a.txt');
      const key = syntheticCaseNumber(a);
      expect(key).toMatch(new RegExp(`^${SYNTHETIC_CASE_PREFIX}[0-9a-f]{24}$`));
      // The file name is not content; the content is.
      expect(syntheticCaseNumber({ ...a, file: 'other/name.pdf' })).toBe(key);
      expect(syntheticCaseNumber(headerless(132))).not.toBe(key);

      const first = await imported(store, a);
      expect(first).toMatchObject({ caseNumber: key, syntheticCaseNumber: true });
      const c = await cases.getById(store, first.caseId);
      expect(c).toMatchObject({ caseNumber: key, priority: 'standard', stage: 'closed' });
      expect(c).not.toHaveProperty('decisionDate');
      expect(await items.listByCase(store, first.caseId)).toHaveLength(a.items.length);

      const before = await counts(store);
      const again = await importLetter(store, { ...a, file: 'renamed.txt' }, 'system');
      expect(again).toEqual({
        ok: true,
        value: { status: 'skipped', caseId: first.caseId, caseNumber: key, syntheticCaseNumber: true },
      });
      expect(await counts(store)).toEqual(before);
    });

    it('imports the same letter once when imports run concurrently', async () => {
      const letter = letterFrom(141);
      const before = await counts(store);
      const results = await Promise.all(Array.from({ length: 4 }, () => importLetter(store, letter, 'system')));
      const statuses = results.map((r) => (r.ok ? r.value.status : r.error.code)).sort();
      expect(statuses).toEqual(['imported', 'skipped', 'skipped', 'skipped']);
      const after = await counts(store);
      expect(after.cases - before.cases).toBe(1);
      expect(after.case_items - before.case_items).toBe(letter.items.length);
      expect(after.audit_events - before.audit_events).toBe(1);
    });

    it('refuses a letter that does not match the letter schema, naming the field and not its value', async () => {
      const before = await counts(store);
      const bad = { ...letterFrom(151), items: [] } as Letter;
      const r = await importLetter(store, bad, 'system');
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('IMR_LETTER_INVALID');
        expect(r.error.message).toContain('items');
      }
      expect(await counts(store)).toEqual(before);
    });

    it('leaves no partial case when a record fails validation mid-transaction', async () => {
      const good = letterFrom(161);
      const first = good.items[0];
      if (first === undefined) throw new Error('no item');
      // The second item's request is blank: the case is written before the items (one batch) fail.
      const letter: Letter = { ...good, items: [first, { ...first, request: '   ' }] };
      const before = await counts(store);
      const r = await importLetter(store, letter, 'system');
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('IMR_VALIDATION');
        expect(JSON.stringify(r.error)).not.toContain(first.request);
      }
      expect(await counts(store)).toEqual(before);
      expect(await cases.getByCaseNumber(store, good.case.caseNumber as string)).toBeUndefined();
      // Nothing left behind blocks the corrected letter.
      expect((await imported(store, good)).caseNumber).toBe(good.case.caseNumber);
    });

    it('leaves no partial case when the database fails at the last write, and imports it once the fault is gone', async () => {
      const letter = letterFrom(171);
      if (target.dialect === 'sqlite') {
        await sql`create trigger fail_letter_text before insert on letter_text begin select raise(abort, 'injected failure'); end`.execute(
          store.db,
        );
      } else {
        await sql`create function fail_letter_text() returns trigger language plpgsql as $$ begin raise exception 'injected failure'; end $$`.execute(
          store.db,
        );
        await sql`create trigger fail_letter_text before insert on letter_text for each row execute function fail_letter_text()`.execute(
          store.db,
        );
      }
      const before = await counts(store);
      try {
        await expect(importLetter(store, letter, 'system')).rejects.toThrow(/injected failure/);
        expect(await counts(store)).toEqual(before);
        expect(await cases.getByCaseNumber(store, letter.case.caseNumber as string)).toBeUndefined();
      } finally {
        if (target.dialect === 'sqlite') {
          await sql`drop trigger fail_letter_text`.execute(store.db);
        } else {
          await sql`drop trigger fail_letter_text on letter_text`.execute(store.db);
          await sql`drop function fail_letter_text()`.execute(store.db);
        }
      }
      const ok = await imported(store, letter);
      expect(await items.listByCase(store, ok.caseId)).toHaveLength(letter.items.length);
      const after = await counts(store);
      expect(after.cases - before.cases).toBe(1);
      expect(after.audit_events - before.audit_events).toBe(1);
    });
  });
}
