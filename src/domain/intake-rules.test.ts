import { describe, expect, it } from 'vitest';
import { checkIntake, type IntakeFacts, isIcdCode, meaningfulCharacters } from './intake-rules.js';
import { plainIssueMessage } from './plain-issues.js';

const TODAY = '2025-03-04';

function facts(patch: Partial<IntakeFacts['application']> = {}, more: Partial<IntakeFacts> = {}): IntakeFacts {
  return {
    application: {
      employeeName: 'Ione Marsh',
      injuryDate: '2023-05-02',
      urDecisionDate: '2025-02-20',
      disputedTreatments: [{ treatment: 'Physical therapy 2x6 lumbar spine', primaryDiagnosisIcd: 'M54.5' }],
      alsoDisputedForOtherReasons: false,
      deniedForMissingInformation: false,
      signaturePresent: true,
      consentToRecords: true,
      urDecisionAttached: true,
      ...patch,
    },
    receivedOn: '2025-02-25',
    ...more,
  };
}

const paths = (f: IntakeFacts) => checkIntake(f, TODAY).map((p) => p.path);

describe('intake plausibility rules', () => {
  it('a sound application has no problem', () => {
    expect(checkIntake(facts(), TODAY)).toEqual([]);
  });

  it('dates in the future, before the program, and out of order', () => {
    expect(paths(facts({ injuryDate: '2099-01-01' }))).toEqual(['application.injuryDate']);
    expect(paths(facts({ injuryDate: '1949-12-31' }))).toEqual(['application.injuryDate']);
    expect(paths(facts({ urDecisionDate: '2012-12-31' }))).toEqual(['application.urDecisionDate']);
    expect(paths(facts({ injuryDate: '2025-02-21' }))).toEqual(['application.urDecisionDate']);
    expect(paths(facts({}, { receivedOn: '2025-02-19' }))).toEqual(['application.urDecisionDate']);
    expect(paths(facts({ signatureDate: '2025-02-26' }))).toEqual(['application.signatureDate']);
    expect(paths(facts({ signatureDate: '2025-02-19' }))).toEqual(['application.signatureDate']);
    expect(paths(facts({ signatureDate: '2025-02-22' }))).toEqual([]);
    expect(paths(facts({}, { receivedOn: '2025-03-05' }))).toEqual(['receivedAt']);
    expect(paths(facts({ injuryDate: '2023-02-29' }))).toEqual(['application.injuryDate']);
  });

  it('the UR decision record and the application must agree on the date, and service follows the decision', () => {
    const ur = { decisionDate: '2025-02-21', outcome: 'denied' as const, items: [] };
    expect(paths(facts({}, { urDecision: ur }))).toEqual(['urDecision.decisionDate']);
    const served = { ...ur, decisionDate: '2025-02-20', serviceDate: '2025-02-19' };
    expect(paths(facts({}, { urDecision: served }))).toEqual(['urDecision.serviceDate']);
  });

  it('age from 14 to 100, consistent with the date of birth', () => {
    expect(paths(facts({}, { patient: { age: 200 } }))).toEqual(['patient.age']);
    expect(paths(facts({}, { patient: { age: 13 } }))).toEqual(['patient.age']);
    expect(paths(facts({ employeeDob: '1970-06-01' }, { patient: { age: 54 } }))).toEqual([]);
    expect(paths(facts({ employeeDob: '1970-06-01' }, { patient: { age: 40 } }))).toEqual(['patient.age']);
    expect(paths(facts({ employeeDob: '2015-01-01' }))).toEqual(['application.employeeDob']);
  });

  it('ICD-10 codes and treatment text', () => {
    for (const code of ['M54.5', 'M545', 'S83.241A', 'G89.29', 'm54.16', '724.2', 'V43.64', 'E880.9']) {
      expect(isIcdCode(code), code).toBe(true);
    }
    for (const code of ['notacode', 'M5', 'U07.1', '54.5', 'MM54', 'M54.12345', '']) {
      expect(isIcdCode(code), code).toBe(false);
    }
    expect(meaningfulCharacters(' a - b ')).toBe(2);
    const bad = facts({ disputedTreatments: [{ treatment: 'a', primaryDiagnosisIcd: 'notacode' }] });
    expect(paths(bad)).toEqual([
      'application.disputedTreatments.0.treatment',
      'application.disputedTreatments.0.primaryDiagnosisIcd',
    ]);
    expect(paths(facts({ disputedTreatments: [{ treatment: '123' }] }))).toEqual([
      'application.disputedTreatments.0.treatment',
    ]);
  });
});

describe('plain messages for schema issues', () => {
  it("replaces zod's wording, keeps a schema's own words as a sentence", () => {
    expect(
      plainIssueMessage({
        code: 'too_big',
        origin: 'number',
        maximum: 120,
        message: 'Too big: expected number to be <=120',
      }),
    ).toBe('Enter a value of 120 or less.');
    expect(
      plainIssueMessage({
        code: 'invalid_type',
        expected: 'number',
        message: 'Invalid input: expected number, received string',
      }),
    ).toBe('Enter a whole number.');
    expect(
      plainIssueMessage({ code: 'invalid_format', format: 'regex', message: 'Enter an ICD-10 code such as M54.5' }),
    ).toBe('Enter an ICD-10 code such as M54.5.');
  });
});
