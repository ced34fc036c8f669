/**
 * NegEx-style assertion status for a span of a sentence: negated ("denied side effects", "no radicular
 * symptoms", "straight leg raise was negative") and uncertain ("rule out herniated disc", "possible tear").
 *
 * Triggers open a scope forward (pre-triggers) or backward (post-triggers). A scope ends at a conjunction
 * that turns the clause ("but", "however", "although", ";", "except", "due to"), at a word that asserts the
 * opposite ("positive", "intact"), at a comma that opens a new clause ("…, the patella did not…"), or after a
 * bounded number of words. Pseudo-triggers ("no change", "without medication", "not only") are masked first so
 * they open no scope. A trigger inside the span itself is not counted: "not able to walk" is an inability,
 * not the negation of one.
 */

import { forEachMatch } from './matches.js';

export interface Assertion {
  readonly negated: boolean;
  readonly uncertain: boolean;
}

interface Scope {
  readonly from: number;
  readonly to: number;
  /** Pre-trigger scopes test the span's start; post-trigger scopes test its end. */
  readonly forward: boolean;
}

/** The triggers and scopes of one sentence; build once per sentence, query per span. */
export interface ScopeMap {
  readonly text: string;
  readonly negation: readonly Scope[];
  readonly uncertainty: readonly Scope[];
  /** Starts of "positive"/"present" words: a finding asserted right after it is not negated by an earlier "no". */
  readonly positives: readonly number[];
}

const PSEUDO =
  /\b(?:no (?:significant |interval |appreciable |real |further )?(?:change|increase|decrease|worsening|further|longer required)|not (?:only|just|necessarily|certain(?: if| whether)?|sure(?: if| whether)?|changed|significantly changed)|(?:with or |with and |and )?without (?:(?:the )?(?:use of )?(?:pain )?(?:medications?|meds|narcotics|opioids|contrast|dye|the brace|brace)|prescribed medications)|without (?:and with)|gram[- ]negative|no acute distress|not (?:been )?(?:medically necessary|certified|approved|authorized|recommended|supported|indicated|appropriate)|(?:un|non)-?certified|did not (?:attend|go)|no (?:more|less) than|not (?:explicitly |specifically )?stated|not (?:clearly )?documented whether|whether or not|cannot be (?:ruled out|excluded)|can't be ruled out|not (?:been )?ruled out)\b/gi;

const PRE_NEGATION =
  /\b(?:no(?! (?:more|less|\d))|not|never|none|neither|nor|without|denie[sd]|deny(?:ing)?|absence of|lack(?:s|ed|ing)? (?:of|any)|negative(?: for)?|free of|ruled out|rules out|resolution of|fails? to (?:reveal|show|demonstrate)|failed to (?:reveal|show|demonstrate)|unremarkable for|no longer)\b|\bnon-(?=(?:tender|radiat|antalgic|focal|radicular|painful|neurolog)\w*)/gi;

const POST_NEGATION =
  /\b(?:(?:was|were|is|are|has been|have been|had been|being)\s+(?:\w+\s+)?(?:negative|denied|absent|unremarkable|ruled out|resolved|not (?:present|seen|noted|found|appreciated|demonstrated|identified|detected|evident|observed|reported|documented))|(?:negative|absent|unremarkable|not present|ruled out|resolved)(?=\s*(?:[,.;:)]|bilaterally\b|on the\b|on both\b|both\b|in both\b|in the\b|at\b|and\b|$)))/gi;

const PRE_UNCERTAIN =
  /\b(?:possible|possibly|probable|probably|likely|unlikely|suspect(?:ed|s)?|suspicious (?:for|of)|questionable|question of|rule out|rule-out|to rule out|r\/o|may(?! be (?:recommended|appropriate))|might|concern(?:s|ing)? for|concerning for|consider(?:ed|ing)?|(?:to )?evaluate for|evaluation for|assess for|cannot rule out|can't rule out|cannot exclude|differential(?: diagnosis)? (?:includes?|of)|presum(?:ed|ptive)|whether|unclear|not clear|uncertain)(?=\W|$)/gi;

const POST_UNCERTAIN =
  /\b(?:(?:is|was|are|were) (?:suspected|possible|likely|questioned|questionable|presumed)|cannot be (?:ruled out|excluded)|not ruled out|is (?:a )?consideration)\b/gi;

/** Conjunctions and words that end every scope. */
const TERMINATOR =
  /[;)]|\b(?:but|however|although|though|yet|except|excepting|apart from|aside from|other than|whereas|nevertheless|nonetheless|which|who|secondary to|due to|because|since|as a result|with the exception of|while|whilst|then|therefore|thus|also)\b/gi;

