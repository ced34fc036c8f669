import { z } from 'zod';
import { CalendarDate, calendarDaysBetween, localDateOf, subtractMonths, When } from './clock-dates.js';
import { type Deadline, DisputeKind, filingDeadline, ServiceMethod } from './clocks.js';
import { normalizeTreatment } from './consolidation.js';
import { type ImrError, imrError } from './errors.js';
import { type BusinessCalendar, CALIFORNIA_CALENDAR } from './holidays.js';
import { err, ok, type Result } from './result.js';

/**
 * Eligibility screening of an Application for IMR (LC 4610.5(k); 8 CCR 9792.10.3; fact sheet
 * "FS" §1.1, §1.3, §1.4). Pure: the application fields and the UR decision in, a coded result out.
 */

/** Closed set of reasons; each has one message, source and effect in {@link ELIGIBILITY_REASONS}. */
export const EligibilityReason = z.enum([
  'outside-imr-scope',
  'filer-not-entitled',
  'designation-predates-ur',
  'not-signed',
  'ur-decision-not-attached',
  'ur-decision-untimely',
  'filed-late',
  'liability-disputed',
  'treatment-not-denied',
  'conditionally-non-certified',
  'not-disputed-for-medical-necessity',
  'earlier-imr-same-treatment',
]);
export type EligibilityReason = z.infer<typeof EligibilityReason>;

export type ReasonEffect = 'ineligible' | 'deferred';
export type ReasonScope = 'application' | 'item';

export const ELIGIBILITY_REASONS: Record<
  EligibilityReason,
  { readonly effect: ReasonEffect; readonly scope: ReasonScope; readonly message: string; readonly source: string }
> = {
  'outside-imr-scope': {
    effect: 'ineligible',
    scope: 'application',
    message:
      'The dispute is outside IMR: the injury predates 2013 and the UR decision was communicated before July 2013, or a formulary dispute predates 2018.',
    source: 'LC 4610.5(a) — FS §1.1',
  },
  'filer-not-entitled': {
    effect: 'ineligible',
    scope: 'application',
    message:
      'Only the employee, a representative the employee designated, or an emergency-care provider for its own claim may request IMR.',
    source: 'LC 4610.5(h)(4),(j); DWC IMR FAQ — FS §1.1, §1.3',
  },
  'designation-predates-ur': {
    effect: 'ineligible',
    scope: 'application',
    message: 'The designation of the representative who filed was signed before the UR decision, so it is invalid.',
    source: 'LC 4610.5(h)(4) — FS §1.3',
  },
  'not-signed': {
    effect: 'ineligible',
    scope: 'application',
    message: 'The application is not signed by the employee or the employee’s representative.',
    source: 'DWC list of common ineligibility reasons — FS §1.4',
  },
  'ur-decision-not-attached': {
    effect: 'ineligible',
    scope: 'application',
    message: 'A copy of the written UR decision was not attached (required from 1 April 2014).',
    source: '8 CCR 9792.10.1(b)(1); DWC notice of 2014 — FS §1.3, §1.4',
  },
  'ur-decision-untimely': {
    effect: 'ineligible',
    scope: 'application',
    message:
      'The UR decision was untimely, so it is invalid and not subject to IMR; medical necessity is for the WCAB to decide.',
    source: 'Dubon v. World Restoration (WCAB en banc 2014, "Dubon II") — FS §1.1',
  },
  'filed-late': {
    effect: 'ineligible',
    scope: 'application',
    message:
      'The application was received more than 30 days (10 for a formulary dispute) after service of the UR decision, plus 5 days when served by mail.',
    source: 'LC 4610.5(h)(1); Avila v. UC Irvine (WCAB 2015), CCP 1013(a) — FS §1.3',
  },
  'liability-disputed': {
    effect: 'deferred',
    scope: 'application',
    message:
      'The claims administrator disputes liability on grounds other than medical necessity; the review is deferred until that dispute is resolved.',
    source: 'LC 4610.5(k); 8 CCR 9792.10.3(a)(3) — FS §1.4',
  },
  'treatment-not-denied': {
    effect: 'ineligible',
    scope: 'item',
    message: 'UR approved this treatment, so there is nothing to review.',
    source: 'LC 4610.5(c)(3),(d) — FS §1.1',
  },
  'conditionally-non-certified': {
    effect: 'ineligible',
    scope: 'item',
    message: 'UR did not decide medical necessity: it conditionally non-certified the request for missing information.',
    source: 'DWC list of common ineligibility reasons — FS §1.4',
  },
  'not-disputed-for-medical-necessity': {
    effect: 'ineligible',
    scope: 'item',
    message: 'The treatment was not modified or denied on the basis of medical necessity.',
    source: 'LC 4610.5(c)(3),(d) — FS §1.1',
  },
  'earlier-imr-same-treatment': {
    effect: 'ineligible',
    scope: 'item',
    message:
      'An IMR determination on the same treatment for this employee was made within the last 12 months, and no change of material facts is documented.',
    source: '8 CCR 9792.10.3(a)(2); 12-month rule of LC 4610(k) — FS §1.1, §1.4',
  },
};

