import type { z } from 'zod';
import type {
  Application,
  Credential,
  ExpertReviewer,
  PublishedCredentials,
  Affiliation as StoredAffiliation,
  Party as StoredParty,
  PartyRole as StoredPartyRole,
  UrDecision,
} from '../domain/case.js';
import { normalizePersonName } from '../domain/consolidation.js';
import {
  type Affiliation,
  type BoardCertification,
  type Licence,
  OrganizationRelationship,
  type Party,
  type PartyRole,
  PersonRelation,
  Profession,
  type ReviewerInput,
  SPECIALTY_LABELS,
  type Specialty,
  specialtyFromText,
} from '../reviewers/index.js';
import { normalizeOrganizationName } from '../reviewers/names.js';
import type { ReviewerProfile } from '../store/index.js';

/**
 * Store records → the narrow inputs of src/reviewers. Where the store keeps less than the screen
 * wants, the mapping says what it assumes:
 * - licenses carry no "restricted" flag: every license is taken as unrestricted;
 * - discipline is a flag: a flagged reviewer gets one final sanction of unknown date (1970-01-01);
 * - affiliations carry no income share: contractor, consulting and financial ties are "unknown
 *   share", which the screen sends to a person (severity `review`), never clears silently.
 */

const PROFESSION_ALIASES: Readonly<Record<string, z.infer<typeof Profession>>> = {
  physician: 'medical-doctor',
  md: 'medical-doctor',
  'm.d.': 'medical-doctor',
  osteopath: 'osteopathic-doctor',
  do: 'osteopathic-doctor',
  'd.o.': 'osteopathic-doctor',
  dc: 'chiropractor',
  'd.c.': 'chiropractor',
};

function professionOf(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const key = raw.trim().toLowerCase();
  const direct = Profession.safeParse(key);
  if (direct.success) return direct.data;
  return PROFESSION_ALIASES[key];
}

const BOARD_STATUS: Record<Credential['status'], BoardCertification['status']> = {
  active: 'current',
  inactive: 'expired',
  expired: 'expired',
  surrendered: 'expired',
  suspended: 'revoked',
  revoked: 'revoked',
};

const DEFAULT_RELATIONSHIP: Record<StoredAffiliation['kind'], z.infer<typeof OrganizationRelationship>> = {
  employer: 'employment',
  insurer: 'employment',
  hospital: 'staff-privileges',
  'ur-organization': 'contractor',
  manufacturer: 'consulting',
  'group-practice': 'partnership',
  family: 'employment',
  financial: 'financial-interest',
};

function affiliationOf(a: StoredAffiliation): Affiliation {
  const aliases = a.aliases ?? [];
  const ended = a.until === undefined ? {} : { endedOn: a.until };
  if (a.kind === 'family' || a.personName !== undefined) {
    const relation = PersonRelation.safeParse(a.relationship);
    return {
      kind: 'person',
      name: a.personName ?? a.organizationName,
      relation: relation.success ? relation.data : a.kind === 'family' ? 'other-relative' : 'business-partner',
      ...(a.personName === undefined ? {} : { organization: { name: a.organizationName, aliases } }),
      ...ended,
    };
  }
  const relationship = OrganizationRelationship.safeParse(a.relationship);
  return {
    kind: 'organization',
    name: a.organizationName,
    aliases,
    relationship: relationship.success ? relationship.data : DEFAULT_RELATIONSHIP[a.kind],
    academicMedicalCenter: false,
    ...ended,
  };
}

function specialtiesOf(creds: readonly Credential[], type: Credential['type']): Specialty[] {
  const out = new Set<Specialty>();
  for (const c of creds) {
    if (c.type !== type || c.status !== 'active') continue;
    const s = specialtyFromText(c.name);
    if (s !== undefined) out.add(s);
  }
  return [...out];
}

