import { describe, expect, it } from 'vitest';
import { diceSimilarity, matchOrganizationNames, matchPersonNames, normalizeOrganizationName } from './names.js';

describe('organization names', () => {
  it('ignores case, punctuation, a leading "The" and legal forms', () => {
    expect(normalizeOrganizationName('The Zenith Insurance Co.')).toBe('zenith insurance');
    expect(normalizeOrganizationName('ZENITH INSURANCE COMPANY')).toBe('zenith insurance');
    expect(normalizeOrganizationName('Acme Widgets, L.L.C.')).toBe('acme widgets');
    expect(normalizeOrganizationName('Smith & Jones Medical Group, Inc.')).toBe('smith and jones medical group');
  });

  it('matches the same organization written differently', () => {
    expect(matchOrganizationNames(['Zenith Insurance Company'], ['The Zenith Insurance Co.'])).toEqual({
      kind: 'normalized',
      score: 1,
    });
    expect(matchOrganizationNames(['Acme'], ['acme'])).toEqual({ kind: 'exact', score: 1 });
  });

  it('calls a misspelling or a longer form of the name similar, not the same', () => {
    expect(
      matchOrganizationNames(['Sedgwick Claims Managment Services'], ['Sedgwick Claims Management Services Inc'])?.kind,
    ).toBe('similar');
    expect(matchOrganizationNames(['Kaiser Permanente'], ['Kaiser Permanente Medical Group'])?.kind).toBe('similar');
  });

  it('does not match different organizations that share words', () => {
    expect(matchOrganizationNames(['Pacific Insurance Co'], ['Atlantic Insurance Co'])).toBeUndefined();
    expect(matchOrganizationNames(['Kaiser'], ['Kaiser Permanente'])).toBeUndefined();
    expect(matchOrganizationNames(['Inc.'], ['LLC'])).toBeUndefined();
  });

  it('uses aliases', () => {
    expect(matchOrganizationNames(['State Compensation Insurance Fund', 'SCIF'], ['SCIF'])?.kind).toBe('exact');
  });

  it('scores identical strings 1 and unrelated ones low', () => {
    expect(diceSimilarity('abc', 'abc')).toBe(1);
    expect(diceSimilarity('zenith', 'travelers')).toBeLessThan(0.3);
  });
});

describe('person names', () => {
  it('matches the same person in different spellings', () => {
    expect(matchPersonNames(['Smith, John A., M.D.'], ['Dr. John Smith'])?.kind).toBe('normalized');
  });

  it('calls the same surname and first initial similar', () => {
    expect(matchPersonNames(['J. Smith'], ['John Smith'])).toEqual({ kind: 'similar', score: 0.8 });
  });

  it('does not match different people', () => {
    expect(matchPersonNames(['John Smith'], ['Mary Smith'])).toBeUndefined();
    expect(matchPersonNames(['John Smith'], ['John Smithson'])).toBeUndefined();
  });
});
