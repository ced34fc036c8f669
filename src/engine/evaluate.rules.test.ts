import { describe, expect, it } from 'vitest';
import type { Fact } from '../clinical/types.js';
import type { Criterion } from '../guidelines/schema.js';
import { bearsOn, evalCriterion, type ItemContext, requestFlag } from './evaluate.js';
import { parseRequest } from './request.js';
import { partlyAuthorized, primaryRegion } from './review.js';

/** The evaluator's finer rules: attribution to the requested drug, defeaters, region binding, step-ups. */

function fact(kind: Fact['kind'], extra: Partial<Fact> = {}): Fact {
  const quote = extra.evidence?.quote ?? `${kind} quote`;
  return { kind, negated: false, uncertain: false, evidence: { quote, start: 0, end: quote.length }, ...extra };
}

function ctx(request: string, facts: Fact[], extra: Partial<ItemContext> = {}): ItemContext {
  return { request: parseRequest(request), drugClasses: [], bodyRegions: [], facts, phases: [], ...extra };
}

describe('benefit attributed to the requested drug (aboutRequest)', () => {
  const attributed: Criterion = {
    id: 'benefit',
    text: 'A functional gain the record attributes to the requested drug',
    required: true,
    evidence: { anyOf: [{ fact: 'functional-improvement', expect: 'present', aboutRequest: true }] },
  };

  it('is met when the statement names the drug by brand or by generic, or says "medication"', () => {
    for (const quote of [
      'Function improved on Norco.',
      'With hydrocodone she walks a mile.',
      'The medication lets him work.',
    ]) {
      const f = fact('functional-improvement', { evidence: { quote, start: 0, end: quote.length } });
      expect(evalCriterion(attributed, ctx('Norco 10/325 #90', [f])).status, quote).toBe('met');
    }
  });

  it('is not met by a gain the record ties to something else', () => {
    const quote = 'Physical therapy improved her walking.';
    const f = fact('functional-improvement', { evidence: { quote, start: 0, end: quote.length } });
    expect(evalCriterion(attributed, ctx('Norco 10/325 #90', [f])).status).toBe('not-documented');
  });
});

describe('another drug of the class already taken (otherThanRequest)', () => {
  const noSecondNsaid: Criterion = {
    id: 'no-duplicate-class',
    text: 'The patient is not already taking another NSAID',
    required: true,
    silentMeansNone: true,
    evidence: {
      noneOf: [
        { fact: 'medication-use', expect: 'present', values: ['ketoprofen', 'ibuprofen'], otherThanRequest: true },
      ],
    },
  };
  const using = (drug: string): Fact =>
    fact('medication-use', {
      value: drug,
      evidence: { quote: `Current medications include ${drug}.`, start: 0, end: 40 },
    });

  it('is unmet when a different NSAID is in use', () => {
    expect(evalCriterion(noSecondNsaid, ctx('Motrin 600mg #40', [using('ketoprofen')])).status).toBe('unmet');
  });

  it('is met when the NSAID in use is the one requested (a refill), or when the record names none', () => {
    expect(evalCriterion(noSecondNsaid, ctx('Motrin 600mg #40', [using('ibuprofen')])).status).toBe('met');
    expect(evalCriterion(noSecondNsaid, ctx('Motrin 600mg #40', [])).status).toBe('met');
  });

  it('without silentMeansNone, a record naming no NSAID leaves the defeater undocumented', () => {
    const strict: Criterion = { ...noSecondNsaid };
    delete strict.silentMeansNone;
    expect(evalCriterion(strict, ctx('Motrin 600mg #40', [])).status).toBe('not-documented');
  });
});

