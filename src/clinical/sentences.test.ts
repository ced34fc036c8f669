import { describe, expect, it } from 'vitest';
import { sectionName, splitSentences } from './sentences.js';

const texts = (t: string): string[] => splitSentences(t).map((s) => s.text);

describe('splitSentences', () => {
  it('splits plain prose at sentence ends and keeps offsets into the text', () => {
    const t = 'Pain is worse. She walks slowly! Is it better? Yes.';
    const got = splitSentences(t);
    expect(got.map((s) => s.text)).toEqual(['Pain is worse.', 'She walks slowly!', 'Is it better?', 'Yes.']);
    for (const s of got) expect(t.slice(s.start, s.end)).toBe(s.text);
  });

  it('does not split after titles, Latin abbreviations, vs. and units', () => {
    expect(texts('Seen by Dr. Moreno today. Surgery vs. injection was discussed.')).toEqual([
      'Seen by Dr. Moreno today.',
      'Surgery vs. injection was discussed.',
    ]);
    expect(texts('Other measures, e.g. Heat packs, were tried. He rests, i.e. sits.')).toEqual([
      'Other measures, e.g. Heat packs, were tried.',
      'He rests, i.e. sits.',
    ]);
    expect(texts('She takes a tablet of 500 mg. twice a day.')).toHaveLength(1);
  });

  it('keeps decimals, dates and spinal levels inside one sentence', () => {
    expect(texts('Dose 7.5 mg on 11/14/16 at L4-5. Next visit soon.')).toEqual([
      'Dose 7.5 mg on 11/14/16 at L4-5.',
      'Next visit soon.',
    ]);
    expect(texts('Seen 11.14.2016 for review. Better.')).toEqual(['Seen 11.14.2016 for review.', 'Better.']);
  });

  it('splits sentences glued without a space after the period', () => {
    expect(texts('Therapy began on 3-1-16.On 3-9-16 he improved.')).toEqual([
      'Therapy began on 3-1-16.',
      'On 3-9-16 he improved.',
    ]);
    expect(texts('He was seen in clinic.The knee was swollen.')).toEqual([
      'He was seen in clinic.',
      'The knee was swollen.',
    ]);
  });

  it('splits a glued numbered list into items under the section of its lead-in', () => {
    const got = splitSentences(
      'Per the note, the diagnoses are:1. knee sprain2. ankle pain3. wrist strainA recheck is due.',
    );
    expect(got.map((s) => s.text)).toEqual([
      'Per the note, the diagnoses are:',
      '1. knee sprain',
      '2. ankle pain',
      '3. wrist strain',
      'A recheck is due.',
    ]);
    expect(got.slice(1, 4).map((s) => s.section)).toEqual(['diagnoses', 'diagnoses', 'diagnoses']);
  });

  it('does not take levels and grades for list numbers', () => {
    expect(texts('Tenderness at L5. The reflex at C6 was 1. Fine.')).toHaveLength(3);
  });

  it('recognizes section headers on their own line and inline', () => {
    const note =
      'Subjective:\nPain in the knee.\nObjective:\nMild effusion. Full strength.\n\nPlan: Therapy twice a week.';
    const got = splitSentences(note);
    const bySection = got.map((s) => [s.section, s.text]);
    expect(bySection).toContainEqual(['subjective', 'Pain in the knee.']);
    expect(bySection).toContainEqual(['objective', 'Mild effusion.']);
    expect(bySection).toContainEqual(['objective', 'Full strength.']);
    expect(bySection).toContainEqual(['plan', 'Plan: Therapy twice a week.']);
  });

  it('joins lines of a hard-wrapped or double-spaced paragraph and splits at real paragraph ends', () => {
    const wrapped =
      'The worker reports pain in the\n\nleft knee since the fall. Exam\n\nshows swelling.\n\n\nNew paragraph here.';
    expect(texts(wrapped)).toEqual([
      'The worker reports pain in the\n\nleft knee since the fall.',
      'Exam\n\nshows swelling.',
      'New paragraph here.',
    ]);
  });

  it('returns nothing for blank text and never produces empty sentences', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('  \n\n ')).toEqual([]);
    expect(splitSentences('...').every((s) => s.text.trim().length > 0)).toBe(true);
  });
});

describe('sectionName', () => {
  it('normalizes common headers and rejects other labels', () => {
    expect(sectionName('Diagnoses')).toBe('diagnoses');
    expect(sectionName('Treatment Plan')).toBe('plan');
    expect(sectionName('Physical Examination')).toBe('objective');
    expect(sectionName('Current Medications')).toBe('medications');
    expect(sectionName('Left shoulder')).toBeUndefined();
  });
});
