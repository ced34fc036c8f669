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

import { CONTEXT_RULES } from './context-rules.js';
import {
  alternationOf,
  ContextCategory,
  type ContextRule,
  type ContextRuleSet,
  parseContextRules,
  ruleSource,
} from './context-schema.js';
import { forEachMatch } from './matches.js';

export interface Assertion {
  readonly negated: boolean;
  readonly uncertain: boolean;
  /** Conditional or not yet done: "if symptoms persist", "would consider surgery". */
  readonly hypothetical: boolean;
  /** In the past: "history of", "previously", "in 2014". */
  readonly historical: boolean;
  /** About a relative, not the patient: "family history of", "her mother had". */
  readonly family: boolean;
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
  readonly hypothetical: readonly Scope[];
  readonly historical: readonly Scope[];
  readonly family: readonly Scope[];
}

const RULES: ContextRuleSet = parseContextRules(CONTEXT_RULES);

/** One pattern per distinct rule list, so the same list shares one pattern (and one cached search per document). */
const PATTERNS = new Map<string, RegExp>();
function patternOf(rules: readonly ContextRule[]): RegExp {
  const key = rules.map(ruleSource).join('\u0000');
  let re = PATTERNS.get(key);
  if (re === undefined) {
    re = alternationOf(rules);
    PATTERNS.set(key, re);
  }
  return re;
}

const covering = (r: ContextRule, c: ContextCategory): boolean =>
  r.categories === undefined || r.categories.includes(c);
const CATEGORIES = ContextCategory.options;
const triggersOf = (
  c: ContextCategory,
  side: 'forward' | 'backward',
  documentation = false,
  list: boolean | undefined = undefined,
): RegExp =>
  patternOf(
    RULES.rules.filter(
      (r) =>
        r.category === c &&
        (r.direction === side || r.direction === 'bidirectional') &&
        (r.documentation === true) === documentation &&
        (list === undefined || (r.list === true) === list),
    ),
  );

/** Per category: its pre-triggers (forward scope), post-triggers (backward scope), pseudo-triggers and terminators. */
interface CategoryPatterns {
  readonly pre: RegExp;
  readonly post: RegExp;
  readonly pseudo: RegExp;
  readonly stop: RegExp;
  readonly forwardWords: number;
  readonly backwardWords: number;
}

const BY_CATEGORY = Object.fromEntries(
  CATEGORIES.map((c) => [
    c,
    {
      pre: triggersOf(c, 'forward', false, false),
      post: triggersOf(c, 'backward'),
      pseudo: patternOf(RULES.rules.filter((r) => r.direction === 'pseudo' && covering(r, c))),
      stop: patternOf(
        RULES.rules.filter((r) => r.direction === 'terminate' && r.affirmation !== true && covering(r, c)),
      ),
      forwardWords: RULES.scope[c]?.forward ?? 12,
      backwardWords: RULES.scope[c]?.backward ?? 10,
    },
  ]),
) as Record<ContextCategory, CategoryPatterns>;

const NEGATION = BY_CATEGORY.NEGATED_EXISTENCE;
const POSSIBILITY = BY_CATEGORY.POSSIBLE_EXISTENCE;
/** Negations of what the record documents ("no documentation of", "failed to indicate"): affirmations do not end them. */
const DOC_NEGATION = triggersOf('NEGATED_EXISTENCE', 'forward', true);
/** Negations that open a list ("denies numbness, tingling, or weakness"): their scope runs to the list's end. */
const LIST_NEGATION = triggersOf('NEGATED_EXISTENCE', 'forward', false, true);
/** Words that assert presence; they end a negation scope ("no swelling, positive Tinel's"). */
const POSITIVE_ASSERTION = patternOf(RULES.rules.filter((r) => r.direction === 'terminate' && r.affirmation === true));
/** The categories that only mark a scope (no special grammar): hypothetical, historical, family. */
const MARKERS = ['HYPOTHETICAL', 'HISTORICAL', 'FAMILY'] as const satisfies readonly ContextCategory[];
type Marker = (typeof MARKERS)[number];

const POSITIVE_WORD = /^(?:positive|present|intact|normal)$/i;
const POSITIVE_AFTER = /\b(?:positive|present)\b/gi;

