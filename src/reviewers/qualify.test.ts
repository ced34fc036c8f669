import { describe, expect, it } from 'vitest';
import { QUALIFICATION_RULES, type Qualification, QualificationCriterion, qualify } from './qualify.js';
import type { ReviewerInput } from './reviewer.js';

const physiatrist: ReviewerInput = {
  id: 'rev-1',
  name: 'Alex Rivera',
  profession: 'medical-doctor',
  licences: [{ state: 'CA', status: 'active', restricted: false, expiresOn: '2026-12-31' }],
  boardCertifications: [
    {
      board: 'American Board of Physical Medicine and Rehabilitation',
      specialty: 'physical-medicine-rehabilitation',
      status: 'current',
    },
  ],
  specialties: ['physical-medicine-rehabilitation'],
  activePracticeSince: '2010-07-01',
  weeklyClinicalHours: 32,
};

type Needs = Parameters<typeof qualify>[1];

const spineInjection: Needs = { treatmentKind: 'injection', bodySystem: 'spine', asOf: '2024-06-01' };

function check(reviewer: ReviewerInput, needs: Needs = spineInjection): Qualification {
  const r = qualify(reviewer, needs);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const failed = (q: Qualification) => q.criteria.filter((c) => !c.passed).map((c) => c.criterion);

describe('qualify', () => {
  it('qualifies a California-licensed, board-certified physiatrist for a spine injection, criterion by criterion', () => {
    const q = check(physiatrist);
    expect(q.qualified).toBe(true);
    expect(q.californiaLicensed).toBe(true);
    expect(q.criteria.map((c) => c.criterion)).toEqual(QualificationCriterion.options);
    expect(q.criteria.every((c) => c.source.includes('FS §1.11'))).toBe(true);
  });

  it('accepts a license from another state (California is only preferred)', () => {
    const q = check({ ...physiatrist, licences: [{ state: 'NC', status: 'active', restricted: false }] });
    expect(q.qualified).toBe(true);
    expect(q.californiaLicensed).toBe(false);
  });

  it('refuses a restricted, expired or suspended license', () => {
    for (const license of [
      { state: 'CA', status: 'active', restricted: true },
      { state: 'CA', status: 'active', restricted: false, expiresOn: '2024-05-31' },
      { state: 'CA', status: 'suspended', restricted: false },
    ] as const) {
      expect(failed(check({ ...physiatrist, licences: [license] }))).toEqual(['active-unrestricted-licence']);
    }
  });

  it('requires an MD or DO to hold a current certification relevant to the dispute', () => {
    expect(failed(check({ ...physiatrist, boardCertifications: [] }))).toEqual(['board-certification']);
    const dermatologyOnly = check({
      ...physiatrist,
      boardCertifications: [{ board: 'ABD', specialty: 'dermatology', status: 'current' }],
    });
    expect(failed(dermatologyOnly)).toEqual(['board-certification']);
    expect(dermatologyOnly.criteria.find((c) => c.criterion === 'board-certification')?.detail).toContain(
      'Dermatology',
    );
    const lapsed = check({
      ...physiatrist,
      boardCertifications: [
        { board: 'ABPMR', specialty: 'physical-medicine-rehabilitation', status: 'current', expiresOn: '2023-12-31' },
      ],
    });
    expect(failed(lapsed)).toEqual(['board-certification']);
  });

  it('does not ask a chiropractor for board certification', () => {
    const chiro = check(
      { ...physiatrist, profession: 'chiropractor', boardCertifications: [], specialties: ['chiropractic'] },
      { treatmentKind: 'chiropractic', bodySystem: 'spine', asOf: '2024-06-01' },
    );
    expect(chiro.qualified).toBe(true);
    expect(chiro.criteria.find((c) => c.criterion === 'board-certification')).toMatchObject({
      passed: true,
      applicable: false,
    });
  });

  it('refuses a reviewer whose specialties do not fit the treatment', () => {
    const q = check(physiatrist, { treatmentKind: 'surgery', bodySystem: 'spine', asOf: '2024-06-01' });
    expect(failed(q)).toEqual(['board-certification', 'expertise']);
  });

  it('refuses any disciplinary history, old or pending', () => {
    const old = check({
      ...physiatrist,
      disciplinaryActions: [{ date: '2005-03-01', kind: 'sanction', status: 'final' }],
    });
    expect(failed(old)).toEqual(['no-disciplinary-history']);
    const pending = check({
      ...physiatrist,
      disciplinaryActions: [{ date: '2024-01-10', kind: 'licence-action', status: 'pending' }],
    });
    expect(pending.criteria.find((c) => c.criterion === 'no-disciplinary-history')?.detail).toContain('pending');
  });

  it('refuses a current QME but not a former one', () => {
    expect(failed(check({ ...physiatrist, qme: { certified: true } }))).toEqual(['not-a-qme']);
    expect(check({ ...physiatrist, qme: { certified: true, until: '2020-06-30' } }).qualified).toBe(true);
  });

  it('requires more than five years of practice', () => {
    expect(failed(check({ ...physiatrist, activePracticeSince: '2019-06-01' }))).toEqual(['years-in-practice']);
    expect(check({ ...physiatrist, activePracticeSince: '2019-05-31' }).qualified).toBe(true);
  });

  it('requires at least 24 clinical hours a week', () => {
    expect(failed(check({ ...physiatrist, weeklyClinicalHours: 23.5 }))).toEqual(['weekly-clinical-hours']);
    expect(check({ ...physiatrist, weeklyClinicalHours: 24 }).qualified).toBe(true);
  });

  it('marks the five-year and 24-hour rules as the IMRO standard, the rest as statute', () => {
    expect(QUALIFICATION_RULES['years-in-practice'].basis).toBe('imro-standard');
    expect(QUALIFICATION_RULES['weekly-clinical-hours'].basis).toBe('imro-standard');
    expect(QUALIFICATION_RULES['not-a-qme'].basis).toBe('statute');
  });

  it('never puts the reviewer’s name in its findings', () => {
    expect(JSON.stringify(check(physiatrist))).not.toContain('Rivera');
  });

  it('refuses an invalid record', () => {
    const r = qualify(
      { ...physiatrist, licences: [{ state: 'California', status: 'active', restricted: false }] },
      spineInjection,
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('IMR_VALIDATION');
  });
});
