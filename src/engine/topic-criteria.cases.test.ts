import { describe, expect, it } from 'vitest';
import { topicById } from '../guidelines/topics/index.js';
import { reviewCase } from './review.js';
import type { ItemReview } from './review-types.js';
import { REALISTIC, type RealisticCase } from './topic-cases/test-realistic.js';
import { daysBefore } from './topic-cases/test-world.js';

/**
 * Realistic histories for the topics the published letters lead to (test-realistic.ts): through the whole
 * engine (reader, request parser, topic selection, criteria, recommendation), a history meeting the
 * criteria is recommended (Overturned) and the same history failing a key criterion is not (Upheld).
 */

const DEFAULT_DATE = '2017-03-01';

function review(c: RealisticCase, history: string, request: string): ItemReview {
  const decisionDate = c.decisionDate ?? DEFAULT_DATE;
  const out = reviewCase({
    decisionDate,
    patient: { age: c.age ?? 45, injuryDate: c.injuryDate ?? daysBefore(decisionDate, 730) },
    clinicalSummary: history,
    items: [{ request }],
  });
  const item = out.items[0];
  if (item === undefined) throw new Error('no review');
  return item;
}

function explain(item: ItemReview): string {
  const open = item.criteria.filter((c) => c.required !== false && c.status !== 'met' && c.status !== 'not-applicable');
  return `${item.topic.id}: ${open.map((c) => `${c.id}=${c.status}`).join(', ') || 'all required criteria met'}`;
}

function sameTopic(got: string, want: string): boolean {
  return (
    got === want || (topicById(got)?.section !== undefined && topicById(got)?.section === topicById(want)?.section)
  );
}

/**
 * Topics whose required criteria ask the record for nothing beyond what nearly every record states (or
 * only for the request's own form): a history meeting them gives thin support, and the burden of
 * documentation (src/engine/assess.ts) leaves the denial standing. Each entry says why; the list fails
 * when an entry stops being thin.
 */
const THIN_BY_DESIGN: Readonly<Record<string, string>> = {
  'chronic-pain-2016.cyclobenzaprine': 'the flare is shown by spasm, which most chronic back records note',
  'chronic-pain-2016.nsaids': 'the topic asks only for the request form and no second NSAID',
  'chronic-pain-2016.salicylate-topicals': 'the topic asks only for the request form',
  'chronic-pain-2016.physical-medicine': 'an initial course asks only for a visit count and goals in the request',
  'chronic-pain-2009.physical-medicine': 'an initial course asks only for a visit count and goals in the request',
  'acoem-2004-general.physical-methods': 'the topic asks only for goals and a trial size in the request',
  'chronic-pain-2016.manual-therapy': 'the topic asks only for a region, a trial size and no maintenance care',
  'acoem-2004-low-back.heat-cold': 'the topic asks only that applications be simple',
  'acoem-2004-general.functional-capacity-evaluation': 'the work question is met by the history of a working patient',
};

describe.each(REALISTIC.map((c) => [c.topic, c] as const))('realistic case %s', (_topic, c) => {
  if (c.met !== undefined) {
    const met = c.met;
    const thin = THIN_BY_DESIGN[c.topic];
    it(
      thin === undefined
        ? 'recommends the treatment when the history meets the criteria'
        : 'meets every required criterion but only thinly, so the denial stands',
      () => {
        const item = review(c, met, c.request);
        expect(sameTopic(item.topic.id, c.topic), `selected ${item.topic.id}`).toBe(true);
        expect(explain(item)).toMatch(/all required criteria met$/);
        if (thin === undefined) expect(item.recommendation, explain(item)).toBe('Overturned');
        else {
          expect(item.support?.specific, thin).toBe(0);
          expect(item.recommendation, thin).toBe('Upheld');
        }
      },
    );
  } else {
    it('has no history that meets it: the guideline does not recommend it, or a reason is given', () => {
      expect(topicById(c.topic)?.position === 'not-recommended' || (c.metImpossible ?? '').length > 10).toBe(true);
    });
  }

  it(`upholds the denial when ${c.fails} is not met`, () => {
    const item = review(c, c.unmet, c.unmetRequest ?? c.request);
    expect(sameTopic(item.topic.id, c.topic), `selected ${item.topic.id}`).toBe(true);
    expect(item.recommendation, explain(item)).toBe('Upheld');
    const failed = item.criteria.find((x) => x.id === c.fails);
    expect(failed?.status, explain(item)).toMatch(/^(unmet|not-documented)$/);
  });
});
