import { z } from 'zod';
import {
  addCalendarDays,
  addHours,
  type CalendarDate,
  calendarDaysBetween,
  earlierWhen,
  happenedAfter,
  hasTime,
  Instant,
  instantMs,
  localDateOf,
  When,
} from './clock-dates.js';
import { type ImrError, imrError } from './errors.js';
import { type BusinessCalendar, CALIFORNIA_CALENDAR } from './holidays.js';
import { err, ok, type Result } from './result.js';

/**
 * The statutory IMR clocks, pure. Sources are the sections of the domain fact sheet
 * (`shared/domain/imr-rules.md`, cited "FS §x") and the law they summarize.
 *
 * Counting conventions (decided here, see also the report in the issue):
 * - **Day counting starts the day after the triggering event**: a period of N days excludes the
 *   first day and includes the last (CCP 12; Civ. Code 10). Business days likewise: the first
 *   business day after the event is day 1.
 * - **Calendar days are California days**: an instant is read in America/Los_Angeles.
 * - **A calendar-day period whose last day is a holiday runs to the next day that is not** (CCP 12a,
 *   which by its subdivision (b) reaches periods in "any other code … rule, or regulation"; holidays:
 *   Saturdays, Sundays, CCP 135 judicial holidays, and state-office closures under CCP 12b). The fact
 *   sheet does not discuss CCP 12a; applying it is our reading of the statute. **Expedited clocks
 *   (24 hours, 3 days) are not extended**: they exist for an "imminent and serious threat" (FS §1.7)
 *   and we keep them as short as the text says — flagged as a judgment call.
 * - **Business / working days** skip Saturdays, Sundays and state holidays (LC 4600.4(b); see
 *   holidays.ts) and are never "extended": they cannot end on a holiday.
 */

// ---------------------------------------------------------------------------------------------
// Small helpers

/** A deadline: the last California day to act, and, for clocks counted in hours, the instant. */
export interface Deadline {
  readonly dueDate: CalendarDate;
  readonly dueAt?: Instant;
  /** The last day before CCP 12a moved it past a weekend or holiday. */
  readonly extendedFrom?: CalendarDate;
}

/** The n-th business day after `date` (n ≥ 1; day counting starts the day after). n = 0 gives `date`. */
export function addBusinessDays(
  date: CalendarDate,
  n: number,
  calendar: BusinessCalendar = CALIFORNIA_CALENDAR,
): CalendarDate {
  let day = date;
  for (let counted = 0; counted < n; ) {
    day = addCalendarDays(day, 1);
    if (calendar.isBusinessDay(day)) counted += 1;
  }
  return day;
}

/** CCP 12a: when `date` is a holiday (Saturday, Sunday, judicial holiday, office closure), the next day that is not. */
export function extendPastHolidays(date: CalendarDate, calendar: BusinessCalendar = CALIFORNIA_CALENDAR): CalendarDate {
  let day = date;
  while (calendar.isCcp12aHoliday(day)) day = addCalendarDays(day, 1);
  return day;
}

/** A period of `days` calendar days after `start` (CCP 12), its last day extended under CCP 12a. */
export function calendarDayDeadline(
  start: CalendarDate,
  days: number,
  calendar: BusinessCalendar = CALIFORNIA_CALENDAR,
): Deadline {
  const last = addCalendarDays(start, days);
  const dueDate = extendPastHolidays(last, calendar);
  return dueDate === last ? { dueDate } : { dueDate, extendedFrom: last };
}

/** A period of calendar days with no CCP 12a extension (expedited clocks). */
export function strictCalendarDayDeadline(start: CalendarDate, days: number): Deadline {
  return { dueDate: addCalendarDays(start, days) };
}

/** A period of `n` business days after `start`. */
export function businessDayDeadline(
  start: CalendarDate,
  n: number,
  calendar: BusinessCalendar = CALIFORNIA_CALENDAR,
): Deadline {
  return { dueDate: addBusinessDays(start, n, calendar) };
}

/**
 * A period counted in hours. Known to the minute: due at start + hours. Known only to the day:
 * due by the end of the day the hours reach, counting from the end of the start day.
 */
