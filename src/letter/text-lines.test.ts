import { describe, expect, it } from 'vitest';
import { joinLines, toLogicalLines } from './text-lines.js';

describe('toLogicalLines', () => {
  it('marks paragraph breaks and page starts in a single-spaced layout', () => {
    const lines = toLogicalLines('One\ntwo\n\nThree\n\ffour\n');
    expect(lines).toEqual([
      { text: 'One', breakBefore: false, pageStart: false },
      { text: 'two', breakBefore: false, pageStart: false },
      { text: 'Three', breakBefore: true, pageStart: false },
      { text: 'four', breakBefore: false, pageStart: true },
    ]);
  });

  it('in a double-spaced copy only a run of two or more blank lines breaks a paragraph', () => {
    const body = Array.from({ length: 10 }, (_, i) => `line ${i}`);
    const text = `${body.slice(0, 5).join('\n\n')}\n\n \n\n${body.slice(5).join('\n\n')}\n`;
    const breaks = toLogicalLines(text)
      .filter((l) => l.breakBefore)
      .map((l) => l.text);
    expect(breaks).toEqual(['line 5']);
  });

  it('strips a byte-order mark and handles CRLF', () => {
    expect(toLogicalLines('\ufeffA\r\nB').map((l) => l.text)).toEqual(['A', 'B']);
  });
});

describe('joinLines', () => {
  it('joins a word-final hyphen without a space, and a spaced dash with one', () => {
    expect(joinLines(['L4-', 'L5 and Non-', 'MTUS', 'rated 10 -', '30'])).toBe('L4-L5 and Non-MTUS rated 10 - 30');
  });
});
