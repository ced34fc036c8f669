import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, dayNumber, fromDayNumber } from './clock-dates.js';
import { type EligibilityApplicationInput, type EligibilityResult, screenEligibility } from './eligibility.js';
import { CALIFORNIA_CALENDAR } from './holidays.js';

const servedOn = fc.integer({ min: dayNumber('2018-01-01'), max: dayNumber('2030-11-30') }).map(fromDayNumber);
const method = fc.constantFrom('mail', 'electronic', 'personal');
const kind = fc.constantFrom('regular', 'formulary');

function application(
  served: string,
  serviceMethod: 'mail' | 'electronic' | 'personal',
  disputeKind: 'regular' | 'formulary',
  receivedAt: string,
): EligibilityApplicationInput {
  return {
    receivedAt,
    disputeKind,
    filer: 'employee',
    signed: true,
    urDecisionAttached: true,
    ur: { decisionDate: served, servedOn: served, serviceMethod },
    items: [{ id: 'a', treatment: 'x', urOutcome: 'denied', disputedForMedicalNecessity: true }],
  };
}

function screen(app: EligibilityApplicationInput): EligibilityResult {
  const result = screenEligibility(app);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('eligibility properties', () => {
  it('filing on the last allowed day is timely and one day later is not', () => {
    fc.assert(
      fc.property(servedOn, method, kind, (served, m, k) => {
        const probe = screen(application(served, m, k, served));
        const last = probe.filing.deadline?.dueDate ?? '';
        expect(screen(application(served, m, k, last)).reasons.map((r) => r.code)).not.toContain('filed-late');
        expect(screen(application(served, m, k, addCalendarDays(last, 1))).reasons.map((r) => r.code)).toContain(
          'filed-late',
        );
      }),
    );
  });

  it('the last day is 30 days after service (10 formulary), +5 by mail, moved only off holidays', () => {
    fc.assert(
      fc.property(servedOn, method, kind, (served, m, k) => {
        const days = (k === 'regular' ? 30 : 10) + (m === 'mail' ? 5 : 0);
        const nominal = addCalendarDays(served, days);
        const last = screen(application(served, m, k, served)).filing.deadline?.dueDate ?? '';
        expect(last >= nominal).toBe(true);
        expect(CALIFORNIA_CALENDAR.isCcp12aHoliday(last)).toBe(false);
        for (let d = nominal; d < last; d = addCalendarDays(d, 1))
          expect(CALIFORNIA_CALENDAR.isCcp12aHoliday(d)).toBe(true);
      }),
    );
  });

  it('mail service gives exactly five more nominal days than electronic service', () => {
    fc.assert(
      fc.property(servedOn, kind, (served, k) => {
        const byMail = screen(application(served, 'mail', k, served)).filing.deadline;
        const electronic = screen(application(served, 'electronic', k, served)).filing.deadline;
        const nominal = (d: typeof byMail) => d?.extendedFrom ?? d?.dueDate ?? '';
        expect(nominal(byMail)).toBe(addCalendarDays(nominal(electronic), 5));
      }),
    );
  });

  const anyApplication = fc.record({
    served: servedOn,
    serviceMethod: method,
    disputeKind: kind,
    delay: fc.integer({ min: 0, max: 60 }),
    signed: fc.boolean(),
    attached: fc.boolean(),
    untimely: fc.boolean(),
    filer: fc.constantFrom('employee', 'representative', 'emergency-provider', 'requesting-physician', 'employer'),
    items: fc.array(
      fc.record({
        urOutcome: fc.constantFrom('denied', 'modified', 'certified', 'conditionally-non-certified'),
        disputedForMedicalNecessity: fc.boolean(),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    liability: fc.constantFrom('none', 'agreed', 'unresolved', 'resolved'),
  });

  type Generated<A> = A extends fc.Arbitrary<infer T> ? T : never;

  function build(a: Generated<typeof anyApplication>): EligibilityApplicationInput {
    const app: EligibilityApplicationInput = {
      receivedAt: addCalendarDays(a.served, a.delay),
      disputeKind: a.disputeKind,
      filer: a.filer,
      signed: a.signed,
      urDecisionAttached: a.attached,
      ur: { decisionDate: a.served, servedOn: a.served, serviceMethod: a.serviceMethod, untimely: a.untimely },
      items: a.items.map((item, i) => ({ id: `i${i}`, treatment: `t${i}`, ...item })),
    };
    if (a.liability === 'agreed') return { ...app, liabilityDispute: { employerAgreesEligible: true } };
    if (a.liability === 'unresolved') return { ...app, liabilityDispute: {} };
    if (a.liability === 'resolved') return { ...app, liabilityDispute: { resolvedNoticeServedOn: a.served } };
    return app;
  }

  it('never defers when liability is not disputed (or the employer agrees it is eligible)', () => {
    fc.assert(
      fc.property(anyApplication, (a) => {
        fc.pre(a.liability !== 'unresolved');
        const r = screen(build(a));
        expect(r.status).not.toBe('deferred');
        expect(r.items.some((i) => i.status === 'deferred')).toBe(false);
      }),
    );
  });

  it('the overall status agrees with the item statuses', () => {
    fc.assert(
      fc.property(anyApplication, (a) => {
        const r = screen(build(a));
        const statuses = r.items.map((i) => i.status);
        const expected = statuses.every((s) => s === 'ineligible')
          ? 'ineligible'
          : statuses.includes('deferred')
            ? 'deferred'
            : statuses.every((s) => s === 'eligible')
              ? 'eligible'
              : 'partially-eligible';
        expect(r.status).toBe(expected);
        // An application-level ineligibility reaches every item.
        if (r.reasons.some((x) => x.effect === 'ineligible')) expect(r.status).toBe('ineligible');
      }),
    );
  });
});
