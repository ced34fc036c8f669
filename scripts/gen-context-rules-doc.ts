/**
 * Writes docs/context-rules.md from the clinical reader's context and source rules
 * (`npx tsx scripts/gen-context-rules-doc.ts`), so a clinician can read and correct them without reading
 * TypeScript. src/clinical/context-rules-doc.test.ts fails when the committed page drifts from the data.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CONTEXT_RULES } from '../src/clinical/context-rules.js';
import {
  ContextCategory,
  type ContextDirection,
  type ContextRule,
  literalPattern,
  parseContextRules,
} from '../src/clinical/context-schema.js';
import { SOURCE_RULES, type SourceRule, SourceRuleSet } from '../src/clinical/source-rules.js';
import { CLINICAL_SOURCE, FactSource } from '../src/clinical/types.js';

export const CONTEXT_RULES_DOC = fileURLToPath(new URL('../docs/context-rules.md', import.meta.url));

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (s: string): string => `\`${cell(s)}\``;

const MEANING: Record<ContextCategory, string> = {
  NEGATED_EXISTENCE: 'the finding is denied or absent, or the record does not document it',
  POSSIBLE_EXISTENCE: 'the finding is hedged: possible, suspected, to be ruled out',
  HYPOTHETICAL: 'the finding is a condition or a contingency, not a fact: if, should, would consider, to prevent',
  HISTORICAL: 'the finding is in the past: history of, previously, in a past year',
  FAMILY: "the finding is a relative's, not the patient's",
};

const DIRECTION: Record<ContextDirection, string> = {
  forward: 'after the trigger',
  backward: 'before the trigger',
  bidirectional: 'both sides',
  pseudo: 'none (masks triggers it overlaps)',
  terminate: 'ends scopes',
};

function phrase(r: ContextRule): string {
  return r.literal === undefined
    ? code(r.pattern ?? '')
    : `${code(r.literal)} (as written: ${code(literalPattern(r.literal))})`;
}

function ruleRows(rules: readonly ContextRule[]): string[] {
  return rules.map((r) => {
    const flags = [
      r.documentation ? 'documentation negation' : '',
      r.list ? 'list negation' : '',
      r.affirmation ? 'affirmation' : '',
    ]
      .filter((x) => x !== '')
      .join(', ');
    const cats = r.categories === undefined ? 'all' : r.categories.join(', ');
    return `| ${DIRECTION[r.direction]} | ${r.direction === 'pseudo' || r.direction === 'terminate' ? cats : ''} | ${flags} | ${phrase(r)} | ${cell(r.note ?? '')} |`;
  });
}

function sourceRows(rules: readonly SourceRule[]): string[] {
  return rules.map((r) => `| ${r.source} | ${code(r.pattern)} | ${cell(r.note ?? '')} |`);
}

export function renderContextRulesDoc(): string {
  const set = parseContextRules(CONTEXT_RULES);
  const sources = SourceRuleSet.parse(SOURCE_RULES);
  const head = '| scope | applies to | kind | phrase or pattern | why, with an example |';
  const rule = '|---|---|---|---|---|';
  const out: string[] = [
    '<!-- generated — do not edit. Source: src/clinical/context-rules.ts and src/clinical/source-rules.ts; regenerate with `npx tsx scripts/gen-context-rules-doc.ts`. -->',
    '# Context rules of the clinical reader',
    '',
    'The clinical reader (src/clinical) turns record text into facts. Whether a fact is denied, hedged,',
    "conditional, past or a relative's is decided by these rules, in the ConText model: a **trigger** opens a",
    'scope of words after it (forward), before it (backward) or both; a **pseudo-trigger** looks like a trigger',
    'but is none and masks the triggers it overlaps; a **terminator** ends the scopes of the categories it',
    'lists. A scope also ends at the sentence end, after its word limit, and at a comma that opens a new clause',
    '(a comma continuing a list keeps it open). A trigger that opens a sentence ("If the pain persists, …",',
    '"Previously, …") governs the whole sentence up to a terminator.',
    '',
    'A **documentation negation** ("no documentation of", "failed to indicate") denies that the record shows',
    'something; words that assert a finding ("reported", "showed") inside its scope do not end it, since they',
    'are what it denies. An **affirmation** terminator ends ordinary negation scopes only. A **list negation**',
    '("denies …", "no …") governs every item of the list it opens, past the word limit, to the item after the',
    'closing "and"/"or" or the sentence end; the list ends at a terminator, a verb or a new clause.',
    '',
    'Patterns are regular expressions matched without case; `\\b` is a word boundary, `(?:a|b)` either word,',
    '`x?` an optional part. Within a group the first rule that matches at a position wins.',
    '',
    '## Categories',
    '',
    '| category | meaning | words forward | words backward |',
    '|---|---|---|---|',
  ];
  for (const c of ContextCategory.options) {
    const s = set.scope[c];
    out.push(`| ${c} | ${MEANING[c]} | ${s?.forward ?? ''} | ${s?.backward ?? ''} |`);
  }
  out.push('', `A documentation negation reaches ${set.documentationScope} words forward.`, '');
  for (const c of ContextCategory.options) {
    out.push(`## ${c}`, '', head, rule);
    out.push(...ruleRows(set.rules.filter((r) => r.category === c)));
    out.push('');
  }
  out.push('## Pseudo-triggers', '', head, rule, ...ruleRows(set.rules.filter((r) => r.direction === 'pseudo')), '');
  out.push('## Terminators', '', head, rule, ...ruleRows(set.rules.filter((r) => r.direction === 'terminate')), '');
  out.push(
    '## Who says it',
    '',
    'Each part of a case record has a source, and only clinical sources are evidence: a criterion is never met',
    "by the utilization review's, the application's or a reviewer's words. A document's source comes from its",
    'title, else its first line; a summary is the IMR clinical summary. Inside a clinical part, a sentence that',
    'restates the review or the application is attributed to it.',
    '',
    '| source | clinical evidence |',
    '|---|---|',
  );
  for (const s of FactSource.options) out.push(`| ${s} | ${CLINICAL_SOURCE[s] ? 'yes' : 'no'} |`);
  out.push(
    '',
    `### Documents (first match wins; otherwise ${sources.defaultDocument})`,
    '',
    '| source | title or first line | why |',
    '|---|---|---|',
  );
  out.push(...sourceRows(sources.documents));
  out.push(
    '',
    '### Sentences of a clinical part that restate the review or the application',
    '',
    '| source | sentence | why |',
    '|---|---|---|',
  );
  out.push(...sourceRows(sources.sentences));
  out.push('');
  return out.join('\n');
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(CONTEXT_RULES_DOC, renderContextRulesDoc());
  console.log(`wrote ${CONTEXT_RULES_DOC}`);
}
