import { describe, expect, it } from 'vitest';
import type { Assignment, Case, DisputedItem, ItemDetermination } from '../domain/case.js';
import { parseLetterText, renderLetterText } from '../letter/index.js';
import { buildLetter, type LetterSource, NO_BASIS } from './letter-build.js';
import { MTUS_BASIS } from './test-fixtures.js';

const CASE: Case = {
  id: 1,
  caseNumber: 'CM24-0000042',
  stage: 'determined',
  priority: 'standard',
  kind: 'regular',
  source: 'intake',
  receivedDate: '2024-03-01',
  urDecisionDate: '2024-02-10',
  assignedDate: '2024-03-04',
  patientAge: 52,
  patientSex: 'female',
  injuryDate: '2022-05-14',
  reviewerCredentials: {
    licensure: ['California'],
    specialties: ['Physical Medicine & Rehabilitation'],
    subspecialties: [],
  },
  version: 6,
  createdAt: '2024-03-01T17:00:00.000Z',
  updatedAt: '2024-03-20T17:00:00.000Z',
};

const item = (id: number, seq: number, over: Partial<DisputedItem> = {}): DisputedItem => ({
  id,
  caseId: 1,
  seq,
  request: `Request ${seq}`,
  status: 'disputed',
  ...over,
});

const assignment = (id: number, reviewerId: number, over: Partial<Assignment> = {}): Assignment => ({
  id,
  caseId: 1,
  reviewerId,
  role: id === 1 ? 'primary' : 'panel',
  assignedAt: '2024-03-04T17:00:00.000Z',
  conflictScreen: {},
  qualification: {},
  ...over,
});

let nextId = 1;
const decide = (
  itemId: number,
  reviewerId: number,
  decision: 'Upheld' | 'Overturned',
  rationale = `${decision} by ${reviewerId}.`,
): ItemDetermination => ({
  id: nextId++,
  itemId,
  reviewerId,
  decision,
  basis: MTUS_BASIS,
  rationale,
  decidedAt: '2024-03-20T17:00:00.000Z',
});

const source = (over: Partial<LetterSource> = {}): LetterSource => ({
  case: CASE,
  items: [item(10, 1), item(11, 2)],
  determinations: [decide(10, 7, 'Upheld'), decide(11, 7, 'Overturned')],
  assignments: [assignment(1, 7)],
  clinicalSummary: 'A 52-year-old female with chronic low back pain.',
  issuedOn: '2024-03-21',
  ...over,
});

