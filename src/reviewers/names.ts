import { foldText, normalizePersonName } from '../domain/consolidation.js';

/**
 * Name matching for the conflict screen. Organization names differ in legal form and punctuation
 * ("The Zenith Insurance Co." / "Zenith Insurance Company"); exact and normalized matches are
 * treated as the same organization, looser ones only as "similar" for a person to check.
 */

/** Legal-form words that do not change which organization is meant. */
const LEGAL_FORMS = new Set([
  'inc',
  'incorporated',
  'llc',
  'llp',
  'lp',
  'ltd',
  'limited',
  'corp',
  'corporation',
  'co',
  'company',
  'pc',
  'apc',
  'pllc',
  'plc',
  'pa',
  'lllp',
]);

/** A comparable organization name: case, accents, punctuation, "&"/"and", a leading "The" and legal forms removed. */
export function normalizeOrganizationName(raw: string): string {
  const tokens = foldText(raw)
    .split(' ')
    .filter((t) => t !== '');
  if (tokens[0] === 'the') tokens.shift();
  while (tokens.length > 1 && LEGAL_FORMS.has(tokens.at(-1) ?? '')) tokens.pop();
  return tokens.join(' ');
}

export type NameMatchKind = 'exact' | 'normalized' | 'similar';

export interface NameMatch {
  readonly kind: NameMatchKind;
  /** 1 for exact and normalized matches; the similarity (0–1) otherwise. */
  readonly score: number;
}

function bigrams(text: string): Map<string, number> {
  const out = new Map<string, number>();
  const compact = text.replace(/ /g, '');
  for (let i = 0; i < compact.length - 1; i += 1) {
    const gram = compact.slice(i, i + 2);
    out.set(gram, (out.get(gram) ?? 0) + 1);
  }
  return out;
}

/** Sørensen–Dice similarity of character bigrams, 0–1. */
export function diceSimilarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  let total = 0;
  for (const n of x.values()) total += n;
  for (const n of y.values()) total += n;
  if (total === 0) return a === b ? 1 : 0;
  let shared = 0;
  for (const [gram, n] of x) shared += Math.min(n, y.get(gram) ?? 0);
  return (2 * shared) / total;
}

/** Spelling slips ("Insurnace") pass; different names sharing words ("Pacific Insurance" / "Atlantic Insurance") do not. */
const SIMILAR_ORGANIZATION = 0.88;

function matchOneOrganization(a: string, b: string): NameMatch | undefined {
  if (a.trim().toLowerCase() === b.trim().toLowerCase()) return { kind: 'exact', score: 1 };
  const na = normalizeOrganizationName(a);
  const nb = normalizeOrganizationName(b);
  if (na === '' || nb === '') return undefined;
  if (na === nb) return { kind: 'normalized', score: 1 };
  const dice = diceSimilarity(na, nb);
  if (dice >= SIMILAR_ORGANIZATION) return { kind: 'similar', score: Math.round(dice * 100) / 100 };
  // One name inside the other, word for word, with at least two words ("Kaiser Permanente" / "Kaiser Permanente Medical Group").
  const ta = na.split(' ');
  const tb = nb.split(' ');
  const [short, long] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  if (short.length >= 2 && long.join(' ').includes(short.join(' '))) {
    return { kind: 'similar', score: Math.round((short.length / long.length) * 100) / 100 };
  }
  return undefined;
}

const RANK: Record<NameMatchKind, number> = { exact: 3, normalized: 2, similar: 1 };

function best(matches: readonly (NameMatch | undefined)[]): NameMatch | undefined {
  let top: NameMatch | undefined;
  for (const m of matches) {
    if (m === undefined) continue;
    if (top === undefined || RANK[m.kind] > RANK[top.kind] || (m.kind === top.kind && m.score > top.score)) top = m;
  }
  return top;
}

/** The best match between any name of one organization and any name of another. */
export function matchOrganizationNames(a: readonly string[], b: readonly string[]): NameMatch | undefined {
  return best(a.flatMap((x) => b.map((y) => matchOneOrganization(x, y))));
}

function matchOnePerson(a: string, b: string): NameMatch | undefined {
  if (a.trim().toLowerCase() === b.trim().toLowerCase()) return { kind: 'exact', score: 1 };
  const na = normalizePersonName(a);
  const nb = normalizePersonName(b);
  if (na === undefined || nb === undefined) return undefined;
  if (na === nb) return { kind: 'normalized', score: 1 };
  const ta = na.split(' ');
  const tb = nb.split(' ');
  // Same surname and the same first initial ("J. Smith" / "John Smith"): similar, for a person to check.
  if (ta.length > 1 && tb.length > 1 && ta.at(-1) === tb.at(-1) && ta[0]?.[0] === tb[0]?.[0]) {
    return { kind: 'similar', score: 0.8 };
  }
  return undefined;
}

/** The best match between any name of one person and any name of another. */
export function matchPersonNames(a: readonly string[], b: readonly string[]): NameMatch | undefined {
  return best(a.flatMap((x) => b.map((y) => matchOnePerson(x, y))));
}
