import { z } from 'zod';
import { CalendarDate } from '../domain/clock-dates.js';
import { type ImrError, imrError } from '../domain/errors.js';
import { TreatmentKind } from '../domain/treatment.js';

/**
 * The reviewer registry record and what a case needs of a reviewer. Narrow input types: the
 * workflow maps its store rows onto them. Reviewer names never leave the IMRO (LC 4610.6(f));
 * nothing in this module puts a name in a result.
 */

/** "Physician" as LC 3209.3 defines it (fact sheet §1.11). */
export const Profession = z.enum([
  'medical-doctor',
  'osteopathic-doctor',
  'psychologist',
  'chiropractor',
  'acupuncturist',
  'optometrist',
  'dentist',
  'podiatrist',
]);
export type Profession = z.infer<typeof Profession>;

/** Professions LC 139.5(d)(4)(B) holds to board certification (MD and DO). */
export const BOARD_CERTIFICATION_REQUIRED: Record<Profession, boolean> = {
  'medical-doctor': true,
  'osteopathic-doctor': true,
  psychologist: false,
  chiropractor: false,
  acupuncturist: false,
  optometrist: false,
  dentist: false,
  podiatrist: false,
};

export const Specialty = z.enum([
  'occupational-medicine',
  'family-medicine',
  'internal-medicine',
  'preventive-medicine',
  'emergency-medicine',
  'physical-medicine-rehabilitation',
  'pain-medicine',
  'anesthesiology',
  'sports-medicine',
  'orthopedic-surgery',
  'hand-surgery',
  'neurosurgery',
  'plastic-surgery',
  'general-surgery',
  'neurology',
  'psychiatry',
  'psychology',
  'rheumatology',
  'radiology',
  'chiropractic',
  'acupuncture',
  'podiatry',
  'dentistry',
  'optometry',
  'ophthalmology',
  'otolaryngology',
  'dermatology',
  'cardiology',
  'pulmonology',
  'gastroenterology',
  'urology',
  'obstetrics-gynecology',
  'infectious-disease',
  'endocrinology',
]);
export type Specialty = z.infer<typeof Specialty>;

/** Two-letter US state or territory code. */
export const UsState = z.string().regex(/^[A-Z]{2}$/, 'expected a two-letter state code');

export const LicenceStatus = z.enum(['active', 'inactive', 'expired', 'suspended', 'revoked', 'surrendered']);
export type LicenceStatus = z.infer<typeof LicenceStatus>;

export const Licence = z.object({
  state: UsState,
  status: LicenceStatus,
  /** Probation, practice restrictions, conditions: anything that makes it not "nonrestricted". */
  restricted: z.boolean(),
  expiresOn: CalendarDate.optional(),
});
export type Licence = z.infer<typeof Licence>;

export const BoardCertification = z.object({
  /** The certifying board as written ("American Board of Physical Medicine and Rehabilitation"). */
  board: z.string().min(1),
  specialty: Specialty,
  status: z.enum(['current', 'expired', 'revoked']),
  expiresOn: CalendarDate.optional(),
});
export type BoardCertification = z.infer<typeof BoardCertification>;

export const DisciplinaryAction = z.object({
  date: CalendarDate,
  kind: z.enum(['licence-action', 'sanction', 'loss-of-staff-privileges', 'participation-restriction']),
  status: z.enum(['pending', 'final']),
});
export type DisciplinaryAction = z.infer<typeof DisciplinaryAction>;

export const QmeStatus = z.object({
  certified: z.boolean(),
  /** The last day of certification when it ended or will end. */
  until: CalendarDate.optional(),
});
export type QmeStatus = z.infer<typeof QmeStatus>;

/** How the reviewer is tied to an organization (LC 139.5(d)(6) kinds of affiliation). */
export const OrganizationRelationship = z.enum([
  'employment',
  'partnership',
  'ownership',
  'officer-or-director',
  'contractor',
  'consulting',
  'financial-interest',
  'research-funding',
  'staff-privileges',
]);
export type OrganizationRelationship = z.infer<typeof OrganizationRelationship>;