export function hourDeadline(start: When, hours: number): Deadline {
  if (!hasTime(start)) return { dueDate: addCalendarDays(start, Math.ceil(hours / 24)) };
  const dueAt = addHours(start, hours);
  return { dueDate: localDateOf(dueAt), dueAt };
}

/** Whether acting at `event` misses the deadline. */
export function misses(event: When, deadline: Deadline): boolean {
  if (deadline.dueAt !== undefined && hasTime(event)) return instantMs(event) > instantMs(deadline.dueAt);
  return localDateOf(event) > deadline.dueDate;
}

/** The earlier of two deadlines (by day, then by instant). */
export function earlierDeadline(a: Deadline, b: Deadline): Deadline {
  if (a.dueDate !== b.dueDate) return a.dueDate < b.dueDate ? a : b;
  if (a.dueAt === undefined) return b;
  if (b.dueAt === undefined) return a;
  return instantMs(a.dueAt) <= instantMs(b.dueAt) ? a : b;
}

/** Whole days by which `event` misses the deadline (0 when on time); hours are rounded up to days. */
export function daysLate(event: When, deadline: Deadline): number {
  if (!misses(event, deadline)) return 0;
  if (deadline.dueAt !== undefined && hasTime(event)) {
    return Math.ceil((instantMs(event) - instantMs(deadline.dueAt)) / 86_400_000);
  }
  return calendarDaysBetween(deadline.dueDate, localDateOf(event));
}

// ---------------------------------------------------------------------------------------------
// The rules as data

/** A regular dispute, or a dispute over a drug under the MTUS formulary (from 2018). Same values as case.ts `CaseKind`. */
export const DisputeKind = z.enum(['regular', 'formulary']);
export type DisputeKind = z.infer<typeof DisputeKind>;

export const ReviewPriority = z.enum(['standard', 'expedited']);
export type ReviewPriority = z.infer<typeof ReviewPriority>;

/** How a document was served or sent. `personal` and `electronic` add no mailing time. */
export const ServiceMethod = z.enum(['mail', 'electronic', 'personal']);
export type ServiceMethod = z.infer<typeof ServiceMethod>;

export const NoticeMethod = z.enum(['mail', 'electronic']);
export type NoticeMethod = z.infer<typeof NoticeMethod>;

/** Why a review ended before a decision (LC 4610.5(g); 8 CCR 9792.10.6(a); FS §1.7). */
export const TerminationReason = z.enum(['treatment-authorized', 'request-withdrawn', 'settled']);
export type TerminationReason = z.infer<typeof TerminationReason>;

/** FS §1.3, LC 4610.5(h)(1): 30 days from service of the UR decision; 10 for formulary disputes. */
export const FILING_PERIOD_DAYS: Record<DisputeKind, number> = { regular: 30, formulary: 10 };

/** FS §1.3 (Avila, CCP 1013(a)): five more days when the UR decision was served by mail. */
export const MAIL_SERVICE_EXTRA_DAYS: Record<ServiceMethod, number> = { mail: 5, electronic: 0, personal: 0 };

/** FS §1.6, 8 CCR 9792.10.5: records due 15 days after a mailed notice, 12 after an electronic one. */
export const RECORDS_PERIOD_DAYS: Record<NoticeMethod, number> = { mail: 15, electronic: 12 };

/** FS §1.6: expedited records are due 24 hours after the notice. */
export const EXPEDITED_RECORDS_HOURS = 24;

/** FS §1.5: the notice of assignment goes out within one business day of the eligibility finding. */
export const NOTICE_OF_ASSIGNMENT_BUSINESS_DAYS = 1;

/** FS §1.7, LC 4610.6(d): 30 days (regular), 5 working days (formulary), 3 days (expedited). */
export const DECISION_PERIOD = {
  regular: { days: 30, unit: 'calendar-days' },
  formulary: { days: 5, unit: 'business-days' },
  expedited: { days: 3, unit: 'calendar-days' },
} as const;

/** FS §1.7, LC 4610.6(d): the AD may extend a review by up to three days. */
export const MAX_EXTENSION_DAYS = 3;

