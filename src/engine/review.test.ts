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

describe('reviewCase: services that belong to a procedure', () => {
  const items = [
    { request: 'Right knee arthroscopic partial medial meniscectomy' },
    { request: 'Post-operative physical therapy 12 sessions for the right knee' },
    { request: 'Pre-op labs: CBC' },
  ];
  const thin =
    'The patient is a 50 year old who injured the right knee on 1/2/2015. She has knee pain. Treatment has included medications.';
  const meets =
    'The patient is a 50 year old who injured the right knee on 1/2/2015. MRI of the right knee on 3/1/2015 showed a complex ' +
    'tear of the medial meniscus. She reports locking and catching. McMurray test is positive. Physical therapy for 12 ' +
    'sessions and a cortisone injection failed to help. Arthroscopic surgery is planned.';
  const review = (clinicalSummary: string) => reviewCase({ decisionDate: '2016-01-10', clinicalSummary, items }).items;

  it('upholds the post-operative and pre-operative services with the surgery they belong to', () => {
    const [surgery, postOp, preOp] = review(thin);
    expect(surgery?.recommendation).toBe('Upheld');
    for (const service of [postOp, preOp]) {
      expect(service?.recommendation).toBe('Upheld');
      const certified = service?.criteria.find((c) => c.id === 'surgery-certified' || c.id === 'procedure-certified');
      expect(certified?.status).toBe('unmet');
    }
  });

  it('judges the services on their own criteria once the surgery is recommended', () => {
    const [surgery, postOp] = review(meets);
    expect(surgery?.recommendation).toBe('Overturned');
    const certified = postOp?.criteria.find((c) => c.id === 'surgery-certified' || c.id === 'procedure-certified');
    expect(certified?.status).toBe('met');
  });
});

describe('reviewCase: probability and confidence', () => {
  it('gives every decided item a probability of overturn and a confidence in [0, 1], and says what they rest on', () => {
    const out = reviewCase({ clinicalSummary: summary, items: [{ request: 'Cyclobenzaprine 7.5mg #60' }] });
    const item = out.items[0];
    expect(item?.probability).toBeGreaterThanOrEqual(0);
    expect(item?.probability).toBeLessThanOrEqual(1);
    expect(item?.confidence).toBeGreaterThanOrEqual(0);
    expect(item?.support).toBeDefined();
    expect(ReviewOutput.safeParse(out).success).toBe(true);
  });

  it('refuses an opioid request above the daily morphine-equivalent ceiling', () => {
    const out = reviewCase({
      clinicalSummary: summary,
      items: [{ request: 'Oxycodone 30mg #180, 1 tab every 4 hours' }],
    });
    const dose = out.items[0]?.criteria.find((c) => c.id === 'daily-opioid-dose');
    expect(dose?.status).toBe('unmet');
    expect(out.items[0]?.recommendation).toBe('Upheld');
  });
});

describe('reviewCase: quotes at their place in the caller’s text', () => {
  it('gives every quote at its offsets in the summary and documents joined by blank lines, repeats and all', () => {
    const note =
      'Progress report. She reports low back pain radiating to the left leg with numbness. Examination shows ' +
      'decreased sensation in the left L5 dermatome and a positive straight leg raise on the left.';
    const input = {
      decisionDate: '2016-06-01',
      patient: { injuryDate: '2015-01-05' },
      // the same report twice in the summary (a copy pasted again), then once more as a document
      clinicalSummary: `${note}\n\n${note}\n\nPhysical therapy for 12 sessions did not help.`,
      documents: [{ title: 'Utilization review', text: 'The request was non-certified.' }, { text: note }],
      items: [{ request: 'MRI of the lumbar spine' }, { request: 'EMG of the left lower extremity' }],
    };
    const caller = [input.clinicalSummary, ...input.documents.map((d) => d.text)].join('\n\n');
    const quotes = reviewCase(input).items.flatMap((i) => i.criteria.flatMap((c) => c.evidence));
    expect(quotes.length).toBeGreaterThan(0);
    for (const q of quotes) expect(caller.slice(q.start, q.end)).toBe(q.quote);
  });
});

describe('reviewCase: electrodiagnostic studies of the legs (ODG and MTUS ACOEM low back)', () => {
  // An invented record: leg symptoms, a month and more of therapy, and a lumbar examination.
  const history =
    'She injured her low back lifting a crate on 3/2/2015. She reports low back pain radiating to the left leg. ' +
    'Six weeks of physical therapy did not help. Examination shows decreased sensation in the left L5 dermatome ' +
    'and weakness of the left extensor hallucis longus, 4/5.';
  const review = (summary: string, request: string) =>
    reviewCase({ decisionDate: '2017-03-01', clinicalSummary: summary, items: [{ request }] }).items[0];

  it('quotes the lumbar examination as the neurologic finding a leg EMG asks for', () => {
    const item = review(history, 'EMG of the left lower extremity');
    const neuro = item?.criteria.find((c) => c.id === 'neurologic-findings');
    expect(neuro?.status).toBe('met');
    expect(neuro?.evidence.some((e) => e.quote.includes('L5 dermatome'))).toBe(true);
  });

  it('upholds a leg EMG when the deficits and an MRI showing the compressed root already make the radiculopathy plain', () => {
    const obvious = review(
      `${history} MRI of the lumbar spine showed an L4-5 disc extrusion compressing the left L5 nerve root.`,
      'EMG of the left lower extremity',
    );
    expect(obvious?.criteria.find((c) => c.id === 'radiculopathy-not-obvious')?.status).toBe('unmet');
    expect(obvious?.recommendation).toBe('Upheld');
    // The same deficits with an MRI that shows no root compromise leave the criterion met: the study may help.
    const subtle = review(
      `${history} MRI of the lumbar spine showed mild disc desiccation at L4-5.`,
      'EMG of the left lower extremity',
    );
    expect(subtle?.criteria.find((c) => c.id === 'radiculopathy-not-obvious')?.status).toBe('met');
  });
});
