import { describe, expect, it } from 'vitest';
import { monthNumber } from './months.js';

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
