import { describe, expect, it } from 'vitest';
import { reviewCase } from './review.js';

/**
 * The drafted rationale goes into a letter when the reviewer keeps it: the topic selection's notes
 * about the knowledge base must stay out of it (issue 11: a letter printed "The edition of the MTUS
 * in force on … is not encoded …" and "The MTUS addresses mri").
 */
describe('draftRationale', () => {
  const summary =
    'The injured worker is a 48 year old male injured on 02/03/2021 lifting a crate. He reports low back pain ' +
    'radiating to the left leg with numbness. Examination showed a positive straight leg raise on the left. ' +
    'He completed six weeks of physical therapy without improvement. The physician requests an MRI.';

  it('leaves out the note that the edition in force is not encoded, and "The MTUS addresses …"', () => {
    const out = reviewCase({
      decisionDate: '2026-03-02',
      clinicalSummary: summary,
      items: [{ request: 'MRI of the lumbar spine' }, { request: 'Flexeril 10mg #90 with 2 refills' }],
    });
    for (const item of out.items) {
      expect(item.rationale).not.toMatch(/encoded/);
      expect(item.rationale).not.toMatch(/The MTUS addresses/);
      expect(item.rationale).not.toMatch(/knowledge base/);
    }
  });
});