describe('buildLetter', () => {
  it('builds the letter header, reviewer credentials and items from the case records', () => {
    const r = buildLetter(source());
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.letter).toEqual({
      case: {
        caseNumber: 'CM24-0000042',
        dateAssigned: '2024-03-04',
        decisionDate: '2024-03-21',
        urDenialDate: '2024-02-10',
        priority: 'Standard',
        applicationReceived: '2024-03-01',
      },
      reviewer: CASE.reviewerCredentials,
      patient: { age: 52, sex: 'female', injuryDate: '2022-05-14' },
      clinicalSummary: 'A 52-year-old female with chronic low back pain.',
      items: [
        {
          request: 'Request 1',
          decision: 'Upheld',
          claimsAdministratorBasis: NO_BASIS,
          reviewerBasis: MTUS_BASIS,
          rationale: 'Upheld by 7.',
        },
        {
          request: 'Request 2',
          decision: 'Overturned',
          claimsAdministratorBasis: NO_BASIS,
          reviewerBasis: MTUS_BASIS,
          rationale: 'Overturned by 7.',
        },
      ],
    });
    expect(r.value.outcomes.map((o) => o.rule)).toEqual(['single-reviewer', 'single-reviewer']);
  });

  it('renders to text that parses back to the same letter', () => {
    const r = buildLetter(
      source({
        case: { ...CASE, priority: 'expedited' },
        items: [
          item(10, 1, {
            request: 'Physical therapy 2x3',
            originalRequest: 'Physical therapy 2x6',
            authorizedPortion: 'Physical therapy 2x3',
            claimsAdministratorBasis: MTUS_BASIS,
          }),
          item(11, 2, { request: 'Lumbar MRI' }),
        ],
      }),
    );
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.letter.case.priority).toBe('Expedited');
    const parsed = parseLetterText(renderLetterText(r.value.letter));
    if (!parsed.ok) throw new Error(parsed.error.code);
    expect(parsed.value.case).toEqual(r.value.letter.case);
    expect(parsed.value.items.map((i) => [i.request, i.originalRequest, i.authorizedPortion, i.decision])).toEqual([
      ['Physical therapy 2x3', 'Physical therapy 2x6', 'Physical therapy 2x3', 'Upheld'],
      ['Lumbar MRI', undefined, undefined, 'Overturned'],
    ]);
  });

  it('leaves out ineligible items and takes the latest determination of each reviewer', () => {
    const r = buildLetter(
      source({
        items: [item(10, 1), item(11, 2, { status: 'ineligible' })],
        determinations: [decide(10, 7, 'Upheld', 'First look.'), decide(10, 7, 'Overturned', 'After the imaging.')],
      }),
    );
    expect(r.ok && r.value.letter.items.map((i) => [i.decision, i.rationale])).toEqual([
      ['Overturned', 'After the imaging.'],
    ]);
  });

  it('decides a panel by majority, an even split for the service, every analysis given', () => {
    const panel = [assignment(1, 7), assignment(2, 8), assignment(3, 9)];
    const majority = buildLetter(
      source({
        items: [item(10, 1)],
        assignments: panel,
        determinations: [
          decide(10, 7, 'Upheld', 'A.'),
          decide(10, 8, 'Upheld', 'B.'),
          decide(10, 9, 'Overturned', 'C.'),
        ],
      }),
    );
    expect(majority.ok && majority.value.outcomes[0]).toMatchObject({
      decision: 'Upheld',
      rule: 'majority',
      upheld: 2,
    });
    expect(majority.ok && majority.value.letter.items[0]?.rationale).toBe(
      'Reviewer 1 (Upheld): A. Reviewer 2 (Upheld): B. Reviewer 3 (Overturned): C.',
    );
    const tie = buildLetter(
      source({
        items: [item(10, 1)],
        assignments: panel.slice(0, 2),
        determinations: [decide(10, 7, 'Upheld', 'A.'), decide(10, 8, 'Overturned', 'B.')],
      }),
    );
    expect(tie.ok && tie.value.outcomes[0]).toMatchObject({
      decision: 'Overturned',
      rule: 'even-split-favours-service',
    });
    const unanimous = buildLetter(
      source({
        items: [item(10, 1)],
        assignments: panel.slice(0, 2),
        determinations: [decide(10, 7, 'Upheld', 'A.'), decide(10, 8, 'Upheld', 'B.')],
      }),
    );
    expect(unanimous.ok && unanimous.value.letter.items[0]?.rationale).toBe('Reviewer 1: A. Reviewer 2: B.');
  });

  it('counts only reviewers still assigned', () => {
    const r = buildLetter(
      source({
        items: [item(10, 1)],
        assignments: [
          assignment(1, 7, { endedAt: '2024-03-10T00:00:00.000Z', endReason: 'reassigned' }),
          assignment(2, 8),
        ],
        determinations: [decide(10, 7, 'Overturned'), decide(10, 8, 'Upheld')],
      }),
    );
    expect(r.ok && r.value.outcomes[0]).toMatchObject({ decision: 'Upheld', rule: 'single-reviewer' });
  });

  it('refuses to build a letter that is not ready', () => {
    expect(buildLetter(source({ determinations: [decide(10, 7, 'Upheld')] }))).toMatchObject({
      ok: false,
      error: { code: 'IMR_VALIDATION', details: { itemId: 11, decided: 0, reviewers: 1 } },
    });
    expect(buildLetter(source({ clinicalSummary: '  ' }))).toMatchObject({
      ok: false,
      error: { code: 'IMR_VALIDATION' },
    });
    expect(buildLetter(source({ assignments: [] }))).toMatchObject({ ok: false, error: { code: 'IMR_VALIDATION' } });
    expect(buildLetter(source({ items: [item(10, 1, { status: 'ineligible' })] }))).toMatchObject({
      ok: false,
      error: { code: 'IMR_VALIDATION' },
    });
  });
});
