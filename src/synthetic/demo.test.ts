import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications, cases, documents, openStore, type Store } from '../store/index.js';
import { type DemoSummary, seedDemo } from './demo.js';
import { GIVEN_FEMALE, GIVEN_MALE, SURNAMES } from './names.js';

/**
 * The demo a first `npm start` shows, read as a new user would: showcase cases whose names, dates and
 * records hang together (no 2026 case with a UR decision of 2017), progress reports laid out as PR-2s
 * with medications and doses, and a UR denial on the case's UR date.
 */

const NOW = '2026-11-20T18:00:00.000Z';
let dir: string;
let store: Store;
let demo: DemoSummary;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'imr-demo-test-'));
  const opened = await openStore({ kind: 'sqlite', path: join(dir, 'imr.sqlite'), documentsDir: join(dir, 'docs') });
  if (!opened.ok) throw new Error(opened.error.code);
  store = opened.value;
  const seeded = await seedDemo(store, {
    now: NOW,
    historyCases: 30,
    reviewers: 14,
    showcaseCases: 4,
    publishedLetters: 3,
  });
  if (!seeded.ok) throw new Error(seeded.error.code);
  demo = seeded.value;
}, 180_000);
afterAll(async () => {
  await store?.close();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

/** Every date in a text written MM/DD/YYYY, as ISO dates. */
function datesIn(text: string): string[] {
  return [...text.matchAll(/\b(\d\d)\/(\d\d)\/(\d{4})\b/g)].map((m) => `${m[3]}-${m[1]}-${m[2]}`);
}

describe('the demo', () => {
  it('seeds without failures', () => {
    expect(demo.failures).toEqual([]);
    expect(demo.showcaseCaseIds.length).toBe(4);
  });

  it('gives showcase cases realistic names and dates that agree with one another', async () => {
    const given = new Set([...GIVEN_FEMALE, ...GIVEN_MALE].map(([n]) => n));
    const family = new Set(SURNAMES.map(([n]) => n));
    for (const id of demo.showcaseCaseIds) {
      const c = await cases.getById(store, id);
      const [app] = await applications.listByCase(store, id);
      if (c === undefined || app === undefined) throw new Error(`case ${id} missing`);
      const [first, ...rest] = (app.employeeName ?? '').split(' ');
      expect(given.has(first ?? ''), app.employeeName).toBe(true);
      expect(family.has(rest.at(-1) ?? ''), app.employeeName).toBe(true);
      const received = app.receivedDate;
      const ur = app.urDecisionDate ?? '';
      const injury = app.injuryDate ?? '';
      expect(injury < ur && ur <= received, `${injury} < ${ur} <= ${received}`).toBe(true);
      // Every diagnosis code on the form is one the assignment can read.
      expect(app.disputedTreatments.every((t) => /^[A-Z]\d\d/.test(t.primaryDiagnosisIcd ?? ''))).toBe(true);

      const docs = await documents.listByCase(store, id);
      const texts = await store.db
        .selectFrom('document_text')
        .select(['document_id', 'body'])
        .where(
          'document_id',
          'in',
          docs.map((d) => d.id),
        )
        .execute();
      const byKind = (kind: string) =>
        texts.filter((t) => docs.find((d) => d.id === t.document_id)?.kind === kind).map((t) => t.body);
      const reports = byKind('medical-record');
      expect(reports.length).toBeGreaterThanOrEqual(2);
      for (const text of reports) {
        for (const heading of [
          'SUBJECTIVE COMPLAINTS',
          'OBJECTIVE FINDINGS',
          'ASSESSMENT',
          'CURRENT MEDICATIONS',
          'TREATMENT PLAN',
          'WORK STATUS',
        ]) {
          expect(text).toContain(heading);
        }
        expect(text).toMatch(/page 3 of 3/);
        expect(text).toMatch(/\d+ mg, .* (daily|hours|bedtime|twice|three times)/);
        // Visits fall after the injury and before the UR decision (a signature may follow by a day or two).
        const visit = /Date of examination: (\d\d)\/(\d\d)\/(\d{4})/.exec(text);
        const visitDay = visit === null ? '' : `${visit[3]}-${visit[1]}-${visit[2]}`;
        expect(visitDay > injury && visitDay < ur, `visit ${visitDay}, injury ${injury}, UR ${ur}`).toBe(true);
        for (const d of datesIn(text)) expect(d <= received, `${d} after receipt ${received}`).toBe(true);
      }
      const [urDenial] = byKind('ur-decision');
      expect(urDenial).toContain('NON-CERTIFIED');
      const [year, month, day] = ur.split('-');
      expect(urDenial).toContain(`Date of determination: ${month}/${day}/${year}`);
    }
  });
});
