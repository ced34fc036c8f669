import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { setScanGates } from './document.js';
import { readClinical } from './extract.js';
import type { ClinicalRecord } from './types.js';

function checkRecord(text: string, record: ClinicalRecord): void {
  expect(record.text).toBe(text);
  let last = -1;
  for (const s of record.sentences) {
    expect(s.start).toBeGreaterThan(last - 1);
    expect(s.end).toBeLessThanOrEqual(text.length);
    expect(s.text).toBe(text.slice(s.start, s.end));
    last = s.end;
  }
  for (const f of record.facts) {
    expect(f.evidence.start).toBeGreaterThanOrEqual(0);
    expect(f.evidence.end).toBeLessThanOrEqual(text.length);
    expect(f.evidence.start).toBeLessThan(f.evidence.end);
    expect(f.evidence.quote).toBe(text.slice(f.evidence.start, f.evidence.end));
  }
}

/** Words and marks of clinical prose, to build text that reaches the detectors rather than only noise. */
const TOKENS = [
  'no',
  'not',
  'denied',
  'without',
  'rule out',
  'possible',
  'however,',
  'but',
  'and',
  'or',
  ',',
  '.',
  ';',
  ':',
  '?',
  '(',
  ')',
  '\n',
  '\n\n',
  '1.',
  '2.',
  'Dr.',
  'vs.',
  'pain',
  'rated',
  '7/10',
  '6-8',
  'out of 10',
  'VAS',
  '50%',
  'relief',
  'Norco',
  'since',
  '12/2014',
  '11-3-16',
  'physical therapy',
  '6 sessions of',
  'straight leg raise',
  'negative',
  'positive',
  'tenderness',
  'spasm',
  'range of motion',
  'decreased',
  '4/5',
  '5/5',
  'numbness',
  'radiating',
  'left',
  'right',
  'bilateral',
  'MRI',
  'of the lumbar spine',
  'showed',
  'normal',
  'EMG',
  'fracture',
  'status post',
  'fusion',
  'modified duty',
  'urine drug screen',
  'consistent',
  'opioid agreement',
  'home exercise program',
  'chronic',
  'Diagnoses:',
  'Plan:',
  'depression',
  'difficulty sleeping',
  'GI upset',
  'side effects',
  'functional improvement',
  'unable to walk',
  'injury on 1/5/2016',
  'x-',
  'rays',
];

// Unseeded: each run draws new input (fast-check prints the seed of a failure); IMR_PROPERTY_SEED
// replays one. An earlier run drew soup opening with a comma, on which negation scoping looped forever
// (see extract.adversarial.test.ts).
const SEEDED = process.env.IMR_PROPERTY_SEED === undefined ? {} : { seed: Number(process.env.IMR_PROPERTY_SEED) };

describe('readClinical on arbitrary input', () => {
  it('never throws and keeps every span inside the text, on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        checkRecord(text, readClinical(text));
      }),
      { numRuns: 300, ...SEEDED },
    );
  });

  it('never throws and keeps every span inside the text, on clinical word soup', () => {
    const soup = fc
      .array(fc.tuple(fc.constantFrom(...TOKENS), fc.constantFrom(' ', '', '  ', '\n', ' \f')), { maxLength: 120 })
      .map((parts) => parts.map(([w, sep]) => w + sep).join(''));
    fc.assert(
      fc.property(soup, fc.option(fc.constantFrom('2016-03-01', '2020-12-31'), { nil: undefined }), (text, ref) => {
        checkRecord(text, readClinical(text, ref === undefined ? {} : { referenceDate: ref }));
      }),
      { numRuns: 400, ...SEEDED },
    );
  });

  it('keyword gates change nothing on clinical word soup', () => {
    const soup = fc
      .array(fc.tuple(fc.constantFrom(...TOKENS), fc.constantFrom(' ', '', '\n')), { maxLength: 80 })
      .map((parts) => parts.map(([w, sep]) => w + sep).join(''));
    fc.assert(
      fc.property(soup, (text) => {
        const gated = readClinical(text);
        setScanGates(false);
        try {
          expect(readClinical(text).facts).toEqual(gated.facts);
        } finally {
          setScanGates(true);
        }
      }),
      { numRuns: 300, ...SEEDED },
    );
  });

  // Speed belongs to the benchmarks; an endless loop or a super-linear pattern is caught by the
  // adversarial tests' child-process timeout (extract.adversarial.test.ts).
  it('reads long unpunctuated text into a consistent record', () => {
    const text = `${'pain radiating no tenderness and decreased range of motion '.repeat(400)}`;
    checkRecord(text, readClinical(text));
  });
});
