import { describe, expect, it } from 'vitest';
import { caseNeedsOf, describeItemNeed, regionFromText } from './needs.js';
import { rankReviewers } from './rank.js';
import { normalizeIcd, regionOfDiagnosis } from './regions.js';
import { type CaseNeeds, type ItemNeed, Reviewer, type ReviewerInput } from './reviewer.js';
import { specialtyMatch } from './specialty.js';

function itemAt(needs: CaseNeeds, i: number): ItemNeed {
  const n = needs.items?.[i];
  if (n === undefined) throw new Error(`no item ${i}`);
  return n;
}

describe('regionOfDiagnosis (ICD-10-CM and ICD-9-CM → body region)', () => {
  it.each([
    ['M54.5', 'lumbar spine', 'spine'],
    ['M54.50', 'lumbar spine', 'spine'],
    ['m51.16', 'lumbar spine', 'spine'],
    ['M50.20', 'cervical spine', 'spine'],
    ['M54.2', 'cervical spine', 'spine'],
    ['M54.16', 'lumbar spine', 'spine'],
    ['M47.816', 'lumbar spine', 'spine'],
    ['S33.5XXA', 'lumbar spine', 'spine'],
    ['S39.012A', 'lumbar spine', 'spine'],
    ['S13.4XXA', 'cervical spine', 'spine'],
    ['S83.241A', 'knee', 'lower-extremity'],
    ['S80.01XA', 'knee and lower leg', 'lower-extremity'],
    ['M17.11', 'knee', 'lower-extremity'],
    ['M75.101', 'shoulder', 'upper-extremity'],
    ['S46.011A', 'shoulder and upper arm', 'upper-extremity'],
    ['G56.01', 'wrist and hand', 'hand-wrist'],
    ['S93.401A', 'ankle and foot', 'foot-ankle'],
    ['M72.2', 'foot', 'foot-ankle'],
    ['F43.10', 'mental health', 'mental-health'],
    ['G89.4', 'chronic pain', 'chronic-pain'],
    ['S06.0X0A', 'brain (head injury)', 'head-neurological'],
    ['724.2', 'lumbar spine', 'spine'],
    ['847.0', 'cervical spine', 'spine'],
    ['354.0', 'wrist and hand', 'hand-wrist'],
  ])('%s → %s (%s)', (code, region, bodySystem) => {
    expect(regionOfDiagnosis(code)).toEqual({ code, region, bodySystem });
  });

  it('has no region for a code outside the table or text that is not a code', () => {
    expect(regionOfDiagnosis('Z00.00')).toBeUndefined();
    expect(regionOfDiagnosis('notacode')).toBeUndefined();
    expect(regionOfDiagnosis('')).toBeUndefined();
    expect(normalizeIcd(' m54.5 ')).toBe('M545');
  });
});

describe('caseNeedsOf: every disputed item and the diagnosis codes', () => {
  it('reads the body region from the request words, else from the item’s diagnosis, else from the case’s codes', () => {
    const needs = caseNeedsOf({
      items: [
        { request: 'Norco 10/325 mg #60', category: 'medication', diagnosis: 'M54.5' },
        { request: 'MRI of the lumbar spine without contrast', category: 'imaging' },
        { request: 'Tizanidine 4 mg #30', category: 'medication' },
      ],
      diagnoses: ['M51.26'],
      asOf: '2026-11-02',
    });
    expect(needs.items?.map((n) => [n.treatmentKind, n.bodySystem, n.region, n.source])).toEqual([
      ['medication', 'spine', 'lumbar spine', 'diagnosis'],
      ['imaging', 'spine', 'lumbar spine', 'request'],
      ['medication', 'spine', 'lumbar spine', 'case-diagnoses'],
    ]);
    expect(needs).toMatchObject({ treatmentKind: 'medication', bodySystem: 'spine', asOf: '2026-11-02' });
    expect(describeItemNeed(itemAt(needs, 0))).toBe('medication for the lumbar spine (diagnosis M54.5)');
    expect(describeItemNeed(itemAt(needs, 1))).toBe('imaging of the lumbar spine');
  });

  it('takes the coordinator’s choice for every item, and says "an unnamed body region" when nothing tells', () => {
    const chosen = caseNeedsOf({
      items: [{ request: 'Norco', category: 'medication' }],
      asOf: '2026-11-02',
      bodySystem: 'lower-extremity',
    });
    expect(chosen.items?.[0]).toMatchObject({ bodySystem: 'lower-extremity', source: 'chosen' });
    const unknown = caseNeedsOf({ items: [{ request: 'Norco' }], asOf: '2026-11-02' });
    expect(unknown.items?.[0]).toMatchObject({ treatmentKind: 'other', bodySystem: 'other', source: 'unknown' });
    expect(describeItemNeed(itemAt(unknown, 0))).toBe('treatment of an unnamed body region');
  });

  it('names spine levels and body parts from the words of a request', () => {
    expect(regionFromText('Lumbar epidural steroid injection L4-5')).toEqual({
      bodySystem: 'spine',
      region: 'lumbar spine',
    });
    expect(regionFromText('Right knee arthroscopy')).toEqual({ bodySystem: 'lower-extremity', region: 'knee' });
    expect(regionFromText('Norco 10/325')).toBeUndefined();
  });
});