export const OrganizationAffiliation = z.object({
  kind: z.literal('organization'),
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  relationship: OrganizationRelationship,
  /** Share of the reviewer's total annual revenue or income from it, 0–1, when known. */
  incomeShare: z.number().min(0).max(1).optional(),
  /** An academic medical center (relevant to the MPN exception of LC 139.5(d)(5)). */
  academicMedicalCenter: z.boolean().default(false),
  /** The first day of the affiliation, when known; one that has not begun yet still needs a look. */
  startedOn: CalendarDate.optional(),
  /** The last day; an affiliation that ended before the screening day is no longer screened. */
  endedOn: CalendarDate.optional(),
});
export type OrganizationAffiliation = z.infer<typeof OrganizationAffiliation>;

/** Family as LC 139.5 defines "familial", plus ties the screen treats as professional or financial. */
export const PersonRelation = z.enum([
  'spouse',
  'child',
  'parent',
  'sibling',
  'spouse-parent',
  'child-spouse',
  'other-relative',
  'practice-partner',
  'business-partner',
  'patient',
]);
export type PersonRelation = z.infer<typeof PersonRelation>;

export const PersonTie = z.object({
  kind: z.literal('person'),
  name: z.string().min(1),
  relation: PersonRelation,
  /** Where that person works or holds office, when it matters (a spouse at the insurer). */
  organization: z.object({ name: z.string().min(1), aliases: z.array(z.string().min(1)).default([]) }).optional(),
  startedOn: CalendarDate.optional(),
  endedOn: CalendarDate.optional(),
});
export type PersonTie = z.infer<typeof PersonTie>;

export const Affiliation = z.discriminatedUnion('kind', [OrganizationAffiliation, PersonTie]);
export type Affiliation = z.infer<typeof Affiliation>;

export const Reviewer = z.object({
  id: z.string().min(1),
  /** Used only to screen the reviewer against party names; never returned. */
  name: z.string().min(1),
  profession: Profession,
  licences: z.array(Licence),
  boardCertifications: z.array(BoardCertification).default([]),
  specialties: z.array(Specialty).default([]),
  subspecialties: z.array(Specialty).default([]),
  /** First day of active clinical practice (after training). */
  activePracticeSince: CalendarDate,
  weeklyClinicalHours: z.number().min(0).max(168),
  disciplinaryActions: z.array(DisciplinaryAction).default([]),
  qme: QmeStatus.default({ certified: false }),
  affiliations: z.array(Affiliation).default([]),
});
export type Reviewer = z.infer<typeof Reviewer>;
export type ReviewerInput = z.input<typeof Reviewer>;

/** What the disputed treatment is: the shared closed set in src/domain. */
export { TreatmentKind };

export const BodySystem = z.enum([
  'spine',
  'upper-extremity',
  'hand-wrist',
  'lower-extremity',
  'foot-ankle',
  'head-neurological',
  'mental-health',
  'chronic-pain',
  'eye',
  'dental',
  'skin',
  'internal',
  'other',
]);
export type BodySystem = z.infer<typeof BodySystem>;

/** Where an item's body system came from (see needs.ts). */
export const NeedSource = z.enum(['request', 'diagnosis', 'case-diagnoses', 'other-items', 'chosen', 'unknown']);
export type NeedSource = z.infer<typeof NeedSource>;

/** What one disputed item asks of the reviewer. */
export const ItemNeed = z.object({
  treatmentKind: TreatmentKind,
  bodySystem: BodySystem,
  /** The treatment as the form words it, for explanations. */
  request: z.string().max(2000).default(''),
  /** The region in plain words when known ("lumbar spine"). */
  region: z.string().max(200).optional(),
  /** The diagnosis code the region came from, when it came from one. */
  diagnosis: z.string().max(20).optional(),
  source: NeedSource.default('unknown'),
});
export type ItemNeed = z.infer<typeof ItemNeed>;

/** What the case asks of its reviewer. */
export const CaseNeeds = z.object({
  /** The first disputed item's kind of treatment and body system (kept for the audit trail). */
  treatmentKind: TreatmentKind,
  bodySystem: BodySystem,
  /** The day qualification is judged (license and certification in force, years of practice). */
  asOf: CalendarDate,
  /** Every disputed item; absent means one item with the kind and body system above. */
  items: z.array(ItemNeed).optional(),
});
export type CaseNeeds = z.infer<typeof CaseNeeds>;

/** IMR_VALIDATION for input that failed its schema; paths and messages only, never values. */
export function invalidInput(
  what: string,
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): ImrError {
  const summary = issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`).join('; ');
  return imrError('IMR_VALIDATION', `The ${what} is invalid: ${summary}`);
}
