import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Credential, ExpertReviewer, Affiliation as StoredAffiliation } from '../domain/case.js';
import {
  type CaseNeeds,
  type Party,
  type ReviewerInput,
  rankReviewers,
  SPECIALTY_LABELS,
  Specialty,
  screenConflicts,
  TreatmentKind,
  type Workload,
} from '../reviewers/index.js';
import type { ReviewerProfile } from '../store/index.js';
import { publishedCredentials, reviewerInputOf, screeningParties } from './registry.js';
import { candidateOf, explainSelection, selectReviewers } from './selection.js';

const ORGS = [
  'Brightwater Packing Co.',
  'Tallis Claims Services',
  'Keystone Review Partners',
  'Orchard Insurance Company',
];
const PEOPLE = ['Rowan Ellsworth', 'Pat Quillfeather', 'Casimir Thorne'];
const SPECIALTIES = Specialty.options.slice(0, 12);

const reviewerArb = (id: number) =>
  fc
    .record({
      profession: fc.constantFrom('medical-doctor', 'osteopathic-doctor', 'chiropractor', 'psychologist'),
      states: fc.subarray(['CA', 'NV', 'AZ', 'OR'], { minLength: 0, maxLength: 2 }),
      board: fc.constantFrom(...SPECIALTIES),
      specialty: fc.constantFrom(...SPECIALTIES),
      since: fc.constantFrom('1995-01-01', '2010-06-01', '2022-01-01'),
      hours: fc.constantFrom(10, 30, 40),
      qme: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
      employer: fc.option(fc.constantFrom(...ORGS), { nil: undefined }),
      consulting: fc.option(fc.constantFrom(...ORGS), { nil: undefined }),
      spouse: fc.option(fc.constantFrom(...PEOPLE), { nil: undefined }),
      open: fc.integer({ min: 0, max: 5 }),
    })
    .map((r): { input: ReviewerInput; open: number } => ({
      open: r.open,
      input: {
        id: String(id),
        name: `Dr. Reviewer ${id}`,
        profession: r.profession,
        licences: r.states.map((state) => ({ state, status: 'active', restricted: false })),
        boardCertifications: [{ board: 'ABMS', specialty: r.board, status: 'current' }],
        specialties: [r.specialty],
        activePracticeSince: r.since,
        weeklyClinicalHours: r.hours,
        qme: { certified: r.qme },
        affiliations: [
          ...(r.employer === undefined
            ? []
            : [{ kind: 'organization' as const, name: r.employer, relationship: 'employment' as const }]),
          ...(r.consulting === undefined
            ? []
            : [{ kind: 'organization' as const, name: r.consulting, relationship: 'consulting' as const }]),
          ...(r.spouse === undefined ? [] : [{ kind: 'person' as const, name: r.spouse, relation: 'spouse' as const }]),
        ],
      },
    }));

const registryArb = fc
  .integer({ min: 1, max: 25 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => reviewerArb(i + 1))));
const PARTIES: Party[] = [
  { role: 'employee', name: 'Pat Quillfeather', aliases: [] },
  { role: 'employer', name: 'Brightwater Packing Company', aliases: [] },
  { role: 'claims-administrator', name: 'Tallis Claims Services', aliases: [] },
  { role: 'requesting-physician', name: 'Dr. Rowan Ellsworth', aliases: [] },
];

