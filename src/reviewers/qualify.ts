import { z } from 'zod';
import { type CalendarDate, subtractMonths } from '../domain/clock-dates.js';
import type { ImrError } from '../domain/errors.js';
import { err, ok, type Result } from '../domain/result.js';
import { itemNeedsOf } from './needs.js';
import {
  BOARD_CERTIFICATION_REQUIRED,
  CaseNeeds,
  invalidInput,
  type Licence,
  Reviewer,
  type ReviewerInput,
  type Reviewer as ReviewerRecord,
} from './reviewer.js';
import { RELEVANT_FIT, SPECIALTY_LABELS, type SpecialtyMatch, specialtyFit, specialtyMatch } from './specialty.js';

/**
 * Reviewer qualification, one finding per criterion. Statutory criteria come from LC 139.5(d)(4)
 * (fact sheet §1.11); "more than five years" of practice and "at least 24 hours a week" are the
 * IMRO's own published standard (letter boilerplate, fact sheet §1.11 and §2.1), not the statute.
 */

export const QualificationCriterion = z.enum([
  'active-unrestricted-licence',
  'board-certification',
  'expertise',
  'no-disciplinary-history',
  'not-a-qme',
  'years-in-practice',
  'weekly-clinical-hours',
]);
export type QualificationCriterion = z.infer<typeof QualificationCriterion>;

export type CriterionBasis = 'statute' | 'imro-standard';

export const QUALIFICATION_RULES: Record<
  QualificationCriterion,
  { readonly label: string; readonly source: string; readonly basis: CriterionBasis }
> = {
  'active-unrestricted-licence': {
    label: 'An active, nonrestricted license in a US state (California preferred)',
    source: 'LC 139.5(d)(4)(B) — FS §1.11',
    basis: 'statute',
  },
  'board-certification': {
    label: 'MD/DO: current board certification in an area relevant to the dispute',
    source: 'LC 139.5(d)(4)(B) — FS §1.11',
    basis: 'statute',
  },
  expertise: {
    label: 'Knowledgeable in the condition and the treatment (specialty fit)',
    source: 'LC 139.5(d)(4)(A) — FS §1.11',
    basis: 'statute',
  },
  'no-disciplinary-history': {
    label: 'No history of disciplinary action or sanctions, taken or pending',
    source: 'LC 139.5(d)(4)(C) — FS §1.11',
    basis: 'statute',
  },
  'not-a-qme': {
    label: 'Not a qualified medical evaluator (from 1 January 2014)',
    source: 'LC 139.5(d)(4)(D) — FS §1.11',
    basis: 'statute',
  },
  'years-in-practice': {
    label: 'More than five years of active clinical practice',
    source: 'IMRO standard stated in every determination letter — FS §1.11, §2.1',
    basis: 'imro-standard',
  },
  'weekly-clinical-hours': {
    label: 'Currently in practice at least 24 hours a week',
    source: 'IMRO standard stated in every determination letter — FS §1.11, §2.1',
    basis: 'imro-standard',
  },
};

export const MIN_YEARS_IN_PRACTICE = 5;
export const MIN_WEEKLY_CLINICAL_HOURS = 24;
const QME_BAR_FROM = '2014-01-01';

export interface CriterionResult {
  readonly criterion: QualificationCriterion;
  readonly passed: boolean;
  /** False when the criterion does not apply (board certification for a chiropractor); it then passes. */
  readonly applicable: boolean;
  /** Facts behind the finding: states, specialties, dates, counts — never names. */
  readonly detail: string;
  readonly source: string;
  readonly basis: CriterionBasis;
}

export interface Qualification {
  readonly reviewerId: string;
  readonly qualified: boolean;
  readonly californiaLicensed: boolean;
  readonly criteria: readonly CriterionResult[];
  readonly match: SpecialtyMatch;
}

function validLicence(licence: Licence, asOf: CalendarDate): boolean {
  return (
    licence.status === 'active' && !licence.restricted && (licence.expiresOn === undefined || licence.expiresOn >= asOf)
  );
}

function result(
  criterion: QualificationCriterion,
  passed: boolean,
  detail: string,
  applicable = true,
): CriterionResult {
  const { source, basis } = QUALIFICATION_RULES[criterion];
  return { criterion, passed, applicable, detail, source, basis };
}

