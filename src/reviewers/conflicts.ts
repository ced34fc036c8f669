import { z } from 'zod';
import { CalendarDate } from '../domain/clock-dates.js';
import type { ImrError } from '../domain/errors.js';
import { err, ok, type Result } from '../domain/result.js';
import { matchOrganizationNames, matchPersonNames, type NameMatch } from './names.js';
import {
  type Affiliation,
  invalidInput,
  type OrganizationAffiliation,
  type PersonRelation,
  type PersonTie,
  Reviewer,
  type ReviewerInput,
  type Reviewer as ReviewerRecord,
} from './reviewer.js';

/**
 * Conflict-of-interest screening against every party to the case (LC 139.5(c)(2), (d)(5), (d)(6);
 * fact sheet §1.11). A reviewer must have no material professional, familial or financial
 * affiliation with: the employer, insurer or claims administrator (or its MPN), their officers and
 * management; the physician, medical group or IPA proposing the treatment; the institution where it
 * would be given; the maker of the drug or device; the employee, the employee's family and attorney;
 * the UR organization. Definitions: familial = spouse, child, parent, sibling, spouse's parent,
 * child's spouse; financial = more than 5% of total annual revenue or income; professional =
 * physician-patient, partnership or employment, ownership in a professional corporation, or a
 * contractor arrangement amounting to a financial affiliation — staff privileges alone excluded.
 *
 * Severity: `conflict` excludes the reviewer; `review` needs a person's judgment (a similar but not
 * identical name, an affiliation that has ended, a relative employed by a party, an unknown income
 * share). Hits carry roles, kinds and indexes into the reviewer record — never names — so the stored
 * result can be shown and logged.
 */

export const PartyRole = z.enum([
  'employee',
  'employee-family',
  'employee-attorney',
  'employer',
  'insurer',
  'claims-administrator',
  'medical-provider-network',
  'party-officer',
  'ur-organization',
  'ur-reviewer',
  'requesting-physician',
  'physician-group',
  'facility',
  'manufacturer',
]);
export type PartyRole = z.infer<typeof PartyRole>;

export type PartyKind = 'person' | 'organization' | 'either';

export const PARTY_ROLES: Record<PartyRole, { readonly label: string; readonly kind: PartyKind }> = {
  employee: { label: 'the employee', kind: 'person' },
  'employee-family': { label: "a member of the employee's family", kind: 'person' },
  'employee-attorney': { label: "the employee's attorney", kind: 'either' },
  employer: { label: 'the employer', kind: 'organization' },
  insurer: { label: 'the insurer', kind: 'organization' },
  'claims-administrator': { label: 'the claims administrator', kind: 'organization' },
  'medical-provider-network': { label: 'the medical provider network', kind: 'organization' },
  'party-officer': { label: 'an officer, director or manager of a party', kind: 'person' },
  'ur-organization': { label: 'the UR organization', kind: 'organization' },
  'ur-reviewer': { label: 'the UR physician reviewer', kind: 'person' },
  'requesting-physician': { label: 'the requesting physician', kind: 'person' },
  'physician-group': { label: "the requesting physician's medical group or IPA", kind: 'organization' },
  facility: { label: 'the facility where the treatment would be given', kind: 'organization' },
  manufacturer: { label: 'the maker of the disputed drug or device', kind: 'organization' },
};

export const Party = z.object({
  role: PartyRole,
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
});
export type Party = z.infer<typeof Party>;

export const ConflictRule = z.enum(['reviewer-is-party', 'familial', 'professional', 'financial']);
export type ConflictRule = z.infer<typeof ConflictRule>;

export const CONFLICT_RULES: Record<ConflictRule, { readonly label: string; readonly source: string }> = {
  'reviewer-is-party': { label: 'The reviewer is the party', source: 'LC 139.5(d)(5) — FS §1.11' },
  familial: { label: 'Familial affiliation', source: 'LC 139.5(d)(5),(d)(6) — FS §1.11' },
  professional: { label: 'Professional affiliation', source: 'LC 139.5(d)(5),(d)(6) — FS §1.11' },
  financial: {
    label: 'Financial affiliation (more than 5% of annual revenue or income)',
    source: 'LC 139.5(d)(6) — FS §1.11',
  },
};

export type ConflictSeverity = 'conflict' | 'review';

export interface ConflictHit {
  readonly partyRole: PartyRole;
  /** Index into the parties given. */
  readonly partyIndex: number;
  /** Index into the reviewer's affiliations; absent when the reviewer is the party. */
  readonly affiliationIndex?: number;
  /** The matched affiliation's kind and relationship, e.g. "organization: employment", "person: spouse". */
  readonly affiliation: string;
  readonly rule: ConflictRule;
  readonly severity: ConflictSeverity;
  readonly match: NameMatch;
  readonly explanation: string;
}

