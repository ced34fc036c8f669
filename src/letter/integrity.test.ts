import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusDir, seedsDir } from '../../test/shared-data.js';
import { checkRationale, sentencesOf, verdictOf, withoutInternalNotes } from './integrity.js';
import { parseLetterText } from './parse-text.js';

describe('verdictOf', () => {
  it.each([
    ['Therefore, the request for Norco 10/325 mg #90 is not medically necessary.', 'Upheld'],
    ['The request is therefore medically necessary.', 'Overturned'],
    [
      'The criteria are met; therefore, the request for an MRI of the lumbar spine is medically necessary.',
      'Overturned',
    ],
    ['As such, the requested physical therapy is not, at this time, medically necessary.', 'Upheld'],
    ['The request cannot be supported.', 'Upheld'],
    ['Medical necessity of the request has not been established.', 'Upheld'],
    ['The request is non-certified.', 'Upheld'],
    ['The requested facet block is supported by the guidelines and is certified.', 'Overturned'],
    ['The UR denial is overturned.', 'Overturned'],
    ['The request is medically unnecessary.', 'Upheld'],
  ] as const)('%s → %s', (sentence, verdict) => {
    expect(verdictOf(sentence)).toBe(verdict);
  });

  it.each([
    'Guidelines do not recommend muscle relaxants for long-term use.',
    'The MTUS recommends a home exercise program.',
    'The request would be medically necessary if a trial of conservative care had failed.',
    'Home care is medically necessary for patients who are homebound.',
    'The patient reports 50% pain relief with the medication.',
  ])('no verdict: %s', (sentence) => {
    expect(verdictOf(sentence)).toBeUndefined();
  });
});

describe('checkRationale', () => {
  const upheld =
    'Opioids call for documented functional benefit. None is documented. The request is not medically necessary.';

  it('finds the sentence that contradicts an Overturned decision, with its offsets', () => {
    const issues = checkRationale('Overturned', upheld);
    expect(issues).toHaveLength(1);
    const [issue] = issues;
    expect(issue?.kind).toBe('contradiction');
    expect(issue?.says).toBe('Upheld');
    expect(issue?.sentence).toBe('The request is not medically necessary.');
    expect(upheld.slice(issue?.start, issue?.end)).toBe(issue?.sentence);
  });

  it('accepts the same rationale for the decision it supports', () => {
    expect(checkRationale('Upheld', upheld)).toEqual([]);
  });

  it('finds a positive conclusion under an Upheld decision (the reverse)', () => {
    const issues = checkRationale('Upheld', 'Benefit is documented. The request is medically necessary.');
    expect(issues.map((i) => i.sentence)).toEqual(['The request is medically necessary.']);
    expect(issues[0]?.says).toBe('Overturned');
  });

  it('flags the engine notes as internal, whatever the decision', () => {
    const text =
      'The edition of the MTUS in force on 2026-01-02 is not encoded; the latest encoded (MTUS 2016) is used instead. ' +
      'The MTUS addresses mri: Low Back Complaints. Imaging is not indicated without red flags. Therefore, the request is not medically necessary.';
    const issues = checkRationale('Upheld', text);
    expect(issues.map((i) => i.kind)).toEqual(['internal-note', 'internal-note']);
    expect(withoutInternalNotes(text)).toBe(
      'Imaging is not indicated without red flags. Therefore, the request is not medically necessary.',
    );
  });
});

describe('sentencesOf', () => {
  it('keeps numbers, doses and abbreviations inside one sentence', () => {
    const s = sentencesOf('Norco 10/325 mg #90 was prescribed, e.g. for flares. The dose is 7.5 mg. Done');
    expect(s.map((x) => x.text)).toEqual([
      'Norco 10/325 mg #90 was prescribed, e.g. for flares.',
      'The dose is 7.5 mg.',
      'Done',
    ]);
  });
});

describe('on real letters (../shared)', () => {
  const dirs = [seedsDir(), corpusDir()].filter((d): d is string => d !== undefined);
  const items = dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .flatMap((f) => {
        const parsed = parseLetterText(readFileSync(join(dir, f), 'utf8'));
        return parsed.ok ? parsed.value.items : [];
      }),
  );

  it.skipIf(dirs.length === 0)(
    'finds no contradiction in published decisions, and most when the decision is flipped',
    () => {
      expect(items.length).toBeGreaterThan(100);
      const falseAlarms = items.filter((i) => checkRationale(i.decision, i.rationale).length > 0);
      expect(falseAlarms).toEqual([]);
      const caught = items.filter((i) =>
        checkRationale(i.decision === 'Upheld' ? 'Overturned' : 'Upheld', i.rationale).some(
          (x) => x.kind === 'contradiction',
        ),
      ).length;
      // Measured 133 of 137 on the seeds and dev corpus; a rationale without a conclusion sentence escapes.
      expect(caught / items.length).toBeGreaterThan(0.9);
    },
  );
});