/**
 * A store reviewer profile as src/reviewers reads it. A record the reviewer schema refuses (no
 * profession, no practice start) is passed on as it is: ranking lists it as an invalid record.
 * `today` stands in for the start of practice when only a (possibly stale) year count is on record.
 */
export function reviewerInputOf(profile: ReviewerProfile, today: string): ReviewerInput {
  const r: ExpertReviewer = profile.reviewer;
  const licences: Licence[] = [];
  const boards: BoardCertification[] = [];
  for (const c of profile.credentials) {
    if (c.type === 'licence' && c.state !== undefined) {
      licences.push({
        state: c.state,
        status: c.status,
        restricted: false,
        ...(c.expires === undefined ? {} : { expiresOn: c.expires }),
      });
    }
    if (c.type === 'board-certification') {
      const specialty = specialtyFromText(c.name);
      if (specialty !== undefined) {
        boards.push({
          board: c.issuer ?? c.name,
          specialty,
          status: BOARD_STATUS[c.status],
          ...(c.expires === undefined ? {} : { expiresOn: c.expires }),
        });
      }
    }
  }
  const since =
    r.activePracticeSince ??
    (r.yearsInPractice === undefined
      ? undefined
      : `${String(Number(today.slice(0, 4)) - r.yearsInPractice).padStart(4, '0')}${today.slice(4, 10)}`);
  const qme =
    r.qmeStatus === 'none'
      ? { certified: false }
      : r.qmeStatus === 'certified'
        ? { certified: true, ...(r.qmeUntil === undefined ? {} : { until: r.qmeUntil }) }
        : r.qmeUntil === undefined
          ? { certified: false }
          : { certified: true, until: r.qmeUntil };
  return {
    id: String(r.id),
    name: r.name,
    profession: (professionOf(r.profession) ?? '') as z.infer<typeof Profession>,
    licences,
    boardCertifications: boards,
    specialties: specialtiesOf(profile.credentials, 'specialty'),
    subspecialties: specialtiesOf(profile.credentials, 'subspecialty'),
    activePracticeSince: since ?? '',
    weeklyClinicalHours: r.weeklyClinicalHours ?? 0,
    disciplinaryActions: r.disciplinaryHistory ? [{ date: '1970-01-01', kind: 'sanction', status: 'final' }] : [],
    qme,
    affiliations: profile.affiliations.map(affiliationOf),
  };
}

// ---------------------------------------------------------------------------------------------
// Parties

const PERSON_ROLE: Record<StoredPartyRole, PartyRole> = {
  employee: 'employee',
  employer: 'employer',
  'claims-administrator': 'claims-administrator',
  insurer: 'insurer',
  'requesting-physician': 'requesting-physician',
  representative: 'employee-attorney',
  'ur-organization': 'ur-organization',
  'ur-reviewer': 'ur-reviewer',
  facility: 'facility',
  manufacturer: 'manufacturer',
};

/** The organization a person party works for, screened too (the physician's group, the UR reviewer's company). */
const ORGANIZATION_OF_ROLE: Partial<Record<StoredPartyRole, PartyRole>> = {
  'requesting-physician': 'physician-group',
  'ur-reviewer': 'ur-organization',
  representative: 'employee-attorney',
  employee: 'employer',
};

/**
 * Every party to the case for the conflict screen: the party records, the names on the application
 * form and on the UR decision (an adjuster screens as management of the claims administrator).
 * Duplicates (same role, same normalized name) are dropped.
 */