/** Words that assert presence; they end a negation scope ("no swelling, positive Tinel's"). */
const POSITIVE_ASSERTION =
  /\b(?:positive|present|intact|normal|revealed|showed|demonstrated|notable for|significant for|remarkable for|reported|complain(?:s|ed)|endorse[sd]?|exhibit(?:s|ed)?)\b/gi;

const POSITIVE_WORD = /^(?:positive|present|intact|normal)$/i;
const POSITIVE_AFTER = /\b(?:positive|present)\b/gi;

/** A comma followed by these opens a new clause. */
const CLAUSE_OPENER =
  /^\s*(?:and |or )?(?:there\b|the\b|he\b|she\b|they\b|his\b|her\b|it\b|this\b|patient\b|injured\b|applicant\b|claimant\b|worker\b|positive\b|with positive\b|however\b|but\b|which\b|although\b|on\b|per\b|as\b|x-?rays?\b|mri\b|ct\b)/i;
/** "… and was …", "… and there …": a coordinated clause rather than a list item. */
const AND_CLAUSE =
  /\band\s+(?=(?:is|was|were|are|has|had|have|did|does|do|reported|complain\w*|stated|states|noted|showed|revealed|demonstrated|there|the|he|she|they|his|her|positive|decreased|diminished|reduced|limited|restricted|increased|painful|mild|moderate|severe)\b)|\bor\s+(?=(?:is|was|were|are|has|had|did|there|the patient|he|she|they)\b)/gi;
const VERB =
  /\b(?:is|was|were|are|has|had|have|did|does|showed|shows|revealed|reveals|demonstrated|noted|reported|complained|states|stated)\b/i;

/** Between a span and a following "positive": "SLR positive", "SLR was positive", "SLR test is also positive". */
const UP_TO_POSITIVE =
  /^[\s]*(?:(?:test|tests|testing|sign|signs|maneuver|exam|examination|was|were|is|are|also|all|noted|found|to be)\s+){0,4}$/i;

const MAX_FORWARD_WORDS = 12;
const MAX_BACKWARD_WORDS = 10;

interface Hit {
  readonly start: number;
  readonly end: number;
}

function hits(re: RegExp, text: string): Hit[] {
  const out: Hit[] = [];
  forEachMatch(re, text, (m) => {
    out.push({ start: m.index, end: m.index + m[0].length });
  });
  return out;
}

/** Post-triggers of uncertainty: the words, and "?" after a word ("radiculopathy?") found by hand (fast). */
function postUncertainHits(text: string): Hit[] {
  const out = hits(POST_UNCERTAIN, text);
  let q = text.indexOf('?');
  while (q !== -1) {
    if (q > 0 && /[A-Za-z)]/.test(text[q - 1] ?? '')) out.push({ start: q, end: q + 1 });
    q = text.indexOf('?', q + 1);
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Whether `h` overlaps a hit of `list`, the hits of one pattern (sorted, not overlapping each other, so their ends are sorted too). */
function overlaps(list: readonly Hit[], h: Hit): boolean {
  // the first hit that ends after h starts is the only one that can overlap it without a later one starting first
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as Hit).end > h.start) hi = mid;
    else lo = mid + 1;
  }
  const x = list[lo];
  return x !== undefined && x.start < h.end;
}

/** Index of the first hit of `sorted` (by start) that starts at or after `at`. */
function firstFrom(sorted: readonly Hit[], at: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as Hit).start >= at) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The first comma in [from, to), or -1: a search bounded by the scope, not by the sentence. */
function commaIn(text: string, from: number, to: number): number {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 44) return k;
  return -1;
}