/** FS §1.6, 8 CCR 9792.12(c)(6): $500 a day the records are late, at most $5,000 a case. */
export const LATE_RECORDS_PENALTY_PER_DAY = 500;
export const LATE_RECORDS_PENALTY_CAP = 5_000;

export const ClockId = z.enum(['application-filing', 'screening', 'notice-of-assignment', 'records', 'decision']);
export type ClockId = z.infer<typeof ClockId>;

export const ClockStatus = z.enum(['not-started', 'pending', 'met', 'late', 'stopped']);
export type ClockStatus = z.infer<typeof ClockStatus>;

export const ClockUnit = z.enum(['calendar-days', 'business-days', 'hours']);
export type ClockUnit = z.infer<typeof ClockUnit>;

export const CLOCK_RULES: Record<ClockId, { readonly label: string; readonly source: string }> = {
  'application-filing': {
    label: 'Application for IMR received',
    source:
      'LC 4610.5(h)(1); Avila v. UC Irvine (WCAB 2015) for +5 days by mail (CCP 1013(a)) — FS §1.3; CCP 12a extension',
  },
  screening: {
    label: 'Eligibility screened (target)',
    source:
      'LC 4610.5(k) ("expeditiously"; no period of its own) — target: the dispute\'s decision period (LC 4610.6(d): 30 days / 5 working days formulary / 3 days expedited) counted from receipt — FS §1.4, §1.7',
  },
  'notice-of-assignment': {
    label: 'Notice of assignment (NOARFI) sent',
    source: '8 CCR 9792.10.4 — FS §1.5',
  },
  records: {
    label: 'Records received from the claims administrator',
    source: '8 CCR 9792.10.5 (15 days mailed / 12 electronic / 24 hours expedited) — FS §1.6; CCP 12a extension',
  },
  decision: {
    label: 'Final determination issued',
    source:
      'LC 4610.6(d) (30 days / 5 working days formulary / 3 days expedited, up to 3 days extension) — FS §1.7; CCP 12a extension for the 30 days',
  },
};

export function filingDeadline(
  params: { readonly servedOn: CalendarDate; readonly serviceMethod: ServiceMethod; readonly disputeKind: DisputeKind },
  calendar: BusinessCalendar = CALIFORNIA_CALENDAR,
): Deadline {
  const days = FILING_PERIOD_DAYS[params.disputeKind] + MAIL_SERVICE_EXTRA_DAYS[params.serviceMethod];
  return calendarDayDeadline(params.servedOn, days, calendar);
}

/** The late-records penalty for a number of days late: $500 a day, capped at $5,000 (8 CCR 9792.12(c)(6)). */
export function lateRecordsPenalty(days: number): {
  readonly daysLate: number;
  readonly amountUsd: number;
  readonly capped: boolean;
} {
  const daysLateWhole = Math.max(0, Math.floor(days));
  const uncapped = daysLateWhole * LATE_RECORDS_PENALTY_PER_DAY;
  return {
    daysLate: daysLateWhole,
    amountUsd: Math.min(uncapped, LATE_RECORDS_PENALTY_CAP),
    capped: uncapped > LATE_RECORDS_PENALTY_CAP,
  };
}

// ---------------------------------------------------------------------------------------------
// The case timeline (narrow input: the workflow maps store records onto it)

export const Extension = z.object({
  days: z.number().int().min(1).max(MAX_EXTENSION_DAYS),
  /** Why the AD approved it (extraordinary circumstances or good cause). Recorded, never logged. */
  reason: z.string().trim().min(1),
  approvedAt: When,
});
export type Extension = z.infer<typeof Extension>;