export function screeningParties(
  parties: readonly StoredParty[],
  application: Application | undefined,
  ur: UrDecision | undefined,
): Party[] {
  const out: Party[] = [];
  const seen = new Set<string>();
  const add = (role: PartyRole, name: string | undefined) => {
    if (name === undefined || name.trim() === '') return;
    const key = `${role}:${normalizePersonName(name) ?? ''}:${normalizeOrganizationName(name)}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ role, name, aliases: [] });
  };
  for (const p of parties) {
    add(PERSON_ROLE[p.role], p.name);
    const orgRole = ORGANIZATION_OF_ROLE[p.role];
    if (orgRole !== undefined) add(orgRole, p.organization);
    else add(PERSON_ROLE[p.role], p.organization);
  }
  if (application !== undefined) {
    add('employee', application.employeeName);
    add('employer', application.employerName);
    add('claims-administrator', application.claimsAdministratorName);
    add('party-officer', application.adjusterName);
    add('requesting-physician', application.requestingPhysicianName);
  }
  if (ur !== undefined) {
    add('ur-reviewer', ur.reviewerName);
    add('ur-organization', ur.organization);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Published credentials

export const STATE_NAMES: Readonly<Record<string, string>> = {
  AL: 'Alabama',
  AK: 'Alaska',
  AZ: 'Arizona',
  AR: 'Arkansas',
  CA: 'California',
  CO: 'Colorado',
  CT: 'Connecticut',
  DE: 'Delaware',
  DC: 'District of Columbia',
  FL: 'Florida',
  GA: 'Georgia',
  HI: 'Hawaii',
  ID: 'Idaho',
  IL: 'Illinois',
  IN: 'Indiana',
  IA: 'Iowa',
  KS: 'Kansas',
  KY: 'Kentucky',
  LA: 'Louisiana',
  ME: 'Maine',
  MD: 'Maryland',
  MA: 'Massachusetts',
  MI: 'Michigan',
  MN: 'Minnesota',
  MS: 'Mississippi',
  MO: 'Missouri',
  MT: 'Montana',
  NE: 'Nebraska',
  NV: 'Nevada',
  NH: 'New Hampshire',
  NJ: 'New Jersey',
  NM: 'New Mexico',
  NY: 'New York',
  NC: 'North Carolina',
  ND: 'North Dakota',
  OH: 'Ohio',
  OK: 'Oklahoma',
  OR: 'Oregon',
  PA: 'Pennsylvania',
  RI: 'Rhode Island',
  SC: 'South Carolina',
  SD: 'South Dakota',
  TN: 'Tennessee',
  TX: 'Texas',
  UT: 'Utah',
  VT: 'Vermont',
  VA: 'Virginia',
  WA: 'Washington',
  WV: 'West Virginia',
  WI: 'Wisconsin',
  WY: 'Wyoming',
  PR: 'Puerto Rico',
  GU: 'Guam',
  VI: 'Virgin Islands',
};

/**
 * What a letter says about the reviewers (LC 4610.6(f): qualifications, never names): states of
 * licensure in force on `asOf` (California first, as the letters list it), specialties and
 * subspecialties. A panel's credentials are the union of its members'.
 */
export function publishedCredentials(reviewers: readonly ReviewerInput[], asOf: string): PublishedCredentials {
  const states = new Set<string>();
  const specialties = new Set<Specialty>();
  const subspecialties = new Set<Specialty>();
  for (const r of reviewers) {
    for (const l of r.licences) {
      if (l.status === 'active' && !l.restricted && (l.expiresOn === undefined || l.expiresOn >= asOf)) {
        states.add(l.state);
      }
    }
    for (const b of r.boardCertifications ?? []) if (b.status === 'current') specialties.add(b.specialty);
    for (const s of r.specialties ?? []) specialties.add(s);
    for (const s of r.subspecialties ?? []) subspecialties.add(s);
  }
  const stateNames = [...states]
    .sort((a, b) => (a === 'CA' ? -1 : b === 'CA' ? 1 : a.localeCompare(b)))
    .map((s) => STATE_NAMES[s] ?? s);
  return {
    licensure: stateNames,
    specialties: [...specialties].map((s) => SPECIALTY_LABELS[s]),
    subspecialties: [...subspecialties].filter((s) => !specialties.has(s)).map((s) => SPECIALTY_LABELS[s]),
  };
}
