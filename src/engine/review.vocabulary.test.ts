import { describe, expect, it } from 'vitest';
import type { Condition } from '../guidelines/schema.js';
import { topicsFor } from '../guidelines/select.js';
import { evalCondition, type ItemContext } from './evaluate.js';
import { parseRequest } from './request.js';
import { reviewCase } from './review.js';

/**
 * The engine reads requests through the one vocabulary (src/terminology): drug classes are the knowledge
 * base's ids or an explicit 'unknown', and short requests land on the topic their concepts name.
 */

function contextOf(request: string): ItemContext {
  const parsed = parseRequest(request);
  // as reviewCase builds it: the parser's concept classes, unknown included
  return { request: parsed, drugClasses: parsed.drugs.map((d) => d.drugClass), bodyRegions: [], facts: [], phases: [] };
}

const compoundedIngredient: Condition = { ingredient: { classes: ['compounded'] }, expect: 'present' };

describe('an unknown drug stays unknown', () => {
  it('is read with the class unknown, never compounded', () => {
    for (const request of ['Zorbitrex 40 mg #30', 'Keflex 500 mg #20', 'Zorbitrex 5% cream 120 gm']) {
      const drugs = parseRequest(request).drugs;
      expect(drugs.length, request).toBeGreaterThan(0);
      expect(
        drugs.map((d) => d.drugClass),
        request,
      ).toEqual(drugs.map(() => 'unknown'));
    }
  });

  it('meets no class criterion: a compounded-ingredient condition does not hold for it', () => {
    for (const request of ['Zorbitrex 40 mg #30', 'Zorbitrex 5% cream 120 gm']) {
      expect(evalCondition(compoundedIngredient, contextOf(request)).value, request).toBe(false);
    }
    // the condition itself works: a drug of that class holds it
    const compound = { ...contextOf('Zorbitrex 40 mg #30'), drugClasses: ['compounded' as const] };
    expect(evalCondition(compoundedIngredient, compound).value).toBe(true);
  });

  it('selects no class topic, and still gets the general medication topic', () => {
    const request = parseRequest('Zorbitrex 40 mg #30');
    const selection = topicsFor({ ...request, date: '2017-02-01', phase: 'chronic' });
    expect(selection.topics.flatMap((t) => t.matched).filter((m) => m.startsWith('class '))).toEqual([]);
    expect(selection.topics.map((t) => t.topic.id).join(' ')).not.toMatch(/compound/);
    expect(selection.topics[0]?.topic.appliesTo.drugClasses).toBeUndefined();
    const out = reviewCase({
      decisionDate: '2017-02-01',
      clinicalSummary: 'Chronic pain.',
      items: [{ request: request.text }],
    });
    expect(out.items[0]?.topic.id).not.toMatch(/compound/);
  });
});

describe('short requests select the topic their concepts name', () => {
  const review = (decisionDate: string, requests: string[]) =>
    reviewCase({
      decisionDate,
      clinicalSummary: 'The patient has chronic pain.',
      items: requests.map((request) => ({ request })),
    }).items;

  it.each(['2015-06-01', '2017-06-01'])('on %s', (date) => {
    const [norco, aquatic, tinnitus, duragesic] = review(date, [
      'Continued Norco',
      'Aquatic therapy in lieu of physical therapy',
      'Tinnitus sound therapy device',
      'Duragesic patches',
    ]);
    expect(norco?.topic.id).toMatch(/opioid/);
    expect(norco?.topic.id).not.toMatch(/neurotomy|radiofrequency/);
    expect(aquatic?.topic.id).toMatch(/aquatic-therapy$/);
    // tinnitus is the ear: no chapter written for the knee (or any other region) answers for it
    expect(tinnitus?.topic.id).not.toMatch(/knee/);
    expect(tinnitus?.recommendation).toBe('Refer');
    // Duragesic is transdermal fentanyl, an opioid
    expect(duragesic?.topic.id).toMatch(/opioid/);
  });

  it('reads the four requests into the concepts that select those topics', () => {
    expect(parseRequest('Duragesic patches').drugs[0]).toMatchObject({
      generic: 'fentanyl',
      form: 'patch',
      drugClass: 'opioid',
    });
    expect(parseRequest('Tinnitus sound therapy device').bodyParts).toEqual(['ear']);
    const aquatic = parseRequest('Aquatic therapy in lieu of physical therapy 2x6');
    expect(aquatic).toMatchObject({ kind: 'therapy', modality: 'aquatic therapy', sessions: 12, bodyParts: [] });
    expect(parseRequest('Continued Norco')).toMatchObject({ kind: 'medication', additional: true });
  });
});
