import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, type CalendarDate, dayNumber, fromDayNumber } from './clock-dates.js';
import {
  addBusinessDays,
  type CaseTimelineInput,
  type ClockId,
  type ClockReport,
  calendarDayDeadline,
  computeClocks,
  lateRecordsPenalty,
} from './clocks.js';
import { CALIFORNIA_CALENDAR } from './holidays.js';

const FIRST = dayNumber('2016-01-01');
const LAST = dayNumber('2030-12-31');

const date = fc.integer({ min: FIRST, max: LAST }).map(fromDayNumber);
/** A California-time instant on a given day (minutes past midnight, PST offset is fine for ordering). */
const instantOn = (day: CalendarDate, minutes: number): string =>
  `${day}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00-08:00`;

/** A random but ordered case: eligibility → notice → records → (certification) → decision; `now` after all. */
const timeline = fc
  .record({
    start: fc.integer({ min: FIRST, max: LAST - 200 }),
    gaps: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 5, maxLength: 5 }),
    minutes: fc.integer({ min: 0, max: 23 * 60 }),
    disputeKind: fc.constantFrom('regular', 'formulary'),
    noticeMethod: fc.constantFrom('mail', 'electronic'),
    hasRecords: fc.boolean(),
    hasDecision: fc.boolean(),
    certification: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
    extension: fc.integer({ min: 0, max: 3 }),
  })
  .map((r) => {
    const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0] = r.gaps;
    const eligibility = fromDayNumber(r.start);
    const notice = addCalendarDays(eligibility, g0);
    const records = addCalendarDays(notice, g1);
    const decision = addCalendarDays(records, g2);
    const now = instantOn(addCalendarDays(decision, g3 + g4 + 1), r.minutes);
    const t: CaseTimelineInput = {
      disputeKind: r.disputeKind,
      initialPriority: 'standard',
      eligibilityDeterminedAt: eligibility,
      noticeOfAssignmentSentAt: instantOn(notice, r.minutes),
      noticeMethod: r.noticeMethod,
      ...(r.hasRecords ? { recordsReceivedAt: records } : {}),
      ...(r.hasRecords && r.hasDecision ? { decisionIssuedAt: decision } : {}),
      ...(r.certification === undefined
        ? {}
        : { expeditedCertificationAt: instantOn(addCalendarDays(notice, r.certification % (g1 + g2 + 1)), 600) }),
    };
    return { t, now, extension: r.extension };
  });

function run(t: CaseTimelineInput, now: string): ClockReport {
  const result = computeClocks(t, now);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function due(r: ClockReport, id: ClockId): string | undefined {
  return r.clocks.find((c) => c.id === id)?.dueDate;
}

describe('clock properties', () => {
  it('business-day deadlines never fall on a weekend or state holiday, and come after the start', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 10 }), (start, n) => {
        const end = addBusinessDays(start, n);
        expect(CALIFORNIA_CALENDAR.isBusinessDay(end)).toBe(true);
        expect(end > start).toBe(true);
      }),
    );
  });

  it('extended calendar-day deadlines never fall on a CCP 12a holiday and skip only holidays', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 40 }), (start, days) => {
        const { dueDate, extendedFrom } = calendarDayDeadline(start, days);
        const last = addCalendarDays(start, days);
        expect(CALIFORNIA_CALENDAR.isCcp12aHoliday(dueDate)).toBe(false);
        expect(dueDate >= last).toBe(true);
        for (let d = last; d < dueDate; d = addCalendarDays(d, 1)) {
          expect(CALIFORNIA_CALENDAR.isCcp12aHoliday(d)).toBe(true);
        }
        expect(extendedFrom === undefined).toBe(dueDate === last);
      }),
    );
  });

  it('notice and formulary-decision due dates are always business days', () => {
    fc.assert(
      fc.property(timeline, ({ t, now }) => {
        const r = run({ ...t, expeditedCertificationAt: undefined }, now);
        const notice = due(r, 'notice-of-assignment');
        if (notice !== undefined) expect(CALIFORNIA_CALENDAR.isBusinessDay(notice)).toBe(true);
        const decision = due(r, 'decision');
        if (t.disputeKind === 'formulary' && decision !== undefined) {
          expect(CALIFORNIA_CALENDAR.isBusinessDay(decision)).toBe(true);
        }
      }),
    );
  });

  it('adding an extension never makes a deadline earlier', () => {
    fc.assert(
      fc.property(timeline, ({ t, now, extension }) => {
        const without = run(t, now);
        const extended = run(
          extension === 0
            ? t
            : {
                ...t,
                extensions: [
                  { days: extension, reason: 'good cause', approvedAt: t.eligibilityDeterminedAt ?? '2016-01-01' },
                ],
              },
          now,
        );
        for (const c of without.clocks) {
          const before = c.dueDate;
          const after = due(extended, c.id);
          if (before !== undefined && after !== undefined) expect(after >= before).toBe(true);
        }
      }),
    );
  });

  it('expedited deadlines are never later than standard ones', () => {
    fc.assert(
      fc.property(timeline, ({ t, now }) => {
        const std = run({ ...t, expeditedCertificationAt: undefined }, now);
        const exp = run({ ...t, expeditedCertificationAt: undefined, initialPriority: 'expedited' }, now);
        const converted = run(t, now);
        for (const id of ['records', 'decision'] as const) {
          const s = due(std, id);
          if (s === undefined) continue;
          expect((due(exp, id) ?? s) <= s).toBe(true);
          expect((due(converted, id) ?? s) <= s).toBe(true);
        }
      }),
    );
  });

  it('the late-records penalty is monotone in the days late and capped at $5,000', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(lateRecordsPenalty(lo).amountUsd).toBeLessThanOrEqual(lateRecordsPenalty(hi).amountUsd);
        expect(lateRecordsPenalty(hi).amountUsd).toBeLessThanOrEqual(5_000);
        expect(lateRecordsPenalty(lo).amountUsd).toBe(Math.min(500 * lo, 5_000));
      }),
    );
  });

  it('later records never lower the penalty computed from the case', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), (notice, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const base = {
          disputeKind: 'regular',
          initialPriority: 'standard',
          noticeOfAssignmentSentAt: notice,
          noticeMethod: 'mail',
        } as const;
        const now = instantOn(addCalendarDays(notice, 200), 0);
        const early = run({ ...base, recordsReceivedAt: addCalendarDays(notice, lo) }, now).lateRecordsPenalty
          .amountUsd;
        const late = run({ ...base, recordsReceivedAt: addCalendarDays(notice, hi) }, now).lateRecordsPenalty.amountUsd;
        expect(early).toBeLessThanOrEqual(late);
        expect(late).toBeLessThanOrEqual(5_000);
      }),
    );
  });

  it('a clock is pending exactly while its due day has not passed and nothing was done', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 30 }), (records, wait) => {
        const now = instantOn(addCalendarDays(records, wait), 12 * 60);
        const r = run({ disputeKind: 'regular', initialPriority: 'standard', recordsReceivedAt: records }, now);
        const c = r.clocks.find((x) => x.id === 'decision');
        const dueDate = c?.dueDate ?? '';
        expect(c?.status).toBe(addCalendarDays(records, wait) <= dueDate ? 'pending' : 'late');
      }),
    );
  });
});