export interface ConflictScreen {
  readonly reviewerId: string;
  readonly asOf: CalendarDate;
  /** No `conflict` hit. */
  readonly clear: boolean;
  /** Some hit needs a person's judgment. */
  readonly needsReview: boolean;
  readonly hits: readonly ConflictHit[];
  /** Affiliations that matched a party but are excluded by the statute (staff privileges, ≤5% income). */
  readonly notes: readonly string[];
  /** Every role screened, so a stored screen shows what it covered. */
  readonly rolesScreened: readonly PartyRole[];
}

const FAMILIAL: ReadonlySet<PersonRelation> = new Set([
  'spouse',
  'child',
  'parent',
  'sibling',
  'spouse-parent',
  'child-spouse',
]);

/** More than 5% of income is a financial affiliation (LC 139.5(d)(6)). */
export const FINANCIAL_THRESHOLD = 0.05;

const acceptsPerson = (role: PartyRole) => PARTY_ROLES[role].kind !== 'organization';
const acceptsOrganization = (role: PartyRole) => PARTY_ROLES[role].kind !== 'person';

interface Finding {
  readonly rule: ConflictRule;
  readonly severity: ConflictSeverity;
  readonly why: string;
}

function organizationFinding(a: OrganizationAffiliation, role: PartyRole): Finding | string {
  if (a.relationship === 'staff-privileges') {
    return 'staff privileges alone are not a professional affiliation (LC 139.5(d)(6))';
  }
  if (a.academicMedicalCenter && role === 'medical-provider-network') {
    return 'an academic medical center affiliation with the MPN is excepted (LC 139.5(d)(5))';
  }
  const share = a.incomeShare;
  switch (a.relationship) {
    case 'employment':
    case 'partnership':
    case 'ownership':
    case 'officer-or-director':
      return { rule: 'professional', severity: 'conflict', why: `${a.relationship.replace(/-/g, ' ')}` };
    case 'contractor':
    case 'consulting':
    case 'financial-interest':
    case 'research-funding': {
      const rule: ConflictRule =
        a.relationship === 'contractor' || a.relationship === 'consulting' ? 'professional' : 'financial';
      if (share === undefined) {
        return { rule, severity: 'review', why: `${a.relationship.replace(/-/g, ' ')} with an unknown income share` };
      }
      if (share <= FINANCIAL_THRESHOLD) {
        return `a ${a.relationship.replace(/-/g, ' ')} of ${(share * 100).toFixed(1)}% of income is below the 5% threshold`;
      }
      return {
        rule: 'financial',
        severity: 'conflict',
        why: `${a.relationship.replace(/-/g, ' ')} worth ${(share * 100).toFixed(1)}% of income`,
      };
    }
  }
}

function personFinding(tie: PersonTie, role: PartyRole): Finding {
  if (FAMILIAL.has(tie.relation))
    return { rule: 'familial', severity: 'conflict', why: `the reviewer's ${tie.relation}` };
  if (tie.relation === 'other-relative')
    return { rule: 'familial', severity: 'review', why: 'a relative outside the statutory list' };
  if (tie.relation === 'patient') {
    return role === 'employee' || role === 'employee-family'
      ? { rule: 'professional', severity: 'conflict', why: 'a physician-patient relationship' }
      : { rule: 'professional', severity: 'review', why: 'a patient of the reviewer' };
  }
  return { rule: 'professional', severity: 'conflict', why: `the reviewer's ${tie.relation.replace(/-/g, ' ')}` };
}

function describe(a: Affiliation): string {
  return a.kind === 'organization' ? `organization: ${a.relationship}` : `person: ${a.relation}`;
}

/**
 * When an affiliation counts. LC 139.5(c)(2), (d)(5) speak of an affiliation the reviewer *has*; the
 * rules set no look-back period. So an affiliation that ended before the screening day is not
 * screened (it is listed in the notes, so a coordinator sees it was considered), and one that has
 * not begun yet (a signed contract that starts next month) goes to a person.
 */
type Period = 'current' | 'ended' | 'not-yet-begun';

function periodOf(a: Affiliation, asOf: CalendarDate): Period {
  if (a.endedOn !== undefined && a.endedOn < asOf) return 'ended';
  if (a.startedOn !== undefined && a.startedOn > asOf) return 'not-yet-begun';
  return 'current';
}

function span(a: Affiliation): string {
  if (a.startedOn !== undefined && a.endedOn !== undefined) return `from ${a.startedOn} to ${a.endedOn}`;
  if (a.endedOn !== undefined) return `until ${a.endedOn}`;
  if (a.startedOn !== undefined) return `from ${a.startedOn}`;
  return '';
}