describe('step-up requests (unlessRequestMentions)', () => {
  const fromPrior: Criterion = {
    id: 'functional-improvement-from-prior',
    text: 'Functional improvement from the prior psychotherapy is documented',
    required: true,
    when: [{ fact: 'prior-treatment', expect: 'present', values: ['psychotherapy'] }],
    unlessRequestMentions: ['partial hospitalization'],
    evidence: { anyOf: [{ fact: 'functional-improvement', expect: 'present' }] },
  };
  const prior = fact('prior-treatment', { value: 'psychotherapy' });

  it('judges more of the same by the improvement it brought', () => {
    expect(evalCriterion(fromPrior, ctx('Psychotherapy 6 sessions', [prior])).status).toBe('not-documented');
  });

  it('does not judge the step up by the step below', () => {
    expect(evalCriterion(fromPrior, ctx('Partial hospitalization program', [prior])).status).toBe('not-applicable');
  });
});

describe('red flags bind to the region studied', () => {
  it('lets a limb finding bear on the spine that supplies it, but not a limb fracture as a spinal red flag', () => {
    expect(bearsOn('upper extremity', ['cervical spine'])).toBe(true);
    expect(bearsOn('upper extremity', ['cervical spine'], true)).toBe(false);
    expect(bearsOn('cervical spine', ['cervical spine'], true)).toBe(true);
  });

  it('ignores a rib fracture when the thoracic spine is imaged, and counts a thoracic one', () => {
    const redFlag: Criterion = {
      id: 'red-flag',
      text: 'A red flag for serious pathology is documented',
      required: true,
      evidence: { anyOf: [{ fact: 'red-flag', expect: 'present' }] },
    };
    const regions = { bodyRegions: ['thoracic spine' as const] };
    const ribs = fact('red-flag', { value: 'fracture', bodyPart: 'chest' });
    const spine = fact('red-flag', { value: 'fracture', bodyPart: 'thoracic spine' });
    expect(evalCriterion(redFlag, ctx('MRI of the thoracic spine', [ribs], regions)).status).toBe('not-documented');
    expect(evalCriterion(redFlag, ctx('MRI of the thoracic spine', [spine], regions)).status).toBe('met');
  });
});

describe('quantity left open', () => {
  it('counts a supply period without a count or a dosing frequency as unspecified', () => {
    expect(requestFlag('quantityUnspecified', ctx('Three months coverage of Viagra 50mg', []))).toBe(true);
    expect(requestFlag('quantityUnspecified', ctx('Viagra 50mg #10', []))).toBe(false);
    expect(requestFlag('quantityUnspecified', ctx('Naproxen 500mg twice a day for 30 days', []))).toBe(false);
  });
});

describe('partlyAuthorized', () => {
  const pt = parseRequest('Physical therapy 2x6 for the low back');

  it('finds a reviewer modification stated without naming the reviewer', () => {
    const text = 'Pain persists. The request for physical therapy was modified to six visits. Plan: continue.';
    const found = partlyAuthorized(text, pt);
    expect(found?.quote).toBe('The request for physical therapy was modified to six visits.');
    expect(text.slice(found?.start, found?.end)).toBe(found?.quote);
  });

  it('ignores a modification into a different service, and a denial', () => {
    expect(
      partlyAuthorized('The request for physical therapy was modified to an evaluation only.', pt),
    ).toBeUndefined();
    expect(partlyAuthorized('Utilization review denied the request for physical therapy.', pt)).toBeUndefined();
  });

  it('does not carry a physical therapy modification over to another modality', () => {
    const heat = parseRequest('Infrared heat to the low back 2x6');
    expect(partlyAuthorized('The request for physical therapy was modified to six visits.', heat)).toBeUndefined();
  });
});

describe('primaryRegion', () => {
  const dx = (bodyPart: string, extra: Partial<Fact> = {}): Fact => fact('diagnosis', { bodyPart, ...extra });

  it('names the region most diagnoses are about, the first named among equals', () => {
    expect(primaryRegion([dx('knee'), dx('lumbar spine'), dx('lumbar spine')])).toBe('lumbar spine');
    expect(primaryRegion([dx('hip'), dx('lumbar spine')])).toBe('hip');
  });

  it('skips denied, hedged and review-stated diagnoses', () => {
    expect(primaryRegion([dx('knee', { negated: true }), dx('shoulder', { uncertain: true })])).toBeUndefined();
    expect(primaryRegion([dx('knee', { context: 'review' }), dx('wrist')])).toBe('wrist');
  });
});
