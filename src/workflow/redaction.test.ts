import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Application, Party } from '../domain/case.js';
import { type Letter, Letter as LetterSchema } from '../domain/letter.js';
import { renderLetterText } from '../letter/index.js';
import { compileRedactor, REDACTED, redactLetter, type SensitiveTerms, sensitiveTermsOf } from './redaction.js';
import { MTUS_BASIS } from './test-fixtures.js';

const TERMS: SensitiveTerms = {
  people: ['Pat Quillfeather', 'Dr. Rowan M. Ellsworth, M.D.'],
  organizations: ['Brightwater Packing Co.', 'Tallis Claims Services'],
  identifiers: ['CLM-5550001', 'ADJ9081726', '559-555-0142'],
  emails: ['avery@lindqvist-law.example'],
  addresses: [{ lines: ['418 Larkspur Lane'], city: 'Visalia', state: 'CA', postalCode: '93291' }],
  dates: ['1971-08-23'],
};

describe('compileRedactor', () => {
  const redact = compileRedactor(TERMS);

  it.each([
    ['Pat Quillfeather reports pain.', `${REDACTED} reports pain.`],
    ['QUILLFEATHER, PAT was seen.', `${REDACTED} was seen.`],
    ['Ms. Quillfeather returned.', `Ms. ${REDACTED} returned.`],
    ['Per Dr. Ellsworth and Dr. Rowan Ellsworth,', `Per Dr. ${REDACTED} and Dr. ${REDACTED},`],
    ['Ellsworth, Rowan requested it.', `${REDACTED} requested it.`],
    // The period of "Co." is outside the word boundary and stays.
    ['Employer Brightwater Packing (Brightwater Packing Co.) denied.', `Employer ${REDACTED} (${REDACTED}.) denied.`],
    ['Claim clm 555 0001 and ADJ-908-1726.', `Claim ${REDACTED} and ${REDACTED}.`],
    ['Call (559) 555-0142 or 559.555.0142.', `Call ${REDACTED} or ${REDACTED}.`],
    ['Mail avery@lindqvist-law.example or x.y@z.org.', `Mail ${REDACTED} or ${REDACTED}.`],
    ['Lives at 418 Larkspur Lane, Visalia, CA 93291.', `Lives at ${REDACTED}.`],
    ['Born 08/23/1971 (August 23, 1971; 8-23-71).', `Born ${REDACTED} (${REDACTED}; ${REDACTED}).`],
    ['SSN 123-45-6789 on file.', `SSN ${REDACTED} on file.`],
  ])('removes %j', (text, expected) => {
    expect(redact(text)).toBe(expected);
  });

  it('drops what the conflict screen does not count as the name: a leading "The", trailing legal forms', () => {
    const redactOrgs = compileRedactor({
      ...TERMS,
      organizations: ['The Zenith Insurance Company', 'Marlo Orthopedic Group, PA', 'Harbor-Co Logistics LLLP'],
    });
    // The core is tried even in a text without the dropped words ("the" appears nowhere here).
    expect(redactOrgs('Zenith Insurance denied; Marlo Orthopedic Group and Harbor-Co Logistics agreed.')).toBe(
      `${REDACTED} denied; ${REDACTED} and ${REDACTED} agreed.`,
    );
    // A word that is only partly a legal form stays whole: "Harbor" alone is not the organization.
    expect(redactOrgs('The harbor was calm.')).toBe('The harbor was calm.');
  });

  it('leaves clinical text alone', () => {
    const text =
      'The injured worker is a 52-year-old female with low back pain since 2022; Norco 10/325mg #90 and physical ' +
      'therapy 2x6 were requested. MTUS Chronic Pain Medical Treatment Guidelines 2016, page 46.';
    expect(redact(text)).toBe(text);
  });
});

describe('sensitiveTermsOf', () => {
  it('collects names, organizations, numbers, addresses and the birth date from parties, form and UR decision', () => {
    const parties: Party[] = [
      { id: 1, caseId: 1, role: 'employee', name: 'Pat Quillfeather', phone: '559-555-0142' },
      { id: 2, caseId: 1, role: 'employer', name: 'Brightwater Packing Co.' },
      {
        id: 3,
        caseId: 1,
        role: 'requesting-physician',
        name: 'Dr. Rowan Ellsworth',
        organization: 'Ellsworth Spine Group',
        npi: '1234567893',
        email: 'rowan@example.org',
      },
    ];
    const application = {
      id: 1,
      caseId: 1,
      receivedDate: '2024-03-01',
      claimNumber: 'CLM-1',
      eamsCaseNumber: 'ADJ1',
      employeeDob: '1971-08-23',
      adjusterName: 'Morgan Vale',
      claimsAdministratorName: 'Tallis Claims Services',
      disputedTreatments: [],
      alsoDisputedForOtherReasons: false,
      deniedForMissingInformation: false,
      signaturePresent: true,
      consentToRecords: true,
      urDecisionAttached: true,
      createdAt: '2024-03-01T00:00:00.000Z',
    } satisfies Application;
    const terms = sensitiveTermsOf(parties, application, {
      id: 1,
      caseId: 1,
      decisionDate: '2024-02-10',
      outcome: 'denied',
      items: [],
      reviewerName: 'Dr. Casimir Thorne',
      organization: 'Keystone Review Partners',
    });
    expect(terms.people).toEqual(['Pat Quillfeather', 'Dr. Rowan Ellsworth', 'Morgan Vale', 'Dr. Casimir Thorne']);
    expect(terms.organizations).toEqual([
      'Brightwater Packing Co.',
      'Ellsworth Spine Group',
      'Tallis Claims Services',
      'Keystone Review Partners',
    ]);
    expect(terms.identifiers).toEqual(['559-555-0142', '1234567893', 'CLM-1', 'ADJ1']);
    expect(terms.emails).toEqual(['rowan@example.org']);
    expect(terms.dates).toEqual(['1971-08-23']);
  });
});

