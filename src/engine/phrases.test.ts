import { describe, expect, it } from 'vitest';
import { expandPhrase, normalizeText, originalSlice, PhraseIndex, tokenize } from './phrases.js';

describe('normalizeText', () => {
  it('collapses and trims whitespace, makes dashes ASCII and number words digits', () => {
    expect(normalizeText('  Six   visits\tper week – twenty-four  ').text).toBe('6 visits per week - 24');
    expect(normalizeText('Norco 10/325 #90').text).toBe('Norco 10/325 #90');
  });

  it('drops a figure repeated in parentheses after a number word', () => {
    expect(normalizeText('two (2) times a week for six (6) weeks').text).toBe('2 times a week for 6 weeks');
    expect(normalizeText('two (3) visits').text).toBe('2 (3) visits');
  });

  it('maps spans back to the original text', () => {
    const raw = '  Acupuncture  two times a week ';
    const norm = normalizeText(raw);
    const start = norm.text.indexOf('2 times');
    expect(originalSlice(raw, norm, start, norm.text.length)).toBe('two times a week');
    expect(originalSlice(raw, norm, 0, 'Acupuncture'.length)).toBe('Acupuncture');
  });
});

describe('PhraseIndex', () => {
  it('expands alternatives and groups into keys', () => {
    expect(expandPhrase('physical therapy|therapies')).toEqual(['physical therapy', 'physical therapies']);
    expect(expandPhrase('(follow up|followup) visit')).toEqual(['follow up visit', 'followup visit']);
    expect(expandPhrase('x-ray (|study)')).toEqual(['x ray', 'x ray study']);
    expect(expandPhrase('three phase')).toEqual(['3 phase']);
  });

  it('finds the longest phrase at each place, left to right', () => {
    const index = new PhraseIndex<string>().add('voltaren', 'oral').add('voltaren gel', 'topical');
    const words = tokenize('Voltaren gel then Voltaren').words;
    expect(index.scan(words).map((m) => [m.value, m.at, m.length])).toEqual([
      ['topical', 0, 2],
      ['oral', 3, 1],
    ]);
    expect(index.matchAt(words, 2)).toBeUndefined();
  });

  it('records a key given two meanings, and keeps the first', () => {
    const index = new PhraseIndex<string>().add('soma', 'a').add('soma', 'b');
    expect(index.conflicts).toEqual(['soma']);
    expect(index.get('soma')).toBe('a');
  });
});