/** The last comma in [floor, before], or -1. */
function commaBefore(text: string, before: number, floor: number): number {
  for (let k = before; k >= floor; k--) if (text.charCodeAt(k) === 44) return k;
  return -1;
}

function wordsIn(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const w = c > 32 && c !== 44;
    if (w && !inWord) n++;
    inWord = w;
  }
  return n;
}

/** Offset where `words` words after `from` end. */
function advanceWords(text: string, from: number, words: number): number {
  let n = 0;
  let inWord = false;
  for (let i = from; i < text.length; i++) {
    const w = text.charCodeAt(i) > 32;
    if (w && !inWord) {
      n++;
      if (n > words) return i;
    }
    inWord = w;
  }
  return text.length;
}

function retreatWords(text: string, to: number, words: number): number {
  let n = 0;
  let inWord = false;
  for (let i = to - 1; i >= 0; i--) {
    const w = text.charCodeAt(i) > 32;
    if (w && !inWord) {
      n++;
      if (n > words) return i + 1;
    }
    inWord = w;
  }
  return 0;
}

function forwardEnd(text: string, from: number, stops: readonly Hit[], positive: boolean): number {
  let end = Math.min(advanceWords(text, from, MAX_FORWARD_WORDS), text.length);
  // stops are sorted by start: look only at those inside the scope (a long sentence has many)
  for (let k = firstFrom(stops, from); k < stops.length; k++) {
    const s = stops[k] as Hit;
    if (s.start >= end) break;
    // "no positive findings": a stop word right after the trigger belongs to its object
    if (!(positive && s.start - from <= 1 && POSITIVE_WORD.test(text.slice(s.start, s.end)))) {
      end = s.start;
      break;
    }
  }
  // commas: continue into the next item of a list ("no swelling, erythema, or warmth") but not into a new
  // clause or a positive finding ("no deformity, tenderness of the trapezius")
  let i = commaIn(text, from, end);
  while (i !== -1 && i < end) {
    const nextComma = text.indexOf(',', i + 1);
    const segment = text.slice(i + 1, nextComma === -1 ? text.length : nextComma).replace(/[.;:!?]\s*$/, '');
    const rest = text.slice(i + 1, end);
    if (/\b(?:or|nor)\b/i.test(text.slice(from, i))) {
      end = i; // "no stiffness or splinting, tenderness …": the list closed before this comma
      break;
    }
    const closedList = /\b(?:or|nor)\b/i.test(rest);
    const short = wordsIn(segment.replace(/^\s*(?:and|or|nor)\s+/i, '')) <= 4;
    if (CLAUSE_OPENER.test(segment) || (positive && VERB.test(segment)) || !(closedList || short)) {
      end = i;
      break;
    }
    i = nextComma;
  }
  return end;
}

function backwardStart(text: string, to: number, stops: readonly Hit[], longestStop: number): number {
  let start = retreatWords(text, to, MAX_BACKWARD_WORDS);
  // the scope starts after the last stop that ends in it; stops are sorted by start, so only those starting
  // less than the longest stop's length before the scope can end inside it (a long sentence has many)
  for (let k = firstFrom(stops, start - longestStop); k < stops.length; k++) {
    const s = stops[k] as Hit;
    if (s.start >= to) break;
    if (s.end <= to && s.end > start) start = s.end;
  }
  // commas: the segment next to the trigger is the subject; earlier segments only when they are list items.
  // The searches stop at the scope's start (`lastIndexOf` from 0 would find a comma opening the text
  // again and again: that looped forever).
  let comma = commaBefore(text, to - 1, start);
  while (comma >= start) {
    const prev = commaBefore(text, comma - 1, start);
    const segStart = Math.max(prev + 1, start);
    const segment = text.slice(segStart, comma);
    const nearer = text.slice(comma + 1, to);
    const listLike = /^\s*(?:and |or )?[\w'’/-]+(?:\s+[\w'’/-]+){0,4}\s*$/.test(nearer) && !VERB.test(nearer);
    if (!listLike || VERB.test(segment) || wordsIn(segment) > 5) {
      start = comma + 1;
      break;
    }
    comma = prev;
  }
  return start;
}

