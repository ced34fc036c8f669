import { describe, expect, it } from 'vitest';
import type { Application, UrDecision } from '../domain/case.js';
import { computeClocks } from '../domain/clocks.js';
import { buildTimeline, CASE_ACTIONS, dueDateFor, STAGE_CLOCK, type TimelineEvent, urServiceOf } from './timeline.js';

const UR: UrDecision = {
  id: 1,
  caseId: 1,
  decisionDate: '2024-02-09',
  serviceDate: '2024-02-10',
  serviceMethod: 'mail',
  outcome: 'denied',
  items: [],
};

const APP = {
  id: 1,
  caseId: 1,
  receivedDate: '2024-03-01',
  urDecisionDate: '2024-02-09',
  urServiceMethod: 'electronic',
  disputedTreatments: [],
  alsoDisputedForOtherReasons: false,
  deniedForMissingInformation: false,
  signaturePresent: true,
  consentToRecords: true,
  urDecisionAttached: true,
  createdAt: '2024-03-01T00:00:00.000Z',
} satisfies Application;

const ev = (action: string, details: TimelineEvent['details']): TimelineEvent => ({ action, details });

describe('buildTimeline', () => {
  it('reads every clock event from the recorded lifecycle events', () => {
    const events = [
      ev(CASE_ACTIONS.received, { eventAt: '2024-03-01T17:00:00.000Z', priority: 'standard' }),
      ev(CASE_ACTIONS.screened, { eventAt: '2024-03-02T17:00:00.000Z', outcome: 'deferred' }),
      ev(CASE_ACTIONS.screened, { eventAt: '2024-03-04T17:00:00.000Z', outcome: 'eligible' }),
      ev(CASE_ACTIONS.reviewerAssigned, { eventAt: '2024-03-04T18:00:00.000Z' }),
      ev(CASE_ACTIONS.noticeSent, { eventAt: '2024-03-05T17:00:00.000Z', method: 'electronic' }),
      ev(CASE_ACTIONS.convertedToExpedited, { eventAt: '2024-03-06T17:00:00.000Z' }),
      ev(CASE_ACTIONS.recordsReceived, { eventAt: '2024-03-07T17:00:00.000Z' }),
      ev(CASE_ACTIONS.recordsReceived, { eventAt: '2024-03-08T17:00:00.000Z' }),
      ev(CASE_ACTIONS.decisionExtended, { eventAt: '2024-03-08T18:00:00.000Z', days: 2, reason: 'good-cause' }),
      ev(CASE_ACTIONS.letterIssued, { eventAt: '2024-03-10T17:00:00.000Z' }),
    ];
    expect(buildTimeline({ kind: 'regular', priority: 'expedited', urDecision: UR, application: APP }, events)).toEqual(
      {
        disputeKind: 'regular',
        initialPriority: 'standard',
        urDecisionServedOn: '2024-02-10',
        urServiceMethod: 'mail',
        applicationReceivedAt: '2024-03-01T17:00:00.000Z',
        eligibilityDeterminedAt: '2024-03-04T17:00:00.000Z',
        screenedAt: '2024-03-04T17:00:00.000Z',
        noticeOfAssignmentSentAt: '2024-03-05T17:00:00.000Z',
        noticeMethod: 'electronic',
        expeditedCertificationAt: '2024-03-06T17:00:00.000Z',
        // The records clock runs from the first receipt.
        recordsReceivedAt: '2024-03-07T17:00:00.000Z',
        extensions: [{ days: 2, reason: 'good-cause', approvedAt: '2024-03-08T18:00:00.000Z' }],
        decisionIssuedAt: '2024-03-10T17:00:00.000Z',
      },
    );
  });

  it('records a termination and falls back to the case for what intake did not record', () => {
    const t = buildTimeline({ kind: 'formulary', priority: 'standard', urDecision: undefined, application: APP }, [
      ev(CASE_ACTIONS.terminated, { eventAt: '2024-03-03', reason: 'request-withdrawn' }),
    ]);
    expect(t).toEqual({
      disputeKind: 'formulary',
      initialPriority: 'standard',
      urDecisionServedOn: '2024-02-09',
      urServiceMethod: 'electronic',
      extensions: [],
      termination: { reason: 'request-withdrawn', at: '2024-03-03' },
    });
  });
});

describe('urServiceOf', () => {
  it('says what it assumed when the service date or method is missing', () => {
    expect(urServiceOf(UR, APP)).toEqual({
      servedOn: '2024-02-10',
      method: 'mail',
      servedOnAssumed: false,
      methodAssumed: false,
    });
    const { urServiceMethod: _, ...noMethod } = APP;
    expect(urServiceOf(undefined, noMethod)).toEqual({
      servedOn: '2024-02-09',
      method: 'mail',
      servedOnAssumed: true,
      methodAssumed: true,
    });
    const { urDecisionDate: __, ...noDate } = APP;
    expect(urServiceOf(undefined, noDate)).toBeUndefined();
  });
});

describe('dueDateFor', () => {
  const report = (events: TimelineEvent[]) => {
    const r = computeClocks(
      buildTimeline({ kind: 'regular', priority: 'standard', urDecision: UR, application: APP }, events),
      '2024-03-20T00:00:00.000Z',
    );
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };

  it('is the running clock of the stage, overdue included, and nothing once it is met', () => {
    const eligible = report([ev(CASE_ACTIONS.screened, { eventAt: '2024-03-04T17:00:00.000Z', outcome: 'eligible' })]);
    expect(dueDateFor('eligible', eligible)).toBe('2024-03-05'); // late by now, still the deadline
    expect(dueDateFor('received', eligible)).toBeUndefined();
    const noticed = report([
      ev(CASE_ACTIONS.screened, { eventAt: '2024-03-04T17:00:00.000Z', outcome: 'eligible' }),
      ev(CASE_ACTIONS.noticeSent, { eventAt: '2024-03-04T18:00:00.000Z', method: 'mail' }),
    ]);
    expect(dueDateFor('assigned', noticed)).toBeUndefined();
    expect(dueDateFor('records-requested', noticed)).toBe('2024-03-19');
    for (const stage of ['letter-issued', 'closed', 'terminated', 'withdrawn', 'ineligible'] as const) {
      expect(STAGE_CLOCK[stage]).toBeUndefined();
    }
  });
});