/** A comma followed by these opens a new clause. */
const CLAUSE_OPENER =
  /^\s*(?:and |or )?(?:there\b|the\b|he\b|she\b|they\b|his\b|her\b|it\b|this\b|patient\b|injured\b|applicant\b|claimant\b|worker\b|positive\b|with positive\b|however\b|but\b|which\b|although\b|on\b|per\b|as\b|x-?rays?\b|mri\b|ct\b)/i;
const VERB =
  /\b(?:is|was|were|are|has|had|have|did|does|showed|shows|revealed|reveals|demonstrated|noted|reported|complained|states|stated)\b/i;

/** Between a span and a following "positive": "SLR positive", "SLR was positive", "SLR test is also positive". */
const UP_TO_POSITIVE =
  /^[\s]*(?:(?:test|tests|testing|sign|signs|maneuver|exam|examination|was|were|is|are|also|all|noted|found|to be)\s+){0,4}$/i;

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

function forwardEnd(text: string, from: number, stops: readonly Hit[], positive: boolean, words: number): number {
  let end = Math.min(advanceWords(text, from, words), text.length);
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

/** Whether a stop starts in [from, to). */
function stopIn(stops: readonly Hit[], from: number, to: number): boolean {
  const s = stops[firstFrom(stops, from)];
  return s !== undefined && s.start < to;
}

/** Words an item of a denied list may have ("shortness of breath", "numbness in the right hand"). */
const LIST_ITEM_WORDS = 5;
const LIST_LEAD = /^\s*(?:and|or|nor)\s+/i;

/**
 * The end of a scope opened by a list negation ("denies headaches, dizziness, …, or weakness"): when the
 * ordinary scope reaches the list's first comma, it runs on over every item — a few words without a verb,
 * a stop or a new clause — to the item after the closing "and"/"or", or to the sentence's end. A list that
 * stops short of either is no list (the comma opened a new clause) and the ordinary scope stands; so does
 * one whose first item holds "or" ("no swelling or redness, tenderness over …") unless an "and"/"or" item
 * closes it.
 */
function listEnd(text: string, from: number, stops: readonly Hit[], base: number): number {
  let limit = text.length;
  for (let k = from; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 59 || c === 58) {
      limit = k; // ';' ':'
      break;
    }
  }
  const first = commaIn(text, from, limit);
  if (first === -1 || base < first) return base;
  const orInFirst = /\b(?:or|nor)\b/i.test(text.slice(from, first));
  let end = first;
  let closed = false;
  let i = first;
  while (i !== -1) {
    const next = commaIn(text, i + 1, limit);
    const segEnd = next === -1 ? limit : next;
    const raw = text.slice(i + 1, segEnd);
    const lead = LIST_LEAD.exec(raw)?.[0].length ?? 0;
    const item = raw.slice(lead).replace(/[.!?\s]+$/, '');
    const words = wordsIn(item);
    if (
      words === 0 ||
      words > LIST_ITEM_WORDS ||
      VERB.test(item) ||
      CLAUSE_OPENER.test(raw) ||
      stopIn(stops, i + 1 + lead, segEnd)
    )
      break;
    end = segEnd;
    if (lead > 0) {
      closed = true;
      break;
    }
    i = next;
  }
  const toTheEnd = end === limit;
  if (!(closed || toTheEnd) || (orInFirst && !closed)) return base;
  return Math.max(base, end);
}

