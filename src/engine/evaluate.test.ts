import { describe, expect, it } from 'vitest';
import type { Fact } from '../clinical/types.js';
import type { Criterion } from '../guidelines/schema.js';
import { bearsOn, evalCriterion, type ItemContext, requestNumber } from './evaluate.js';
import { parseRequest } from './request.js';

function fact(kind: Fact['kind'], extra: Partial<Fact> = {}): Fact {
  const quote = extra.evidence?.quote ?? `${kind} quote`;
  return { kind, negated: false, uncertain: false, evidence: { quote, start: 0, end: quote.length }, ...extra };
}

function ctx(request: string, facts: Fact[], extra: Partial<ItemContext> = {}): ItemContext {
  const r = parseRequest(request);
  return { request: r, drugClasses: [], bodyRegions: [], facts, phases: [], ...extra };
}

const needsImprovement: Criterion = {
  id: 'improvement',
  text: 'Objective functional improvement from the prior course is documented',
  required: true,
  evidence: { anyOf: [{ fact: 'functional-improvement', expect: 'present' }] },
};

const nonRadicular: Criterion = {
  id: 'non-radicular',
  text: 'The pain is not radicular',
  required: true,
  evidence: { noneOf: [{ fact: 'radicular-symptoms', expect: 'present' }] },
};

describe('evalCriterion', () => {
  it('is met by a stated finding and quotes it', () => {
    const r = evalCriterion(
      needsImprovement,
      ctx('Physical therapy 2x6', [
        fact('functional-improvement', { evidence: { quote: 'walks farther', start: 3, end: 16 } }),
      ]),
    );
    expect(r.status).toBe('met');
    expect(r.evidence).toEqual([{ quote: 'walks farther', start: 3, end: 16 }]);
  });

  it('quotes every alternative the record affirms, not only the first one listed', () => {
    const neuro: Criterion = {
      id: 'neuro',
      text: 'Neurologic symptoms or deficits are documented',
      required: true,
      evidence: {
        anyOf: [
          { fact: 'radicular-symptoms', expect: 'present' },
          { fact: 'exam-finding', expect: 'present', values: ['sensory-deficit'] },
        ],
      },
    };
    const r = evalCriterion(
      neuro,
      ctx('EMG of the right upper extremity', [
        fact('radicular-symptoms', { value: 'numbness', evidence: { quote: 'numb fingers', start: 0, end: 12 } }),
        fact('exam-finding', { value: 'sensory-deficit', evidence: { quote: 'less sensation', start: 20, end: 34 } }),
      ]),
    );
    expect(r.status).toBe('met');
    expect(r.evidence.map((e) => e.quote)).toEqual(['numb fingers', 'less sensation']);
  });

  it('is unmet when the finding is denied, and not documented when the record is silent', () => {
    expect(
      evalCriterion(needsImprovement, ctx('Physical therapy 2x6', [fact('functional-improvement', { negated: true })]))
        .status,
    ).toBe('unmet');
    expect(evalCriterion(needsImprovement, ctx('Physical therapy 2x6', [])).status).toBe('not-documented');
  });

  it('ignores hedged findings', () => {
    expect(
      evalCriterion(
        needsImprovement,
        ctx('Physical therapy 2x6', [fact('functional-improvement', { uncertain: true })]),
      ).status,
    ).toBe('not-documented');
  });

  it('treats a denied defeater as met and a present one as unmet (negation trap)', () => {
    expect(
      evalCriterion(nonRadicular, ctx('Medial branch block L4-L5', [fact('radicular-symptoms', { negated: true })]))
        .status,
    ).toBe('met');
    expect(evalCriterion(nonRadicular, ctx('Medial branch block L4-L5', [fact('radicular-symptoms')])).status).toBe(
      'unmet',
    );
    expect(evalCriterion(nonRadicular, ctx('Medial branch block L4-L5', [])).status).toBe('not-documented');
  });

  it('is not applicable when its condition does not hold, and applies "without a red flag" when none is documented', () => {
    const onlyContinued: Criterion = { ...needsImprovement, when: [{ request: 'additional', expect: true }] };
    expect(evalCriterion(onlyContinued, ctx('Physical therapy 2x6', [])).status).toBe('not-applicable');
    const withoutRedFlag: Criterion = { ...needsImprovement, when: [{ fact: 'red-flag', expect: 'absent' }] };
    expect(evalCriterion(withoutRedFlag, ctx('MRI of the lumbar spine', [])).status).toBe('not-documented');
    expect(evalCriterion(withoutRedFlag, ctx('MRI of the lumbar spine', [fact('red-flag')])).status).toBe(
      'not-applicable',
    );
  });

  it('checks request numbers against limits', () => {
    const withinCourse: Criterion = {
      id: 'within-course',
      text: 'The number of visits stays within the course',
      required: true,
      evidence: { allOf: [{ request: 'sessions', max: 10 }] },
    };
    expect(evalCriterion(withinCourse, ctx('Physical therapy 2 times a week for 4 weeks', [])).status).toBe('met');
    expect(evalCriterion(withinCourse, ctx('Physical therapy 3 times a week for 6 weeks', [])).status).toBe('unmet');
    expect(evalCriterion(withinCourse, ctx('Physical therapy', [])).status).toBe('not-documented');
  });
});

