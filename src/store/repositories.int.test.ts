import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Affiliation,
  Application,
  Assignment,
  AuditEvent,
  Case,
  CaseDocument,
  Credential,
  DisputedItem,
  ExpertReviewer,
  ItemDetermination,
  LetterRecord,
  Party,
  UrDecision,
  User,
} from '../domain/case.js';
import type { ErrorCode } from '../domain/errors.js';
import type { Result } from '../domain/result.js';
import { applications } from './repos/applications.js';
import { assignments } from './repos/assignments.js';
import { appendAudit, auditEvents } from './repos/audit.js';
import { cases } from './repos/cases.js';
import { determinations } from './repos/determinations.js';
import { documents } from './repos/documents.js';
import { items } from './repos/items.js';
import { letters } from './repos/letters.js';
import { parties } from './repos/parties.js';
import { affiliations, credentials, reviewers } from './repos/reviewers.js';
import { urDecisions } from './repos/ur-decisions.js';
import { users } from './repos/users.js';
import type { Tx } from './schema.js';
import type { Store } from './store.js';
import {
  freshCaseNumber,
  fullApplication,
  fullAssignment,
  fullCase,
  fullCredential,
  fullDetermination,
  fullLetterRecord,
  fullParty,
  fullReviewer,
  fullUrDecision,
  minimalCase,
  sampleBasis,
  sampleLetter,
} from './test-fixtures.js';
import { storeTargets, type TestStore } from './test-targets.js';

const targets = await storeTargets();

/** Runs `fn` in a transaction and returns its value; a coded failure fails the test with its code. */
async function write<T>(store: Store, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const r = await store.transaction(fn);
  if (!r.ok) throw new Error(`transaction failed: ${r.error.code} ${r.error.message}`);
  return r.value;
}

function codeOf(r: Result<unknown, { code: ErrorCode }>): ErrorCode | 'ok' {
  return r.ok ? 'ok' : r.error.code;
}

/** `input` with the fields the store adds. */
function stored<T extends object>(input: T, added: object): T {
  return { ...input, ...added };
}

