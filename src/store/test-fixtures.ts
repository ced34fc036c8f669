import type {
  NewApplication,
  NewAssignment,
  NewCase,
  NewCredential,
  NewExpertReviewer,
  NewItemDetermination,
  NewLetterRecord,
  NewParty,
  NewUrDecision,
} from '../domain/case.js';
import type { Basis, Letter } from '../domain/letter.js';

/**
 * Invented records for the store tests, every optional field filled (so a round trip proves each
 * column), plus minimal variants. No real person, claim or letter.
 */

let counter = 0;
/** A case number no other test in the run has used. */
export function freshCaseNumber(): string {
  counter += 1;
  return `CM99-${String(process.pid % 1000).padStart(3, '0')}${String(counter).padStart(4, '0')}`;
}

export function minimalCase(overrides: Partial<NewCase> = {}): NewCase {
  return {
    caseNumber: freshCaseNumber(),
    stage: 'received',
    priority: 'standard',
    kind: 'regular',
    source: 'intake',
    ...overrides,
  };
}

export function fullCase(overrides: Partial<NewCase> = {}): NewCase {
  return {
    ...minimalCase(),
    stage: 'closed',
    stageReason: 'imported',
    priority: 'expedited',
    kind: 'formulary',
    source: 'import',
    receivedDate: '2016-10-03',
    urDecisionDate: '2016-09-20',
    eligibilityDate: '2016-10-05',
    assignedDate: '2016-10-06',
    recordsReceivedDate: '2016-10-20',
    decisionDate: '2016-11-02',
    letterIssuedDate: '2016-11-03',
    closedDate: '2016-11-04',
    dueDate: '2016-11-19',
    patientAge: 47,
    patientSex: 'female',
    injuryDate: '2012-05-14',
    reviewerCredentials: {
      licensure: ['California'],
      specialties: ['Physical Medicine & Rehabilitation'],
      subspecialties: ['Pain Medicine'],
    },
    ...overrides,
  };
}

export function fullParty(caseId: number): NewParty {
  return {
    caseId,
    role: 'requesting-physician',
    name: 'Dr. Example Requester',
    organization: 'Example Spine Clinic',
    npi: '1234567893',
    address: { lines: ['100 Example Way', 'Suite 2'], city: 'Sacramento', state: 'CA', postalCode: '95814' },
    phone: '916-555-0100',
    email: 'requester@example.org',
  };
}

export function fullApplication(caseId: number): NewApplication {
  return {
    caseId,
    receivedDate: '2016-10-03',
    urType: 'regular',
    employeeName: 'Pat Example',
    claimNumber: 'CLM-0000001',
    injuryDate: '2012-05-14',
    urDecisionDate: '2016-09-20',
    eamsCaseNumber: 'ADJ0000001',
    wcisNumber: 'WCIS-0001',
    employeeDob: '1969-02-01',
    employeeAddress: { lines: ['1 Sample St'], city: 'Fresno', state: 'CA', postalCode: '93701-1234' },
    employeePhone: '559-555-0101',
    requestingPhysicianName: 'Dr. Example Requester',
    requestingPhysicianType: 'MD',
    requestingPhysicianSpecialty: 'Orthopedic Surgery',
    employerName: 'Example Warehousing Co.',
    claimsAdministratorName: 'Example Claims Services',
    adjusterName: 'Alex Adjuster',
    disputedTreatments: [
      { treatment: 'Lumbar epidural steroid injection L4-5', primaryDiagnosisIcd: 'M54.16' },
      { treatment: 'Physical therapy 2x6' },
    ],
    alsoDisputedForOtherReasons: false,
    deniedForMissingInformation: true,
    signaturePresent: true,
    signatureDate: '2016-09-28',
    consentToRecords: true,
    urDecisionAttached: true,
    urServiceMethod: 'mail',
    filedBy: 'representative',
  };
}