// ---------------------------------------------------------------------------------------------
// Property: whatever the parties are called and however the text spells them, the public copy
// names none of them.

const SYLLABLES = ['zor', 'vak', 'quin', 'del', 'mir', 'tho', 'gal', 'brek', 'sul', 'yan', 'pex', 'ruv', 'kel', 'dax'];
const nameWord = fc
  .array(fc.constantFrom(...SYLLABLES), { minLength: 2, maxLength: 3 })
  .map((parts) => parts.join(''))
  .map((w) => w.charAt(0).toUpperCase() + w.slice(1));
const person = fc.tuple(nameWord, nameWord).map(([first, last]) => ({ first, last }));
const claimNumber = fc
  .tuple(fc.constantFrom('CLM', 'WC', 'SC', 'Z'), fc.integer({ min: 100_000, max: 99_999_999 }))
  .map(([prefix, n]) => `${prefix}-${n}`);
const address = fc
  .tuple(fc.integer({ min: 1, max: 9999 }), nameWord, fc.constantFrom('Street', 'Avenue', 'Lane', 'Road'))
  .map(([n, word, kind]) => `${n} ${word} ${kind}`);

/** The ways free text writes a name. */
const spellings = (p: { first: string; last: string }) => [
  `${p.first} ${p.last}`,
  `${p.last}, ${p.first}`,
  `${p.first.toUpperCase()} ${p.last.toUpperCase()}`,
  `Mr. ${p.last}`,
  `${p.first}   ${p.last}`,
];
/** The ways free text writes a number: as given, without separators, spaced. */
const numberSpellings = (n: string) => [n, n.replace(/-/g, ''), n.replace(/-/g, ' ')];

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

describe('redactLetter (property)', () => {
  it('leaves no party name, claim number or address in the public copy, and keeps it a valid letter', () => {
    fc.assert(
      fc.property(
        person,
        person,
        fc.array(nameWord, { minLength: 1, maxLength: 2 }),
        claimNumber,
        address,
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 0, max: 2 }),
        (employee, physician, orgWords, claim, street, nameForm, numberForm) => {
          const employer = `${orgWords.join(' ')} Logistics Inc.`;
          const employeeName = `${employee.first} ${employee.last}`;
          const physicianName = `Dr. ${physician.first} ${physician.last}`;
          const parties: Party[] = [
            { id: 1, caseId: 1, role: 'employee', name: employeeName, address: { lines: [street] } },
            { id: 2, caseId: 1, role: 'requesting-physician', name: physicianName },
            { id: 3, caseId: 1, role: 'employer', name: employer },
          ];
          const application = {
            id: 1,
            caseId: 1,
            receivedDate: '2024-03-01',
            claimNumber: claim,
            disputedTreatments: [],
            alsoDisputedForOtherReasons: false,
            deniedForMissingInformation: false,
            signaturePresent: true,
            consentToRecords: true,
            urDecisionAttached: true,
            createdAt: '2024-03-01T00:00:00.000Z',
          } satisfies Application;
          const mention = (p: typeof employee) => spellings(p)[nameForm] as string;
          const letter: Letter = {
            case: { caseNumber: 'CM24-0000001', decisionDate: '2024-03-21', priority: 'Standard' },
            reviewer: { licensure: ['California'], specialties: ['Family Medicine'], subspecialties: [] },
            patient: { age: 47, sex: 'male', injuryDate: '2021-04-02' },
            clinicalSummary:
              `The injured worker, ${mention(employee)}, is a 47-year-old male working for ${employer.replace(' Inc.', '')}. ` +
              `He lives at ${street}. Claim ${numberSpellings(claim)[numberForm]}. ${mention(physician)} requested care.`,
            items: [
              {
                request: `Follow-up with Dr. ${physician.last}`,
                decision: 'Upheld',
                claimsAdministratorBasis: MTUS_BASIS,
                reviewerBasis: { ...MTUS_BASIS, raw: `Per ${employer}, claim ${claim}.` },
                rationale: `${mention(employee)} has no documented functional improvement.`,
              },
            ],
          };
          const redacted = redactLetter(letter, sensitiveTermsOf(parties, application, undefined));
          expect(LetterSchema.safeParse(redacted).success).toBe(true);
          const texts = [JSON.stringify(redacted), renderLetterText(redacted)];
          for (const text of texts) {
            const lower = text.toLowerCase().replace(/\s+/g, ' ');
            for (const name of [employeeName, `${employee.last}, ${employee.first}`, physicianName, employer, street]) {
              expect(lower).not.toContain(name.toLowerCase());
            }
            for (const word of [employee.first, employee.last, physician.last]) {
              expect(text).not.toMatch(new RegExp(`\\b(${word}|${word.toUpperCase()})\\b`));
            }
            expect(squash(text)).not.toContain(squash(claim));
          }
          expect(redacted.patient).toEqual(letter.patient);
          expect(redacted.case).toEqual(letter.case);
          expect(redacted.clinicalSummary).toContain('47-year-old male');
        },
      ),
      { numRuns: 150 },
    );
  });
});
