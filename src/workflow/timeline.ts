import type { Application, CaseKind, CasePriority, CaseStage, UrDecision } from '../domain/case.js';
import { type CalendarDate, When } from '../domain/clock-dates.js';
import {
  type CaseTimelineInput,
  type ClockId,
  type ClockReport,
  Extension,
  NoticeMethod,
  type ServiceMethod,
  TerminationReason,
} from '../domain/clocks.js';

/**
 * The case timeline the statutory clocks run on, read back from the audit log. Each lifecycle
 * command records its event in its audit event (same transaction): when it happened (`eventAt`,
 * a date or an instant) and the facts a clock needs (notice method, extension days and reason code,
 * termination reason). The store keeps the days on the case row too; the instants, the notice method
 * and the extensions live only here.
 */

/** Audit actions of the lifecycle, one per command that changes a case. */
export const CASE_ACTIONS = {
  received: 'case.received',
  screeningBegun: 'case.screening-begun',
  screened: 'case.screened',
  reviewerAssigned: 'case.reviewer-assigned',
  noticeSent: 'case.notice-sent',
  recordsReceived: 'case.records-received',
  recordsSupplemented: 'case.records-supplemented',
  convertedToExpedited: 'case.converted-expedited',
  decisionExtended: 'case.decision-extended',
  terminated: 'case.terminated',
  determinationRecorded: 'case.determination-recorded',
  returnedToReviewer: 'case.returned-to-reviewer',
  correspondenceGenerated: 'case.correspondence-generated',
  letterIssued: 'case.letter-issued',
  closed: 'case.closed',
} as const;
export type CaseAction = (typeof CASE_ACTIONS)[keyof typeof CASE_ACTIONS];

/** Reading a case document is audited too, but it changes nothing. */
export const DOCUMENT_READ_ACTION = 'document.read';

/** What OCR read of a stored document's scanned pages (details: status, pagesWanted, pagesRead). */
export const DOCUMENT_OCR_ACTION = 'document.ocr';

export type DetailValue = string | number | boolean | null;

/** The part of an audit event the timeline reads. */
export interface TimelineEvent {
  readonly action: string;
  readonly details: Readonly<Record<string, DetailValue>>;
}

export interface TimelineFacts {
  readonly kind: CaseKind;
  /** The case's priority now (used when the intake event does not say what it was at first). */
  readonly priority: CasePriority;
  readonly urDecision?: UrDecision | undefined;
  readonly application?: Application | undefined;
}

/** How and when the UR decision was served, with the assumptions intake had to make. */
export interface UrService {
  readonly servedOn: CalendarDate;
  readonly method: ServiceMethod;
  /** No service date on record: the decision date stands in (as eligibility.ts does). */
  readonly servedOnAssumed: boolean;
  /** No service method on record: mail, the longer period, is assumed. */
  readonly methodAssumed: boolean;
}

export function urServiceOf(ur: UrDecision | undefined, application: Application | undefined): UrService | undefined {
  const decisionDate = ur?.decisionDate ?? application?.urDecisionDate;
  if (decisionDate === undefined) return undefined;
  const servedOn = ur?.serviceDate ?? decisionDate;
  const method = ur?.serviceMethod ?? application?.urServiceMethod;
  return {
    servedOn,
    method: method ?? 'mail',
    servedOnAssumed: ur?.serviceDate === undefined,
    methodAssumed: method === undefined,
  };
}

function when(details: TimelineEvent['details'], key = 'eventAt'): string | undefined {
  const v = details[key];
  return typeof v === 'string' && When.safeParse(v).success ? v : undefined;
}

/**
 * The clock input for a case from its recorded events (oldest first). Later events of the same kind
 * win, except records: the clock runs from the first receipt of the records.
 */
