import type { Basis, Citation } from '../domain/letter.js';

/** Whose basis paragraph is being written: the UR claims administrator or the IMR expert reviewer. */
export type BasisAuthor = 'claims-administrator' | 'reviewer';

const AUTHOR_NAME: Record<BasisAuthor, string> = {
  'claims-administrator': 'The Claims Administrator',
  reviewer: 'The Expert Reviewer',
};

/** Collapse whitespace runs and trim. */
function clean(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Ends a sentence with exactly one period (no "..": text that already ends with '.' is kept). */
function sentence(s: string): string {
  return s.endsWith('.') ? s : `${s}.`;
}

/**
 * One citation in the letters' form: `Text`, `Text, Section(s): s` or `Text Page(s): 63, 64`
 * (a citation with both gets `Text, Section(s): s Page(s): 63`).
 */
function citationPart(c: Citation): string {
  let out = clean(c.text);
  if (c.sections !== undefined && clean(c.sections) !== '') out += `, Section(s): ${clean(c.sections)}`;
  if (c.pages !== undefined && c.pages.length > 0) out += ` Page(s): ${c.pages.join(', ')}`;
  return out;
}

/**
 * Compose the basis paragraph ("Claims Administrator guideline: …" / "<org> guideline: …") from
 * structured citations, in the form the published letters use:
 *
 * - no citations: `The Claims Administrator did not cite any medical evidence for its decision.`
 * - MTUS: one sentence `Decision based on MTUS A, Section(s): s1, and B Page(s): 63, 64.`
 *   (several MTUS citations joined by ", and ")
 * - Non-MTUS: one sentence per citation, `Decision based on Non-MTUS Citation X.`
 * - `usedMtus` false with Non-MTUS citations: prefixed by
 *   `The Claims Administrator based their decision on recommendation(s) outside of the MTUS Guidelines.`
 *
 * A sentence whose text already ends with '.' gets no second period.
 */
export function formatBasis(basis: Basis, who: BasisAuthor): string {
  const name = AUTHOR_NAME[who];
  const citations = basis.citations.filter((c) => clean(c.text) !== '');
  if (citations.length === 0) return `${name} did not cite any medical evidence for its decision.`;

  const mtus = citations.filter((c) => c.source === 'MTUS');
  const nonMtus = citations.filter((c) => c.source === 'Non-MTUS');
  const sentences: string[] = [];
  if (!basis.usedMtus && nonMtus.length > 0) {
    sentences.push(`${name} based their decision on recommendation(s) outside of the MTUS Guidelines.`);
  }
  if (mtus.length > 0) {
    sentences.push(sentence(`Decision based on MTUS ${mtus.map(citationPart).join(', and ')}`));
  }
  for (const c of nonMtus) {
    sentences.push(sentence(`Decision based on Non-MTUS Citation ${citationPart(c)}`));
  }
  return sentences.join(' ');
}

/** The basis text a letter shows: `raw` when it has content, else the text composed from citations. */
export function basisText(basis: Basis, who: BasisAuthor): string {
  const raw = clean(basis.raw);
  return raw !== '' ? raw : formatBasis(basis, who);
}
