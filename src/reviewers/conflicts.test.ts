import { describe, expect, it } from 'vitest';
import { type ConflictScreen, PARTY_ROLES, PartyRole, screenConflicts } from './conflicts.js';
import type { ReviewerInput } from './reviewer.js';

const reviewer: ReviewerInput = {
  id: 'rev-7',
  name: 'Dana Okafor, M.D.',
  profession: 'medical-doctor',
  licences: [{ state: 'CA', status: 'active', restricted: false }],
  activePracticeSince: '2005-01-01',
  weeklyClinicalHours: 40,
};

type PartyInput = Parameters<typeof screenConflicts>[1][number];

const parties: PartyInput[] = [
  { role: 'employee', name: 'Pat Nguyen' },
  { role: 'employer', name: 'Golden State Logistics, Inc.' },
  { role: 'insurer', name: 'The Zenith Insurance Company' },
  { role: 'claims-administrator', name: 'Sedgwick Claims Management Services, Inc.', aliases: ['Sedgwick CMS'] },
  { role: 'ur-organization', name: 'Acme UR Services LLC' },
  { role: 'ur-reviewer', name: 'Lee Chen, DO' },
  { role: 'requesting-physician', name: 'Robin Patel, MD' },
  { role: 'physician-group', name: 'Bay Spine & Pain Medical Group' },
  { role: 'facility', name: 'Mission Surgery Center' },
  { role: 'manufacturer', name: 'Medtronic plc' },
];

