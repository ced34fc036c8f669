/**
 * Word tokens and a longest-match phrase index over them: the lookup structure behind the drug,
 * body-part and treatment lexicons. Phrases are matched on lower-cased alphanumeric tokens, so
 * "Depo-Medrol", "Depo Medrol" and "DEPO MEDROL" are one key, and "x-ray", "X ray" another.
 */

export interface Tokens {
  /** Lower-cased tokens. */
  readonly words: readonly string[];
  /** Offset of each token in the tokenized text, and of its end (exclusive). */
  readonly starts: readonly number[];
  readonly ends: readonly number[];
}

const WORD = /[A-Za-z0-9]+/g;

const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = [
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** Number words and their values ("six" → 6, "twenty" → 20, "dozen" → 12). */
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map<string, number>([
  ...UNITS.map((w, i) => [w, i] as const),
  ...TEENS.map((w, i) => [w, 10 + i] as const),
  ...TENS.map((w, i) => [w, 20 + 10 * i] as const),
  ['dozen', 12],
]);

const NUMBER_PHRASE = new RegExp(
  String.raw`\b(?:(${TENS.join('|')})(?:[\s-]+(${UNITS.slice(1).join('|')}))?|(${[...UNITS, ...TEENS, 'dozen'].join('|')}))\b`,
  'i',
);
const NORMALIZE = new RegExp(
  String.raw`(^\s+|\s+$|\s{2,}|[^\S ])|([\u2010-\u2015\u2212])|(\u00d7)|${NUMBER_PHRASE.source}`,
  'gi',
);

/** A stretch of the original replaced in the normalized text. */
interface Replacement {
  readonly normStart: number;
  readonly normEnd: number;
  readonly origStart: number;
  readonly origEnd: number;
}

/**
 * Text prepared for reading: whitespace collapsed and trimmed, dashes and "×" made ASCII, number
 * words made digits ("six visits" → "6 visits", "six (6) weeks" → "6 weeks"). Offsets map back to
 * the original so that spans can be quoted as written.
 */
export class NormalizedText {
  constructor(
    readonly text: string,
    private readonly replacements: readonly Replacement[],
  ) {}

  /** Original offset of the character at normalized offset `i` (a replaced piece maps to its start). */
  origAt(i: number): number {
    let delta = 0;
    for (const r of this.replacements) {
      if (i < r.normStart) break;
      if (i < r.normEnd) return r.origStart;
      delta = r.origEnd - r.normEnd;
    }
    return i + delta;
  }

  /** Original offset just past the normalized span ending (exclusively) at `end`. */
  origEnd(end: number): number {
    if (end <= 0) return 0;
    const last = end - 1;
    for (const r of this.replacements) {
      if (last < r.normStart) break;
      if (last < r.normEnd) return r.origEnd;
    }
    return this.origAt(last) + 1;
  }
}

export function normalizeText(raw: string): NormalizedText {
  NORMALIZE.lastIndex = 0;
  let m = NORMALIZE.exec(raw);
  if (m === null) return new NormalizedText(raw, []);
  let text = '';
  let last = 0;
  const replacements: Replacement[] = [];
  const put = (s: string, origStart: number, origEnd: number): void => {
    replacements.push({ normStart: text.length, normEnd: text.length + s.length, origStart, origEnd });
    text += s;
  };
  for (; m !== null; m = NORMALIZE.exec(raw)) {
    text += raw.slice(last, m.index);
    last = m.index + m[0].length;
    if (m[1] !== undefined) {
      const inner = m.index > 0 && last < raw.length;
      put(inner ? ' ' : '', m.index, last);
    } else if (m[2] !== undefined) put('-', m.index, last);
    else if (m[3] !== undefined) put('x', m.index, last);
    else {
      const tens = m[4] ? (NUMBER_WORDS.get(m[4].toLowerCase()) ?? 0) : 0;
      const unit = m[5] ? (NUMBER_WORDS.get(m[5].toLowerCase()) ?? 0) : 0;
      const value = m[4] ? tens + unit : (NUMBER_WORDS.get((m[6] ?? '').toLowerCase()) ?? 0);
      // "six (6) weeks": the figure repeated in parentheses is dropped.
      const echo = /^\s*\(\s*(\d+)\s*\)/.exec(raw.slice(last));
      if (echo && Number(echo[1]) === value) {
        last += echo[0].length;
        NORMALIZE.lastIndex = last;
      }
      put(String(value), m.index, last);
    }
  }
  text += raw.slice(last);
  return new NormalizedText(text, replacements);
}

/** The original text of normalized span [start, end). */
export function originalSlice(raw: string, norm: NormalizedText, start: number, end: number): string {
  return raw.slice(norm.origAt(start), norm.origEnd(end)).trim();
}

export function tokenize(text: string): Tokens {
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    words.push(m[0].toLowerCase());
    starts.push(m.index);
    ends.push(m.index + m[0].length);
  }
  return { words, starts, ends };
}

