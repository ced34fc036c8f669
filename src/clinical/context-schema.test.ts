import { describe, expect, it } from 'vitest';
import { CONTEXT_RULES } from './context-rules.js';
import { alternationOf, literalPattern, parseContextRules } from './context-schema.js';

const base = { scope: CONTEXT_RULES.scope, documentationScope: 20 };

describe('context rules schema', () => {
  it('accepts the rules the reader loads', () => {
    expect(parseContextRules(CONTEXT_RULES).rules.length).toBe(CONTEXT_RULES.rules.length);
  });

  it.each([
    [{ direction: 'forward', literal: 'no' }, 'names its category'],
    [{ direction: 'forward', category: 'NEGATED_EXISTENCE' }, 'exactly one of literal and pattern'],
    [{ direction: 'forward', category: 'FAMILY', literal: 'x', pattern: 'x' }, 'exactly one of literal and pattern'],
    [{ direction: 'pseudo', category: 'FAMILY', literal: 'x' }, 'lists categories'],
    [{ direction: 'forward', category: 'FAMILY', literal: 'x', documentation: true }, 'only a negation'],
    [{ direction: 'forward', category: 'HISTORICAL', pattern: '(a+)+' }, 'non-capturing'],
    [{ direction: 'forward', category: 'HISTORICAL', pattern: '(?:\\w+\\s)*x' }, 'nested unbounded'],
    [{ direction: 'forward', category: 'HISTORICAL', pattern: '(?:a|b' }, 'does not compile'],
    [{ direction: 'sideways', category: 'HISTORICAL', literal: 'x' }, 'direction'],
    [{ direction: 'forward', category: 'HISTORICAL', literal: 'x', list: true }, 'opens a list'],
    [{ direction: 'backward', category: 'NEGATED_EXISTENCE', literal: 'x', list: true }, 'opens a list'],
  ])('refuses %o (%s)', (rule, message) => {
    expect(() => parseContextRules({ ...base, rules: [rule] })).toThrow(message);
  });

  it('matches a literal phrase across line breaks, at word boundaries only', () => {
    const re = alternationOf([{ direction: 'forward', category: 'HISTORICAL', literal: 'history of' }]);
    expect('a history\nof surgery'.match(re)?.[0]).toBe('history\nof');
    expect('prehistory of'.match(re)).toBeNull();
    expect(literalPattern('s/p')).toBe('\\bs\\/p\\b');
  });
});
