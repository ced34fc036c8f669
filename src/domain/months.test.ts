import { describe, expect, it } from 'vitest';
import { monthName, monthNumber } from './months.js';

describe('monthNumber', () => {
  it('reads full and abbreviated month names, with or without a period', () => {
    expect(monthNumber('February')).toBe(2);
    expect(monthNumber('Feb.')).toBe(2);
    expect(monthNumber('sept')).toBe(9);
    expect(monthNumber('SEP')).toBe(9);
    expect(monthNumber('may')).toBe(5);
  });
  it('rejects words that are not month names', () => {
    expect(monthNumber('Smarch')).toBeUndefined();
    expect(monthNumber('ma')).toBeUndefined();
    expect(monthNumber('Mayday')).toBeUndefined();
  });
});

describe('monthName', () => {
  it('names months 1–12 in full, and nothing outside that range', () => {
    expect([1, 9, 12].map(monthName)).toEqual(['January', 'September', 'December']);
    expect(monthName(0)).toBeUndefined();
    expect(monthName(13)).toBeUndefined();
  });

  it('is the inverse of monthNumber', () => {
    for (let m = 1; m <= 12; m++) expect(monthNumber(monthName(m) ?? '')).toBe(m);
  });
});