function longest(hits: readonly Hit[]): number {
  let n = 0;
  for (const h of hits) if (h.end - h.start > n) n = h.end - h.start;
  return n;
}

/** Finds the negation and uncertainty scopes of a sentence (or any short text). */
interface Triggers {
  readonly preNeg: readonly Hit[];
  readonly postNeg: readonly Hit[];
  readonly preUnc: readonly Hit[];
  readonly postUnc: readonly Hit[];
}

const EMPTY: readonly Hit[] = [];

function build(text: string, t: Triggers, other: (re: RegExp) => readonly Hit[]): ScopeMap {
  if (t.preNeg.length + t.postNeg.length + t.preUnc.length + t.postUnc.length === 0) {
    return { text, negation: [], uncertainty: [], positives: [] };
  }
  const pseudo = other(PSEUDO);
  const terms = other(TERMINATOR);
  const hasNeg = t.preNeg.length + t.postNeg.length > 0;
  const positives = hasNeg ? other(POSITIVE_ASSERTION) : EMPTY;
  const andClauses = other(AND_CLAUSE);
  const uncertainStarts = t.preUnc.filter((h) => !overlaps(pseudo, h));
  const negStops = [...terms, ...positives, ...andClauses, ...uncertainStarts, ...t.preNeg].sort(
    (a, b) => a.start - b.start,
  );
  const uncStops = [...terms, ...andClauses].sort((a, b) => a.start - b.start);
  const longestNeg = longest(negStops);
  const longestUnc = longest(uncStops);
  const negation: Scope[] = [];
  const uncertainty: Scope[] = [];
  for (const h of t.preNeg) {
    if (overlaps(pseudo, h)) continue;
    negation.push({ from: h.end, to: forwardEnd(text, h.end, negStops, true), forward: true });
  }
  for (const h of t.postNeg) {
    if (overlaps(pseudo, h)) continue;
    negation.push({ from: backwardStart(text, h.start, negStops, longestNeg), to: h.start, forward: false });
  }
  for (const h of uncertainStarts) {
    uncertainty.push({ from: h.end, to: forwardEnd(text, h.end, uncStops, false), forward: true });
  }
  for (const h of t.postUnc) {
    uncertainty.push({ from: backwardStart(text, h.start, uncStops, longestUnc), to: h.start, forward: false });
  }
  const positiveStarts = negation.length > 0 ? other(POSITIVE_AFTER).map((h) => h.start) : [];
  return { text, negation, uncertainty, positives: positiveStarts };
}

/** Finds the negation and uncertainty scopes of a sentence (or any short text). */
export function scopeSentence(text: string): ScopeMap {
  const triggers: Triggers = {
    preNeg: hits(PRE_NEGATION, text),
    postNeg: hits(POST_NEGATION, text),
    preUnc: hits(PRE_UNCERTAIN, text),
    postUnc: postUncertainHits(text),
  };
  return build(text, triggers, (re) => hits(re, text));
}

/**
 * Scopes for every sentence of a document at once: each trigger pattern runs once over the whole text
 * (much cheaper than once per sentence), and the hits are shared out to the sentences.
 */
export function scopeSentences(
  text: string,
  sentences: readonly { readonly start: number; readonly end: number }[],
): ScopeMap[] {
  const scopeOf = sentenceScopes(text, sentences);
  return sentences.map((_, k) => scopeOf(k));
}

/**
 * The same, one sentence at a time: the trigger patterns run over the whole text on the first call, and
 * each sentence's scopes are worked out when first asked (a reader asks for the sentences it found
 * something in).
 */
