import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AuditDetails,
  CASE_STAGE_INFO,
  Case,
  CasePatch,
  CaseStage,
  LetterRecord,
  NewApplication,
  NewAuditEvent,
  NewCase,
  NewCaseDocument,
  NewParty,
  NewUser,
  Timestamp,
} from './case.js';

const minimalCase = {
  caseNumber: 'CM16-0213037',
  stage: 'received',
  priority: 'standard',
  kind: 'regular',
  source: 'intake',
};

describe('Case', () => {
  it('accepts a minimal new case and a stored one', () => {
    expect(NewCase.parse(minimalCase)).toEqual(minimalCase);
    const stored = {
      ...minimalCase,
      id: 1,
      version: 1,
      createdAt: '2016-10-03T15:00:00.000Z',
      updatedAt: '2016-10-03T15:00:00.000Z',
    };
    expect(Case.parse(stored)).toEqual(stored);
  });

  it('knows exactly the fourteen stages, which of them are finished, and that an issued letter is no open work', () => {
    expect(CaseStage.options).toHaveLength(14);
    expect(Object.keys(CASE_STAGE_INFO).sort()).toEqual([...CaseStage.options].sort());
    const finished = CaseStage.options.filter((s) => CASE_STAGE_INFO[s].final);
    expect(finished.sort()).toEqual(['closed', 'ineligible', 'terminated', 'withdrawn']);
    const notOpen = CaseStage.options.filter((s) => !CASE_STAGE_INFO[s].open);
    expect(notOpen.sort()).toEqual(['closed', 'ineligible', 'letter-issued', 'terminated', 'withdrawn']);
    for (const s of CaseStage.options) if (CASE_STAGE_INFO[s].final) expect(CASE_STAGE_INFO[s].open, s).toBe(false);
  });

  it('refuses values outside the closed sets and malformed dates', () => {
    expect(NewCase.safeParse({ ...minimalCase, stage: 'pending' }).success).toBe(false);
    expect(NewCase.safeParse({ ...minimalCase, priority: 'Standard' }).success).toBe(false);
    expect(NewCase.safeParse({ ...minimalCase, dueDate: '11/19/2016' }).success).toBe(false);
    expect(NewCase.safeParse({ ...minimalCase, patientAge: 121 }).success).toBe(false);
    expect(NewCase.safeParse({ ...minimalCase, caseNumber: '  ' }).success).toBe(false);
  });

  it('lets a patch clear optional fields with null but not required ones', () => {
    expect(CasePatch.parse({ dueDate: null, stageReason: null })).toEqual({ dueDate: null, stageReason: null });
    expect(CasePatch.safeParse({ stage: null }).success).toBe(false);
    expect(CasePatch.safeParse({ priority: null }).success).toBe(false);
  });

  it('round-trips any valid new case unchanged (property)', () => {
    const isoDate = fc
      .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    const arb = fc.record(
      {
        caseNumber: fc.stringMatching(/^CM\d{2}-\d{7}$/),
        stage: fc.constantFrom(...CaseStage.options),
        priority: fc.constantFrom('standard', 'expedited'),
        kind: fc.constantFrom('regular', 'formulary'),
        source: fc.constantFrom('intake', 'import'),
        dueDate: isoDate,
        injuryDate: isoDate,
        patientAge: fc.integer({ min: 0, max: 120 }),
        patientSex: fc.constantFrom('male', 'female'),
      },
      { requiredKeys: ['caseNumber', 'stage', 'priority', 'kind', 'source'] },
    );
    fc.assert(
      fc.property(arb, (c) => {
        expect(NewCase.parse(c)).toEqual(c);
      }),
    );
  });
});

