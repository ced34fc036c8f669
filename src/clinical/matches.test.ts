import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forEachMatch } from './matches.js';

function collected(re: RegExp, text: string): [number, string][] {
  const out: [number, string][] = [];
  forEachMatch(re, text, (m) => {
    out.push([m.index, m[0]]);
  });
  return out;
}

const viaMatchAll = (re: RegExp, text: string): [number, string][] =>
  [...text.matchAll(re)].map((m) => [m.index, m[0]]);

describe('forEachMatch', () => {
  it('yields what matchAll yields, empty matches and surrogate pairs included', () => {
    const patterns = [/\b\w*/g, /a*/g, /(?:)/gu, /\d+|x?/g, /[\s\S]/gu, /\b(?:no|not)\b/gi];
    fc.assert(
      fc.property(fc.constantFrom(...patterns), fc.string({ unit: 'binary', maxLength: 40 }), (re, text) => {
        expect(collected(re, text)).toEqual(viaMatchAll(re, text));
      }),
      { numRuns: 300 },
    );
    expect(collected(/(?:)/gu, 'a😀b')).toEqual(viaMatchAll(/(?:)/gu, 'a😀b'));
  });

  it('is not thrown off by a callback that uses the same pattern', () => {
    const re = /\d+/g;
    const seen: string[] = [];
    forEachMatch(re, '1 22 333', (m) => {
      seen.push(m[0]);
      re.lastIndex = 0;
      re.exec('9999');
    });
    expect(seen).toEqual(['1', '22', '333']);
  });

  it('refuses a pattern that is not global, as matchAll does', () => {
    expect(() => forEachMatch(/a/, 'aaa', () => undefined)).toThrow(TypeError);
  });
});
