import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTEXT_RULES_DOC, renderContextRulesDoc } from '../../scripts/gen-context-rules-doc.js';
import { CONTEXT_RULES } from './context-rules.js';
import { parseContextRules } from './context-schema.js';

/** docs/context-rules.md is what clinicians read and correct: it must say what the rules say. */
describe('docs/context-rules.md', () => {
  it('matches the rules (run `npx tsx scripts/gen-context-rules-doc.ts` after editing them)', () => {
    expect(existsSync(CONTEXT_RULES_DOC)).toBe(true);
    expect(readFileSync(CONTEXT_RULES_DOC, 'utf8')).toBe(renderContextRulesDoc());
  });

  it('shows every rule with its note', () => {
    const page = renderContextRulesDoc();
    for (const r of parseContextRules(CONTEXT_RULES).rules) {
      if (r.note !== undefined) expect(page).toContain(r.note.replace(/\|/g, '\\|'));
    }
  });
});