function md(id: string, specialty: NonNullable<ReviewerInput['specialties']>[number]): ReviewerInput {
  return {
    id,
    name: `Invented Reviewer ${id}`,
    profession: specialty === 'chiropractic' ? 'chiropractor' : 'medical-doctor',
    licences: [{ state: 'CA', status: 'active', restricted: false }],
    boardCertifications: specialty === 'chiropractic' ? [] : [{ board: 'board', specialty, status: 'current' }],
    specialties: [specialty],
    activePracticeSince: '2008-01-01',
    weeklyClinicalHours: 30,
  };
}

describe('matching a case with lumbar diagnosis codes, an MRI and an opioid', () => {
  const needs = caseNeedsOf({
    items: [
      { request: 'Norco 10/325 mg #60', category: 'medication', diagnosis: 'M54.5' },
      { request: 'MRI lumbar spine', category: 'imaging', diagnosis: 'M51.26' },
    ],
    asOf: '2026-11-02',
  });
  const pool = [
    md('pmr', 'physical-medicine-rehabilitation'),
    md('ortho', 'orthopedic-surgery'),
    md('neuro', 'neurology'),
    md('derm', 'dermatology'),
    md('chiro', 'chiropractic'),
    md('psych', 'psychiatry'),
  ];
  const load = Object.fromEntries(pool.map((r) => [r.id, { open: 0, capacity: 10 }]));

  it('keeps spine-qualified orthopedic surgeons, neurologists and PM&R, with PM&R first', () => {
    const r = rankReviewers(pool, { needs, parties: [] }, load);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.ranked.map((x) => x.reviewerId)).toEqual(['pmr', 'ortho', 'neuro']);
    // Excluded for want of fit to one of the items: no specialty that fits every item.
    const excluded = Object.fromEntries(r.value.excluded.map((x) => [x.reviewerId, x.reasons.map((y) => y.kind)]));
    expect(excluded).toEqual({ derm: ['unqualified'], chiro: ['unqualified'], psych: ['unqualified'] });
  });

  it('reading only the first item with no body part (the old way) ranked the spine specialists otherwise', () => {
    const firstOnly = { treatmentKind: 'medication' as const, bodySystem: 'other' as const, asOf: '2026-11-02' };
    const r = rankReviewers(pool, { needs: firstOnly, parties: [] }, load);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.ranked.map((x) => x.reviewerId)).not.toEqual(['pmr', 'ortho', 'neuro']);
  });

  it('explains the fit item by item in plain words', () => {
    const m = specialtyMatch(Reviewer.parse(md('ortho', 'orthopedic-surgery')), needs);
    expect(m.items.map((i) => [i.specialty, i.score])).toEqual([
      ['orthopedic-surgery', 0.5],
      ['orthopedic-surgery', 1],
    ]);
    expect(m.score).toBe(0.75);
    expect(m.explanation).toBe(
      'Orthopedic Surgery is an adequate fit for medication for the lumbar spine (diagnosis M54.5); ' +
        'Orthopedic Surgery is a strong fit for imaging of the lumbar spine.',
    );
  });
});

describe('an item that names no body part, on a case without diagnosis codes', () => {
  it('takes the region the other disputed items name', () => {
    const needs = caseNeedsOf({
      items: [
        { request: 'Physical therapy 2x6 lumbar spine', category: 'therapy' },
        { request: 'Ibuprofen 800 mg #90', category: 'medication' },
      ],
      asOf: '2026-11-02',
    });
    expect(needs.items?.[1]).toMatchObject({ bodySystem: 'spine', region: 'lumbar spine', source: 'other-items' });
    expect(describeItemNeed(itemAt(needs, 1))).toBe(
      'medication for the lumbar spine (named by the other disputed items)',
    );
  });
});

describe('describing a psychological need', () => {
  it('says "for mental health", not "of the depression"', () => {
    const needs = caseNeedsOf({
      items: [{ request: 'Cognitive behavioral therapy x6 sessions for depression', category: 'psychological' }],
      asOf: '2026-11-02',
    });
    expect(describeItemNeed(itemAt(needs, 0))).toBe('psychological treatment for mental health');
  });
});
