import { describe, expect, it } from 'vitest';
import { Letter } from '../domain/letter.js';
import { formatBasis } from '../letter/format-basis.js';
import { syntheticLetter } from './letter.js';
import { mulberry32 } from './rng.js';

const SEEDS = Array.from({ length: 400 }, (_, i) => i * 7919 + 1);

describe('syntheticLetter', () => {
  it('is deterministic in its seed and varies across seeds', () => {
    expect(syntheticLetter(42)).toEqual(syntheticLetter(42));
    expect(syntheticLetter(42)).not.toEqual(syntheticLetter(43));
    const r = mulberry32(1);
    const xs = Array.from({ length: 1000 }, () => r());
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('always produces a valid Letter with consistent dates and fields', () => {
    for (const seed of SEEDS) {
      const l = syntheticLetter(seed);
      expect(() => Letter.parse(l)).not.toThrow();
      const c = l.case;
      expect(c.caseNumber).toMatch(/^CM\d\d-\d{7}$/);
      expect(['Standard', 'Expedited']).toContain(c.priority);
      const d = (s: string | undefined) => s ?? '';
      expect(d(c.dateAssigned) < d(c.decisionDate)).toBe(true);
      expect(d(c.urDenialDate) <= d(c.applicationReceived)).toBe(true);
      expect(d(c.applicationReceived) <= d(c.dateAssigned)).toBe(true);
      expect(d(l.patient.injuryDate) < d(c.urDenialDate)).toBe(true);
      expect(c.caseNumber?.slice(2, 4)).toBe(d(c.dateAssigned).slice(2, 4));
      expect(l.patient.age).toBeGreaterThanOrEqual(20);
      expect(l.patient.age).toBeLessThanOrEqual(75);
      expect(l.reviewer.licensure.length).toBeGreaterThanOrEqual(1);
      expect(l.reviewer.licensure.length).toBeLessThanOrEqual(4);
      expect(l.reviewer.specialties.length).toBeGreaterThanOrEqual(1);
      expect(l.reviewer.specialties.length).toBeLessThanOrEqual(3);
      expect(l.items.length).toBeGreaterThanOrEqual(1);
      expect(l.items.length).toBeLessThanOrEqual(6);
      const summarySentences = l.clinicalSummary.split(/(?<=\.) (?=[A-Z])/);
      expect(summarySentences.length).toBeGreaterThanOrEqual(3);
      expect(summarySentences.length).toBeLessThanOrEqual(10);
      for (const it of l.items) {
        expect(it.rationale.endsWith('.')).toBe(true);
        const n = it.rationale.split(/(?<=\.) (?=[A-Z])/).length;
        expect(n).toBeGreaterThanOrEqual(2);
        expect(n).toBeLessThanOrEqual(6);
        expect(it.claimsAdministratorBasis.raw).toBe(formatBasis(it.claimsAdministratorBasis, 'claims-administrator'));
        expect(it.reviewerBasis.raw).toBe(formatBasis(it.reviewerBasis, 'reviewer'));
        expect((it.originalRequest === undefined) === (it.authorizedPortion === undefined)).toBe(true);
      }
      expect(new Set(l.items.map((i) => i.request.toLowerCase())).size).toBe(l.items.length);
    }
  });

  it('has realistic proportions of modified items, decisions and subspecialties', () => {
    const letters = SEEDS.map(syntheticLetter);
    const items = letters.flatMap((l) => l.items);
    const share = (n: number, of: number) => n / of;
    const modified = share(items.filter((i) => i.authorizedPortion !== undefined).length, items.length);
    const upheld = share(items.filter((i) => i.decision === 'Upheld').length, items.length);
    const sub = share(letters.filter((l) => l.reviewer.subspecialties.length > 0).length, letters.length);
    expect(modified).toBeGreaterThan(0.08);
    expect(modified).toBeLessThan(0.25);
    expect(upheld).toBeGreaterThan(0.78);
    expect(upheld).toBeLessThan(0.92);
    expect(sub).toBeGreaterThan(0.1);
    expect(sub).toBeLessThan(0.35);
    expect(items.some((i) => i.claimsAdministratorBasis.citations.length === 0)).toBe(true);
    expect(items.some((i) => i.reviewerBasis.citations.some((c) => c.pages !== undefined))).toBe(true);
    expect(
      items.some((i) => !i.claimsAdministratorBasis.usedMtus && i.claimsAdministratorBasis.citations.length > 0),
    ).toBe(true);
  });

  it('cites the guideline editions in force on the decision date, and decides expedited cases within days', () => {
    const letters = SEEDS.map(syntheticLetter);
    let before = 0;
    let after = 0;
    for (const l of letters) {
      const decided = l.case.decisionDate ?? '';
      const cited = l.items.flatMap((i) => [...i.claimsAdministratorBasis.citations, ...i.reviewerBasis.citations]);
      for (const c of cited.filter((x) => x.source === 'MTUS')) {
        if (decided < '2016-07-29') expect(c.text, `${l.case.caseNumber} decided ${decided}`).not.toMatch(/2016/);
        if (/Chronic Pain/.test(c.text) && decided >= '2016-07-29') expect(c.text).toMatch(/2016$/);
      }
      if (decided < '2016-07-29') before += 1;
      else after += 1;
      expect(decided <= '2017-11-30').toBe(true);
      if (l.case.priority === 'Expedited') {
        const days = (Date.parse(decided) - Date.parse(l.case.dateAssigned ?? '')) / 86_400_000;
        expect(days).toBeLessThanOrEqual(3);
      }
      // Dates of service in a request fall before the UR decision on them.
      for (const i of l.items) {
        const dos = /DOS (\d\d)\/(\d\d)\/(\d{4})/.exec(i.request);
        if (dos !== null) expect(`${dos[3]}-${dos[1]}-${dos[2]}` < (l.case.urDenialDate ?? '')).toBe(true);
      }
    }
    expect(before).toBeGreaterThan(50);
    expect(after).toBeGreaterThan(50);
  });
});