/** A slot of a phrase: a bare word (`a|b` for one-word alternatives) or a group `(a b|c|)` whose alternatives may be several words or none. */
const SLOT = /\(([^()]*)\)|[^\s()]+/g;

/**
 * The token keys a phrase stands for: `physical therapy|therapies` → "physical therapy", "physical
 * therapies"; `(follow up|followup) visit` → "follow up visit", "followup visit"; `x-ray` → "x ray".
 * Number words become digits, as in normalized text.
 */
export function expandPhrase(phrase: string): string[] {
  let keys: string[][] = [[]];
  for (const slot of phrase.matchAll(SLOT)) {
    const alternatives = (slot[1] ?? slot[0]).split('|').map((alt) => tokenize(normalizeText(alt).text).words);
    const next: string[][] = [];
    for (const prefix of keys) for (const alt of alternatives) next.push([...prefix, ...alt]);
    keys = next;
  }
  return keys.filter((k) => k.length > 0).map((k) => k.join(' '));
}

export interface PhraseMatch<T> {
  readonly value: T;
  /** Index of the first token and number of tokens matched. */
  readonly at: number;
  readonly length: number;
}

/** Maps token sequences to values; finds the longest phrase that starts at a token. */
export class PhraseIndex<T> {
  readonly #byKey = new Map<string, T>();
  /** Longest phrase length per first token: tokens that start no phrase are skipped with one lookup. */
  readonly #longestFrom = new Map<string, number>();
  /** Keys added twice with different values (the first stays); lexicon tests assert there are none. */
  readonly conflicts: string[] = [];

  add(phrase: string, value: T): this {
    for (const key of expandPhrase(phrase)) this.addKey(key, value);
    return this;
  }

  addKey(key: string, value: T): void {
    const existing = this.#byKey.get(key);
    if (existing !== undefined) {
      if (existing !== value) this.conflicts.push(key);
      return;
    }
    this.#byKey.set(key, value);
    const first = key.split(' ', 1)[0] ?? key;
    const n = key.split(' ').length;
    if ((this.#longestFrom.get(first) ?? 0) < n) this.#longestFrom.set(first, n);
  }

  get size(): number {
    return this.#byKey.size;
  }

  keys(): IterableIterator<string> {
    return this.#byKey.keys();
  }

  get(key: string): T | undefined {
    return this.#byKey.get(key);
  }

  /** The longest phrase starting at token `at` and ending before token `to`. */
  matchAt(
    words: readonly string[],
    at: number,
    to = words.length,
    accept?: (at: number, length: number) => boolean,
  ): PhraseMatch<T> | undefined {
    const first = words[at];
    if (first === undefined) return undefined;
    const longest = this.#longestFrom.get(first);
    if (longest === undefined) return undefined;
    for (let n = Math.min(longest, to - at); n >= 1; n--) {
      const key = n === 1 ? first : words.slice(at, at + n).join(' ');
      const value = this.#byKey.get(key);
      if (value !== undefined && (accept === undefined || accept(at, n))) return { value, at, length: n };
    }
    return undefined;
  }

  /** Non-overlapping longest matches, left to right, over tokens `from`..`to`. */
  scan(
    words: readonly string[],
    from = 0,
    to = words.length,
    accept?: (at: number, length: number) => boolean,
  ): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    for (let i = from; i < to; ) {
      const m = this.matchAt(words, i, to, accept);
      if (m) {
        out.push(m);
        i += m.length;
      } else i++;
    }
    return out;
  }
}
