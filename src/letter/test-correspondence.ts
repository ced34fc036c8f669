import type { Letter } from '../domain/letter.js';
import type { Addressee, CaseReference } from './correspondence.js';

/** One invented case for the correspondence golden tests and the sample pages in docs/letters (names, claim number and addresses made up). */

export const reference: CaseReference = {
  caseNumber: 'CM26-0004217',
  employeeName: 'Marisol Q. Testperson',
  claimNumber: 'WC-55-901733',
  injuryDate: '2025-06-14',
  urDecisionDate: '2026-01-09',
  applicationReceived: '2026-01-20',
  requestingPhysician: 'Dr. Ansel Fakename',
};

export const to: Record<string, Addressee> = {
  employee: {
    kind: 'employee',
    name: 'Marisol Q. Testperson',
    addressLines: ['48 Sample Court', 'Fresno, CA 93650'],
  },
  representative: {
    kind: 'representative',
    name: 'Ivo Madeup, Esq.',
    organization: 'Madeup & Partners',
    addressLines: ['900 Invented Blvd', 'Fresno, CA 93721'],
  },
  'requesting-physician': { kind: 'requesting-physician', name: 'Dr. Ansel Fakename', addressLines: [] },
  'claims-administrator': {
    kind: 'claims-administrator',
    name: 'Placeholder Claims Services',
    addressLines: ['PO Box 1234', 'Stockton, CA 95201'],
  },
};

export const letter: Letter = {
  case: {
    caseNumber: 'CM26-0004217',
    dateAssigned: '2026-01-22',
    decisionDate: '2026-02-12',
    urDenialDate: '2026-01-09',
    priority: 'Standard',
    applicationReceived: '2026-01-20',
  },
  reviewer: { licensure: ['California'], specialties: ['Physical Medicine and Rehabilitation'], subspecialties: [] },
  patient: { age: 46, sex: 'female', injuryDate: '2025-06-14' },
  clinicalSummary:
    'The injured worker is a 46-year-old woman with low back pain after lifting a pallet on 06/14/2025. ' +
    'She completed eight sessions of physical therapy and takes naproxen. Examination shows lumbar tenderness ' +
    'without neurological deficit. The request is for an MRI of the lumbar spine and hydrocodone.',
  items: [
    {
      request: 'MRI of the lumbar spine without contrast',
      decision: 'Upheld',
      claimsAdministratorBasis: {
        usedMtus: true,
        citations: [{ source: 'MTUS', text: 'ACOEM Low Back Complaints', pages: [303, 304] }],
        raw: '',
      },
      reviewerBasis: {
        usedMtus: true,
        citations: [{ source: 'MTUS', text: 'ACOEM Low Back Complaints', pages: [303] }],
        raw: '',
      },
      rationale:
        'Imaging of the low back is reserved for red flags or a planned procedure. The record shows no ' +
        'neurological deficit and no red flag. Therefore, the request is not medically necessary.',
    },
    {
      request: 'Hydrocodone/acetaminophen 5/325 mg #30',
      decision: 'Overturned',
      claimsAdministratorBasis: { usedMtus: false, citations: [], raw: '' },
      reviewerBasis: {
        usedMtus: true,
        citations: [{ source: 'MTUS', text: 'Chronic Pain Medical Treatment Guidelines, Opioids', pages: [78, 80] }],
        raw: '',
      },
      rationale:
        'A short course of an opioid is supported for an acute flare when function is monitored. The record ' +
        'documents a flare with a plan to monitor function. The request is medically necessary.',
    },
  ],
};
