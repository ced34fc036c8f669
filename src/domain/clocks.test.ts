import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  type CaseTimelineInput,
  type Clock,
  type ClockId,
  type ClockReport,
  calendarDayDeadline,
  computeClocks,
  filingDeadline,
  hourDeadline,
  lateRecordsPenalty,
} from './clocks.js';

function report(timeline: CaseTimelineInput, now: string): ClockReport {
  const result = computeClocks(timeline, now);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function clock(r: ClockReport, id: ClockId): Clock {
  const found = r.clocks.find((c) => c.id === id);
  if (found === undefined) throw new Error(`no ${id} clock`);
  return found;
}

const standard = { disputeKind: 'regular', initialPriority: 'standard' } as const;

describe('helpers', () => {
  it('counts business days from the day after, skipping weekends and state holidays', () => {
    expect(addBusinessDays('2024-11-08', 1)).toBe('2024-11-12'); // Fri → Mon is Veterans Day → Tue
    expect(addBusinessDays('2024-11-27', 1)).toBe('2024-12-02'); // Thanksgiving and the day after
    expect(addBusinessDays('2024-03-04', 1)).toBe('2024-03-05');
    expect(addBusinessDays('2024-03-04', 0)).toBe('2024-03-04');
  });

  it('counts calendar days excluding the first day and including the last (CCP 12)', () => {
    expect(calendarDayDeadline('2024-05-01', 30)).toEqual({ dueDate: '2024-05-31' });
  });

  it('extends a calendar-day period ending on a weekend or holiday to the next open day (CCP 12a)', () => {
    // Sunday 2024-02-11 → Monday is Lincoln Day (judicial holiday) → Tuesday.
    expect(calendarDayDeadline('2024-01-12', 30)).toEqual({ dueDate: '2024-02-13', extendedFrom: '2024-02-11' });
    expect(calendarDayDeadline('2024-06-04', 30)).toEqual({ dueDate: '2024-07-05', extendedFrom: '2024-07-04' });
  });

  it('puts an hour deadline at the instant, or at the end of the next day when only the date is known', () => {
    expect(hourDeadline('2024-03-01T10:00:00-08:00', 24)).toEqual({
      dueDate: '2024-03-02',
      dueAt: '2024-03-02T18:00:00.000Z',
    });
    expect(hourDeadline('2024-03-01', 24)).toEqual({ dueDate: '2024-03-02' });
  });

  it('charges $500 a day for late records and stops at $5,000', () => {
    expect(lateRecordsPenalty(0)).toEqual({ daysLate: 0, amountUsd: 0, capped: false });
    expect(lateRecordsPenalty(7)).toEqual({ daysLate: 7, amountUsd: 3_500, capped: false });
    expect(lateRecordsPenalty(10)).toEqual({ daysLate: 10, amountUsd: 5_000, capped: false });
    expect(lateRecordsPenalty(11)).toEqual({ daysLate: 11, amountUsd: 5_000, capped: true });
  });
});

describe('application filing deadline (LC 4610.5(h)(1); Avila)', () => {
  it('gives 30 days plus 5 when the UR decision was served by mail', () => {
    expect(filingDeadline({ servedOn: '2024-01-02', serviceMethod: 'mail', disputeKind: 'regular' })).toEqual({
      dueDate: '2024-02-06',
    });
  });

  it('gives 30 days when served electronically, extended past a weekend and Lincoln Day', () => {
    expect(filingDeadline({ servedOn: '2024-01-12', serviceMethod: 'electronic', disputeKind: 'regular' })).toEqual({
      dueDate: '2024-02-13',
      extendedFrom: '2024-02-11',
    });
  });

  it('gives 10 days for a formulary dispute (+5 by mail)', () => {
    expect(filingDeadline({ servedOn: '2024-03-01', serviceMethod: 'personal', disputeKind: 'formulary' })).toEqual({
      dueDate: '2024-03-11',
    });
    expect(filingDeadline({ servedOn: '2024-03-01', serviceMethod: 'mail', disputeKind: 'formulary' })).toEqual({
      dueDate: '2024-03-18',
      extendedFrom: '2024-03-16',
    });
  });

  it('marks the filing clock met when received on the last day and late the day after', () => {
    const base = { ...standard, urDecisionServedOn: '2024-01-02', urServiceMethod: 'mail' } as const;
    const onTime = report({ ...base, applicationReceivedAt: '2024-02-06' }, '2024-03-01T12:00:00Z');
    expect(clock(onTime, 'application-filing').status).toBe('met');
    const late = report({ ...base, applicationReceivedAt: '2024-02-07' }, '2024-03-01T12:00:00Z');
    expect(clock(late, 'application-filing').status).toBe('late');
  });
});

describe('notice of assignment (8 CCR 9792.10.4: one business day)', () => {
  it('is due the next business day after eligibility, and met when sent then', () => {
    const r = report(
      {
        ...standard,
        eligibilityDeterminedAt: '2024-11-08T15:00:00-08:00',
        noticeOfAssignmentSentAt: '2024-11-12',
        noticeMethod: 'electronic',
      },
      '2024-11-13T12:00:00Z',
    );
    const c = clock(r, 'notice-of-assignment');
    expect(c.dueDate).toBe('2024-11-12');
    expect(c.unit).toBe('business-days');
    expect(c.status).toBe('met');
  });

  it('is late when the notice has not gone out by the end of the next business day', () => {
    const r = report({ ...standard, eligibilityDeterminedAt: '2024-03-04' }, '2024-03-06T09:00:00-08:00');
    expect(clock(r, 'notice-of-assignment').status).toBe('late');
  });

  it('is pending on the due day itself', () => {
    const r = report({ ...standard, eligibilityDeterminedAt: '2024-03-04' }, '2024-03-05T23:00:00-08:00');
    expect(clock(r, 'notice-of-assignment').status).toBe('pending');
  });
});

describe('screening target (LC 4610.5(k): no period of its own)', () => {
  it("runs the dispute's decision period from receipt: 30 days, 5 working days for a formulary dispute, 3 days expedited", () => {
    const at = '2024-03-04T10:00:00-08:00'; // a Monday
    const now = '2024-03-05T12:00:00Z';
    const regular = clock(report({ ...standard, applicationReceivedAt: at }, now), 'screening');
    expect(regular).toMatchObject({
      dueDate: '2024-04-03',
      unit: 'calendar-days',
      period: 30,
      status: 'pending',
    });
    const formulary = clock(
      report({ ...standard, disputeKind: 'formulary', applicationReceivedAt: at }, now),
      'screening',
    );
    expect(formulary).toMatchObject({ dueDate: '2024-03-11', unit: 'business-days', period: 5 });
    const expedited = clock(
      report({ ...standard, initialPriority: 'expedited', applicationReceivedAt: at }, now),
      'screening',
    );
    expect(expedited).toMatchObject({ dueDate: '2024-03-07', period: 3 });
  });

  it('ends with any screening outcome, and is late when none came by the due day', () => {
    const received = { ...standard, disputeKind: 'formulary', applicationReceivedAt: '2024-03-01' } as const;
    expect(clock(report({ ...received, screenedAt: '2024-03-05' }, '2024-03-20T12:00:00Z'), 'screening').status).toBe(
      'met',
    );
    expect(clock(report(received, '2024-03-09T12:00:00Z'), 'screening').status).toBe('late');
    expect(clock(report({ ...standard }, '2024-03-09T12:00:00Z'), 'screening').status).toBe('not-started');
  });

  it('shortens to 3 days from a certification that comes while the application waits', () => {
    const r = report(
      { ...standard, applicationReceivedAt: '2024-03-01', expeditedCertificationAt: '2024-03-10T09:00:00-08:00' },
      '2024-03-11T12:00:00Z',
    );
    expect(clock(r, 'screening')).toMatchObject({ dueDate: '2024-03-13', period: 3 });
  });
});

describe('records (8 CCR 9792.10.5)', () => {
  it('are due 15 days after a mailed notice, carried past the weekend', () => {
    const r = report(
      { ...standard, noticeOfAssignmentSentAt: '2024-03-01', noticeMethod: 'mail' },
      '2024-03-10T12:00:00Z',
    );
    const c = clock(r, 'records');
    expect(c).toMatchObject({ dueDate: '2024-03-18', extendedFrom: '2024-03-16', period: 15, status: 'pending' });
  });

  it('are due 12 days after an electronic notice', () => {
    const r = report(
      {
        ...standard,
        noticeOfAssignmentSentAt: '2024-03-01',
        noticeMethod: 'electronic',
        recordsReceivedAt: '2024-03-13',
      },
      '2024-03-20T12:00:00Z',
    );
    expect(clock(r, 'records')).toMatchObject({ dueDate: '2024-03-13', status: 'met' });
    expect(r.lateRecordsPenalty.amountUsd).toBe(0);
  });

  it('are due 24 hours after the notice when the review is expedited', () => {
    const r = report(
      {
        disputeKind: 'regular',
        initialPriority: 'expedited',
        noticeOfAssignmentSentAt: '2024-03-01T10:00:00-08:00',
        noticeMethod: 'electronic',
        recordsReceivedAt: '2024-03-02T11:00:00-08:00',
      },
      '2024-03-05T12:00:00Z',
    );
    expect(clock(r, 'records')).toMatchObject({
      unit: 'hours',
      dueAt: '2024-03-02T18:00:00.000Z',
      status: 'late',
    });
    expect(r.lateRecordsPenalty).toMatchObject({ daysLate: 1, amountUsd: 500 });
  });

  it('cost the claims administrator $500 for each day late, from the due date to receipt', () => {
    const r = report(
      {
        ...standard,
        noticeOfAssignmentSentAt: '2024-03-01',
        noticeMethod: 'electronic',
        recordsReceivedAt: '2024-03-20',
      },
      '2024-04-01T12:00:00Z',
    );
    expect(clock(r, 'records').status).toBe('late');
    expect(r.lateRecordsPenalty).toMatchObject({ daysLate: 7, amountUsd: 3_500, capped: false });
  });

  it('accrue the penalty up to now while still missing, capped at $5,000', () => {
    const base = { ...standard, noticeOfAssignmentSentAt: '2024-03-01', noticeMethod: 'electronic' } as const;
    expect(report(base, '2024-03-15T12:00:00-07:00').lateRecordsPenalty).toMatchObject({
      daysLate: 2,
      amountUsd: 1_000,
    });
    expect(report(base, '2024-05-01T12:00:00-07:00').lateRecordsPenalty).toMatchObject({
      daysLate: 49,
      amountUsd: 5_000,
      capped: true,
    });
  });

  it('are not due before the notice of assignment is sent', () => {
    const r = report({ ...standard, eligibilityDeterminedAt: '2024-03-01' }, '2024-03-01T20:00:00Z');
    expect(clock(r, 'records').status).toBe('not-started');
    expect(clock(r, 'decision').status).toBe('not-started');
  });
});

describe('decision (LC 4610.6(d))', () => {
  const withRecords = (receivedAt: string) =>
    ({
      ...standard,
      noticeOfAssignmentSentAt: '2024-01-02',
      noticeMethod: 'mail',
      recordsReceivedAt: receivedAt,
    }) as const;

  it('is due 30 days after the records arrive (standard)', () => {
    const c = clock(report(withRecords('2024-05-01'), '2024-05-02T12:00:00Z'), 'decision');
    expect(c).toMatchObject({ dueDate: '2024-05-31', period: 30, unit: 'calendar-days', status: 'pending' });
  });

  it('moves off Independence Day to the next day (CCP 12a)', () => {
    const c = clock(report(withRecords('2024-06-04'), '2024-06-05T12:00:00Z'), 'decision');
    expect(c).toMatchObject({ dueDate: '2024-07-05', extendedFrom: '2024-07-04' });
  });

  it('is due in 5 working days for a formulary dispute', () => {
    const c = clock(
      report({ ...withRecords('2024-11-06'), disputeKind: 'formulary' }, '2024-11-07T12:00:00Z'),
      'decision',
    );
    expect(c).toMatchObject({ dueDate: '2024-11-14', unit: 'business-days', period: 5 });
  });

  it('is due in 3 days when expedited, with no extension past a weekend', () => {
    const c = clock(
      report({ ...withRecords('2024-12-19'), initialPriority: 'expedited' }, '2024-12-20T12:00:00Z'),
      'decision',
    );
    expect(c).toMatchObject({ dueDate: '2024-12-22', period: 3 });
    expect(c.extendedFrom).toBeUndefined();
  });

  it('adds an approved extension of up to 3 days and records its reason', () => {
    const r = report(
      {
        ...withRecords('2024-05-01'),
        extensions: [{ days: 3, reason: 'Records arrived in an unreadable format', approvedAt: '2024-05-20' }],
      },
      '2024-05-21T12:00:00Z',
    );
    expect(clock(r, 'decision')).toMatchObject({ dueDate: '2024-06-03', extensionDays: 3 });
    expect(r.extensions[0]?.reason).toBe('Records arrived in an unreadable format');
  });

  it('is met when the determination issues on the due day and late the day after', () => {
    expect(
      clock(
        report({ ...withRecords('2024-05-01'), decisionIssuedAt: '2024-05-31' }, '2024-06-10T12:00:00Z'),
        'decision',
      ).status,
    ).toBe('met');
    expect(
      clock(
        report({ ...withRecords('2024-05-01'), decisionIssuedAt: '2024-06-01' }, '2024-06-10T12:00:00Z'),
        'decision',
      ).status,
    ).toBe('late');
  });

  it('is late once the due day has passed without a determination', () => {
    expect(clock(report(withRecords('2024-05-01'), '2024-06-01T08:00:00-07:00'), 'decision').status).toBe('late');
  });

  it('counts as met, with a note, when decided without the records (8 CCR 9792.10.6(b)(2))', () => {
    const c = clock(
      report(
        { ...standard, noticeOfAssignmentSentAt: '2024-01-02', noticeMethod: 'mail', decisionIssuedAt: '2024-02-20' },
        '2024-03-01T12:00:00Z',
      ),
      'decision',
    );
    expect(c.status).toBe('met');
    expect(c.notes.join(' ')).toContain('9792.10.6(b)(2)');
  });
});

describe('conversion to expedited (8 CCR 9792.10.4)', () => {
  it('makes outstanding records due 24 hours after the certification', () => {
    const r = report(
      {
        ...standard,
        noticeOfAssignmentSentAt: '2024-03-01',
        noticeMethod: 'mail',
        expeditedCertificationAt: '2024-03-05T09:00:00-08:00',
      },
      '2024-03-05T12:00:00-08:00',
    );
    expect(r.priority).toBe('expedited');
    expect(r.convertedToExpeditedAt).toBe('2024-03-05T09:00:00-08:00');
    expect(clock(r, 'records')).toMatchObject({ unit: 'hours', dueAt: '2024-03-06T17:00:00.000Z', status: 'pending' });
  });

  it('makes the decision due 3 days after a conversion that follows the records', () => {
    const r = report(
      {
        ...standard,
        noticeOfAssignmentSentAt: '2024-04-10',
        noticeMethod: 'mail',
        recordsReceivedAt: '2024-05-01',
        expeditedCertificationAt: '2024-05-10',
      },
      '2024-05-11T12:00:00Z',
    );
    expect(clock(r, 'decision')).toMatchObject({ dueDate: '2024-05-13', period: 3 });
  });

  it('never makes a deadline later than the standard one', () => {
    const r = report(
      {
        ...standard,
        noticeOfAssignmentSentAt: '2024-04-10',
        noticeMethod: 'mail',
        recordsReceivedAt: '2024-05-01',
        expeditedCertificationAt: '2024-05-30',
      },
      '2024-05-30T20:00:00Z',
    );
    expect(clock(r, 'decision')).toMatchObject({ dueDate: '2024-05-31', period: 30 });
  });

  it('is ignored when the certification arrives after the determination', () => {
    const r = report(
      {
        ...standard,
        noticeOfAssignmentSentAt: '2024-04-10',
        noticeMethod: 'mail',
        recordsReceivedAt: '2024-05-01',
        decisionIssuedAt: '2024-05-20',
        expeditedCertificationAt: '2024-05-21',
      },
      '2024-05-22T12:00:00Z',
    );
    expect(r.priority).toBe('standard');
    expect(clock(r, 'decision')).toMatchObject({ dueDate: '2024-05-31', status: 'met' });
  });
});

describe('termination (LC 4610.5(g); 8 CCR 9792.10.6(a))', () => {
  it('stops the running clocks when the claims administrator authorizes the treatment', () => {
    const r = report(
      {
        ...standard,
        noticeOfAssignmentSentAt: '2024-04-10',
        noticeMethod: 'mail',
        recordsReceivedAt: '2024-04-20',
        termination: { reason: 'treatment-authorized', at: '2024-05-02' },
      },
      '2024-07-01T12:00:00Z',
    );
    expect(r.stopped).toEqual({ reason: 'treatment-authorized', at: '2024-05-02' });
    expect(r.asOf).toBe('2024-05-02');
    expect(clock(r, 'decision').status).toBe('stopped');
    expect(clock(r, 'records').status).toBe('met');
  });

  it('keeps a deadline missed before the withdrawal as late, and stops the penalty at the withdrawal', () => {
    const r = report(
      {
        ...standard,
        noticeOfAssignmentSentAt: '2024-03-01',
        noticeMethod: 'electronic',
        termination: { reason: 'request-withdrawn', at: '2024-03-16' },
      },
      '2024-06-01T12:00:00Z',
    );
    expect(clock(r, 'records').status).toBe('late');
    expect(clock(r, 'decision').status).toBe('stopped');
    expect(r.lateRecordsPenalty).toMatchObject({ daysLate: 3, amountUsd: 1_500 });
  });
});

describe('invalid timelines', () => {
  it('refuses extensions totalling more than 3 days', () => {
    const result = computeClocks(
      {
        ...standard,
        extensions: [
          { days: 2, reason: 'a', approvedAt: '2024-05-01' },
          { days: 2, reason: 'b', approvedAt: '2024-05-02' },
        ],
      },
      '2024-06-01T00:00:00Z',
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('IMR_VALIDATION');
      expect(result.error.message).toContain('at most 3');
    }
  });

  it('refuses an extension without a reason', () => {
    const result = computeClocks(
      { ...standard, extensions: [{ days: 1, reason: '  ', approvedAt: '2024-05-01' }] },
      '2024-06-01T00:00:00Z',
    );
    expect(result.ok).toBe(false);
  });

  it('refuses a notice without its method, an impossible date, and events after now', () => {
    expect(computeClocks({ ...standard, noticeOfAssignmentSentAt: '2024-03-01' }, '2024-04-01T00:00:00Z').ok).toBe(
      false,
    );
    expect(computeClocks({ ...standard, eligibilityDeterminedAt: '2024-02-30' }, '2024-04-01T00:00:00Z').ok).toBe(
      false,
    );
    const future = computeClocks({ ...standard, eligibilityDeterminedAt: '2024-05-01' }, '2024-04-01T00:00:00Z');
    expect(future.ok).toBe(false);
    if (!future.ok) expect(future.error.message).toContain('eligibilityDeterminedAt: is after now');
  });

  it('refuses a `now` that is not an instant', () => {
    expect(computeClocks(standard, '2024-04-01').ok).toBe(false);
  });
});
