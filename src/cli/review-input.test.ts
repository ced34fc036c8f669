import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeReviewInput } from './review-input.js';
import { runCli } from './test-run.js';

describe('normalizeReviewInput: as a person writes it', () => {
  it('reads M, F, male, female in any case and US dates, and says what it read', () => {
    const { input, notes } = normalizeReviewInput({
      decisionDate: '12/1/2016',
      patient: { sex: 'M', age: '45', injuryDate: '2/3/2006' },
      documents: [{ date: 'March 4, 2016', text: 'x' }],
      clinicalSummary: 's',
      items: [{ request: 'r' }],
    });
    expect(input).toMatchObject({
      decisionDate: '2016-12-01',
      patient: { sex: 'male', age: 45, injuryDate: '2006-02-03' },
      documents: [{ date: '2016-03-04' }],
    });
    expect(notes).toEqual([
      'decisionDate: read "12/1/2016" as 2016-12-01',
      'patient.sex: read "M" as male',
      'patient.age: read "45" as 45',
      'patient.injuryDate: read "2/3/2006" as 2006-02-03',
      'documents[0].date: read "March 4, 2016" as 2016-03-04',
    ]);
    expect(normalizeReviewInput({ patient: { sex: 'Female' } }).input).toMatchObject({ patient: { sex: 'female' } });
  });

  it('leaves ISO dates and canonical values alone and reports nothing', () => {
    const raw = { patient: { sex: 'female', injuryDate: '2006-02-03' }, clinicalSummary: 's', items: [] };
    expect(normalizeReviewInput(raw)).toEqual({ input: raw, notes: [] });
  });

  it('leaves what it cannot read for the schema to refuse', () => {
    const { input, notes } = normalizeReviewInput({ patient: { sex: 'X', injuryDate: '13/45/2006' } });
    expect(input).toMatchObject({ patient: { sex: 'X', injuryDate: '13/45/2006' } });
    expect(notes).toEqual([]);
  });
});

describe('imr review with lenient input', () => {
  const run = (args: string[]) => runCli(args);

  it('reviews a case written with "M" and 2/3/2006, and lists what it normalized', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'imr-lenient-'));
    const file = join(dir, 'case.json');
    writeFileSync(
      file,
      JSON.stringify({
        patient: { sex: 'M', injuryDate: '2/3/2006' },
        clinicalSummary: 'A 50 year old man with chronic low back pain since a fall at work.',
        items: [{ request: 'Naproxen 550mg #60' }],
      }),
    );
    const r = await run(['review', file]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as { items: unknown[]; normalized: string[] };
    expect(out.items).toHaveLength(1);
    expect(out.normalized).toEqual([
      'patient.sex: read "M" as male',
      'patient.injuryDate: read "2/3/2006" as 2006-02-03',
    ]);
  });

  it('still refuses a sex it cannot read, with the coded error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'imr-lenient-'));
    const file = join(dir, 'case.json');
    writeFileSync(
      file,
      JSON.stringify({ patient: { sex: 'unknown' }, clinicalSummary: 's', items: [{ request: 'x' }] }),
    );
    const r = await run(['review', file]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('IMR_REVIEW_INPUT_INVALID');
  });
});
