import { z } from 'zod';
import { type CalendarDate, localDateOf, When } from './clock-dates.js';
import { type ImrError, imrError } from './errors.js';
import { monthNumber } from './months.js';
import { err, ok, type Result } from './result.js';

/**
 * Consolidation and duplicate suggestions for incoming applications.
 * - Consolidation: the IMRO may combine eligible applications of the same employee with the same
 *   requesting physician and the same date of injury into one determination (8 CCR 9792.10.4 —
 *   fact sheet §1.5, §5).
 * - Duplicates: DWC removes duplicates before screening (fact sheet §1.4: total → remove duplicates
 *   → unique). We call two applications duplicates when they carry the identical document, or the
 *   same employee, the same UR decision date and the same set of treatments (our rule).
 * Suggestions only: a person confirms. Results carry ids, dates and reason codes, never names.
 */

// ---------------------------------------------------------------------------------------------
// Normalization (exported: reviewers/ matches names with the same rules)

const TITLES = new Set(['dr', 'mr', 'mrs', 'ms', 'miss', 'mx', 'prof']);
const GENERATIONS = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);
const DEGREES = new Set([
  'md',
  'do',
  'dc',
  'dds',
  'dmd',
  'dpm',
  'od',
  'phd',
  'psyd',
  'lac',
  'np',
  'pa',
  'pac',
  'rn',
  'mph',
  'facs',
  'faaos',
  'esq',
  'qme',
]);
const SUFFIXES = new Set([...GENERATIONS, ...DEGREES]);

/** Lower case, accents removed, punctuation to spaces, single spaces. */
export function foldText(raw: string): string {
  return raw
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’.]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

/**
 * A comparable person name: "Smith, John A., M.D." and "Dr. John Smith" both give "john smith".
 * Titles, degrees and generational suffixes go; "Last, First" is turned round; middle initials go.
 * Undefined when nothing is left.
 */
export function normalizePersonName(raw: string): string | undefined {
  const segments = raw
    .split(',')
    .map((segment) =>
      foldText(segment)
        .split(' ')
        .filter((t) => t !== '' && !TITLES.has(t)),
    )
    // A segment of degrees only (", M.D.", ", Jr.") after the name goes.
    .filter((tokens, i) => tokens.length > 0 && (i === 0 || !tokens.every((t) => SUFFIXES.has(t))))
    .map((tokens) => {
      // Trailing suffixes in the name itself ("John Smith Jr MD"); a degree-like last token of a
      // two-token name is a surname ("Minh Do").
      const kept = [...tokens];
      for (;;) {
        const last = kept.at(-1) ?? '';
        if ((kept.length > 1 && GENERATIONS.has(last)) || (kept.length > 2 && DEGREES.has(last))) kept.pop();
        else break;
      }
      return kept;
    });
  const [first, second] = segments;
  if (first === undefined) return undefined;
  // "Last, First [Middle]" → First [Middle] Last.
  const ordered = second === undefined ? first : [...second, ...first];
  const tokens = ordered.filter((t, i) => !(t.length === 1 && i > 0 && i < ordered.length - 1));
  return tokens.join(' ');
}