describe('selectReviewers', () => {
  it('picks the reviewer rankReviewers ranks first over the whole registry (conflict-review cases passed over)', () => {
    fc.assert(
      fc.property(
        registryArb,
        fc.constantFrom(...TreatmentKind.options),
        fc.constantFrom('spine', 'upper-extremity', 'chronic-pain', 'mental-health', 'other' as const),
        fc.integer({ min: 1, max: 2 }),
        (registry, treatmentKind, bodySystem, count) => {
          const needs: CaseNeeds = { treatmentKind, bodySystem, asOf: '2024-05-01' };
          const workload: Record<string, Workload> = Object.fromEntries(
            registry.map((r) => [r.input.id, { open: r.open, capacity: 4 }]),
          );
          const full = rankReviewers(
            registry.map((r) => r.input),
            { needs, parties: PARTIES },
            workload,
          );
          if (!full.ok) throw new Error(full.error.code);
          const expected = full.value.ranked.filter((r) => !r.needsConflictReview).slice(0, count);
          const selection = selectReviewers(
            registry.map((r) => candidateOf(r.input)),
            needs,
            PARTIES,
            workload,
            count,
          );
          expect(selection.picked.map((p) => p.reviewerId)).toEqual(expected.map((e) => e.reviewerId));
          for (const p of selection.picked) {
            expect(p.qualification.qualified).toBe(true);
            expect(p.conflicts.clear && !p.conflicts.needsReview).toBe(true);
          }
          const words = explainSelection(selection);
          expect(words).not.toMatch(/Reviewer \d|Quillfeather|Ellsworth|Brightwater/);
          // Plain words: no bare reviewer ids ("reviewer 3", "passed over: 37: …") nor criterion codes.
          if (selection.picked.length > 0) {
            expect(words).toMatch(/^Chosen automatically/);
            expect(words).not.toMatch(/reviewer \d+ \(|\b\d+: |not-a-qme|weekly-clinical-hours|at-capacity/);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Store records → src/reviewers inputs

const reviewer: ExpertReviewer = {
  id: 12,
  name: 'Dr. Hana Okafor',
  profession: 'physician',
  activePracticeSince: '2005-07-01',
  weeklyClinicalHours: 30,
  qmeStatus: 'lapsed',
  qmeUntil: '2019-12-31',
  disciplinaryHistory: false,
  active: true,
};
const cred = (over: Partial<Credential>): Credential => ({
  id: 1,
  reviewerId: 12,
  type: 'licence',
  name: 'Physician and Surgeon',
  status: 'active',
  ...over,
});
const aff = (over: Partial<StoredAffiliation>): StoredAffiliation => ({
  id: 1,
  reviewerId: 12,
  organizationName: 'Brightwater Packing Co.',
  kind: 'employer',
  ...over,
});

describe('reviewerInputOf', () => {
  const profile: ReviewerProfile = {
    reviewer,
    credentials: [
      cred({ state: 'CA' }),
      cred({ state: 'NV', status: 'expired' }),
      cred({
        type: 'board-certification',
        name: SPECIALTY_LABELS['physical-medicine-rehabilitation'],
        issuer: 'ABPMR',
      }),
      cred({ type: 'board-certification', name: 'Pain Medicine', status: 'revoked' }),
      cred({ type: 'specialty', name: 'Physical Medicine & Rehabilitation' }),
      cred({ type: 'subspecialty', name: 'Pain Management' }),
      cred({ type: 'specialty', name: 'Underwater Basket Weaving' }),
    ],
    affiliations: [
      aff({}),
      aff({ organizationName: 'Orchard Insurance Company', kind: 'insurer', relationship: 'consulting' }),
      aff({
        organizationName: 'Ellsworth Spine Group',
        kind: 'family',
        relationship: 'spouse',
        personName: 'Rowan Ellsworth',
      }),
      aff({ organizationName: 'Mercy Hospital', kind: 'hospital', until: '2015-01-01' }),
    ],
  };

  it('maps licenses, certifications, specialties, QME status and affiliations', () => {
    expect(reviewerInputOf(profile, '2024-05-01')).toEqual({
      id: '12',
      name: 'Dr. Hana Okafor',
      profession: 'medical-doctor',
      licences: [
        { state: 'CA', status: 'active', restricted: false },
        { state: 'NV', status: 'expired', restricted: false },
      ],
      boardCertifications: [
        { board: 'ABPMR', specialty: 'physical-medicine-rehabilitation', status: 'current' },
        { board: 'Pain Medicine', specialty: 'pain-medicine', status: 'revoked' },
      ],
      specialties: ['physical-medicine-rehabilitation'],
      subspecialties: ['pain-medicine'],
      activePracticeSince: '2005-07-01',
      weeklyClinicalHours: 30,
      disciplinaryActions: [],
      qme: { certified: true, until: '2019-12-31' },
      affiliations: [
        {
          kind: 'organization',
          name: 'Brightwater Packing Co.',
          aliases: [],
          relationship: 'employment',
          academicMedicalCenter: false,
        },
        {
          kind: 'organization',
          name: 'Orchard Insurance Company',
          aliases: [],
          relationship: 'consulting',
          academicMedicalCenter: false,
        },
        {
          kind: 'person',
          name: 'Rowan Ellsworth',
          relation: 'spouse',
          organization: { name: 'Ellsworth Spine Group', aliases: [] },
        },
        {
          kind: 'organization',
          name: 'Mercy Hospital',
          aliases: [],
          relationship: 'staff-privileges',
          academicMedicalCenter: false,
          endedOn: '2015-01-01',
        },
      ],
    });
  });

  it('screens as the statute asks: employment and a spouse conflict, unknown consulting income needs a person', () => {
    const parties = screeningParties(
      [
        { id: 1, caseId: 1, role: 'employer', name: 'Brightwater Packing Company' },
        { id: 2, caseId: 1, role: 'insurer', name: 'Orchard Insurance Co' },
        {
          id: 3,
          caseId: 1,
          role: 'requesting-physician',
          name: 'Dr. Rowan Ellsworth',
          organization: 'Ellsworth Spine Group',
        },
        { id: 4, caseId: 1, role: 'representative', name: 'Avery Lindqvist', organization: 'Lindqvist Injury Law' },
      ],
      undefined,
      {
        id: 1,
        caseId: 1,
        decisionDate: '2024-01-01',
        outcome: 'denied',
        items: [],
        reviewerName: 'Dr. Casimir Thorne',
      },
    );
    expect(parties.map((p) => `${p.role}:${p.name}`)).toEqual([
      'employer:Brightwater Packing Company',
      'insurer:Orchard Insurance Co',
      'requesting-physician:Dr. Rowan Ellsworth',
      'physician-group:Ellsworth Spine Group',
      'employee-attorney:Avery Lindqvist',
      'employee-attorney:Lindqvist Injury Law',
      'ur-reviewer:Dr. Casimir Thorne',
    ]);
    const screen = screenConflicts(reviewerInputOf(profile, '2024-05-01'), parties, '2024-05-01');
    if (!screen.ok) throw new Error(screen.error.code);
    expect(screen.value.clear).toBe(false);
    expect(screen.value.hits.map((h) => [h.partyRole, h.rule, h.severity])).toEqual(
      expect.arrayContaining([
        ['employer', 'professional', 'conflict'],
        ['insurer', 'professional', 'review'],
        ['requesting-physician', 'familial', 'conflict'],
      ]),
    );
  });

  it('leaves a record without profession or practice start for ranking to list as invalid', () => {
    const input = reviewerInputOf(
      { ...profile, reviewer: { ...reviewer, profession: 'astrologer', activePracticeSince: undefined } },
      '2024-05-01',
    );
    expect(candidateOf(input).parsed).toBeUndefined();
    const years = reviewerInputOf(
      { ...profile, reviewer: { ...reviewer, activePracticeSince: undefined, yearsInPractice: 9 } },
      '2024-05-01',
    );
    expect(years.activePracticeSince).toBe('2015-05-01');
  });

  it('publishes credentials without names, California first, a panel as the union', () => {
    const other = reviewerInputOf(
      {
        reviewer: { ...reviewer, id: 13, name: 'Dr. Felix Brandt' },
        credentials: [cred({ state: 'AZ' }), cred({ type: 'board-certification', name: 'Orthopaedic Surgery' })],
        affiliations: [],
      },
      '2024-05-01',
    );
    expect(publishedCredentials([other, reviewerInputOf(profile, '2024-05-01')], '2024-05-01')).toEqual({
      licensure: ['California', 'Arizona'],
      specialties: ['Orthopedic Surgery', 'Physical Medicine & Rehabilitation'],
      subspecialties: ['Pain Medicine'],
    });
  });
});