/** Who filed (values of case.ts `FiledBy`, plus `employer`). A requesting physician may join and advocate but not file alone (FS §1.3). */
export const Filer = z.enum(['employee', 'representative', 'emergency-provider', 'requesting-physician', 'employer']);
export type Filer = z.infer<typeof Filer>;

const FILER_ENTITLED: Record<Filer, boolean> = {
  employee: true,
  representative: true,
  'emergency-provider': true,
  'requesting-physician': false,
  employer: false,
};

/** What UR did with one requested treatment. */
export const UrItemOutcome = z.enum(['denied', 'modified', 'certified', 'conditionally-non-certified']);
export type UrItemOutcome = z.infer<typeof UrItemOutcome>;

export const ApplicationItem = z.object({
  id: z.string().min(1),
  /** The treatment as requested on the RFA. */
  treatment: z.string().min(1),
  urOutcome: UrItemOutcome,
  /** The form's "services disputed for medical necessity". */
  disputedForMedicalNecessity: z.boolean(),
  /** A documented change of material facts since an earlier IMR on the same treatment. */
  changeOfMaterialFactsDocumented: z.boolean().default(false),
});
export type ApplicationItem = z.infer<typeof ApplicationItem>;

export const PriorImrDetermination = z.object({
  treatment: z.string().min(1),
  decidedOn: CalendarDate,
});
export type PriorImrDetermination = z.infer<typeof PriorImrDetermination>;

export const EligibilityApplication = z.object({
  receivedAt: When,
  disputeKind: DisputeKind,
  filer: Filer,
  /** When a representative filed: the day the employee signed the designation. */
  representativeDesignationSignedOn: CalendarDate.optional(),
  signed: z.boolean(),
  urDecisionAttached: z.boolean(),
  injuryDate: CalendarDate.optional(),
  ur: z.object({
    decisionDate: CalendarDate,
    /** When the UR decision was communicated to the requesting physician; defaults to its date. */
    communicatedOn: CalendarDate.optional(),
    /** When it was served on the employee; defaults to its date (flagged in the notes). */
    servedOn: When.optional(),
    serviceMethod: ServiceMethod,
    /** Intake found the UR decision itself untimely (a WCAB matter). */
    untimely: z.boolean().default(false),
    /** The employer sent the DWC Form IMR and notice with the decision; if not, the filing clock never started. */
    imrFormProvided: z.boolean().default(true),
  }),
  /** A dispute of liability on other grounds, asserted at the time of UR. */
  liabilityDispute: z
    .object({
      /** Notice that the liability dispute is resolved, served on the employee. */
      resolvedNoticeServedOn: When.optional(),
      resolvedNoticeServiceMethod: ServiceMethod.optional(),
      /** The employer agrees the dispute is eligible for IMR despite its liability dispute. */
      employerAgreesEligible: z.boolean().default(false),
    })
    .optional(),
  items: z.array(ApplicationItem).min(1),
  /** This employee's earlier IMR determinations (the caller looks them up). */
  priorImrDeterminations: z.array(PriorImrDetermination).default([]),
});
export type EligibilityApplication = z.infer<typeof EligibilityApplication>;
export type EligibilityApplicationInput = z.input<typeof EligibilityApplication>;

export interface ReasonFinding {
  readonly code: EligibilityReason;
  readonly effect: ReasonEffect;
  readonly message: string;
  readonly source: string;
  /** Facts behind the finding (dates, counts) — never names or clinical text. */
  readonly detail?: string;
}

export type ItemEligibilityStatus = 'eligible' | 'ineligible' | 'deferred';
export type EligibilityStatus = 'eligible' | 'ineligible' | 'deferred' | 'partially-eligible';

export interface ItemEligibility {
  readonly itemId: string;
  readonly status: ItemEligibilityStatus;
  readonly reasons: readonly ReasonFinding[];
}