for (const target of targets) {
  describe.skipIf(target.skip !== undefined)(`repositories — ${target.title}`, () => {
    let t: TestStore;
    let store: Store;
    beforeAll(async () => {
      t = await target.open();
      store = t.store;
    });
    afterAll(async () => {
      await t?.dispose();
    });

    describe('cases', () => {
      it('creates a case with every field, at version 1, and reads it back by id and by case number', async () => {
        const input = fullCase();
        const created = await write(store, (tx) => cases.create(tx, input));
        expect(Case.parse(created)).toEqual(created);
        expect(created).toEqual({
          ...input,
          id: created.id,
          version: 1,
          createdAt: created.createdAt,
          updatedAt: created.createdAt,
        });
        expect(await cases.getById(store, created.id)).toEqual(created);
        expect(await cases.getByCaseNumber(store, input.caseNumber)).toEqual(created);
      });

      it('leaves absent fields absent (not null) on a minimal case', async () => {
        const created = await write(store, (tx) => cases.create(tx, minimalCase()));
        expect(Object.keys(created).sort()).toEqual(
          ['caseNumber', 'createdAt', 'id', 'kind', 'priority', 'source', 'stage', 'updatedAt', 'version'].sort(),
        );
      });

      it('answers undefined for a case that does not exist', async () => {
        expect(await cases.getById(store, 999_999)).toBeUndefined();
        expect(await cases.getByCaseNumber(store, 'CM00-0000000')).toBeUndefined();
      });

      it('updates fields, clears them with null, and moves to the next version', async () => {
        const c = await write(store, (tx) => cases.create(tx, fullCase()));
        const u = await write(store, (tx) =>
          cases.update(tx, { id: c.id, expectedVersion: 1 }, { priority: 'standard', dueDate: null, patientAge: 48 }),
        );
        expect(u.version).toBe(2);
        expect(u.priority).toBe('standard');
        expect(u.patientAge).toBe(48);
        expect(u).not.toHaveProperty('dueDate');
        expect(u.injuryDate).toBe(c.injuryDate);
        expect(await cases.getById(store, c.id)).toEqual(u);
      });

      it('lists cases in given stages, soonest due first and undated last', async () => {
        const stage = 'records-requested';
        const late = await write(store, (tx) => cases.create(tx, minimalCase({ stage, dueDate: '2030-03-01' })));
        const undated = await write(store, (tx) => cases.create(tx, minimalCase({ stage })));
        const soon = await write(store, (tx) => cases.create(tx, minimalCase({ stage, dueDate: '2030-01-15' })));
        const other = await write(store, (tx) =>
          cases.create(tx, minimalCase({ stage: 'in-review', dueDate: '2030-01-01' })),
        );
        const listed = await cases.listByStage(store, stage);
        expect(listed.map((c) => c.id)).toEqual([soon.id, late.id, undated.id]);
        const both = await cases.listByStage(store, [stage, 'in-review'], { dueOnOrBefore: '2030-02-01' });
        expect(both.map((c) => c.id)).toEqual([other.id, soon.id]);
        expect(await cases.listByStage(store, [])).toEqual([]);
        expect((await cases.listByStage(store, stage, { limit: 1, offset: 1 })).map((c) => c.id)).toEqual([late.id]);
      });

      it('refuses an invalid case with IMR_VALIDATION naming the field, and writes nothing', async () => {
        const caseNumber = freshCaseNumber();
        const r = await store.transaction((tx) =>
          cases.create(tx, { ...minimalCase({ caseNumber }), receivedDate: '03/10/2016' }),
        );
        expect(codeOf(r)).toBe('IMR_VALIDATION');
        expect(!r.ok && r.error.message).toContain('receivedDate');
        expect(await cases.getByCaseNumber(store, caseNumber)).toBeUndefined();
      });
    });

    describe('parties, applications, UR decisions', () => {
      it('stores a party with every field and updates and clears fields', async () => {
        const c = await write(store, (tx) => cases.create(tx, minimalCase()));
        const input = fullParty(c.id);
        const p = await write(store, (tx) => parties.create(tx, input));
        expect(Party.parse(p)).toEqual(p);
        expect(p).toEqual(stored(input, { id: p.id }));
        const minimal = await write(store, (tx) =>
          parties.create(tx, { caseId: c.id, role: 'employer', name: 'Example Co.' }),
        );
        expect(await parties.listByCase(store, c.id)).toEqual([p, minimal]);
        const changed = await write(store, (tx) => parties.update(tx, p.id, { address: null, phone: '916-555-0199' }));
        expect(changed).not.toHaveProperty('address');
        expect(changed.phone).toBe('916-555-0199');
        expect(await parties.getById(store, p.id)).toEqual(changed);
        expect(codeOf(await store.transaction((tx) => parties.update(tx, 999_999, { name: 'X' })))).toBe(
          'IMR_NOT_FOUND',
        );
      });

      it('stores an application with every form field, booleans and JSON intact, and finds it by claim', async () => {
        const c = await write(store, (tx) => cases.create(tx, minimalCase()));
        const input = fullApplication(c.id);
        const a = await write(store, (tx) => applications.create(tx, input));
        expect(Application.parse(a)).toEqual(a);
        expect(a).toEqual(stored(input, { id: a.id, createdAt: a.createdAt }));
        expect(a.deniedForMissingInformation).toBe(true);
        expect(a.alsoDisputedForOtherReasons).toBe(false);
        expect(await applications.getById(store, a.id)).toEqual(a);
        expect(await applications.listByCase(store, c.id)).toEqual([a]);
        expect(await applications.findByClaim(store, 'CLM-0000001', '2016-09-20')).toContainEqual(a);
        expect(await applications.findByClaim(store, 'CLM-0000001', '2016-09-21')).toEqual([]);
      });

      it('stores a UR decision with its items', async () => {
        const c = await write(store, (tx) => cases.create(tx, minimalCase()));
        const input = fullUrDecision(c.id);
        const u = await write(store, (tx) => urDecisions.create(tx, input));
        expect(UrDecision.parse(u)).toEqual(u);
        expect(u).toEqual(stored(input, { id: u.id }));
        expect(await urDecisions.getById(store, u.id)).toEqual(u);
        expect(await urDecisions.listByCase(store, c.id)).toEqual([u]);
      });
    });

    describe('items and determinations', () => {
      it('stores items in letter order, with an outcome of record, and updates them', async () => {
        const c = await write(store, (tx) => cases.create(tx, minimalCase()));
        const second = await write(store, (tx) =>
          items.create(tx, { caseId: c.id, seq: 2, request: 'Physical therapy 2x6', status: 'disputed' }),
        );
        const firstInput = {
          caseId: c.id,
          seq: 1,
          request: 'Physical therapy 2x3',
          originalRequest: 'Physical therapy 2x6',
          authorizedPortion: 'Physical therapy 2x3',
          category: 'Physical therapy',
          status: 'determined' as const,
          decision: 'Overturned' as const,
          claimsAdministratorBasis: sampleBasis,
          reviewerBasis: { usedMtus: false, citations: [], raw: '' },
          rationale: 'Therapy is indicated after surgery.',
        };
        const first = await write(store, (tx) => items.create(tx, firstInput));
        expect(DisputedItem.parse(first)).toEqual(first);
        expect(first).toEqual(stored(firstInput, { id: first.id }));
        expect(await items.listByCase(store, c.id)).toEqual([first, second]);
        const decided = await write(store, (tx) =>
          items.update(tx, second.id, { status: 'determined', decision: 'Upheld', rationale: 'Not indicated.' }),
        );
        expect(decided).toMatchObject({ status: 'determined', decision: 'Upheld', rationale: 'Not indicated.' });
        const cleared = await write(store, (tx) => items.update(tx, second.id, { decision: null, rationale: null }));
        expect(cleared).not.toHaveProperty('decision');
        expect(await items.getById(store, second.id)).toEqual(cleared);
      });

      it('refuses two items with the same position in a case (IMR_ALREADY_EXISTS)', async () => {
        const c = await write(store, (tx) => cases.create(tx, minimalCase()));
        const r = await store.transaction(async (tx) => {
          await items.create(tx, { caseId: c.id, seq: 1, request: 'A', status: 'disputed' });
          return items.create(tx, { caseId: c.id, seq: 1, request: 'B', status: 'disputed' });
        });
        expect(codeOf(r)).toBe('IMR_ALREADY_EXISTS');
        expect(await items.listByCase(store, c.id)).toEqual([]);
      });

      it('refuses an item of a case that does not exist (IMR_NOT_FOUND)', async () => {
        const r = await store.transaction((tx) =>
          items.create(tx, { caseId: 987_654, seq: 1, request: 'A', status: 'disputed' }),
        );
        expect(codeOf(r)).toBe('IMR_NOT_FOUND');
      });

      it('stores determinations per item, oldest first, with engine output and override reason', async () => {
        const c = await write(store, (tx) => cases.create(tx, minimalCase()));
        const r = await write(store, (tx) => reviewers.create(tx, fullReviewer()));
        const [i1, i2] = await write(store, async (tx) => [
          await items.create(tx, { caseId: c.id, seq: 1, request: 'A', status: 'disputed' }),
          await items.create(tx, { caseId: c.id, seq: 2, request: 'B', status: 'disputed' }),
        ]);
        if (i1 === undefined || i2 === undefined) throw new Error('items not created');
        const input = fullDetermination(i1.id, r.id);
        const d1 = await write(store, (tx) => determinations.create(tx, input));
        expect(ItemDetermination.parse(d1)).toEqual(d1);
        expect(d1).toEqual(stored(input, { id: d1.id }));
        const d2 = await write(store, (tx) =>
          determinations.create(tx, {
            itemId: i2.id,
            reviewerId: r.id,
            decision: 'Overturned',
            basis: sampleBasis,
            rationale: 'Indicated.',
            decidedAt: '2016-11-01T21:00:00.000Z',
          }),
        );
        const d3 = await write(store, (tx) => determinations.create(tx, { ...input, decision: 'Overturned' }));
        expect(await determinations.listByItem(store, i1.id)).toEqual([d1, d3]);
        expect(await determinations.listByCase(store, c.id)).toEqual([d1, d3, d2]);
        expect(await determinations.getById(store, d2.id)).toEqual(d2);
      });

      it('creates many items and determinations in one statement each: ids in input order, rows as one at a time', async () => {
        const c = await write(store, (tx) => cases.create(tx, minimalCase()));
        const r = await write(store, (tx) => reviewers.create(tx, fullReviewer()));
        // Out of seq order, one with every field and some with few: each id must go to its own item.
        const inputs = [3, 1, 2].map((seq) => ({
          caseId: c.id,
          seq,
          request: ` Request ${seq} `,
          status: 'determined' as const,
          decision: seq === 1 ? ('Overturned' as const) : ('Upheld' as const),
          ...(seq === 2
            ? {
                originalRequest: 'Original',
                authorizedPortion: 'Part',
                category: 'Imaging',
                reviewerBasis: sampleBasis,
              }
            : {}),
          rationale: `Rationale ${seq}.`,
        }));
        const ids = await write(store, (tx) => items.createMany(tx, inputs));
        expect(new Set(ids).size).toBe(3);
        const listed = await items.listByCase(store, c.id);
        expect(listed.map((i) => i.seq)).toEqual([1, 2, 3]);
        for (const [k, input] of inputs.entries()) {
          // Stored as items.create stores: validated (text trimmed), absent fields absent.
          expect(await items.getById(store, ids[k] as number)).toEqual(
            stored({ ...input, request: input.request.trim() }, { id: ids[k] }),
          );
        }
        const dets = inputs.map((input, k) => ({
          itemId: ids[k] as number,
          reviewerId: r.id,
          decision: input.decision,
          basis: sampleBasis,
          rationale: input.rationale,
          decidedAt: '2016-11-01T21:00:00.000Z',
        }));
        expect(await write(store, (tx) => determinations.createMany(tx, dets))).toBe(3);
        const listedDets = await determinations.listByCase(store, c.id);
        expect(listedDets.map(({ id: _id, ...d }) => d)).toEqual([dets[1], dets[2], dets[0]]);
        expect(await write(store, (tx) => items.createMany(tx, []))).toEqual([]);
        expect(await write(store, (tx) => determinations.createMany(tx, []))).toBe(0);
      });

      it('refuses a batch with one invalid item (IMR_VALIDATION naming its index and field), writing none of it', async () => {
        const c = await write(store, (tx) => cases.create(tx, minimalCase()));
        const r = await store.transaction((tx) =>
          items.createMany(tx, [
            { caseId: c.id, seq: 1, request: 'Secret request text', status: 'disputed' },
            { caseId: c.id, seq: 2, request: '   ', status: 'disputed' },
          ]),
        );
        expect(codeOf(r)).toBe('IMR_VALIDATION');
        if (!r.ok) {
          expect(r.error.details).toMatchObject({ path: '1.request' });
          expect(JSON.stringify(r.error)).not.toContain('Secret');
        }
        expect(await items.listByCase(store, c.id)).toEqual([]);
        const dup = await store.transaction((tx) =>
          items.createMany(tx, [
            { caseId: c.id, seq: 1, request: 'A', status: 'disputed' },
            { caseId: c.id, seq: 1, request: 'B', status: 'disputed' },
          ]),
        );
        expect(codeOf(dup)).toBe('IMR_ALREADY_EXISTS');
        expect(await items.listByCase(store, c.id)).toEqual([]);
      });
    });

    describe('documents', () => {
      it('saves bytes once per content, records each document, and indexes its text', async () => {
        const c = await write(store, (tx) => cases.create(tx, minimalCase()));
        const bytes = new TextEncoder().encode('%PDF-1.4 example progress note');
        const file1 = await store.files.put(bytes);
        const file2 = await store.files.put(Uint8Array.from(bytes));
        expect(file2).toEqual(file1);
        const shard = await readdir(join(t.documentsDir, file1.sha256.slice(0, 2)));
        expect(shard).toEqual([file1.sha256]);
        expect(await readFile(store.files.pathOf(file1.storagePath))).toEqual(Buffer.from(bytes));

        const input = {
          ...file1,
          caseId: c.id,
          title: 'Progress note',
          kind: 'medical-record' as const,
          documentDate: '2016-08-30',
          mime: 'application/pdf',
          receivedAt: '2016-10-10T12:00:00.000Z',
          extractedText: 'Progress note: lumbar pain persists.',
        };
        const d = await write(store, (tx) => documents.create(tx, input));
        expect(CaseDocument.parse(d)).toEqual(d);
        expect(d).toEqual(stored(input, { id: d.id }));
        expect(await documents.getById(store, d.id)).toEqual(d);

        const copy = await write(store, (tx) =>
          documents.create(tx, {
            ...file2,
            caseId: c.id,
            title: 'Same note, resent',
            kind: 'other',
            mime: 'application/pdf',
          }),
        );
        expect(copy.receivedAt).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
        const { extractedText: _text, ...listed } = d;
        expect(await documents.listByCase(store, c.id)).toEqual([listed, copy]);
        expect((await documents.findBySha256(store, c.id, file1.sha256)).map((x) => x.id)).toEqual([d.id, copy.id]);
        expect(await documents.getById(store, copy.id)).toEqual(copy);

        await write(store, (tx) => documents.setText(tx, copy.id, 'OCR text'));
        await write(store, (tx) => documents.setText(tx, copy.id, 'OCR text, corrected'));
        expect((await documents.getById(store, copy.id))?.extractedText).toBe('OCR text, corrected');
      });
    });

    describe('reviewers, credentials, affiliations', () => {
      it('stores reviewers and their credentials and affiliations, and lists profiles of active reviewers', async () => {
        const input = fullReviewer();
        const r = await write(store, (tx) => reviewers.create(tx, input));
        expect(ExpertReviewer.parse(r)).toEqual(r);
        expect(r).toEqual(stored(input, { id: r.id }));
        const inactive = await write(store, (tx) =>
          reviewers.create(tx, { name: 'Dr. Retired', qmeStatus: 'none', disciplinaryHistory: true, active: false }),
        );
        expect(inactive.disciplinaryHistory).toBe(true);

        const credInput = fullCredential(r.id);
        const cred = await write(store, (tx) => credentials.create(tx, credInput));
        expect(Credential.parse(cred)).toEqual(cred);
        expect(cred).toEqual(stored(credInput, { id: cred.id }));
        const spec = await write(store, (tx) =>
          credentials.create(tx, { reviewerId: r.id, type: 'specialty', name: 'Pain Medicine', status: 'active' }),
        );
        const affInput = {
          reviewerId: r.id,
          organizationName: 'Example Insurance Co.',
          aliases: ['Example Ins.', 'EIC'],
          kind: 'insurer' as const,
          relationship: 'consulting',
          since: '2010-01-01',
          until: '2014-12-31',
        };
        const aff = await write(store, (tx) => affiliations.create(tx, affInput));
        const family = await write(store, (tx) =>
          affiliations.create(tx, {
            reviewerId: r.id,
            organizationName: 'Example Claims Services',
            kind: 'family',
            relationship: 'spouse',
            personName: 'Sam Example',
          }),
        );
        expect(Affiliation.parse(aff)).toEqual(aff);
        expect(aff).toEqual(stored(affInput, { id: aff.id }));

        const profiles = await reviewers.listProfiles(store, { activeOnly: true });
        const mine = profiles.find((p) => p.reviewer.id === r.id);
        expect(mine).toEqual({ reviewer: r, credentials: [cred, spec], affiliations: [aff, family] });
        expect(profiles.some((p) => p.reviewer.id === inactive.id)).toBe(false);
        expect((await reviewers.list(store)).map((x) => x.id)).toEqual(expect.arrayContaining([r.id, inactive.id]));

        const expired = await write(store, (tx) =>
          credentials.update(tx, cred.id, { status: 'expired', issuer: null }),
        );
        expect(expired).toEqual({ ...cred, status: 'expired', issuer: undefined } as unknown);
        const current = await write(store, (tx) => affiliations.update(tx, aff.id, { until: null, aliases: null }));
        expect(current).not.toHaveProperty('until');
        expect(current).not.toHaveProperty('aliases');
        await write(store, (tx) => credentials.remove(tx, spec.id));
        await write(store, (tx) => affiliations.remove(tx, aff.id));
        expect(await credentials.listByReviewer(store, r.id)).toEqual([expired]);
        expect(await affiliations.listByReviewer(store, r.id)).toEqual([family]);
        expect(codeOf(await store.transaction((tx) => credentials.remove(tx, spec.id)))).toBe('IMR_NOT_FOUND');

        const off = await write(store, (tx) =>
          reviewers.update(tx, r.id, { active: false, weeklyClinicalHours: null }),
        );
        expect(off.active).toBe(false);
        expect(off).not.toHaveProperty('weeklyClinicalHours');
        expect(await reviewers.getById(store, r.id)).toEqual(off);
      });
    });

    describe('assignments', () => {
      it('stores an assignment with its screen results and ends a current one exactly once', async () => {
        const c = await write(store, (tx) => cases.create(tx, minimalCase()));
        const r = await write(store, (tx) => reviewers.create(tx, fullReviewer()));
        const input = fullAssignment(c.id, r.id);
        const ended = await write(store, (tx) => assignments.create(tx, input));
        expect(Assignment.parse(ended)).toEqual(ended);
        expect(ended).toEqual(stored(input, { id: ended.id }));

        const { endedAt: _e, endReason: _r, ...open } = input;
        const current = await write(store, (tx) =>
          assignments.create(tx, { ...open, assignedAt: '2016-10-07T10:00:00.000Z' }),
        );
        expect(await assignments.listByCase(store, c.id)).toEqual([ended, current]);
        expect(await assignments.listByCase(store, c.id, { currentOnly: true })).toEqual([current]);
        expect(await assignments.listByReviewer(store, r.id, { currentOnly: true })).toEqual([current]);

        const end = { endedAt: '2016-11-03T00:00:00.000Z', endReason: 'letter issued' };
        const done = await write(store, (tx) => assignments.end(tx, current.id, end));
        expect(done).toEqual({ ...current, ...end });
        expect(codeOf(await store.transaction((tx) => assignments.end(tx, current.id, end)))).toBe('IMR_CONFLICT');
        expect(codeOf(await store.transaction((tx) => assignments.end(tx, 999_999, end)))).toBe('IMR_NOT_FOUND');
      });
    });

    describe('letters', () => {
      it('stores a letter record with the whole letter JSON', async () => {
        const c = await write(store, (tx) => cases.create(tx, fullCase()));
        const input = fullLetterRecord(c.id, sampleLetter({ file: 'CM99-0000000.pdf' }));
        const l = await write(store, (tx) => letters.create(tx, input));
        expect(LetterRecord.parse(l)).toEqual(l);
        expect(l).toEqual(stored(input, { id: l.id }));
        expect(await letters.getById(store, l.id)).toEqual(l);
        const pub = await write(store, (tx) =>
          letters.create(tx, {
            caseId: c.id,
            kind: 'public-redacted',
            format: 'text',
            issuedAt: l.issuedAt,
            letter: sampleLetter(),
          }),
        );
        expect(await letters.listByCase(store, c.id)).toEqual([l, pub]);
      });
    });

    describe('an imported published letter', () => {
      it('fits the case model: a closed case with header, patient, credentials, decided items and the letter', async () => {
        const letter = sampleLetter({
          items: [
            {
              request: 'Physical therapy 2x3',
              originalRequest: 'Physical therapy 2x6',
              authorizedPortion: 'Physical therapy 2x3',
              decision: 'Overturned',
              claimsAdministratorBasis: sampleBasis,
              reviewerBasis: {
                usedMtus: false,
                citations: [{ source: 'Non-MTUS', text: 'ODG, Low Back' }],
                raw: 'ODG',
              },
              rationale: 'Therapy is indicated after the flare.',
            },
            ...sampleLetter().items,
          ],
        });
        const caseNumber = freshCaseNumber();
        const imported = await write(store, async (tx) => {
          const c = await cases.createIfAbsent(tx, {
            caseNumber,
            stage: 'closed',
            priority: 'standard',
            kind: 'regular',
            source: 'import',
            receivedDate: letter.case.applicationReceived,
            urDecisionDate: letter.case.urDenialDate,
            assignedDate: letter.case.dateAssigned,
            decisionDate: letter.case.decisionDate,
            patientAge: letter.patient.age,
            patientSex: letter.patient.sex,
            injuryDate: letter.patient.injuryDate,
            reviewerCredentials: letter.reviewer,
          });
          if (c === undefined) throw new Error('case existed');
          for (const [i, item] of letter.items.entries()) {
            await items.create(tx, { caseId: c.id, seq: i + 1, status: 'determined', ...item });
          }
          await letters.create(tx, {
            caseId: c.id,
            kind: 'public-redacted',
            format: 'pdf',
            issuedAt: '2016-11-02T00:00:00.000Z',
            letter,
          });
          return c;
        });
        const again = await write(store, (tx) => cases.createIfAbsent(tx, minimalCase({ caseNumber })));
        expect(again).toBeUndefined();

        const c = await cases.getByCaseNumber(store, caseNumber);
        expect(c).toEqual(imported);
        expect(c?.reviewerCredentials).toEqual(letter.reviewer);
        const stored = await items.listByCase(store, imported.id);
        expect(stored.map(({ id: _id, caseId: _c, seq: _s, status: _st, ...rest }) => rest)).toEqual(letter.items);
        expect((await letters.listByCase(store, imported.id)).map((l) => l.letter)).toEqual([letter]);
      });
    });

    describe('users', () => {
      it('creates, finds and updates users; a taken user name is IMR_ALREADY_EXISTS', async () => {
        const r = await write(store, (tx) => reviewers.create(tx, fullReviewer()));
        const input = {
          username: `rev-${r.id}`,
          displayName: 'Dr. Example Expert',
          role: 'reviewer' as const,
          reviewerId: r.id,
          passwordHash: '$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA',
          active: true,
        };
        const u = await write(store, (tx) => users.create(tx, input));
        expect(User.parse(u)).toEqual(u);
        expect(u).toEqual(stored(input, { id: u.id, createdAt: u.createdAt }));
        expect(await users.getById(store, u.id)).toEqual(u);
        expect(await users.getByUsername(store, input.username)).toEqual(u);
        expect((await users.list(store)).map((x) => x.username)).toContain(input.username);
        const dup = await store.transaction((tx) => users.create(tx, { ...input, displayName: 'Someone else' }));
        expect(codeOf(dup)).toBe('IMR_ALREADY_EXISTS');
        const off = await write(store, (tx) => users.update(tx, u.id, { active: false, reviewerId: null, role: 'qa' }));
        expect(off).toEqual({ ...u, active: false, role: 'qa', reviewerId: undefined } as unknown);
        expect(Object.hasOwn(off, 'reviewerId')).toBe(false);
        expect(codeOf(await store.transaction((tx) => users.create(tx, { ...input, username: 'Has Capitals' })))).toBe(
          'IMR_VALIDATION',
        );
      });
    });

    describe('audit events', () => {
      it('appends events by users and by the system and lists them by case and entity in order', async () => {
        const c = await write(store, (tx) => cases.create(tx, minimalCase()));
        const u = await write(store, (tx) =>
          users.create(tx, {
            username: `intake-${c.id}`,
            displayName: 'Intake',
            role: 'intake',
            passwordHash: 'x',
            active: true,
          }),
        );
        const first = await write(store, (tx) =>
          appendAudit(tx, {
            at: '2016-10-03T15:00:00.000Z',
            actor: u.id,
            action: 'case.created',
            entityType: 'case',
            entityId: String(c.id),
            caseId: c.id,
            requestId: 'req-1',
            details: { stage: 'received', items: 2, expedited: false, note: null },
          }),
        );
        expect(AuditEvent.parse(first)).toEqual(first);
        expect(first).toMatchObject({ actor: u.id, caseId: c.id, details: { items: 2, expedited: false, note: null } });
        const second = await write(store, (tx) =>
          appendAudit(tx, {
            actor: 'system',
            action: 'case.due-date-passed',
            entityType: 'case',
            entityId: String(c.id),
            caseId: c.id,
            requestId: 'timer-1',
          }),
        );
        expect(second).toMatchObject({ actor: 'system', details: {} });
        expect(second.at).toMatch(/Z$/);
        const login = await write(store, (tx) =>
          appendAudit(tx, {
            actor: u.id,
            action: 'user.signed-in',
            entityType: 'user',
            entityId: String(u.id),
            requestId: 'req-2',
          }),
        );
        expect(login).not.toHaveProperty('caseId');
        expect(await auditEvents.listByCase(store, c.id)).toEqual([first, second]);
        expect(await auditEvents.listByCase(store, c.id, { afterId: first.id })).toEqual([second]);
        expect(await auditEvents.listByEntity(store, 'user', String(u.id))).toEqual([login]);
        expect((await auditEvents.list(store, { afterId: first.id, limit: 2 })).map((e) => e.id)).toEqual([
          second.id,
          login.id,
        ]);
      });

      it('refuses details that could carry free text (long strings, nested objects)', async () => {
        const base = {
          actor: 'system' as const,
          action: 'case.noted',
          entityType: 'case',
          entityId: '1',
          requestId: 'r',
        };
        const long = await store.transaction((tx) => appendAudit(tx, { ...base, details: { note: 'x'.repeat(201) } }));
        expect(codeOf(long)).toBe('IMR_VALIDATION');
        const nested = await store.transaction((tx) =>
          appendAudit(tx, { ...base, details: { patient: { name: 'x' } } as never }),
        );
        expect(codeOf(nested)).toBe('IMR_VALIDATION');
      });
    });
  });
}
