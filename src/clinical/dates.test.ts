import { describe, expect, it } from 'vitest';
import { daysBetween, findDates, firstDate } from './dates.js';

describe('findDates', () => {
  it('reads numeric, ISO and written dates with their precision', () => {
    const t = 'Seen 11/14/16, again 3-9-2017, then 2017-04-02, on March 5, 2017, in Dec. 2016 and since 12/2014.';
    expect(findDates(t).map((d) => [d.iso, d.precision])).toEqual([
      ['2016-11-14', 'day'],
      ['2017-03-09', 'day'],
      ['2017-04-02', 'day'],
      ['2017-03-05', 'day'],
      ['2016-12', 'month'],
      ['2014-12', 'month'],
    ]);
  });

  it('gives offsets that cover the date as written', () => {
    const t = 'Injury on October 10, 2015 at work.';
    const [d] = findDates(t);
    expect(d && t.slice(d.start, d.end)).toBe('October 10, 2015');
  });

  it('ignores pain scores, strengths, blood pressure and impossible dates', () => {
    expect(findDates('Pain 7/10, Norco 10/325, BP 139/84, reflexes 2/2, level L4-5, 13/45/2016.')).toEqual([]);
  });

  it('reads two-digit years into the right century', () => {
    expect(findDates('born 4/2/58, injured 4/2/08').map((d) => d.iso)).toEqual(['1958-04-02', '2008-04-02']);
  });
});

describe('firstDate', () => {
  it('falls back to a bare year after a preposition', () => {
    expect(firstDate('decompression in 2005')?.iso).toBe('2005');
    expect(firstDate('taking it since 2014')?.iso).toBe('2014');
    expect(firstDate('2005 units')).toBeUndefined();
  });
});

describe('daysBetween', () => {
  it('counts days between ISO dates of any precision', () => {
    expect(daysBetween('2016-01-01', '2016-03-01')).toBe(60);
    expect(daysBetween('2016-01', '2016-02-01')).toBe(31);
  });
});