/** A comparable treatment: "Norco 10/325mg #90" and "norco 10/325 mg, #90" agree. */
export function normalizeTreatment(raw: string): string {
  return raw
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/(\d)([a-z])/g, '$1 $2')
    .replace(/[^\p{L}\p{N}#/%.]+/gu, ' ')
    .replace(/\.(?!\d)/g, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

function validDate(year: number, month: number, day: number): CalendarDate | undefined {
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1) return undefined;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Two-digit years: 00–49 → 2000s, 50–99 → 1900s (dates of injury and birth in this system). */
function fullYear(text: string): number {
  const n = Number(text);
  if (text.length === 4) return n;
  return n < 50 ? 2000 + n : 1900 + n;
}

/**
 * A calendar date from the ways forms write one: 2016-03-05, 2016/03/05, 03/05/2016, 3-5-16,
 * March 5, 2016, 5 Mar 2016, or an ISO instant. US order (month first) for numeric dates.
 * Undefined when it is not a real date.
 */
export function normalizeLooseDate(raw: string): CalendarDate | undefined {
  const text = raw.trim().toLowerCase();
  if (When.safeParse(raw.trim()).success) return localDateOf(raw.trim());
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (m) return validDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$/.exec(text);
  if (m) return validDate(fullYear(m[3] ?? ''), Number(m[1]), Number(m[2]));
  m = /^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(text);
  if (m) {
    const month = monthNumber(m[1] ?? '');
    return month === undefined ? undefined : validDate(Number(m[3]), month, Number(m[2]));
  }
  m = /^(\d{1,2})\s+([a-z]+)\.?,?\s+(\d{4})$/.exec(text);
  if (m) {
    const month = monthNumber(m[2] ?? '');
    return month === undefined ? undefined : validDate(Number(m[3]), month, Number(m[1]));
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Suggestions

export const ConsolidationApplication = z.object({
  id: z.string().min(1),
  receivedAt: When,
  employee: z.object({ name: z.string(), dateOfBirth: z.string().optional() }),
  requestingPhysician: z.object({ name: z.string(), npi: z.string().optional() }),
  /** As captured; normalized here. */
  injuryDate: z.string(),
  urDecisionDate: z.string(),
  treatments: z.array(z.string().min(1)).min(1),
  /** A digest of the submitted document (e.g. SHA-256 of the file). */
  documentHash: z.string().min(1).optional(),
});
export type ConsolidationApplication = z.infer<typeof ConsolidationApplication>;

export const DuplicateReason = z.enum(['same-document', 'same-employee-ur-date-and-treatments']);
export type DuplicateReason = z.infer<typeof DuplicateReason>;

export const GroupReason = z.enum(['same-employee', 'same-requesting-physician', 'same-date-of-injury']);
export type GroupReason = z.infer<typeof GroupReason>;

export const UnmatchedReason = z.enum([
  'employee-name-unreadable',
  'physician-name-unreadable',
  'injury-date-unreadable',
  'birth-date-ambiguous',
]);
export type UnmatchedReason = z.infer<typeof UnmatchedReason>;

export const SUGGESTION_MESSAGES: Record<DuplicateReason | GroupReason | UnmatchedReason, string> = {
  'same-document': 'The same document was received twice (identical document hash).',
  'same-employee-ur-date-and-treatments':
    'Same employee, same UR decision date and the same treatments as an application received earlier.',
  'same-employee': 'Same employee (name, and date of birth where both give one).',
  'same-requesting-physician': 'Same requesting physician (NPI, or name).',
  'same-date-of-injury': 'Same date of injury.',
  'employee-name-unreadable': 'The employee name could not be read, so it cannot be matched.',
  'physician-name-unreadable': 'The requesting physician could not be identified, so it cannot be matched.',
  'injury-date-unreadable': 'The date of injury is not a readable date, so it cannot be matched.',
  'birth-date-ambiguous':
    'No date of birth, and applications under the same name give different ones: which employee is meant is unclear.',
};

export interface DuplicateSuggestion {
  /** The earliest received of the set: keep it. */
  readonly originalId: string;
  readonly duplicateId: string;
  readonly reasons: readonly DuplicateReason[];
}

export interface ConsolidationGroup {
  /** Earliest received first. */
  readonly applicationIds: readonly string[];
  readonly injuryDate: CalendarDate;
  readonly reasons: readonly GroupReason[];
}

export interface ConsolidationSuggestions {
  readonly duplicates: readonly DuplicateSuggestion[];
  readonly groups: readonly ConsolidationGroup[];
  readonly unmatched: readonly { readonly applicationId: string; readonly reasons: readonly UnmatchedReason[] }[];
}

interface Keyed {
  readonly app: ConsolidationApplication;
  readonly order: number;
  readonly employee: string | undefined;
  readonly dob: CalendarDate | undefined;
  readonly physician: string | undefined;
  readonly injury: CalendarDate | undefined;
  readonly urDate: CalendarDate | undefined;
  readonly treatments: string;
}

function physicianKey(p: ConsolidationApplication['requestingPhysician']): string | undefined {
  const npi = p.npi?.replace(/\D/g, '');
  if (npi !== undefined && npi.length === 10) return `npi:${npi}`;
  const name = normalizePersonName(p.name);
  return name === undefined ? undefined : `name:${name}`;
}

function byReceipt(a: Keyed, b: Keyed): number {
  const da = localDateOf(a.app.receivedAt);
  const db = localDateOf(b.app.receivedAt);
  if (da !== db) return da < db ? -1 : 1;
  if (a.app.receivedAt !== b.app.receivedAt) return a.app.receivedAt < b.app.receivedAt ? -1 : 1;
  return a.order - b.order;
}

/**
 * Suggests which applications duplicate earlier ones and which of the rest could be consolidated.
 * A duplicate is not offered for consolidation. Invalid input gives IMR_VALIDATION.
 */
export function suggestConsolidation(
  input: readonly z.input<typeof ConsolidationApplication>[],
): Result<ConsolidationSuggestions, ImrError> {
  const parsed = z.array(ConsolidationApplication).safeParse(input);
  if (!parsed.success) {
    const summary = parsed.error.issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`).join('; ');
    return err(imrError('IMR_VALIDATION', `The applications are invalid: ${summary}`));
  }
  if (new Set(parsed.data.map((a) => a.id)).size !== parsed.data.length) {
    return err(imrError('IMR_VALIDATION', 'The applications are invalid: ids repeat'));
  }
  const keyed: Keyed[] = parsed.data
    .map((app, order) => ({
      app,
      order,
      employee: normalizePersonName(app.employee.name),
      dob: app.employee.dateOfBirth === undefined ? undefined : normalizeLooseDate(app.employee.dateOfBirth),
      physician: physicianKey(app.requestingPhysician),
      injury: normalizeLooseDate(app.injuryDate),
      urDate: normalizeLooseDate(app.urDecisionDate),
      treatments: [...new Set(app.treatments.map(normalizeTreatment))].sort().join('\n'),
    }))
    .sort(byReceipt);

  // Duplicates: compare each application with those received before it.
  const duplicates: DuplicateSuggestion[] = [];
  const duplicateIds = new Set<string>();
  keyed.forEach((later, index) => {
    for (const earlier of keyed.slice(0, index)) {
      if (duplicateIds.has(earlier.app.id)) continue;
      const reasons: DuplicateReason[] = [];
      if (later.app.documentHash !== undefined && later.app.documentHash === earlier.app.documentHash) {
        reasons.push('same-document');
      }
      if (
        later.employee !== undefined &&
        later.employee === earlier.employee &&
        sameBirthDate(later.dob, earlier.dob) &&
        later.urDate !== undefined &&
        later.urDate === earlier.urDate &&
        later.treatments === earlier.treatments
      ) {
        reasons.push('same-employee-ur-date-and-treatments');
      }
      if (reasons.length > 0) {
        duplicates.push({ originalId: earlier.app.id, duplicateId: later.app.id, reasons });
        duplicateIds.add(later.app.id);
        return;
      }
    }
  });

  // Consolidation among the rest.
  const unmatched: { applicationId: string; reasons: UnmatchedReason[] }[] = [];
  const buckets = new Map<string, Keyed[]>();
  for (const k of keyed) {
    if (duplicateIds.has(k.app.id)) continue;
    const reasons: UnmatchedReason[] = [];
    if (k.employee === undefined) reasons.push('employee-name-unreadable');
    if (k.physician === undefined) reasons.push('physician-name-unreadable');
    if (k.injury === undefined) reasons.push('injury-date-unreadable');
    if (reasons.length > 0) {
      unmatched.push({ applicationId: k.app.id, reasons });
      continue;
    }
    const key = JSON.stringify([k.employee, k.physician, k.injury]);
    buckets.set(key, [...(buckets.get(key) ?? []), k]);
  }

  const groups: ConsolidationGroup[] = [];
  for (const bucket of buckets.values()) {
    // Same name but different dates of birth are different people; no date of birth joins the only one.
    const byDob = new Map<string, Keyed[]>();
    const withoutDob: Keyed[] = [];
    for (const k of bucket) {
      if (k.dob === undefined) withoutDob.push(k);
      else byDob.set(k.dob, [...(byDob.get(k.dob) ?? []), k]);
    }
    const people = [...byDob.values()];
    if (people.length === 0) people.push(withoutDob);
    else if (people.length === 1) people[0]?.push(...withoutDob);
    else for (const k of withoutDob) unmatched.push({ applicationId: k.app.id, reasons: ['birth-date-ambiguous'] });
    for (const person of people) {
      const first = person[0];
      if (person.length < 2 || first?.injury === undefined) continue;
      groups.push({
        applicationIds: [...person].sort(byReceipt).map((k) => k.app.id),
        injuryDate: first.injury,
        reasons: ['same-employee', 'same-requesting-physician', 'same-date-of-injury'],
      });
    }
  }
  groups.sort(
    (a, b) =>
      keyed.findIndex((k) => k.app.id === a.applicationIds[0]) -
      keyed.findIndex((k) => k.app.id === b.applicationIds[0]),
  );
  return ok({ duplicates, groups, unmatched });
}

function sameBirthDate(a: CalendarDate | undefined, b: CalendarDate | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}