describe('helpers', () => {
  it('derives the days a supply lasts from quantity and rate', () => {
    expect(requestNumber('supplyDays', ctx('Norco 5/325mg #60, 1 tab every 6 hours', []))).toBe(15);
  });

  it('counts limb findings toward the matching spinal region only', () => {
    expect(bearsOn('left leg', ['lumbar spine'])).toBe(true);
    expect(bearsOn('right arm', ['lumbar spine'])).toBe(false);
    expect(bearsOn('right shoulder', ['knee'])).toBe(false);
    expect(bearsOn(undefined, ['knee'])).toBe(true);
  });

  it('counts a spinal finding toward a nerve study of the limb that spine supplies, and only then', () => {
    // An L5 sensory loss is found on a lumbar examination; a leg EMG tests the same roots.
    expect(bearsOn('lumbar spine', ['lower extremity'], false, true)).toBe(true);
    expect(bearsOn('cervical spine', ['upper extremity'], false, true)).toBe(true);
    // Not across the body, and not for other requests (a lumbar MRI finding says nothing about a knee MRI).
    expect(bearsOn('cervical spine', ['lower extremity'], false, true)).toBe(false);
    expect(bearsOn('lumbar spine', ['lower extremity'])).toBe(false);
    expect(bearsOn('lumbar spine', ['knee'], true, true)).toBe(false);
  });

  it('rates a lumbar deficit as a neurologic finding for a leg EMG', () => {
    const neuro: Criterion = {
      id: 'neuro',
      text: 'Neurologic deficits are documented in the limb tested',
      required: true,
      evidence: { anyOf: [{ fact: 'exam-finding', expect: 'present', values: ['sensory-deficit'] }] },
    };
    const l5 = fact('exam-finding', {
      value: 'sensory-deficit',
      bodyPart: 'lumbar spine',
      evidence: { quote: 'sensation reduced over the L5 dermatome', start: 0, end: 40 },
    });
    const leg = evalCriterion(
      neuro,
      ctx('EMG of the left lower extremity', [l5], { bodyRegions: ['lower extremity'] }),
    );
    expect(leg.status).toBe('met');
    expect(leg.evidence.map((e) => e.quote)).toEqual(['sensation reduced over the L5 dermatome']);
    // The same finding does not rate a knee brace request.
    const brace = evalCriterion(neuro, ctx('Knee brace', [l5], { bodyRegions: ['knee'] }));
    expect(brace.status).toBe('not-documented');
  });
});
