import { describe, expect, it } from 'vitest';
import { blankAlternatives, keywordIn, normalize } from './text.js';

describe('vocabulary text helpers', () => {
  it('normalizes and finds keywords at a word start', () => {
    expect(normalize("Physical Therapy (2x6) & O.T.'s")).toBe('physical therapy 2x6 and o t s');
    expect(keywordIn('lumbar injections', 'inject')).toBe(true);
    expect(keywordIn('reinjection', 'inject')).toBe(false);
  });

  it('blanks what a request is offered in place of, keeping offsets and the request’s own amounts', () => {
    const text = 'Aquatic therapy in lieu of physical therapy 2x6';
    const blank = blankAlternatives(text);
    expect(blank).toHaveLength(text.length);
    expect(blank.replace(/\s+/g, ' ')).toBe('Aquatic therapy 2x6');
    expect(blankAlternatives('Acupuncture instead of chiropractic for the low back').replace(/\s+/g, ' ')).toBe(
      'Acupuncture for the low back',
    );
    const tens = 'Place a TENS unit rather than medication';
    expect(blankAlternatives(tens).trimEnd()).toBe('Place a TENS unit');
    expect(blankAlternatives(tens)).toHaveLength(tens.length);
    expect(blankAlternatives('Physical therapy 2x6')).toBe('Physical therapy 2x6');
  });
});
