import { describe, expect, it } from 'vitest';
import { assembleRecord, originalOffset } from './assemble.js';

const REPORT = [
  'PROGRESS REPORT',
  'The patient reports low back pain radiating to the left calf.',
  'Straight leg raise is positive on the left at 45 degrees.',
  'Plan: continue home exercise.',
].join('\n');

describe('assembleRecord', () => {
  it('joins the summary and documents with blank lines, each part at its offsets with its source', () => {
    const a = assembleRecord('Summary of the case.', [
      { title: 'PR-2', date: '2016-05-01', text: 'Pain 6/10 in the neck.' },
      { title: 'UR determination', text: 'The request is non-certified.' },
    ]);
    expect(a.text).toBe('Summary of the case.\n\nPain 6/10 in the neck.\n\nThe request is non-certified.');
    expect(a.parts.map((p) => [a.text.slice(p.start, p.end), p.source, p.document])).toEqual([
      ['Summary of the case.', 'imr-summary', -1],
      ['Pain 6/10 in the neck.', 'treating-physician', 0],
      ['The request is non-certified.', 'utilization-review', 1],
    ]);
    expect(a.parts[1]).toMatchObject({ title: 'PR-2', date: '2016-05-01' });
    expect(a.duplicates).toEqual([]);
  });

  it('drops a document uploaded twice, whatever its line breaks, spacing and page footer', () => {
    const asPdf = `${REPORT.replace(/ the /g, ' the\n').replace(/ {1}/g, '  ')}\n\nPage 1 of 1`;
    const a = assembleRecord(undefined, [
      { title: 'Progress report', text: REPORT },
      { title: 'Progress report (scan)', text: asPdf },
    ]);
    expect(a.parts.map((p) => p.document)).toEqual([0]);
    expect(a.duplicates).toEqual([{ document: 1, duplicateOf: 0 }]);
    expect(a.text).toBe(REPORT);
  });

  it('keeps the new passages of a report that copies old ones forward, and drops the copies', () => {
    const later = [
      'PROGRESS REPORT',
      'The patient reports low back pain radiating to the left calf.',
      'Today the left ankle reflex is absent.',
    ].join('\n');
    const a = assembleRecord(undefined, [
      { title: 'Progress report 1', text: REPORT },
      { title: 'Progress report 2', text: later },
    ]);
    const second = a.parts[1];
    expect(second?.repeatsDropped).toBe(1);
    const text = second === undefined ? '' : a.text.slice(second.start, second.end);
    expect(text).toContain('Today the left ankle reflex is absent.');
    expect(text).not.toContain('radiating to the left calf');
    expect(a.text.match(/radiating to the left calf/g)).toHaveLength(1);
  });

  it("keeps the treating report's passage when the UR decision quoting it comes first", () => {
    const quote = 'Straight leg raise is positive on the left at 45 degrees.';
    const a = assembleRecord(undefined, [
      { title: 'Utilization review', text: `The report is quoted. ${quote}\nThe request is non-certified.` },
      { title: 'Progress report', text: REPORT },
    ]);
    const report = a.parts.find((p) => p.document === 1);
    const ur = a.parts.find((p) => p.document === 0);
    expect(report === undefined ? '' : a.text.slice(report.start, report.end)).toContain(quote);
    expect(ur === undefined ? '' : a.text.slice(ur.start, ur.end)).not.toContain(quote);
  });

  it('keeps short repeated lines (headers, dates) and repeats inside one document once', () => {
    const a = assembleRecord(
      'Plan: MRI. Plan: MRI. The worker has had low back pain since the fall. The worker has had low back pain since the fall.',
    );
    expect(a.text).toBe('Plan: MRI. Plan: MRI. The worker has had low back pain since the fall.');
  });

  it('maps every offset of the assembled text back to the caller’s text (summary and documents joined)', () => {
    const summary = 'Knee pain after a fall at work. Knee pain after a fall at work. MRI showed a torn meniscus.';
    const documents = [{ text: '' }, { title: 'PR-2', text: 'McMurray test is positive on the right knee.' }];
    const caller = [summary, ...documents.map((d) => d.text)].join('\n\n');
    const a = assembleRecord(summary, documents);
    expect(a.text).not.toBe(caller);
    for (const word of ['MRI showed', 'McMurray', 'torn meniscus']) {
      const at = a.text.indexOf(word);
      const from = originalOffset(a, at);
      expect(caller.slice(from, from + word.length)).toBe(word);
    }
  });

  it('leaves out empty parts and reads an empty record as empty', () => {
    expect(assembleRecord('', [{ text: '  ' }])).toEqual({ text: '', parts: [], duplicates: [], origins: [] });
    expect(assembleRecord(undefined, [{ text: 'Pain 5/10.' }]).parts).toHaveLength(1);
  });

  it('reads a 200 KB document of repeated passages down to one passage', () => {
    // Speed is benchmarked (npm run bench -- review), not timed here.
    const big = 'The patient has pain in the low back and the neck. \n'.repeat(4000);
    const a = assembleRecord(big, [{ text: big }]);
    expect(a.duplicates).toEqual([{ document: 0, duplicateOf: -1 }]);
    expect(a.text.length).toBeLessThan(200);
  });
});