/** Screens an already-parsed reviewer (used by rankReviewers). */
export function screenParsed(reviewer: ReviewerRecord, parties: readonly Party[], asOf: CalendarDate): ConflictScreen {
  const hits: ConflictHit[] = [];
  const notes: string[] = [];
  const add = (
    partyIndex: number,
    party: Party,
    match: NameMatch,
    finding: Finding,
    affiliationIndex: number | undefined,
    affiliation: string,
    period: Period,
    dates = '',
  ) => {
    const severity: ConflictSeverity =
      finding.severity === 'conflict' && match.kind !== 'similar' && period === 'current' ? 'conflict' : 'review';
    const how = match.kind === 'similar' ? `a similar name (${match.score.toFixed(2)})` : `the ${match.kind} name`;
    hits.push({
      partyRole: party.role,
      partyIndex,
      ...(affiliationIndex === undefined ? {} : { affiliationIndex }),
      affiliation,
      rule: finding.rule,
      severity,
      match,
      explanation:
        `${CONFLICT_RULES[finding.rule].label}: ${finding.why} matches ${PARTY_ROLES[party.role].label} by ${how}` +
        `${period === 'not-yet-begun' ? `; the affiliation has not begun yet (${dates})` : ''} (${CONFLICT_RULES[finding.rule].source}).`,
    });
  };

  parties.forEach((party, partyIndex) => {
    const partyNames = [party.name, ...party.aliases];
    if (acceptsPerson(party.role)) {
      const self = matchPersonNames([reviewer.name], partyNames);
      if (self !== undefined) {
        add(
          partyIndex,
          party,
          self,
          { rule: 'reviewer-is-party', severity: 'conflict', why: 'the reviewer' },
          undefined,
          'self',
          'current',
        );
      }
    }
    reviewer.affiliations.forEach((a, affiliationIndex) => {
      const period = periodOf(a, asOf);
      const dates = span(a);
      const what = `The reviewer's ${a.kind === 'organization' ? a.relationship.replace(/-/g, ' ') : a.relation.replace(/-/g, ' ')}`;
      const endedNote = () =>
        notes.push(
          `${what} matching ${PARTY_ROLES[party.role].label} ended (${dates}); the law screens current ` +
            'affiliations and sets no look-back period (LC 139.5), so it is not a conflict.',
        );
      if (a.kind === 'organization') {
        if (!acceptsOrganization(party.role)) return;
        const match = matchOrganizationNames([a.name, ...a.aliases], partyNames);
        if (match === undefined) return;
        const finding = organizationFinding(a, party.role);
        if (typeof finding === 'string') notes.push(`${what} and ${PARTY_ROLES[party.role].label}: ${finding}.`);
        else if (period === 'ended') endedNote();
        else add(partyIndex, party, match, finding, affiliationIndex, describe(a), period, dates);
        return;
      }
      if (acceptsPerson(party.role)) {
        const match = matchPersonNames([a.name], partyNames);
        if (match !== undefined) {
          if (period === 'ended') endedNote();
          else
            add(partyIndex, party, match, personFinding(a, party.role), affiliationIndex, describe(a), period, dates);
        }
      }
      if (a.organization !== undefined && acceptsOrganization(party.role)) {
        const match = matchOrganizationNames([a.organization.name, ...a.organization.aliases], partyNames);
        if (match !== undefined && period === 'ended') endedNote();
        else if (match !== undefined) {
          // A relative or partner who works for a party: material only if they hold a role there that matters.
          add(
            partyIndex,
            party,
            match,
            {
              rule: FAMILIAL.has(a.relation) || a.relation === 'other-relative' ? 'familial' : 'professional',
              severity: 'review',
              why: `the reviewer's ${a.relation.replace(/-/g, ' ')} works for or holds office in it`,
            },
            affiliationIndex,
            `${describe(a)} (via organization)`,
            period,
            dates,
          );
        }
      }
    });
  });

  return {
    reviewerId: reviewer.id,
    asOf,
    clear: hits.every((h) => h.severity !== 'conflict'),
    needsReview: hits.some((h) => h.severity === 'review'),
    hits,
    notes,
    rolesScreened: [...new Set(parties.map((p) => p.role))],
  };
}

/**
 * Screens a reviewer against every party to the case. Invalid input gives IMR_VALIDATION; a
 * conflicted reviewer is a normal result (`clear: false`) whose hits say who, which affiliation and
 * which rule.
 */
export function screenConflicts(
  reviewer: ReviewerInput,
  parties: readonly z.input<typeof Party>[],
  asOf: CalendarDate,
): Result<ConflictScreen, ImrError> {
  const r = Reviewer.safeParse(reviewer);
  if (!r.success) return err(invalidInput('reviewer record', r.error.issues));
  const p = z.array(Party).safeParse(parties);
  if (!p.success) return err(invalidInput('party list', p.error.issues));
  const d = CalendarDate.safeParse(asOf);
  if (!d.success) return err(invalidInput('screening date', d.error.issues));
  return ok(screenParsed(r.data, p.data, d.data));
}