export interface FilingCheck {
  /** False when the period never started (no IMR form sent) or is suspended (unresolved liability dispute). */
  readonly running: boolean;
  readonly periodStartsOn?: CalendarDate;
  readonly deadline?: Deadline;
  readonly receivedOn: CalendarDate;
  readonly timely: boolean;
  /** Days after the deadline it arrived (0 when timely). */
  readonly daysLate: number;
}

export interface EligibilityResult {
  readonly status: EligibilityStatus;
  /** Application-level findings (they apply to every item). */
  readonly reasons: readonly ReasonFinding[];
  readonly items: readonly ItemEligibility[];
  readonly filing: FilingCheck;
  readonly notes: readonly string[];
}

/** IMR covers injuries from 2013, or any UR decision communicated from 1 July 2013 (LC 4610.5(a)). */
const IMR_INJURY_FROM = '2013-01-01';
const IMR_UR_COMMUNICATED_FROM = '2013-07-01';
/** Formulary disputes are IMR-eligible from 1 January 2018 (LC 4610.5(a)). */
const FORMULARY_FROM = '2018-01-01';
/** From 1 April 2014 an application without the UR decision is ineligible (FS §1.3). */
const UR_COPY_REQUIRED_FROM = '2014-04-01';
/** The 12-month window for an earlier IMR on the same treatment. */
const EARLIER_IMR_MONTHS = 12;

function finding(code: EligibilityReason, detail?: string): ReasonFinding {
  const { effect, message, source } = ELIGIBILITY_REASONS[code];
  return detail === undefined ? { code, effect, message, source } : { code, effect, message, source, detail };
}

/** The filing-period check, with the exceptions of LC 4610.5(h)(2),(3). */
export function checkFiling(
  app: EligibilityApplication,
  calendar: BusinessCalendar = CALIFORNIA_CALENDAR,
): FilingCheck {
  const receivedOn = localDateOf(app.receivedAt);
  const notRunning: FilingCheck = { running: false, receivedOn, timely: true, daysLate: 0 };
  if (!app.ur.imrFormProvided) return notRunning;
  const dispute = app.liabilityDispute;
  let servedOn: CalendarDate;
  let method: ServiceMethod;
  if (dispute !== undefined && !dispute.employerAgreesEligible) {
    if (dispute.resolvedNoticeServedOn === undefined) return notRunning;
    servedOn = localDateOf(dispute.resolvedNoticeServedOn);
    method = dispute.resolvedNoticeServiceMethod ?? app.ur.serviceMethod;
  } else {
    servedOn = localDateOf(app.ur.servedOn ?? app.ur.decisionDate);
    method = app.ur.serviceMethod;
  }
  const deadline = filingDeadline({ servedOn, serviceMethod: method, disputeKind: app.disputeKind }, calendar);
  const late = Math.max(0, calendarDaysBetween(deadline.dueDate, receivedOn));
  return { running: true, periodStartsOn: servedOn, deadline, receivedOn, timely: late === 0, daysLate: late };
}

function applicationFindings(app: EligibilityApplication, filing: FilingCheck): ReasonFinding[] {
  const out: ReasonFinding[] = [];
  const communicatedOn = app.ur.communicatedOn ?? app.ur.decisionDate;
  const injuryBefore = app.injuryDate !== undefined && app.injuryDate < IMR_INJURY_FROM;
  if (injuryBefore && communicatedOn < IMR_UR_COMMUNICATED_FROM) {
    out.push(finding('outside-imr-scope', `UR decision communicated ${communicatedOn}`));
  } else if (app.disputeKind === 'formulary' && app.ur.decisionDate < FORMULARY_FROM) {
    out.push(finding('outside-imr-scope', `formulary dispute over a UR decision of ${app.ur.decisionDate}`));
  }
  if (!FILER_ENTITLED[app.filer]) out.push(finding('filer-not-entitled', `filed by: ${app.filer}`));
  if (
    app.filer === 'representative' &&
    app.representativeDesignationSignedOn !== undefined &&
    app.representativeDesignationSignedOn < app.ur.decisionDate
  ) {
    out.push(
      finding(
        'designation-predates-ur',
        `designation ${app.representativeDesignationSignedOn}, UR decision ${app.ur.decisionDate}`,
      ),
    );
  }
  if (!app.signed) out.push(finding('not-signed'));
  if (!app.urDecisionAttached && filing.receivedOn >= UR_COPY_REQUIRED_FROM)
    out.push(finding('ur-decision-not-attached'));
  if (app.ur.untimely) out.push(finding('ur-decision-untimely'));
  if (filing.running && !filing.timely && filing.deadline !== undefined) {
    out.push(
      finding(
        'filed-late',
        `received ${filing.receivedOn}, ${filing.daysLate} day(s) after the last day ${filing.deadline.dueDate}`,
      ),
    );
  }
  const dispute = app.liabilityDispute;
  if (dispute !== undefined && !dispute.employerAgreesEligible && dispute.resolvedNoticeServedOn === undefined) {
    out.push(finding('liability-disputed'));
  }
  return out;
}