describe('Party and Application', () => {
  it('checks the NPI, state and ZIP formats', () => {
    const p = { caseId: 1, role: 'requesting-physician', name: 'Dr. A' };
    expect(NewParty.safeParse({ ...p, npi: '1234567893' }).success).toBe(true);
    expect(NewParty.safeParse({ ...p, npi: '12345' }).success).toBe(false);
    expect(NewParty.safeParse({ ...p, role: 'physician' }).success).toBe(false);
    expect(NewParty.safeParse({ ...p, address: { lines: ['1 Main St'], state: 'Calif.' } }).success).toBe(false);
    expect(NewParty.safeParse({ ...p, address: { lines: ['1 Main St'], postalCode: '9581' } }).success).toBe(false);
  });

  it('accepts an incomplete application (eligibility, not the schema, judges completeness)', () => {
    const a = {
      caseId: 1,
      receivedDate: '2016-10-03',
      disputedTreatments: [],
      alsoDisputedForOtherReasons: false,
      deniedForMissingInformation: false,
      signaturePresent: false,
      consentToRecords: false,
      urDecisionAttached: false,
    };
    expect(NewApplication.parse(a)).toEqual(a);
    expect(NewApplication.safeParse({ ...a, urServiceMethod: 'fax' }).success).toBe(false);
    expect(
      NewApplication.safeParse({ ...a, disputedTreatments: [{ treatment: 'PT', primaryDiagnosisIcd: 'not an icd!' }] })
        .success,
    ).toBe(false);
  });
});

describe('Documents, letters, users', () => {
  it('requires a lower-case hex SHA-256 on documents', () => {
    const d = {
      caseId: 1,
      title: 'Note',
      kind: 'medical-record',
      sha256: 'a'.repeat(64),
      sizeBytes: 10,
      mime: 'application/pdf',
      storagePath: `aa/${'a'.repeat(64)}`,
    };
    expect(NewCaseDocument.safeParse(d).success).toBe(true);
    expect(NewCaseDocument.safeParse({ ...d, sha256: 'A'.repeat(64) }).success).toBe(false);
    expect(NewCaseDocument.safeParse({ ...d, sizeBytes: -1 }).success).toBe(false);
  });

  it('holds a letter record to the letter contract', () => {
    const base = { id: 1, caseId: 1, kind: 'final', format: 'pdf', issuedAt: '2016-11-03T17:00:00.000Z' };
    expect(LetterRecord.safeParse({ ...base, letter: { items: [] } }).success).toBe(false);
  });

  it('takes lower-case user names only', () => {
    const u = { username: 'alice', displayName: 'Alice', role: 'qa', passwordHash: 'h', active: true };
    expect(NewUser.safeParse(u).success).toBe(true);
    expect(NewUser.safeParse({ ...u, username: 'Alice' }).success).toBe(false);
    expect(NewUser.safeParse({ ...u, role: 'root' }).success).toBe(false);
  });

  it('takes UTC instants only', () => {
    expect(Timestamp.safeParse('2016-11-03T17:00:00.000Z').success).toBe(true);
    expect(Timestamp.safeParse('2016-11-03T17:00:00-08:00').success).toBe(false);
    expect(Timestamp.safeParse('2016-11-03').success).toBe(false);
  });
});

describe('AuditEvent', () => {
  const e = { actor: 'system', action: 'case.created', entityType: 'case', entityId: '12', requestId: 'r-1' };

  it('accepts flat, short details and a user or the system as actor', () => {
    expect(
      NewAuditEvent.parse({ ...e, details: { stage: 'received', items: 2, expedited: false, x: null } }),
    ).toBeTruthy();
    expect(NewAuditEvent.safeParse({ ...e, actor: 7 }).success).toBe(true);
    expect(NewAuditEvent.safeParse({ ...e, actor: 'alice' }).success).toBe(false);
    expect(NewAuditEvent.safeParse({ ...e, actor: 0 }).success).toBe(false);
  });

  it('refuses details that could hold clinical text: nested values, long strings, odd keys', () => {
    expect(AuditDetails.safeParse({ patient: { name: 'x' } }).success).toBe(false);
    expect(AuditDetails.safeParse({ items: ['a'] }).success).toBe(false);
    expect(AuditDetails.safeParse({ note: 'x'.repeat(201) }).success).toBe(false);
    expect(AuditDetails.safeParse({ 'free text': 'x' }).success).toBe(false);
  });

  it('wants dotted action names', () => {
    expect(NewAuditEvent.safeParse({ ...e, action: 'created' }).success).toBe(false);
    expect(NewAuditEvent.safeParse({ ...e, action: 'Case.Created' }).success).toBe(false);
  });
});