export function sentenceScopes(
  text: string,
  sentences: readonly { readonly start: number; readonly end: number }[],
): (k: number) => ScopeMap {
  const split = (re: RegExp | ((text: string) => Hit[])): Hit[][] => {
    const out: Hit[][] = sentences.map(() => []);
    let k = 0;
    for (const h of typeof re === 'function' ? re(text) : hits(re, text)) {
      while (k < sentences.length && (sentences[k]?.end ?? 0) <= h.start) k++;
      const s = sentences[k];
      if (s === undefined) break;
      if (h.start >= s.start && h.end <= s.end) out[k]?.push({ start: h.start - s.start, end: h.end - s.start });
    }
    return out;
  };
  let triggers: { preNeg: Hit[][]; postNeg: Hit[][]; preUnc: Hit[][]; postUnc: Hit[][] } | undefined;
  const lazy = new Map<RegExp, Hit[][]>();
  const built: (ScopeMap | undefined)[] = [];
  return (k) => {
    const done = built[k];
    if (done !== undefined) return done;
    const s = sentences[k];
    if (s === undefined) throw new RangeError(`no sentence ${k}`);
    triggers ??= {
      preNeg: split(PRE_NEGATION),
      postNeg: split(POST_NEGATION),
      preUnc: split(PRE_UNCERTAIN),
      postUnc: split(postUncertainHits),
    };
    const other = (re: RegExp): readonly Hit[] => {
      let all = lazy.get(re);
      if (all === undefined) {
        all = split(re);
        lazy.set(re, all);
      }
      return all[k] ?? EMPTY;
    };
    const map = build(
      text.slice(s.start, s.end),
      {
        preNeg: triggers.preNeg[k] ?? EMPTY,
        postNeg: triggers.postNeg[k] ?? EMPTY,
        preUnc: triggers.preUnc[k] ?? EMPTY,
        postUnc: triggers.postUnc[k] ?? EMPTY,
      },
      other,
    );
    built[k] = map;
    return map;
  };
}

function covers(s: Scope, start: number, end: number): boolean {
  return s.forward ? start >= s.from && start < s.to : end > s.from && end <= s.to;
}

/** A sentence's scopes sorted by start, with the longest one's length: a span is looked up in a window. */
interface ScopeIndex {
  readonly byFrom: readonly Scope[];
  readonly longest: number;
}

/** Below this many scopes a plain pass is cheaper than building an index. */
const INDEX_FROM = 16;
const SCOPE_INDEX = new WeakMap<readonly Scope[], ScopeIndex>();

function inScope(scopes: readonly Scope[], start: number, end: number): boolean {
  if (scopes.length < INDEX_FROM) {
    for (const s of scopes) if (covers(s, start, end)) return true;
    return false;
  }
  // A scope covering the span starts no later than its end and no more than the longest scope before its start.
  let index = SCOPE_INDEX.get(scopes);
  if (index === undefined) {
    const byFrom = [...scopes].sort((a, b) => a.from - b.from);
    let longestScope = 0;
    for (const s of byFrom) if (s.to - s.from > longestScope) longestScope = s.to - s.from;
    index = { byFrom, longest: longestScope };
    SCOPE_INDEX.set(scopes, index);
  }
  const { byFrom } = index;
  const floor = start - index.longest;
  let lo = 0;
  let hi = byFrom.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((byFrom[mid] as Scope).from >= floor) hi = mid;
    else lo = mid + 1;
  }
  for (let k = lo; k < byFrom.length; k++) {
    const s = byFrom[k] as Scope;
    if (s.from > end) break;
    if (covers(s, start, end)) return true;
  }
  return false;
}

/** Whether the span [start, end) of the scoped sentence is negated or hedged. Offsets are sentence-relative. */
export function assertionOf(map: ScopeMap, start: number, end: number): Assertion {
  let negated = inScope(map.negation, start, end);
  if (negated) {
    // positives are sorted: the ones starting within 40 characters after the span
    const ps = map.positives;
    let lo = 0;
    let hi = ps.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((ps[mid] as number) >= end) hi = mid;
      else lo = mid + 1;
    }
    for (let k = lo; k < ps.length; k++) {
      const p = ps[k] as number;
      if (p - end >= 40) break;
      if (UP_TO_POSITIVE.test(map.text.slice(end, p))) {
        negated = false;
        break;
      }
    }
  }
  return { negated, uncertain: inScope(map.uncertainty, start, end) };
}

/** One-shot form: the assertion status of `sentence.slice(start, end)`. */
export function assertSpan(sentence: string, start: number, end: number): Assertion {
  return assertionOf(scopeSentence(sentence), start, end);
}