/** Qualification of an already-parsed reviewer (used by rankReviewers). */
export function qualifyParsed(reviewer: ReviewerRecord, needs: CaseNeeds): Qualification {
  const { asOf } = needs;
  const criteria: CriterionResult[] = [];

  const licensedIn = [...new Set(reviewer.licences.filter((l) => validLicence(l, asOf)).map((l) => l.state))].sort();
  criteria.push(
    result(
      'active-unrestricted-licence',
      licensedIn.length > 0,
      licensedIn.length > 0
        ? `active unrestricted license: ${licensedIn.join(', ')}`
        : `no active unrestricted license (${reviewer.licences.length} on record)`,
    ),
  );

  const match = specialtyMatch(reviewer, needs);
  if (BOARD_CERTIFICATION_REQUIRED[reviewer.profession]) {
    const current = reviewer.boardCertifications.filter(
      (c) => c.status === 'current' && (c.expiresOn === undefined || c.expiresOn >= asOf),
    );
    // Relevant to the dispute: to at least one of its items (expertise below asks for every item).
    const items = itemNeedsOf(needs);
    const relevant = current.filter((c) =>
      items.some((n) => specialtyFit(c.specialty, n.treatmentKind, n.bodySystem) >= RELEVANT_FIT),
    );
    criteria.push(
      result(
        'board-certification',
        relevant.length > 0,
        relevant.length > 0
          ? `current certification: ${relevant.map((c) => SPECIALTY_LABELS[c.specialty]).join(', ')}`
          : current.length > 0
            ? `current certification only outside the dispute: ${current.map((c) => SPECIALTY_LABELS[c.specialty]).join(', ')}`
            : 'no current board certification',
      ),
    );
  } else {
    criteria.push(result('board-certification', true, `not required of a ${reviewer.profession}`, false));
  }

  criteria.push(result('expertise', match.relevant, match.explanation));

  const actions = [...reviewer.disciplinaryActions].sort((a, b) => (a.date < b.date ? 1 : -1));
  const latest = actions[0];
  criteria.push(
    result(
      'no-disciplinary-history',
      latest === undefined,
      latest === undefined
        ? 'none on record'
        : `${actions.length} on record, latest ${latest.date} (${latest.kind}, ${latest.status})`,
    ),
  );

  if (asOf < QME_BAR_FROM) {
    criteria.push(result('not-a-qme', true, 'the bar applies from 2014-01-01', false));
  } else {
    const isQme = reviewer.qme.certified && (reviewer.qme.until === undefined || reviewer.qme.until >= asOf);
    criteria.push(
      result(
        'not-a-qme',
        !isQme,
        isQme
          ? 'currently a QME'
          : reviewer.qme.certified
            ? `QME certification ended ${reviewer.qme.until ?? ''}`
            : 'not a QME',
      ),
    );
  }

  const fiveYearsOn = subtractMonths(reviewer.activePracticeSince, -12 * MIN_YEARS_IN_PRACTICE);
  criteria.push(
    result(
      'years-in-practice',
      asOf > fiveYearsOn,
      `in active practice since ${reviewer.activePracticeSince}; more than five years from ${fiveYearsOn}`,
    ),
  );

  criteria.push(
    result(
      'weekly-clinical-hours',
      reviewer.weeklyClinicalHours >= MIN_WEEKLY_CLINICAL_HOURS,
      `${reviewer.weeklyClinicalHours} hours a week`,
    ),
  );

  return {
    reviewerId: reviewer.id,
    qualified: criteria.every((c) => c.passed),
    californiaLicensed: licensedIn.includes('CA'),
    criteria,
    match,
  };
}

/**
 * Whether a reviewer may review this case, with a finding for every criterion. Invalid input gives
 * IMR_VALIDATION; an unqualified reviewer is a normal result (`qualified: false`).
 */
export function qualify(reviewer: ReviewerInput, needs: z.input<typeof CaseNeeds>): Result<Qualification, ImrError> {
  const r = Reviewer.safeParse(reviewer);
  if (!r.success) return err(invalidInput('reviewer record', r.error.issues));
  const n = CaseNeeds.safeParse(needs);
  if (!n.success) return err(invalidInput('case needs', n.error.issues));
  return ok(qualifyParsed(r.data, n.data));
}
