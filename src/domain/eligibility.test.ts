import { describe, expect, it } from 'vitest';
import {
  ELIGIBILITY_REASONS,
  type EligibilityApplicationInput,
  EligibilityReason,
  type EligibilityResult,
  screenEligibility,
} from './eligibility.js';

const denied = {
  id: 'a',
  treatment: 'Norco 10/325mg #90',
  urOutcome: 'denied',
  disputedForMedicalNecessity: true,
} as const;

/** UR decision served by mail on Tue 2024-01-02: last day to file is Tue 2024-02-06 (30 + 5). */
const base: EligibilityApplicationInput = {
  receivedAt: '2024-02-06',
  disputeKind: 'regular',
  filer: 'employee',
  signed: true,
  urDecisionAttached: true,
  injuryDate: '2023-06-01',
  ur: { decisionDate: '2024-01-02', servedOn: '2024-01-02', serviceMethod: 'mail' },
  items: [denied],
};

function screen(app: EligibilityApplicationInput): EligibilityResult {
  const result = screenEligibility(app);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const codes = (r: EligibilityResult) => r.reasons.map((x) => x.code);

describe('filing period (LC 4610.5(h)(1), Avila)', () => {
  it('is eligible when received on the last day (30 days + 5 for mail)', () => {
    const r = screen(base);
    expect(r.status).toBe('eligible');
    expect(r.filing).toMatchObject({ running: true, timely: true, deadline: { dueDate: '2024-02-06' } });
  });

  it('is ineligible one day later, with the dates in the finding', () => {
    const r = screen({ ...base, receivedAt: '2024-02-07T09:00:00-08:00' });
    expect(r.status).toBe('ineligible');
    expect(codes(r)).toEqual(['filed-late']);
    expect(r.reasons[0]?.detail).toBe('received 2024-02-07, 1 day(s) after the last day 2024-02-06');
    expect(r.items[0]?.status).toBe('ineligible');
  });

  it('gives no mailing days for electronic service, but extends past a weekend and Lincoln Day (CCP 12a)', () => {
    const app = { ...base, ur: { decisionDate: '2024-01-12', serviceMethod: 'electronic' } } as const;
    expect(screen({ ...app, receivedAt: '2024-02-13' }).status).toBe('eligible');
    expect(screen({ ...app, receivedAt: '2024-02-14' }).status).toBe('ineligible');
  });

  it('gives 10 days for a formulary dispute', () => {
    const app = {
      ...base,
      disputeKind: 'formulary',
      ur: { decisionDate: '2024-03-01', serviceMethod: 'personal' },
    } as const;
    expect(screen({ ...app, receivedAt: '2024-03-11' }).status).toBe('eligible');
    expect(codes(screen({ ...app, receivedAt: '2024-03-12' }))).toEqual(['filed-late']);
  });

  it('assumes service on the UR decision date when no service date is given, and says so', () => {
    const r = screen({ ...base, ur: { decisionDate: '2024-01-02', serviceMethod: 'mail' } });
    expect(r.status).toBe('eligible');
    expect(r.notes.join(' ')).toContain('taken as the date of service');
  });

  it('never starts the period when the IMR form was not sent with the UR decision (LC 4610.5(h)(3))', () => {
    const r = screen({ ...base, receivedAt: '2024-09-30', ur: { ...base.ur, imrFormProvided: false } });
    expect(r.status).toBe('eligible');
    expect(r.filing.running).toBe(false);
  });
});

describe('application defects', () => {
  it('is ineligible without a signature', () => {
    expect(codes(screen({ ...base, signed: false }))).toEqual(['not-signed']);
  });

  it('is ineligible without the UR decision from April 2014, and only noted before', () => {
    expect(codes(screen({ ...base, urDecisionAttached: false }))).toEqual(['ur-decision-not-attached']);
    const early = screen({
      ...base,
      receivedAt: '2014-03-20',
      ur: { decisionDate: '2014-03-01', serviceMethod: 'electronic' },
      urDecisionAttached: false,
    });
    expect(early.status).toBe('eligible');
    expect(early.notes.join(' ')).toContain('before 1 April 2014');
  });

  it('is ineligible when the UR decision was untimely, which is a WCAB matter (Dubon II)', () => {
    const r = screen({ ...base, ur: { ...base.ur, untimely: true } });
    expect(codes(r)).toEqual(['ur-decision-untimely']);
    expect(r.reasons[0]?.message).toContain('WCAB');
  });

  it('is ineligible when filed by the employer or by the requesting physician alone', () => {
    expect(codes(screen({ ...base, filer: 'employer' }))).toEqual(['filer-not-entitled']);
    expect(codes(screen({ ...base, filer: 'requesting-physician' }))).toEqual(['filer-not-entitled']);
    expect(screen({ ...base, filer: 'emergency-provider' }).status).toBe('eligible');
  });

  it('is ineligible when the agent’s designation was signed before the UR decision', () => {
    expect(
      codes(screen({ ...base, filer: 'representative', representativeDesignationSignedOn: '2023-12-01' })),
    ).toEqual(['designation-predates-ur']);
    expect(screen({ ...base, filer: 'representative', representativeDesignationSignedOn: '2024-01-03' }).status).toBe(
      'eligible',
    );
  });

  it('is outside IMR for a pre-2013 injury with a UR decision communicated before July 2013', () => {
    const old = {
      ...base,
      injuryDate: '2012-05-01',
      receivedAt: '2013-06-20',
      ur: { decisionDate: '2013-06-01', serviceMethod: 'personal' },
    } as const;
    expect(codes(screen(old))).toEqual(['outside-imr-scope']);
    expect(
      screen({ ...old, receivedAt: '2013-08-20', ur: { decisionDate: '2013-08-01', serviceMethod: 'personal' } })
        .status,
    ).toBe('eligible');
  });

  it('is outside IMR for a formulary dispute over a UR decision before 2018', () => {
    const r = screen({
      ...base,
      disputeKind: 'formulary',
      receivedAt: '2017-12-05',
      ur: { decisionDate: '2017-12-01', serviceMethod: 'personal' },
    });
    expect(codes(r)).toEqual(['outside-imr-scope']);
  });

  it('reports every application defect, not just the first', () => {
    expect(codes(screen({ ...base, signed: false, urDecisionAttached: false, receivedAt: '2024-03-01' }))).toEqual([
      'not-signed',
      'ur-decision-not-attached',
      'filed-late',
    ]);
  });
});

describe('items', () => {
  it('is partially eligible when one item was conditionally non-certified', () => {
    const r = screen({ ...base, items: [denied, { ...denied, id: 'b', urOutcome: 'conditionally-non-certified' }] });
    expect(r.status).toBe('partially-eligible');
    expect(r.items.map((i) => [i.itemId, i.status, i.reasons.map((x) => x.code)])).toEqual([
      ['a', 'eligible', []],
      ['b', 'ineligible', ['conditionally-non-certified']],
    ]);
  });

  it('is ineligible when UR approved the only item, or it was not disputed for medical necessity', () => {
    expect(screen({ ...base, items: [{ ...denied, urOutcome: 'certified' }] }).status).toBe('ineligible');
    const r = screen({ ...base, items: [{ ...denied, disputedForMedicalNecessity: false }] });
    expect(r.items[0]?.reasons.map((x) => x.code)).toEqual(['not-disputed-for-medical-necessity']);
  });

  it('accepts a modified UR decision (the original request stays eligible)', () => {
    expect(screen({ ...base, items: [{ ...denied, urOutcome: 'modified' }] }).status).toBe('eligible');
  });

  it('is ineligible for a treatment decided by IMR for this employee within 12 months', () => {
    const r = screen({
      ...base,
      priorImrDeterminations: [{ treatment: 'norco 10/325 mg, #90', decidedOn: '2023-08-15' }],
    });
    expect(r.status).toBe('ineligible');
    expect(r.items[0]?.reasons[0]).toMatchObject({
      code: 'earlier-imr-same-treatment',
      detail: 'earlier determination 2023-08-15',
    });
  });

  it('is eligible when the earlier IMR is more than 12 months old, or material facts changed', () => {
    expect(
      screen({ ...base, priorImrDeterminations: [{ treatment: 'Norco 10/325mg #90', decidedOn: '2023-02-05' }] })
        .status,
    ).toBe('eligible');
    expect(
      screen({
        ...base,
        items: [{ ...denied, changeOfMaterialFactsDocumented: true }],
        priorImrDeterminations: [{ treatment: 'Norco 10/325mg #90', decidedOn: '2023-08-15' }],
      }).status,
    ).toBe('eligible');
  });

  it('does not match a different treatment', () => {
    expect(
      screen({ ...base, priorImrDeterminations: [{ treatment: 'Norco 5/325mg #60', decidedOn: '2023-08-15' }] }).status,
    ).toBe('eligible');
  });
});

describe('liability disputed on other grounds (LC 4610.5(k))', () => {
  it('defers an otherwise eligible application', () => {
    const r = screen({ ...base, receivedAt: '2024-05-01', liabilityDispute: {} });
    expect(r.status).toBe('deferred');
    expect(codes(r)).toEqual(['liability-disputed']);
    expect(r.items[0]?.status).toBe('deferred');
    expect(r.filing.running).toBe(false);
  });

  it('runs the filing period from the notice resolving the dispute (LC 4610.5(h)(2))', () => {
    const dispute = { resolvedNoticeServedOn: '2024-03-01', resolvedNoticeServiceMethod: 'mail' } as const;
    expect(screen({ ...base, receivedAt: '2024-04-05', liabilityDispute: dispute }).status).toBe('eligible');
    expect(codes(screen({ ...base, receivedAt: '2024-04-08', liabilityDispute: dispute }))).toEqual(['filed-late']);
  });

  it('is not deferred when the employer agrees the dispute is eligible', () => {
    expect(screen({ ...base, liabilityDispute: { employerAgreesEligible: true } }).status).toBe('eligible');
  });

  it('is ineligible, not deferred, when the application also has a defect', () => {
    expect(screen({ ...base, signed: false, liabilityDispute: {} }).status).toBe('ineligible');
  });

  it('defers the eligible items and rejects the ineligible ones', () => {
    const r = screen({
      ...base,
      liabilityDispute: {},
      items: [denied, { ...denied, id: 'b', urOutcome: 'conditionally-non-certified' }],
    });
    expect(r.status).toBe('deferred');
    expect(r.items.map((i) => i.status)).toEqual(['deferred', 'ineligible']);
  });
});

describe('input and reason table', () => {
  it('refuses an application without items or with repeated item ids', () => {
    const none = screenEligibility({ ...base, items: [] });
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.error.code).toBe('IMR_VALIDATION');
    expect(screenEligibility({ ...base, items: [denied, denied] }).ok).toBe(false);
  });

  it('refuses an impossible date', () => {
    expect(screenEligibility({ ...base, receivedAt: '2024-02-30' }).ok).toBe(false);
  });

  it('has a message, a source and an effect for every reason; only the liability dispute defers', () => {
    for (const code of EligibilityReason.options) {
      const entry = ELIGIBILITY_REASONS[code];
      expect(entry.message.length).toBeGreaterThan(20);
      expect(entry.source).toMatch(/FS §/);
      expect(entry.effect).toBe(code === 'liability-disputed' ? 'deferred' : 'ineligible');
    }
  });
});