function backwardStart(text: string, to: number, stops: readonly Hit[], longestStop: number, words: number): number {
  let start = retreatWords(text, to, words);
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

/** A category's pre-triggers (forward scopes) and post-triggers (backward scopes) in one sentence. */
interface Pair {
  readonly pre: readonly Hit[];
  readonly post: readonly Hit[];
}

/** The triggers of one sentence, per category; negation's documentation triggers apart. */
interface Triggers {
  readonly negation: Pair;
  readonly documentation: readonly Hit[];
  /** Negations that open a list ("denies …, …, or …"). */
  readonly lists: readonly Hit[];
  readonly possibility: Pair;
  readonly markers: Readonly<Record<Marker, Pair>>;
}

const EMPTY: readonly Hit[] = [];
const NO_SCOPES: readonly Scope[] = [];

function count(p: Pair): number {
  return p.pre.length + p.post.length;
}

const byStart = (a: Hit, b: Hit): number => a.start - b.start;

/** Whether only punctuation (and a section header: "Plan: if …") comes before `at`. */
const OPENING = /^[^A-Za-z0-9]*(?:[A-Za-z][A-Za-z /&-]{0,40}:[^A-Za-z0-9]*)?$/;
function opensSentence(text: string, at: number): boolean {
  return at <= 64 && OPENING.test(text.slice(0, at));
}

/** A forward scope without the comma grammar: to the first stop or the word limit. */
function forwardReach(text: string, from: number, stops: readonly Hit[], words: number): number {
  const end = Math.min(advanceWords(text, from, words), text.length);
  const k = firstFrom(stops, from);
  const s = stops[k];
  return s !== undefined && s.start < end ? s.start : end;
}

/** Scopes of a category with no grammar of its own: forward to a terminator, backward to one. */
function markerScopes(text: string, p: Pair, c: Marker, other: (re: RegExp) => readonly Hit[]): readonly Scope[] {
  if (count(p) === 0) return NO_SCOPES;
  const pat = BY_CATEGORY[c];
  const pseudo = other(pat.pseudo);
  const stops = other(pat.stop);
  const longestStop = longest(stops);
  const out: Scope[] = [];
  for (const h of p.pre) {
    if (overlaps(pseudo, h)) continue;
    // "If the pain persists, she would be a candidate for surgery", "Previously, the numbness improved":
    // a trigger that opens the sentence governs its main clause too, so its scope runs past the comma (to
    // a terminator or its reach).
    const to = opensSentence(text, h.start)
      ? forwardReach(text, h.end, stops, pat.forwardWords)
      : forwardEnd(text, h.end, stops, false, pat.forwardWords);
    out.push({ from: h.end, to, forward: true });
  }
  for (const h of p.post) {
    if (overlaps(pseudo, h)) continue;
    out.push({
      from: backwardStart(text, h.start, stops, longestStop, pat.backwardWords),
      to: h.start,
      forward: false,
    });
  }
  return out;
}

function build(text: string, t: Triggers, other: (re: RegExp) => readonly Hit[]): ScopeMap {
  const markers = {
    hypothetical: markerScopes(text, t.markers.HYPOTHETICAL, 'HYPOTHETICAL', other),
    historical: markerScopes(text, t.markers.HISTORICAL, 'HISTORICAL', other),
    family: markerScopes(text, t.markers.FAMILY, 'FAMILY', other),
  };
  if (count(t.negation) + t.documentation.length + t.lists.length + count(t.possibility) === 0) {
    return { text, negation: NO_SCOPES, uncertainty: NO_SCOPES, positives: [], ...markers };
  }
  const pseudo = other(NEGATION.pseudo);
  const uncPseudo = other(POSSIBILITY.pseudo);
  const negTerms = other(NEGATION.stop);
  const hasNeg = count(t.negation) + t.documentation.length + t.lists.length > 0;
  const positives = hasNeg ? other(POSITIVE_ASSERTION) : EMPTY;
  const uncertainStarts = t.possibility.pre.filter((h) => !overlaps(uncPseudo, h));
  const triggerStops = [...uncertainStarts, ...t.negation.pre, ...t.lists, ...t.documentation];
  const negStops = [...negTerms, ...positives, ...triggerStops].sort(byStart);
  const docStops = positives.length === 0 ? negStops : [...negTerms, ...triggerStops].sort(byStart);
  const uncStops = other(POSSIBILITY.stop);
  const longestNeg = longest(negStops);
  const longestUnc = longest(uncStops);
  const negation: Scope[] = [];
  const uncertainty: Scope[] = [];
  for (const h of t.negation.pre) {
    if (overlaps(pseudo, h)) continue;
    negation.push({ from: h.end, to: forwardEnd(text, h.end, negStops, true, NEGATION.forwardWords), forward: true });
  }
  for (const h of t.lists) {
    if (overlaps(pseudo, h)) continue;
    const base = forwardEnd(text, h.end, negStops, true, NEGATION.forwardWords);
    negation.push({ from: h.end, to: listEnd(text, h.end, negStops, base), forward: true });
  }
  for (const h of t.documentation) {
    if (overlaps(pseudo, h)) continue;
    negation.push({
      from: h.end,
      to: forwardEnd(text, h.end, docStops, true, RULES.documentationScope),
      forward: true,
    });
  }
  for (const h of t.negation.post) {
    if (overlaps(pseudo, h)) continue;
    negation.push({
      from: backwardStart(text, h.start, negStops, longestNeg, NEGATION.backwardWords),
      to: h.start,
      forward: false,
    });
  }
  for (const h of uncertainStarts) {
    uncertainty.push({
      from: h.end,
      to: forwardEnd(text, h.end, uncStops, false, POSSIBILITY.forwardWords),
      forward: true,
    });
  }
  for (const h of t.possibility.post) {
    if (overlaps(uncPseudo, h)) continue;
    uncertainty.push({
      from: backwardStart(text, h.start, uncStops, longestUnc, POSSIBILITY.backwardWords),
      to: h.start,
      forward: false,
    });
  }
  const positiveStarts = negation.length > 0 ? other(POSITIVE_AFTER).map((h) => h.start) : [];
  return { text, negation, uncertainty, positives: positiveStarts, ...markers };
}

function triggersFrom(found: (re: RegExp) => readonly Hit[]): Triggers {
  const pair = (c: ContextCategory): Pair => ({ pre: found(BY_CATEGORY[c].pre), post: found(BY_CATEGORY[c].post) });
  return {
    negation: pair('NEGATED_EXISTENCE'),
    documentation: found(DOC_NEGATION),
    lists: found(LIST_NEGATION),
    possibility: pair('POSSIBLE_EXISTENCE'),
    markers: { HYPOTHETICAL: pair('HYPOTHETICAL'), HISTORICAL: pair('HISTORICAL'), FAMILY: pair('FAMILY') },
  };
}

/** Finds the context scopes of a sentence (or any short text). */
export function scopeSentence(text: string): ScopeMap {
  const memo = new Map<RegExp, Hit[]>();
  const found = (re: RegExp): Hit[] => {
    let h = memo.get(re);
    if (h === undefined) {
      h = hits(re, text);
      memo.set(re, h);
    }
    return h;
  };
  return build(text, triggersFrom(found), found);
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
 * The same, one sentence at a time: each pattern runs over the whole text when first needed, and each
 * sentence's scopes are worked out when first asked (a reader asks for the sentences it found something in).
 */
export function sentenceScopes(
  text: string,
  sentences: readonly { readonly start: number; readonly end: number }[],
): (k: number) => ScopeMap {
  const split = (re: RegExp): Hit[][] => {
    const out: Hit[][] = sentences.map(() => []);
    let k = 0;
    for (const h of hits(re, text)) {
      while (k < sentences.length && (sentences[k]?.end ?? 0) <= h.start) k++;
      const s = sentences[k];
      if (s === undefined) break;
      if (h.start >= s.start && h.end <= s.end) out[k]?.push({ start: h.start - s.start, end: h.end - s.start });
    }
    return out;
  };
  const lazy = new Map<RegExp, Hit[][]>();
  const inSentence = (re: RegExp, k: number): readonly Hit[] => {
    let all = lazy.get(re);
    if (all === undefined) {
      all = split(re);
      lazy.set(re, all);
    }
    return all[k] ?? EMPTY;
  };
  const built: (ScopeMap | undefined)[] = [];
  return (k) => {
    const done = built[k];
    if (done !== undefined) return done;
    const s = sentences[k];
    if (s === undefined) throw new RangeError(`no sentence ${k}`);
    const found = (re: RegExp): readonly Hit[] => inSentence(re, k);
    const map = build(text.slice(s.start, s.end), triggersFrom(found), found);
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
  return {
    negated,
    uncertain: inScope(map.uncertainty, start, end),
    hypothetical: inScope(map.hypothetical, start, end),
    historical: inScope(map.historical, start, end),
    family: inScope(map.family, start, end),
  };
}

/** One-shot form: the assertion status of `sentence.slice(start, end)`. */
export function assertSpan(sentence: string, start: number, end: number): Assertion {
  return assertionOf(scopeSentence(sentence), start, end);
}
