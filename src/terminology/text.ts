/** One text normalization for vocabulary lookups, topic selection and citation lookup. */

/** Lower case, '&' → 'and', every run of other characters → one space, trimmed. */
export function normalize(s: string): string {
  return s
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** `keyword` (normalized) occurs in `text` (normalized) starting at a word boundary ("inject" ⊂ "injections"). */
export function keywordIn(text: string, keyword: string): boolean {
  if (keyword === '') return false;
  // the same as ` ${text}`.includes(` ${keyword}`) without copying the text on every call
  return text.startsWith(keyword) || text.includes(` ${keyword}`);
}

/**
 * Cues that introduce what a request is offered in place of ("aquatic therapy in lieu of physical
 * therapy"): the words after them name another treatment (or part), not the one requested.
 */
export const ALTERNATIVE_CUES: readonly string[] = [
  'in lieu of',
  'instead of',
  'rather than',
  'as opposed to',
  'in place of',
  'as an alternative to',
];

/** Words that end an alternative: the request's own amounts, schedule or body part follow them. */
const ALTERNATIVE_ENDS = [
  'for',
  'to',
  'at',
  'on',
  'per',
  'x',
  'times',
  'with',
  'qty',
  'quantity',
  'visits',
  'sessions',
];

const ALTERNATIVE = new RegExp(
  String.raw`\b(?:${ALTERNATIVE_CUES.map((c) => c.replace(/ /g, String.raw`\s+`)).join('|')})\b(?:\s+(?!(?:${ALTERNATIVE_ENDS.join('|')})\b)[A-Za-z][A-Za-z'/-]*)*`,
  'gi',
);

/**
 * `text` with each alternative ("in lieu of physical therapy") blanked out by spaces, so that offsets into
 * the result are offsets into `text`.
 */
export function blankAlternatives(text: string): string {
  if (!/\b(?:lieu|instead|rather|opposed|place|alternative)\b/i.test(text)) return text;
  return text.replace(ALTERNATIVE, (m) => ' '.repeat(m.length));
}