function itemFindings(app: EligibilityApplication, item: ApplicationItem, receivedOn: CalendarDate): ReasonFinding[] {
  const out: ReasonFinding[] = [];
  if (item.urOutcome === 'certified') out.push(finding('treatment-not-denied'));
  if (item.urOutcome === 'conditionally-non-certified') out.push(finding('conditionally-non-certified'));
  if (!item.disputedForMedicalNecessity) out.push(finding('not-disputed-for-medical-necessity'));
  if (!item.changeOfMaterialFactsDocumented) {
    const key = normalizeTreatment(item.treatment);
    const windowStart = subtractMonths(receivedOn, EARLIER_IMR_MONTHS);
    const earlier = app.priorImrDeterminations
      .filter((p) => normalizeTreatment(p.treatment) === key && p.decidedOn >= windowStart && p.decidedOn <= receivedOn)
      .map((p) => p.decidedOn)
      .sort();
    const latest = earlier.at(-1);
    if (latest !== undefined) out.push(finding('earlier-imr-same-treatment', `earlier determination ${latest}`));
  }
  return out;
}

/**
 * Screens an application. Application-level defects make every item ineligible; an unresolved
 * liability dispute defers the items that are otherwise eligible; then each item stands alone and
 * the whole is eligible, ineligible, deferred, or partially eligible (FS §1.4: "approved in whole
 * or in part"). Invalid input gives IMR_VALIDATION.
 */
export function screenEligibility(
  input: EligibilityApplicationInput,
  calendar: BusinessCalendar = CALIFORNIA_CALENDAR,
): Result<EligibilityResult, ImrError> {
  const parsed = EligibilityApplication.safeParse(input);
  if (!parsed.success) {
    const summary = parsed.error.issues
      .map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    return err(imrError('IMR_VALIDATION', `The application is invalid: ${summary}`));
  }
  const app = parsed.data;
  const ids = new Set(app.items.map((i) => i.id));
  if (ids.size !== app.items.length)
    return err(imrError('IMR_VALIDATION', 'The application is invalid: item ids repeat'));

  const filing = checkFiling(app, calendar);
  const reasons = applicationFindings(app, filing);
  const appIneligible = reasons.some((r) => r.effect === 'ineligible');
  const appDeferred = reasons.some((r) => r.effect === 'deferred');

  const items: ItemEligibility[] = app.items.map((item) => {
    const own = itemFindings(app, item, filing.receivedOn);
    const status: ItemEligibilityStatus =
      appIneligible || own.length > 0 ? 'ineligible' : appDeferred ? 'deferred' : 'eligible';
    return { itemId: item.id, status, reasons: own };
  });

  const count = (s: ItemEligibilityStatus) => items.filter((i) => i.status === s).length;
  let status: EligibilityStatus;
  if (count('ineligible') === items.length) status = 'ineligible';
  else if (count('deferred') > 0) status = 'deferred';
  else if (count('eligible') === items.length) status = 'eligible';
  else status = 'partially-eligible';

  const notes: string[] = [];
  if (!app.ur.imrFormProvided) {
    notes.push('The IMR form was not sent with the UR decision, so the filing period never started (LC 4610.5(h)(3)).');
  }
  if (app.ur.servedOn === undefined && filing.running && app.liabilityDispute === undefined) {
    notes.push('No service date given: the UR decision date was taken as the date of service.');
  }
  if (app.liabilityDispute?.resolvedNoticeServedOn !== undefined && !app.liabilityDispute.employerAgreesEligible) {
    notes.push('The filing period ran from service of the notice resolving the liability dispute (LC 4610.5(h)(2)).');
  }
  if (!app.urDecisionAttached && filing.receivedOn < UR_COPY_REQUIRED_FROM) {
    notes.push('No UR decision attached; before 1 April 2014 DWC asked for it instead of refusing (FS §1.3).');
  }
  return ok({ status, reasons, items, filing, notes });
}
