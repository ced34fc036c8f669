import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDocument } from '../domain/case.js';
import { cases } from './repos/cases.js';
import { documents } from './repos/documents.js';
import { letters } from './repos/letters.js';
import type { Tx } from './schema.js';
import { SNIPPET_CLOSE, SNIPPET_OPEN, searchDocuments, searchLetters } from './search.js';
import type { Store } from './store.js';
import { minimalCase, sampleBasis, sampleLetter } from './test-fixtures.js';
import { storeTargets, type TestStore } from './test-targets.js';

const targets = await storeTargets();

const FILLER =
  'The patient attended the visit. Vital signs were recorded. Medications were reviewed with the patient. ' +
  'Follow-up was scheduled in four weeks. Work status was discussed. ';

/** Invented clinical texts: one about radiculopathy in depth, one mentioning it once, one unrelated. */
const TEXTS = {
  spine:
    'Lumbar radiculopathy at L5-S1 with positive straight leg raise. MRI of the lumbar spine shows a disc ' +
    'protrusion contacting the S1 nerve root. Radiculopathy is corroborated by electrodiagnostic testing; ' +
    'an epidural steroid injection is requested for the radiculopathy.',
  passing: `${FILLER.repeat(6)}History notes prior radiculopathy, now resolved. ${FILLER.repeat(6)}`,
  shoulder:
    'Right shoulder impingement with reduced abduction. Subacromial injections were given twice in 2015 ' +
    'with temporary relief. Physical therapy continues.',
  other: 'Urine drug screen consistent with prescribed medications. Opioid agreement on file.',
};

async function addDocument(tx: Tx, store: Store, caseId: number, title: string, text: string): Promise<CaseDocument> {
  const file = await store.files.put(new TextEncoder().encode(text));
  return documents.create(tx, {
    ...file,
    caseId,
    title,
    kind: 'medical-record',
    mime: 'text/plain',
    extractedText: text,
  });
}