export const CaseTimeline = z
  .object({
    disputeKind: DisputeKind,
    /** Priority when the application was received; a physician's certification may convert it later. */
    initialPriority: ReviewPriority,
    urDecisionServedOn: When.optional(),
    urServiceMethod: ServiceMethod.optional(),
    applicationReceivedAt: When.optional(),
    eligibilityDeterminedAt: When.optional(),
    /** When the application was screened, whatever the outcome (ends the screening target). */
    screenedAt: When.optional(),
    noticeOfAssignmentSentAt: When.optional(),
    noticeMethod: NoticeMethod.optional(),
    recordsReceivedAt: When.optional(),
    /** The IMRO received the treating physician's certification of an imminent and serious threat (FS §1.5). */
    expeditedCertificationAt: When.optional(),
    extensions: z.array(Extension).default([]),
    decisionIssuedAt: When.optional(),
    termination: z.object({ reason: TerminationReason, at: When }).optional(),
  })
  .superRefine((t, ctx) => {
    if (t.urDecisionServedOn !== undefined && t.urServiceMethod === undefined) {
      ctx.addIssue({ code: 'custom', path: ['urServiceMethod'], message: 'required when urDecisionServedOn is given' });
    }
    if (t.noticeOfAssignmentSentAt !== undefined && t.noticeMethod === undefined) {
      ctx.addIssue({ code: 'custom', path: ['noticeMethod'], message: 'required when the notice was sent' });
    }
    const total = t.extensions.reduce((sum, e) => sum + e.days, 0);
    if (total > MAX_EXTENSION_DAYS) {
      ctx.addIssue({
        code: 'custom',
        path: ['extensions'],
        message: `extensions total ${total} days; LC 4610.6(d) allows at most ${MAX_EXTENSION_DAYS}`,
      });
    }
  });
export type CaseTimeline = z.infer<typeof CaseTimeline>;
export type CaseTimelineInput = z.input<typeof CaseTimeline>;

export interface Clock {
  readonly id: ClockId;
  readonly label: string;
  readonly source: string;
  readonly status: ClockStatus;
  readonly unit: ClockUnit;
  /** The period applied, in `unit` (30, 5, 24, 3 …), before any extension. */
  readonly period: number;
  readonly startedAt?: When;
  readonly dueDate?: CalendarDate;
  readonly dueAt?: Instant;
  /** The last day before CCP 12a carried it past a weekend or holiday. */
  readonly extendedFrom?: CalendarDate;
  /** Days added by approved extensions (decision clock only). */
  readonly extensionDays: number;
  readonly completedAt?: When;
  readonly notes: readonly string[];
}

export interface ClockReport {
  /** The moment the statuses describe: `now`, or the termination when the review was stopped. */
  readonly asOf: When;
  readonly priority: ReviewPriority;
  readonly convertedToExpeditedAt?: When;
  readonly stopped?: { readonly reason: TerminationReason; readonly at: When };
  readonly clocks: readonly Clock[];
  readonly extensions: readonly Extension[];
  readonly lateRecordsPenalty: {
    readonly daysLate: number;
    readonly amountUsd: number;
    readonly capped: boolean;
    readonly source: string;
  };
}

