import { describe, expect, it } from 'vitest';
import { fts5Query, parseQuery } from './search.js';

describe('parseQuery', () => {
  it('splits words and keeps quoted phrases together', () => {
    expect(parseQuery('lumbar "straight leg raise" MRI')).toEqual([
      { text: 'lumbar', phrase: false },
      { text: 'straight leg raise', phrase: true },
      { text: 'MRI', phrase: false },
    ]);
  });

  it('takes an unclosed quote as a phrase to the end', () => {
    expect(parseQuery('knee "hinged brace')).toEqual([
      { text: 'knee', phrase: false },
      { text: 'hinged brace', phrase: true },
    ]);
  });

  it('drops stop words and parts without a letter or digit, but keeps stop words inside phrases', () => {
    expect(parseQuery('the - ( ) "" not radiculopathy')).toEqual([{ text: 'radiculopathy', phrase: false }]);
    expect(parseQuery('"not medically necessary"')).toEqual([{ text: 'not medically necessary', phrase: true }]);
    expect(parseQuery('   ')).toEqual([]);
  });

  it('limits the number and length of parts', () => {
    expect(parseQuery(Array.from({ length: 50 }, (_, i) => `w${i}`).join(' '))).toHaveLength(32);
    expect(parseQuery('x'.repeat(500))[0]?.text).toHaveLength(200);
  });
});

describe('fts5Query', () => {
  it('quotes every part so FTS5 operators in user input are plain text', () => {
    expect(fts5Query(parseQuery('NEAR(a b) -c* "d e" ^x col:y'))).toBe('"NEAR(a" "b)" "-c*" "d e" "^x" "col:y"');
    // "OR" / "AND" / "NOT" are English stop words: dropped, never operators.
    expect(fts5Query(parseQuery('knee OR brace NOT AND'))).toBe('"knee" "brace"');
  });

  it('doubles quotes inside a part', () => {
    expect(fts5Query([{ text: 'o"brien', phrase: false }])).toBe('"o""brien"');
  });
});
