import { describe, expect, it } from 'vitest';
import { reviewCase } from './review.js';
import { ReviewOutput } from './review-types.js';

const summary =
  'The injured worker is a 52 year old female injured on 03/02/2015 lifting boxes. She reports low back pain. ' +
  'She has taken cyclobenzaprine daily since 2015. Examination showed tenderness of the lumbar paraspinal muscles. ' +
  'No radicular symptoms were reported. The physician requests continued medication.';

describe('reviewCase', () => {
  it('returns one result per item, in order, valid against the public contract', () => {
    const out = reviewCase({
      caseNumber: 'SYN-1',
      decisionDate: '2017-01-10',
      clinicalSummary: summary,
      items: [{ request: 'Flexeril 10mg #90 with 2 refills' }, { request: 'Zanaflex 4mg (quantity unspecified)' }],
    });
    expect(ReviewOutput.safeParse(out).success).toBe(true);
    expect(out.caseNumber).toBe('SYN-1');
    expect(out.items.map((i) => i.request)).toEqual([
      'Flexeril 10mg #90 with 2 refills',
      'Zanaflex 4mg (quantity unspecified)',
    ]);
  });

  it('upholds long-term muscle relaxant use and an unspecified quantity, citing a muscle relaxant topic', () => {
    const out = reviewCase({
      decisionDate: '2017-01-10',
      clinicalSummary: summary,
      items: [{ request: 'Flexeril 10mg #90 with 2 refills' }, { request: 'Zanaflex 4mg (quantity unspecified)' }],
    });
    for (const item of out.items) {
      expect(item.recommendation).toBe('Upheld');
      expect(item.topic.title.toLowerCase()).toMatch(/muscle relaxant|cyclobenzaprine|tizanidine/);
      expect(item.citations[0]?.source).toBe('MTUS');
      expect(item.rationale).toMatch(/not medically necessary/);
    }
    const quantity = out.items[1]?.criteria.find((c) => c.id === 'request-quantity-specified');
    expect(quantity?.status).toBe('unmet');
  });

  it('quotes the record in criteria evidence with offsets into the text', () => {
    const out = reviewCase({
      decisionDate: '2017-01-10',
      clinicalSummary: summary,
      items: [{ request: 'Flexeril 10mg #90' }],
    });
    const spans = out.items.flatMap((i) => i.criteria.flatMap((c) => c.evidence));
    for (const s of spans) expect(summary.slice(s.start, s.end)).toBe(s.quote);
  });

  it('refers a request no guideline topic addresses', () => {
    const out = reviewCase({
      decisionDate: '2017-01-10',
      clinicalSummary: summary,
      items: [{ request: 'Quantum crystal realignment session' }],
    });
    expect(out.items[0]?.recommendation).toBe('Refer');
    expect(out.items[0]?.topic.id).toBe('none');
  });
});