export function buildTimeline(facts: TimelineFacts, events: readonly TimelineEvent[]): CaseTimelineInput {
  let initialPriority: CasePriority | undefined;
  let applicationReceivedAt: string | undefined;
  let eligibilityDeterminedAt: string | undefined;
  let screenedAt: string | undefined;
  let noticeOfAssignmentSentAt: string | undefined;
  let noticeMethod: NoticeMethod | undefined;
  let recordsReceivedAt: string | undefined;
  let expeditedCertificationAt: string | undefined;
  let decisionIssuedAt: string | undefined;
  let termination: { reason: TerminationReason; at: string } | undefined;
  const extensions: Extension[] = [];

  for (const e of events) {
    const at = when(e.details);
    switch (e.action) {
      case CASE_ACTIONS.received: {
        applicationReceivedAt = at;
        const p = e.details.priority;
        if (p === 'standard' || p === 'expedited') initialPriority = p;
        break;
      }
      case CASE_ACTIONS.screened:
        if (e.details.outcome === 'eligible') eligibilityDeterminedAt = at;
        // A deferred screen waits on the liability dispute: the application is still to be screened.
        if (e.details.outcome !== 'deferred') screenedAt = at;
        break;
      case CASE_ACTIONS.noticeSent: {
        const method = NoticeMethod.safeParse(e.details.method);
        if (at !== undefined && method.success) {
          noticeOfAssignmentSentAt = at;
          noticeMethod = method.data;
        }
        break;
      }
      case CASE_ACTIONS.recordsReceived:
        recordsReceivedAt ??= at;
        break;
      case CASE_ACTIONS.convertedToExpedited:
        expeditedCertificationAt ??= at;
        break;
      case CASE_ACTIONS.decisionExtended: {
        const ext = Extension.safeParse({ days: e.details.days, reason: e.details.reason, approvedAt: at });
        if (ext.success) extensions.push(ext.data);
        break;
      }
      case CASE_ACTIONS.terminated: {
        const reason = TerminationReason.safeParse(e.details.reason);
        if (at !== undefined && reason.success) termination = { reason: reason.data, at };
        break;
      }
      case CASE_ACTIONS.letterIssued:
        decisionIssuedAt = at;
        break;
      default:
        break;
    }
  }

  const service = urServiceOf(facts.urDecision, facts.application);
  const timeline: CaseTimelineInput = {
    disputeKind: facts.kind,
    initialPriority: initialPriority ?? facts.priority,
    extensions,
  };
  return {
    ...timeline,
    ...(service === undefined ? {} : { urDecisionServedOn: service.servedOn, urServiceMethod: service.method }),
    ...(applicationReceivedAt === undefined ? {} : { applicationReceivedAt }),
    ...(eligibilityDeterminedAt === undefined ? {} : { eligibilityDeterminedAt }),
    ...(screenedAt === undefined ? {} : { screenedAt }),
    ...(noticeOfAssignmentSentAt === undefined || noticeMethod === undefined
      ? {}
      : { noticeOfAssignmentSentAt, noticeMethod }),
    ...(recordsReceivedAt === undefined ? {} : { recordsReceivedAt }),
    ...(expeditedCertificationAt === undefined ? {} : { expeditedCertificationAt }),
    ...(decisionIssuedAt === undefined ? {} : { decisionIssuedAt }),
    ...(termination === undefined ? {} : { termination }),
  };
}

/** Stages in which an assignment counts toward a reviewer's workload. */
export const REVIEW_STAGES: readonly CaseStage[] = [
  'assigned',
  'records-requested',
  'records-received',
  'in-review',
  'determined',
];

/** The clock that sets a stage's next deadline (the IMRO's own next duty, or the records it waits for). */
export const STAGE_CLOCK: Record<CaseStage, ClockId | undefined> = {
  received: 'screening',
  'eligibility-review': 'screening',
  ineligible: undefined,
  deferred: undefined,
  eligible: 'notice-of-assignment',
  assigned: 'notice-of-assignment',
  'records-requested': 'records',
  'records-received': 'decision',
  'in-review': 'decision',
  determined: 'decision',
  'letter-issued': undefined,
  closed: undefined,
  terminated: undefined,
  withdrawn: undefined,
};

/** The case's next deadline in `stage`: the stage clock's due date while it runs or is overdue. */
export function dueDateFor(stage: CaseStage, report: ClockReport): CalendarDate | undefined {
  const id = STAGE_CLOCK[stage];
  if (id === undefined) return undefined;
  const clock = report.clocks.find((c) => c.id === id);
  if (clock === undefined || clock.completedAt !== undefined) return undefined;
  if (clock.status !== 'pending' && clock.status !== 'late') return undefined;
  return clock.dueDate;
}