function screen(affiliations: ReviewerInput['affiliations'], extra: Partial<ReviewerInput> = {}): ConflictScreen {
  const r = screenConflicts({ ...reviewer, ...extra, affiliations }, parties, '2024-06-01');
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('screenConflicts (LC 139.5)', () => {
  it('clears a reviewer with no ties to any party, and records the roles screened', () => {
    const s = screen([{ kind: 'organization', name: 'UCLA Health', relationship: 'employment' }]);
    expect(s).toMatchObject({ clear: true, needsReview: false, hits: [] });
    expect(s.rolesScreened).toHaveLength(parties.length);
  });

  it('finds employment by the insurer despite "The" and "Company" vs "Co."', () => {
    const s = screen([{ kind: 'organization', name: 'Zenith Insurance Co.', relationship: 'employment' }]);
    expect(s.clear).toBe(false);
    expect(s.hits).toEqual([
      expect.objectContaining({
        partyRole: 'insurer',
        partyIndex: 2,
        affiliationIndex: 0,
        affiliation: 'organization: employment',
        rule: 'professional',
        severity: 'conflict',
        match: { kind: 'normalized', score: 1 },
      }),
    ]);
    expect(s.hits[0]?.explanation).toContain('the insurer');
  });

  it('matches a party by its alias', () => {
    const s = screen([{ kind: 'organization', name: 'SEDGWICK CMS', relationship: 'contractor', incomeShare: 0.2 }]);
    expect(s.hits[0]).toMatchObject({ partyRole: 'claims-administrator', rule: 'financial', severity: 'conflict' });
  });

  it('counts a financial interest above 5% of income, and notes one at or below it', () => {
    expect(
      screen([{ kind: 'organization', name: 'Medtronic', relationship: 'financial-interest', incomeShare: 0.08 }])
        .hits[0],
    ).toMatchObject({ partyRole: 'manufacturer', rule: 'financial', severity: 'conflict' });
    const small = screen([
      { kind: 'organization', name: 'Medtronic', relationship: 'financial-interest', incomeShare: 0.05 },
    ]);
    expect(small.clear).toBe(true);
    expect(small.hits).toEqual([]);
    expect(small.notes.join(' ')).toContain('below the 5% threshold');
  });

  it('asks for review when the income share of a consulting tie is unknown', () => {
    const s = screen([{ kind: 'organization', name: 'Medtronic PLC', relationship: 'consulting' }]);
    expect(s).toMatchObject({ clear: true, needsReview: true });
    expect(s.hits[0]).toMatchObject({ rule: 'professional', severity: 'review' });
  });

  it('excludes staff privileges alone (noted, not a hit)', () => {
    const s = screen([{ kind: 'organization', name: 'Mission Surgery Center', relationship: 'staff-privileges' }]);
    expect(s.hits).toEqual([]);
    expect(s.notes.join(' ')).toContain('staff privileges');
  });

  it('excepts an academic medical center that belongs to the MPN', () => {
    const s = screenConflicts(
      {
        ...reviewer,
        affiliations: [
          { kind: 'organization', name: 'UC Davis Health', relationship: 'employment', academicMedicalCenter: true },
        ],
      },
      [{ role: 'medical-provider-network', name: 'UC Davis Health' }],
      '2024-06-01',
    );
    expect(s.ok && s.value.clear && s.value.hits.length === 0).toBe(true);
  });

  it('finds the reviewer as the requesting physician or the UR reviewer', () => {
    const s = screen([], { name: 'Robin Patel' });
    expect(s.hits).toEqual([
      expect.objectContaining({
        partyRole: 'requesting-physician',
        rule: 'reviewer-is-party',
        severity: 'conflict',
        affiliation: 'self',
      }),
    ]);
    expect(s.hits[0]?.affiliationIndex).toBeUndefined();
  });

  it('finds a family member among the parties (familial: spouse, child, parent, sibling, in-laws)', () => {
    const s = screen([{ kind: 'person', name: 'Nguyen, Pat', relation: 'sibling' }]);
    expect(s.hits[0]).toMatchObject({
      partyRole: 'employee',
      rule: 'familial',
      severity: 'conflict',
      affiliation: 'person: sibling',
    });
  });

  it('finds a physician-patient relationship with the employee', () => {
    expect(screen([{ kind: 'person', name: 'Pat Nguyen', relation: 'patient' }]).hits[0]).toMatchObject({
      rule: 'professional',
      severity: 'conflict',
    });
  });

  it('finds a practice partner of the requesting physician', () => {
    expect(screen([{ kind: 'person', name: 'Dr. Robin Patel', relation: 'practice-partner' }]).hits[0]).toMatchObject({
      partyRole: 'requesting-physician',
      rule: 'professional',
      severity: 'conflict',
    });
  });

  it('asks for review when a spouse works for the employer', () => {
    const s = screen([
      { kind: 'person', name: 'Sam Okafor', relation: 'spouse', organization: { name: 'Golden State Logistics' } },
    ]);
    expect(s).toMatchObject({ clear: true, needsReview: true });
    expect(s.hits[0]).toMatchObject({ partyRole: 'employer', rule: 'familial', severity: 'review' });
  });

  it('does not flag an affiliation that ended before the screening day (no look-back period in LC 139.5), but notes it', () => {
    const ended = screen([
      {
        kind: 'organization',
        name: 'Acme UR Services',
        relationship: 'employment',
        startedOn: '2021-03-01',
        endedOn: '2023-06-30',
      },
    ]);
    expect(ended).toMatchObject({ clear: true, needsReview: false, hits: [] });
    expect(ended.notes.join(' ')).toContain('ended (from 2021-03-01 to 2023-06-30)');
    // The same affiliation still running on the screening day is a conflict.
    const running = screen([
      { kind: 'organization', name: 'Acme UR Services', relationship: 'employment', startedOn: '2021-03-01' },
    ]);
    expect(running.hits[0]).toMatchObject({ partyRole: 'ur-organization', severity: 'conflict' });
    // Ending on the screening day itself still counts.
    const lastDay = screen([
      { kind: 'organization', name: 'Acme UR Services', relationship: 'employment', endedOn: '2024-06-01' },
    ]);
    expect(lastDay.clear).toBe(false);
  });

  it('sends an affiliation that has not begun yet to a person', () => {
    const future = screen([
      { kind: 'organization', name: 'Acme UR Services', relationship: 'employment', startedOn: '2024-09-01' },
    ]);
    expect(future).toMatchObject({ clear: true, needsReview: true });
    expect(future.hits[0]?.explanation).toContain('has not begun yet (from 2024-09-01)');
  });

  it('turns a merely similar name into a review, not an exclusion', () => {
    const similar = screen([
      { kind: 'organization', name: 'Bay Spine and Pain Medical Grp', relationship: 'partnership' },
    ]);
    expect(similar.hits[0]).toMatchObject({
      partyRole: 'physician-group',
      severity: 'review',
      match: { kind: 'similar' },
    });
  });

  it('never puts a name in its hits or notes', () => {
    const s = screen([
      { kind: 'person', name: 'Pat Nguyen', relation: 'spouse' },
      { kind: 'organization', name: 'Zenith Insurance', relationship: 'ownership' },
    ]);
    expect(s.hits).toHaveLength(2);
    expect(JSON.stringify(s)).not.toMatch(/Nguyen|Zenith|Okafor/);
  });

  it('has a label and a person/organization kind for every party role', () => {
    for (const role of PartyRole.options) expect(PARTY_ROLES[role].label.length).toBeGreaterThan(3);
  });

  it('refuses an unknown party role or date', () => {
    expect(screenConflicts(reviewer, [{ role: 'neighbour' as 'employee', name: 'x' }], '2024-06-01').ok).toBe(false);
    expect(screenConflicts(reviewer, parties, 'June 2024').ok).toBe(false);
  });
});
