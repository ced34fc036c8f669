import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderTerminologyDoc, TERMINOLOGY_DOC } from '../../scripts/gen-terminology-doc.js';
import { DRUG_GROUPS } from './drugs.js';

/** docs/terminology.md is what clinicians read and correct: it must say what the data says. */
describe('docs/terminology.md', () => {
  const page = renderTerminologyDoc();

  it('matches the data (run `npx tsx scripts/gen-terminology-doc.ts` after editing the vocabulary)', () => {
    expect(readFileSync(TERMINOLOGY_DOC, 'utf8')).toBe(page);
  });

  it('shows every drug group with its class', () => {
    for (const g of DRUG_GROUPS) expect(page).toContain(`### ${g.group} → \`${g.drugClass}\``);
    expect(page).toContain('- fentanyl (patch): Duragesic');
  });
});