export function fullUrDecision(caseId: number): NewUrDecision {
  return {
    caseId,
    decisionDate: '2016-09-20',
    serviceDate: '2016-09-21',
    serviceMethod: 'mail',
    reviewerName: 'Dr. Example Reviewer',
    organization: 'Example UR Company',
    outcome: 'modified',
    items: [
      { request: 'Physical therapy 2x6', outcome: 'modified', authorizedPortion: 'Physical therapy 2x3' },
      { request: 'Lumbar epidural steroid injection L4-5', outcome: 'denied' },
    ],
  };
}

export const sampleBasis: Basis = {
  usedMtus: true,
  citations: [
    {
      source: 'MTUS',
      text: 'Chronic Pain Medical Treatment Guidelines',
      pages: [46],
      sections: 'Epidural steroid injections',
    },
  ],
  raw: 'MTUS Chronic Pain Medical Treatment Guidelines, Epidural steroid injections, page 46.',
};

export function fullReviewer(overrides: Partial<NewExpertReviewer> = {}): NewExpertReviewer {
  return {
    name: 'Dr. Example Expert',
    npi: '1245319599',
    profession: 'physician',
    yearsInPractice: 18,
    activePracticeSince: '2006-07-01',
    weeklyClinicalHours: 22.5,
    qmeStatus: 'certified',
    qmeUntil: '2027-12-31',
    disciplinaryHistory: false,
    active: true,
    ...overrides,
  };
}

export function fullCredential(reviewerId: number): NewCredential {
  return {
    reviewerId,
    type: 'licence',
    name: 'Physician and Surgeon',
    number: 'A000001',
    state: 'CA',
    status: 'active',
    issuer: 'Medical Board of California',
    expires: '2027-06-30',
  };
}

export function fullAssignment(caseId: number, reviewerId: number): NewAssignment {
  return {
    caseId,
    reviewerId,
    role: 'primary',
    assignedAt: '2016-10-06T16:00:00.000Z',
    conflictScreen: { clear: true, checked: ['employer', 'insurer'], hits: [] },
    qualification: { qualified: true, specialtyMatch: 'Physical Medicine & Rehabilitation', score: 0.9 },
    endedAt: '2016-10-07T09:30:00.000Z',
    endReason: 'reassigned',
  };
}

export function fullDetermination(itemId: number, reviewerId: number): NewItemDetermination {
  return {
    itemId,
    reviewerId,
    decision: 'Upheld',
    basis: sampleBasis,
    rationale: 'The records do not document radicular findings on examination; the criteria are not met.',
    engineRecommendation: { recommendation: 'Upheld', topic: { id: 'esi', title: 'Epidural steroid injections' } },
    overrideReason: 'Agreed with the engine after reading the imaging report.',
    decidedAt: '2016-11-01T20:15:00.000Z',
  };
}

export function sampleLetter(overrides: Partial<Letter> = {}): Letter {
  return {
    case: {
      caseNumber: 'CM99-0000000',
      dateAssigned: '2016-10-06',
      decisionDate: '2016-11-02',
      urDenialDate: '2016-09-20',
      priority: 'Standard',
      applicationReceived: '2016-10-03',
    },
    reviewer: { licensure: ['California'], specialties: ['Physical Medicine & Rehabilitation'], subspecialties: [] },
    patient: { age: 47, sex: 'female', injuryDate: '2012-05-14' },
    clinicalSummary: 'The injured worker reports chronic low back pain after lifting at work.',
    items: [
      {
        request: 'Lumbar epidural steroid injection L4-5',
        decision: 'Upheld',
        claimsAdministratorBasis: sampleBasis,
        reviewerBasis: sampleBasis,
        rationale: 'Radicular findings are not documented, so the injection is not medically necessary.',
      },
    ],
    ...overrides,
  };
}

export function fullLetterRecord(caseId: number, letter: Letter = sampleLetter()): NewLetterRecord {
  return {
    caseId,
    kind: 'party-copy',
    recipientRole: 'claims-administrator',
    format: 'pdf',
    storagePath: `ab/ab${'0'.repeat(62)}`,
    sha256: `ab${'0'.repeat(62)}`,
    issuedAt: '2016-11-03T17:00:00.000Z',
    letter,
  };
}
