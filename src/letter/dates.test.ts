import { describe, expect, it } from 'vitest';
import { toIsoDate, toUsDate } from './dates.js';

describe('toIsoDate', () => {
  it('reads the numeric forms letters use', () => {
    expect(toIsoDate('11/09/2016')).toBe('2016-11-09');
    expect(toIsoDate('3/5/14', 2016)).toBe('2014-03-05');
    expect(toIsoDate('10-13-16', 2016)).toBe('2016-10-13');
    expect(toIsoDate('2016-01-31')).toBe('2016-01-31');
  });
  it('pivots two-digit years on the letter year', () => {
    expect(toIsoDate('11/11/94', 2016)).toBe('1994-11-11');
    expect(toIsoDate('11/11/16', 2016)).toBe('2016-11-11');
    expect(toIsoDate('11/11/17', 2016)).toBe('1917-11-11');
  });
  it('reads written dates', () => {
    expect(toIsoDate('February 3, 2006')).toBe('2006-02-03');
    expect(toIsoDate('Sept. 21st, 2015')).toBe('2015-09-21');
  });
  it('rejects impossible dates', () => {
    expect(toIsoDate('02/30/2016')).toBeUndefined();
    expect(toIsoDate('13/01/2016')).toBeUndefined();
    expect(toIsoDate('Smarch 3, 2016')).toBeUndefined();
  });
  it('formats back to the header form', () => {
    expect(toUsDate('2016-11-09')).toBe('11/09/2016');
  });
});
