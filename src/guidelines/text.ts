/** Text helpers shared by topic selection and citation lookup: one normalization (the vocabulary's) for both. */
import { normalize } from '../terminology/text.js';

export { keywordIn, normalize } from '../terminology/text.js';

/** Where `phrase` (normalized) occurs in `text` (normalized) as whole words; -1 when it does not. */
export function phraseAt(text: string, phrase: string): number {
  if (phrase === '') return -1;
  const at = ` ${text} `.indexOf(` ${phrase} `);
  return at;
}

const STOP = new Set(['and', 'of', 'the', 'for', 'to', 'in', 'a', 'an', 'with', 'on', 's', 'or', 'by']);

/** Content words, lightly stemmed (plural 's' dropped) so "Opioids" and "opioid" compare equal. */
export function tokens(s: string): string[] {
  const out: string[] = [];
  for (const w of normalize(s).split(' ')) {
    if (w === '' || STOP.has(w)) continue;
    out.push(w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);
  }
  return out;
}

/** Share of `part`'s tokens found in `whole`'s tokens (0 when `part` has none). */
export function containment(part: readonly string[], whole: ReadonlySet<string>): number {
  if (part.length === 0) return 0;
  let hit = 0;
  for (const t of part) if (whole.has(t)) hit++;
  return hit / part.length;
}
