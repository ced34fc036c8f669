/**
 * Writes docs/terminology.md from the vocabulary (`npx tsx scripts/gen-terminology-doc.ts`), so a clinician
 * can read and correct the drug, body-part and modality tables without reading TypeScript.
 * src/terminology/terminology-doc.test.ts fails when the committed page drifts from the data.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TREATMENT_KINDS } from '../src/domain/treatment.js';
import { BODY_PART_SPAN_TERMS, BODY_PARTS } from '../src/terminology/body-parts.js';
import { BODY_REGIONS, REGION_SYSTEM } from '../src/terminology/body-regions.js';
import { DRUG_CLASS_ROUTE, DRUG_CLASSES, DRUG_FORM_WORDS, DRUG_FORMS } from '../src/terminology/drug-classes.js';
import { DRUG_GROUPS } from '../src/terminology/drugs.js';
import { MODALITIES } from '../src/terminology/modalities.js';
import { ALTERNATIVE_CUES } from '../src/terminology/text.js';
import { REGION_WORD_DATA } from '../src/terminology/vocabulary/body-parts.js';

export const TERMINOLOGY_DOC = fileURLToPath(new URL('../docs/terminology.md', import.meta.url));

const list = (xs: readonly string[]): string => (xs.length === 0 ? '—' : xs.join(', '));

export function renderTerminologyDoc(): string {
  const out: string[] = [
    '<!-- generated — do not edit. Source: src/terminology/vocabulary; regenerate with `npx tsx scripts/gen-terminology-doc.ts`. -->',
    '',
    '# Terminology',
    '',
    'One vocabulary for the request parser, topic selection and the criteria engine. Every drug name stands for',
    "one generic name and exactly one guideline drug class ('unknown' where no guideline class fits); every body",
    'part maps to guideline regions. Phrases use `a|b` for alternatives of one word.',
    '',
    '## Drug classes',
    '',
  ];
  for (const c of [...DRUG_CLASSES, 'unknown' as const]) {
    const route = c === 'unknown' ? undefined : DRUG_CLASS_ROUTE[c];
    const groups = DRUG_GROUPS.filter((g) => g.drugClass === c || g.drugs.some((d) => d.drugClass === c));
    out.push(`- \`${c}\` — route: ${route ?? 'by form'}; groups: ${list(groups.map((g) => g.group))}`);
  }
  out.push('', '## Drugs by group', '');
  for (const g of DRUG_GROUPS) {
    out.push(`### ${g.group} → \`${g.drugClass}\``, '');
    if (g.classTerms !== undefined) out.push(`Words for the group: ${list(g.classTerms)}`, '');
    for (const d of g.drugs) {
      const own = d.drugClass === undefined ? '' : ` → \`${d.drugClass}\``;
      const names = d.names === undefined ? '' : `: ${list(d.names)}`;
      out.push(`- ${d.generic}${d.form === undefined ? '' : ` (${d.form})`}${own}${names}`);
    }
    out.push('');
  }
  out.push('## Drug forms', '');
  for (const f of DRUG_FORMS) {
    out.push(`- ${f}${DRUG_FORM_WORDS[f].topical ? ' (topical)' : ''}: ${list(DRUG_FORM_WORDS[f].words)}`);
  }
  out.push('', '## Body regions', '');
  for (const r of BODY_REGIONS) out.push(`- ${r} (${REGION_SYSTEM[r]}): ${list(REGION_WORD_DATA[r] ?? [])}`);
  out.push('', '## Body parts', '');
  for (const p of BODY_PARTS) {
    const both = p.bothSides === undefined ? '' : `; both sides: ${list(p.bothSides)}`;
    out.push(`- ${p.part} → ${list(p.regions)}: ${list(p.terms)}${both}`);
  }
  for (const s of BODY_PART_SPAN_TERMS) out.push(`- ${s.parts.join(' and ')}: ${list(s.terms)}`);
  out.push('', '## Modalities by kind of treatment', '');
  out.push('A `?` marks words that name the kind only loosely; any specific phrase outranks them.', '');
  for (const kind of TREATMENT_KINDS) {
    const lines = MODALITIES[kind];
    if (lines.length === 0) continue;
    out.push(`### ${kind}`, '');
    for (const line of lines) {
      const [lhs = '', modality = ''] = line.split('=>');
      out.push(`- ${modality.trim()}: ${lhs.trim()}`);
    }
    out.push('');
  }
  out.push(
    '## Alternatives',
    '',
    `Text after ${list(ALTERNATIVE_CUES.map((c) => `"${c}"`))} names what a request replaces; it selects nothing.`,
    '',
  );
  return out.join('\n');
}

const entry = process.argv[1];
if (entry !== undefined && fileURLToPath(import.meta.url) === resolve(entry)) {
  writeFileSync(TERMINOLOGY_DOC, renderTerminologyDoc());
}