function validationError(issues: readonly { path: readonly PropertyKey[]; message: string }[]): ImrError {
  const summary = issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`).join('; ');
  return imrError('IMR_VALIDATION', `The case timeline is invalid: ${summary}`);
}

function eventsOf(t: CaseTimeline): readonly [string, When | undefined][] {
  return [
    ['urDecisionServedOn', t.urDecisionServedOn],
    ['applicationReceivedAt', t.applicationReceivedAt],
    ['eligibilityDeterminedAt', t.eligibilityDeterminedAt],
    ['screenedAt', t.screenedAt],
    ['noticeOfAssignmentSentAt', t.noticeOfAssignmentSentAt],
    ['recordsReceivedAt', t.recordsReceivedAt],
    ['expeditedCertificationAt', t.expeditedCertificationAt],
    ['decisionIssuedAt', t.decisionIssuedAt],
    ['termination.at', t.termination?.at],
    ...t.extensions.map((e, i): [string, When] => [`extensions.${i}.approvedAt`, e.approvedAt]),
  ];
}

interface ClockParts {
  readonly id: ClockId;
  readonly unit: ClockUnit;
  readonly period: number;
  readonly startedAt: When | undefined;
  readonly deadline: Deadline | undefined;
  readonly completedAt: When | undefined;
  readonly extensionDays?: number;
  readonly notes?: readonly string[];
  /** Done although the clock never started (a decision made without the records). */
  readonly doneWithoutDeadline?: boolean;
}

/**
 * Every IMR due date with its status, given the events so far and `now` (the caller's clock).
 * Statuses: `not-started` (its trigger has not happened), `pending` (running, not yet due),
 * `met`, `late` (done after, or still undone past, its due date), `stopped` (the review was
 * terminated before the clock ran out). Invalid timelines give IMR_VALIDATION.
 */
export function computeClocks(
  input: CaseTimelineInput,
  now: Instant,
  calendar: BusinessCalendar = CALIFORNIA_CALENDAR,
): Result<ClockReport, ImrError> {
  const parsedNow = Instant.safeParse(now);
  if (!parsedNow.success) return err(validationError([{ path: ['now'], message: 'expected an ISO instant' }]));
  const parsed = CaseTimeline.safeParse(input);
  if (!parsed.success) return err(validationError(parsed.error.issues));
  const t = parsed.data;
  const future = eventsOf(t).filter(([, when]) => when !== undefined && happenedAfter(when, now));
  if (future.length > 0) {
    return err(validationError(future.map(([path]) => ({ path: [path], message: 'is after now' }))));
  }

  const termination = t.termination;
  const asOf: When = termination === undefined ? now : earlierWhen(termination.at, now);
  // A certification after the decision or the stop changes nothing.
  const certification =
    t.expeditedCertificationAt !== undefined &&
    !happenedAfter(t.expeditedCertificationAt, asOf) &&
    (t.decisionIssuedAt === undefined || !happenedAfter(t.expeditedCertificationAt, t.decisionIssuedAt))
      ? t.expeditedCertificationAt
      : undefined;
  const expeditedAt = (event: When): boolean =>
    t.initialPriority === 'expedited' || (certification !== undefined && !happenedAfter(certification, event));

  const parts: ClockParts[] = [];

  // Filing: the simple case (no liability dispute); eligibility.ts applies the exceptions.
  const filingDays = FILING_PERIOD_DAYS[t.disputeKind];
  parts.push({
    id: 'application-filing',
    unit: 'calendar-days',
    period: filingDays,
    startedAt: t.urDecisionServedOn,
    deadline:
      t.urDecisionServedOn === undefined || t.urServiceMethod === undefined
        ? undefined
        : filingDeadline(
            {
              servedOn: localDateOf(t.urDecisionServedOn),
              serviceMethod: t.urServiceMethod,
              disputeKind: t.disputeKind,
            },
            calendar,
          ),
    completedAt: t.applicationReceivedAt,
    notes:
      t.urServiceMethod === 'mail'
        ? [`${MAIL_SERVICE_EXTRA_DAYS.mail} days added for service by mail (CCP 1013(a), Avila).`]
        : [],
  });

  parts.push(screeningClock(t, certification, calendar));

  parts.push({
    id: 'notice-of-assignment',
    unit: 'business-days',
    period: NOTICE_OF_ASSIGNMENT_BUSINESS_DAYS,
    startedAt: t.eligibilityDeterminedAt,
    deadline:
      t.eligibilityDeterminedAt === undefined
        ? undefined
        : businessDayDeadline(localDateOf(t.eligibilityDeterminedAt), NOTICE_OF_ASSIGNMENT_BUSINESS_DAYS, calendar),
    completedAt: t.noticeOfAssignmentSentAt,
  });

  const records = recordsClock(t, certification, expeditedAt, calendar);
  parts.push(records);
  parts.push(decisionClock(t, certification, expeditedAt, calendar));

  const clocks = parts.map((p) => finish(p, termination, now));

  const recordsEnd = t.recordsReceivedAt ?? asOf;
  const penalty = lateRecordsPenalty(records.deadline === undefined ? 0 : daysLate(recordsEnd, records.deadline));

  return ok({
    asOf,
    priority: t.initialPriority === 'expedited' || certification !== undefined ? 'expedited' : 'standard',
    ...(certification === undefined || t.initialPriority === 'expedited'
      ? {}
      : { convertedToExpeditedAt: certification }),
    ...(termination === undefined ? {} : { stopped: termination }),
    clocks,
    extensions: t.extensions,
    lateRecordsPenalty: { ...penalty, source: '8 CCR 9792.12(c)(6) — FS §1.6' },
  });
}

/**
 * Screening has no statutory period (LC 4610.5(k): "expeditiously"). So that an unscreened application
 * has a due date that ranks it with the rest of the work, the desk targets the decision period that
 * the dispute will run on (30 calendar days, 5 working days for a formulary dispute, 3 days when
 * expedited), counted from receipt: a screening later than that leaves no lawful time for the review.
 */
export function screeningDeadline(
  receivedOn: CalendarDate,
  disputeKind: DisputeKind,
  expedited: boolean,
  calendar: BusinessCalendar = CALIFORNIA_CALENDAR,
): { readonly deadline: Deadline; readonly unit: ClockUnit; readonly period: number } {
  if (expedited) {
    const p = DECISION_PERIOD.expedited;
    return { deadline: strictCalendarDayDeadline(receivedOn, p.days), unit: p.unit, period: p.days };
  }
  const p = DECISION_PERIOD[disputeKind];
  const deadline =
    p.unit === 'business-days'
      ? businessDayDeadline(receivedOn, p.days, calendar)
      : calendarDayDeadline(receivedOn, p.days, calendar);
  return { deadline, unit: p.unit, period: p.days };
}

function screeningClock(t: CaseTimeline, certification: When | undefined, calendar: BusinessCalendar): ClockParts {
  const received = t.applicationReceivedAt;
  const completedAt = t.screenedAt ?? t.eligibilityDeterminedAt;
  const regular = DECISION_PERIOD[t.disputeKind];
  if (received === undefined) {
    return {
      id: 'screening',
      unit: regular.unit,
      period: regular.days,
      startedAt: undefined,
      deadline: undefined,
      completedAt,
    };
  }
  const notes = ['A desk target: the law says "expeditiously" and sets no period for screening.'];
  const target = screeningDeadline(localDateOf(received), t.disputeKind, t.initialPriority === 'expedited', calendar);
  const converts =
    certification !== undefined && (completedAt === undefined || happenedAfter(completedAt, certification));
  if (converts) {
    // Certified while unscreened: 3 days from the certification, never later than before.
    const expedited = screeningDeadline(localDateOf(certification), t.disputeKind, true, calendar);
    const chosen = earlierDeadline(target.deadline, expedited.deadline);
    const from = chosen === target.deadline ? target : expedited;
    return {
      id: 'screening',
      unit: from.unit,
      period: from.period,
      startedAt: received,
      deadline: chosen,
      completedAt,
      notes,
    };
  }
  return {
    id: 'screening',
    unit: target.unit,
    period: target.period,
    startedAt: received,
    deadline: target.deadline,
    completedAt,
    notes,
  };
}

function recordsClock(
  t: CaseTimeline,
  certification: When | undefined,
  expeditedAt: (event: When) => boolean,
  calendar: BusinessCalendar,
): ClockParts {
  const notice = t.noticeOfAssignmentSentAt;
  const method = t.noticeMethod;
  if (notice === undefined || method === undefined) {
    return {
      id: 'records',
      unit: 'calendar-days',
      period: RECORDS_PERIOD_DAYS.mail,
      startedAt: undefined,
      deadline: undefined,
      completedAt: t.recordsReceivedAt,
    };
  }
  if (expeditedAt(notice)) {
    return {
      id: 'records',
      unit: 'hours',
      period: EXPEDITED_RECORDS_HOURS,
      startedAt: notice,
      deadline: hourDeadline(notice, EXPEDITED_RECORDS_HOURS),
      completedAt: t.recordsReceivedAt,
      notes: hasTime(notice) ? [] : ['The notice is known only to the day: due by the end of the next day.'],
    };
  }
  const standard = calendarDayDeadline(localDateOf(notice), RECORDS_PERIOD_DAYS[method], calendar);
  const converts =
    certification !== undefined &&
    (t.recordsReceivedAt === undefined || happenedAfter(t.recordsReceivedAt, certification));
  if (converts) {
    // Converted while records were outstanding: 24 hours from the conversion, never later than before.
    const converted = earlierDeadline(standard, hourDeadline(certification, EXPEDITED_RECORDS_HOURS));
    return {
      id: 'records',
      unit: converted === standard ? 'calendar-days' : 'hours',
      period: converted === standard ? RECORDS_PERIOD_DAYS[method] : EXPEDITED_RECORDS_HOURS,
      startedAt: notice,
      deadline: converted,
      completedAt: t.recordsReceivedAt,
      notes: ['Converted to expedited while records were outstanding (8 CCR 9792.10.4; FS §1.5).'],
    };
  }
  return {
    id: 'records',
    unit: 'calendar-days',
    period: RECORDS_PERIOD_DAYS[method],
    startedAt: notice,
    deadline: standard,
    completedAt: t.recordsReceivedAt,
    notes: [`Notice sent by ${method}: ${RECORDS_PERIOD_DAYS[method]} days.`],
  };
}

function decisionClock(
  t: CaseTimeline,
  certification: When | undefined,
  expeditedAt: (event: When) => boolean,
  calendar: BusinessCalendar,
): ClockParts {
  const extensionDays = t.extensions.reduce((sum, e) => sum + e.days, 0);
  const start = t.recordsReceivedAt;
  const regular = DECISION_PERIOD[t.disputeKind];
  if (start === undefined) {
    return {
      id: 'decision',
      unit: regular.unit,
      period: regular.days,
      startedAt: undefined,
      deadline: undefined,
      completedAt: t.decisionIssuedAt,
      extensionDays,
      doneWithoutDeadline: t.decisionIssuedAt !== undefined,
      notes:
        t.decisionIssuedAt === undefined
          ? []
          : ['Decided without the records (8 CCR 9792.10.6(b)(2)); the decision clock never started.'],
    };
  }
  const startDay = localDateOf(start);
  const regularDeadline =
    regular.unit === 'business-days'
      ? businessDayDeadline(startDay, regular.days + extensionDays, calendar)
      : calendarDayDeadline(startDay, regular.days + extensionDays, calendar);
  // Expedited from the start (records arrived while expedited) or from the conversion, whichever applies.
  const expeditedStart = expeditedAt(start) ? start : certification;
  if (expeditedStart === undefined) {
    return {
      id: 'decision',
      unit: regular.unit,
      period: regular.days,
      startedAt: start,
      deadline: regularDeadline,
      completedAt: t.decisionIssuedAt,
      extensionDays,
    };
  }
  const expedited = strictCalendarDayDeadline(
    localDateOf(expeditedStart),
    DECISION_PERIOD.expedited.days + extensionDays,
  );
  const chosen = earlierDeadline(expedited, regularDeadline);
  const converted = expeditedStart !== start;
  return {
    id: 'decision',
    unit: chosen === expedited ? DECISION_PERIOD.expedited.unit : regular.unit,
    period: chosen === expedited ? DECISION_PERIOD.expedited.days : regular.days,
    startedAt: start,
    deadline: chosen,
    completedAt: t.decisionIssuedAt,
    extensionDays,
    notes: converted
      ? ['Converted to expedited after the records arrived: 3 days from the conversion, never later than before.']
      : [],
  };
}

function finish(p: ClockParts, termination: CaseTimeline['termination'], now: Instant): Clock {
  const rule = CLOCK_RULES[p.id];
  const deadline = p.deadline;
  let status: ClockStatus;
  if (deadline === undefined) {
    status = p.doneWithoutDeadline === true ? 'met' : termination !== undefined ? 'stopped' : 'not-started';
  } else if (p.completedAt !== undefined) {
    status = misses(p.completedAt, deadline) ? 'late' : 'met';
  } else if (termination !== undefined) {
    status = misses(termination.at, deadline) ? 'late' : 'stopped';
  } else {
    status = misses(now, deadline) ? 'late' : 'pending';
  }
  return {
    id: p.id,
    label: rule.label,
    source: rule.source,
    status,
    unit: p.unit,
    period: p.period,
    ...(p.startedAt === undefined ? {} : { startedAt: p.startedAt }),
    ...(deadline === undefined ? {} : { dueDate: deadline.dueDate }),
    ...(deadline?.dueAt === undefined ? {} : { dueAt: deadline.dueAt }),
    ...(deadline?.extendedFrom === undefined ? {} : { extendedFrom: deadline.extendedFrom }),
    extensionDays: p.extensionDays ?? 0,
    ...(p.completedAt === undefined ? {} : { completedAt: p.completedAt }),
    notes: p.notes ?? [],
  };
}