for (const target of targets) {
  describe.skipIf(target.skip !== undefined)(`full-text search — ${target.title}`, () => {
    let t: TestStore;
    let store: Store;
    const ids: Record<keyof typeof TEXTS, number> = { spine: 0, passing: 0, shoulder: 0, other: 0 };
    let caseA = 0;
    let caseB = 0;

    beforeAll(async () => {
      t = await target.open();
      store = t.store;
      const r = await store.transaction(async (tx) => {
        const a = await cases.create(tx, minimalCase());
        const b = await cases.create(tx, minimalCase());
        caseA = a.id;
        caseB = b.id;
        ids.passing = (await addDocument(tx, store, a.id, 'Clinic notes', TEXTS.passing)).id;
        ids.spine = (await addDocument(tx, store, b.id, 'Spine consult', TEXTS.spine)).id;
        ids.shoulder = (await addDocument(tx, store, a.id, 'Orthopedic note', TEXTS.shoulder)).id;
        ids.other = (await addDocument(tx, store, b.id, 'Lab result', TEXTS.other)).id;
      });
      if (!r.ok) throw new Error(r.error.code);
    });
    afterAll(async () => {
      await t?.dispose();
    });

    it('ranks the document about the terms first and leaves out documents without them', async () => {
      const hits = await searchDocuments(store, 'lumbar radiculopathy');
      expect(hits.map((h) => h.documentId)).toEqual([ids.spine]);
      const broad = await searchDocuments(store, 'radiculopathy');
      expect(broad.map((h) => h.documentId)).toEqual([ids.spine, ids.passing]);
      expect(broad[0]?.score).toBeGreaterThan(broad[1]?.score ?? Number.POSITIVE_INFINITY);
      expect(broad[0]).toMatchObject({ caseId: caseB, title: 'Spine consult', kind: 'medical-record' });
    });

    it('matches other forms of a word (English stemming)', async () => {
      expect((await searchDocuments(store, 'injection')).map((h) => h.documentId).sort()).toEqual(
        [ids.spine, ids.shoulder].sort(),
      );
      expect((await searchDocuments(store, 'medication')).map((h) => h.documentId).sort()).toEqual(
        [ids.passing, ids.other].sort(),
      );
    });

    it('marks the matched words in a short snippet', async () => {
      const [hit] = await searchDocuments(store, 'impingement');
      expect(hit?.documentId).toBe(ids.shoulder);
      expect(hit?.snippet).toContain(`${SNIPPET_OPEN}impingement${SNIPPET_CLOSE}`);
      const [long] = await searchDocuments(store, 'resolved');
      expect(long?.documentId).toBe(ids.passing);
      expect(long?.snippet).toContain(`${SNIPPET_OPEN}resolved${SNIPPET_CLOSE}`);
      expect(long?.snippet.length).toBeLessThan(TEXTS.passing.length / 4);
    });

    it('keeps a quoted phrase together', async () => {
      expect((await searchDocuments(store, '"straight leg raise"')).map((h) => h.documentId)).toEqual([ids.spine]);
      expect(await searchDocuments(store, '"raise leg straight"')).toEqual([]);
    });

    it('ignores common English words on both engines', async () => {
      expect((await searchDocuments(store, 'the radiculopathy')).map((h) => h.documentId)).toEqual([
        ids.spine,
        ids.passing,
      ]);
      expect(await searchDocuments(store, 'the of and')).toEqual([]);
    });

    it('searches one case when asked', async () => {
      expect((await searchDocuments(store, 'radiculopathy', { caseId: caseA })).map((h) => h.documentId)).toEqual([
        ids.passing,
      ]);
      expect(await searchDocuments(store, 'impingement', { caseId: caseB })).toEqual([]);
    });

    it('treats operators and punctuation in user input as plain text, never as an error', async () => {
      for (const q of ['"', 'NEAR(', 'a OR', '-lumbar', 'lumbar*', "o'brien", ':', 'AND', '()', 'ümlaut', '   ']) {
        await expect(searchDocuments(store, q), q).resolves.toBeInstanceOf(Array);
      }
      expect(await searchDocuments(store, '  ')).toEqual([]);
      expect((await searchDocuments(store, '-lumbar')).map((h) => h.documentId)).toEqual([ids.spine]);
    });

    it('takes control characters (NUL and the like) as spaces, never as an error', async () => {
      for (const q of [
        'lumbar\u0000radiculopathy',
        '\u0000',
        'lumbar\u0001',
        '"lumbar\u0000spine"',
        '\u007f\u0085\u200b',
      ]) {
        await expect(searchDocuments(store, q), JSON.stringify(q)).resolves.toBeInstanceOf(Array);
        await expect(searchLetters(store, q), JSON.stringify(q)).resolves.toBeInstanceOf(Array);
      }
      expect((await searchDocuments(store, 'lumbar\u0000radiculopathy')).map((h) => h.documentId)).toEqual([ids.spine]);
      expect(await searchDocuments(store, '\u0000\u0001')).toEqual([]);
    });

    it('follows changes of a document text', async () => {
      const r = await store.transaction((tx) => documents.setText(tx, ids.other, 'Cervical fusion was discussed.'));
      expect(r.ok).toBe(true);
      expect((await searchDocuments(store, 'fusion')).map((h) => h.documentId)).toEqual([ids.other]);
      expect(await searchDocuments(store, 'opioid')).toEqual([]);
    });

    it('respects the limit', async () => {
      expect(await searchDocuments(store, 'patient', { limit: 1 })).toHaveLength(1);
    });

    it('searches letters by summary and rationales, best first, by case and kind', async () => {
      const r = await store.transaction(async (tx) => {
        const knee = await cases.create(tx, minimalCase({ source: 'import', stage: 'closed' }));
        const back = await cases.create(tx, minimalCase({ source: 'import', stage: 'closed' }));
        const kneeLetter = await letters.create(tx, {
          caseId: knee.id,
          kind: 'public-redacted',
          format: 'pdf',
          issuedAt: '2016-11-03T00:00:00.000Z',
          letter: sampleLetter({
            clinicalSummary: 'Knee pain after a fall; arthroscopy of the knee was performed.',
            items: [
              {
                request: 'Knee brace',
                decision: 'Overturned',
                claimsAdministratorBasis: sampleBasis,
                reviewerBasis: sampleBasis,
                rationale: 'A hinged knee brace is recommended after knee arthroscopy for instability.',
              },
            ],
          }),
        });
        const backLetter = await letters.create(tx, {
          caseId: back.id,
          kind: 'public-redacted',
          format: 'pdf',
          issuedAt: '2016-11-04T00:00:00.000Z',
          letter: sampleLetter(),
        });
        const backFinal = await letters.create(tx, {
          caseId: back.id,
          kind: 'final',
          format: 'text',
          issuedAt: '2016-11-04T00:00:00.000Z',
          letter: sampleLetter(),
        });
        return { knee, back, kneeLetter, backLetter, backFinal };
      });
      if (!r.ok) throw new Error(r.error.code);
      const { knee, back, kneeLetter, backLetter, backFinal } = r.value;

      const kneeHits = await searchLetters(store, 'knee brace');
      expect(kneeHits.map((h) => h.letterId)).toEqual([kneeLetter.id]);
      expect(kneeHits[0]).toMatchObject({ caseId: knee.id, caseNumber: knee.caseNumber, kind: 'public-redacted' });
      expect(kneeHits[0]?.snippet).toMatch(new RegExp(`${SNIPPET_OPEN}(knee|brace)${SNIPPET_CLOSE}`, 'i'));

      // The summary is searched too ("lifting" is only in the back letter's summary).
      expect((await searchLetters(store, 'lifting', { kinds: ['public-redacted'] })).map((h) => h.letterId)).toEqual([
        backLetter.id,
      ]);
      expect((await searchLetters(store, 'lifting')).map((h) => h.letterId).sort()).toEqual(
        [backLetter.id, backFinal.id].sort(),
      );
      expect(await searchLetters(store, 'lifting', { caseId: knee.id })).toEqual([]);
      expect(
        (await searchLetters(store, 'radicular', { caseId: back.id, kinds: ['final'] })).map((h) => h.letterId),
      ).toEqual([backFinal.id]);
      expect(await searchLetters(store, 'lifting', { kinds: [] })).toEqual([]);
    });
  });
}
