/**
 * The schema of the clinical reader's context rules (the ConText / medspaCy model) and their compilation
 * into patterns. The rules themselves are data in `context-rules.ts`; this file checks them at load and
 * turns each group (category × direction) into one alternation, in the order the rules are written, so a
 * text is searched once per group however many rules the group holds.
 */

import { z } from 'zod';

/** What a trigger says about the finding in its scope. */
export const ContextCategory = z.enum([
  'NEGATED_EXISTENCE', // "no radicular symptoms", "there is no documentation of functional improvement"
  'POSSIBLE_EXISTENCE', // "possible tear", "rule out fracture"
  'HYPOTHETICAL', // "if symptoms persist", "would consider surgery", "should she develop weakness"
  'HISTORICAL', // "history of", "previously", "in 2014"
  'FAMILY', // "family history of", "her mother had"
]);
export type ContextCategory = z.infer<typeof ContextCategory>;

/**
 * forward / backward / bidirectional: the trigger opens a scope after it, before it, or both.
 * pseudo: looks like a trigger but is none ("no change", "not only"); it masks the triggers it overlaps.
 * terminate: ends the scopes of the listed categories ("but", "however").
 */
export const ContextDirection = z.enum(['forward', 'backward', 'bidirectional', 'pseudo', 'terminate']);
export type ContextDirection = z.infer<typeof ContextDirection>;

/** Source of a pattern fragment: no capture groups or back-references; no quantified group that itself holds a quantifier. */
function patternProblem(source: string): string | undefined {
  try {
    new RegExp(source, 'i');
  } catch (e) {
    return `does not compile: ${(e as Error).message}`;
  }
  if (/\\[1-9]|\\k</.test(source)) return 'back-references are not allowed';
  // escapes and character classes read as one plain character
  const s = source.replace(/\\./g, 'x').replace(/\[[^\]]*\]/g, 'x');
  if (/\((?!\?)/.test(s)) return 'groups must be non-capturing (?:…) or look-arounds';
  // a quantifier applied to a group whose body holds an unbounded quantifier is the shape of catastrophic
  // backtracking ((a+)+, (\w+\s)*): refused outright
  const stack: boolean[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '(') stack.push(false);
    else if (c === '+' || c === '*' || (c === '{' && /^\{\d+,\}/.test(s.slice(i)))) {
      if (stack.length > 0) stack[stack.length - 1] = true;
    } else if (c === ')') {
      const unbounded = stack.pop() ?? false;
      const next = s.slice(i + 1);
      if (unbounded && /^(?:[+*]|\{\d+,\d*\})/.test(next)) return 'nested unbounded quantifiers are not allowed';
      if (unbounded && stack.length > 0) stack[stack.length - 1] = true;
    }
  }
  return undefined;
}

const Pattern = z
  .string()
  .min(1)
  .superRefine((p, ctx) => {
    const problem = patternProblem(p);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: `pattern /${p}/ ${problem}` });
  });

export const ContextRule = z
  .object({
    /** A phrase matched as written (case ignored); a space matches any run of white space. */
    literal: z.string().min(1).optional(),
    /** A regular-expression fragment for phrases with inflections; it carries its own word boundaries. */
    pattern: Pattern.optional(),
    direction: ContextDirection,
    /**
     * forward/backward/bidirectional: the category the trigger asserts. pseudo and terminate: the
     * categories whose triggers it masks or whose scopes it ends (default: all).
     */
    category: ContextCategory.optional(),
    categories: z.array(ContextCategory).min(1).optional(),
    /**
     * A negation of what the record documents ("no documentation of", "failed to indicate"): its scope
     * runs through words that assert a finding ("reported", "showed") since those are what it denies, and
     * reaches further.
     */
    documentation: z.boolean().optional(),
    /**
     * A negation that opens a list ("denies numbness, tingling, or weakness", "no fever, chills, …"): its
     * scope runs over every item of the list, past the word limit, to the list's end (a terminator, a verb,
     * a new clause or the sentence end).
     */
    list: z.boolean().optional(),
    /**
     * A terminator that asserts presence ("positive", "showed", "reported"): it ends a negation's scope
     * ("no swelling, positive Tinel's") but not a documentation negation's ("no documentation that he
     * reported improvement").
     */
    affirmation: z.boolean().optional(),
    /** Why the rule exists, with an example in our own words (shown in docs/context-rules.md). */
    note: z.string().optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    if ((r.literal === undefined) === (r.pattern === undefined))
      ctx.addIssue({ code: 'custom', message: 'a rule has exactly one of literal and pattern' });
    const opens = r.direction === 'forward' || r.direction === 'backward' || r.direction === 'bidirectional';
    if (opens && r.category === undefined)
      ctx.addIssue({ code: 'custom', message: `a ${r.direction} trigger names its category` });
    if (!opens && r.category !== undefined)
      ctx.addIssue({ code: 'custom', message: `a ${r.direction} rule lists categories, not a category` });
    if (opens && r.categories !== undefined) ctx.addIssue({ code: 'custom', message: 'a trigger has one category' });
    if (r.affirmation === true && r.direction !== 'terminate')
      ctx.addIssue({ code: 'custom', message: 'only a terminator is an affirmation' });
    if (r.documentation === true && r.category !== 'NEGATED_EXISTENCE')
      ctx.addIssue({ code: 'custom', message: 'only a negation is a documentation negation' });
    if (
      r.list === true &&
      (r.category !== 'NEGATED_EXISTENCE' || r.direction !== 'forward' || r.documentation === true)
    )
      ctx.addIssue({ code: 'custom', message: 'only a forward negation of a finding opens a list' });
  });
export type ContextRule = z.infer<typeof ContextRule>;

/** How far a scope reaches, in words, per category and side. */
export const ScopeLimits = z.record(
  ContextCategory,
  z.object({ forward: z.number().int().positive(), backward: z.number().int().positive() }),
);

export const ContextRuleSet = z
  .object({
    rules: z.array(ContextRule).min(1),
    scope: ScopeLimits,
    /** Reach of a documentation negation, forward, in words. */
    documentationScope: z.number().int().positive(),
  })
  .strict();
export type ContextRuleSet = z.infer<typeof ContextRuleSet>;
export type ContextRuleSetInput = z.input<typeof ContextRuleSet>;

/** A phrase's pattern: escaped, spaces matching white space, word boundaries at word-character ends. */
export function literalPattern(literal: string): string {
  const body = literal
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('\\s+');
  const lead = /^\w/.test(literal.trim()) ? '\\b' : '';
  const tail = /\w$/.test(literal.trim()) ? '\\b' : '';
  return `${lead}${body}${tail}`;
}

export function ruleSource(r: ContextRule): string {
  return r.pattern ?? literalPattern(r.literal ?? '');
}

/** One pattern for a list of rules: the alternation of their sources, in order (the first that matches wins). */
export function alternationOf(rules: readonly ContextRule[]): RegExp {
  if (rules.length === 0) return /(?!)/g;
  return new RegExp(rules.map((r) => `(?:${ruleSource(r)})`).join('|'), 'gi');
}

/** A rule set checked against the schema; a readable error names each broken rule. */
export function parseContextRules(raw: unknown): ContextRuleSet {
  const parsed = ContextRuleSet.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`context rules are invalid:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
