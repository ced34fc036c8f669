import {
  alternation,
  BODY_PARTS,
  DRUG_CLASS_RE,
  DRUG_RE,
  drugClassOfMatch,
  drugOfMatch,
  MODALITIES,
  matchedValue,
} from './lexicon.js';
import { forEachMatch } from './matches.js';
import { type Assertion, assertionOf, type ScopeMap, sentenceScopes } from './negation.js';
import { restatedSource } from './sources.js';
import { CLINICAL_SOURCE, type Fact, type FactKind, type FactSource, type Sentence } from './types.js';

/** A stretch of the text and who wrote it (offsets into the caller's text). */
export interface SourceSpan {
  readonly start: number;
  readonly end: number;
  readonly source: FactSource;
}

/** The source of a text whose parts are not given. */
const DEFAULT_SOURCE: FactSource = 'medical-record';

/** Who states a sentence: the record as summarized, the plan or request, or the utilization review. */
export type Context = 'record' | 'plan' | 'review';

export interface Mention {
  /** Absolute offsets into the document text. */
  readonly start: number;
  readonly end: number;
  readonly value: string;
  /** Drug class, for drug mentions. */
  readonly drugClass?: string;
}

const PLAN_CUE =
  /\b(?:treatment plan|plan of care|(?:the )?plan (?:is|was|includes?|included|consisted)|recommend\w*|request(?:ed|s|ing)?\b|RFA\b|request for authorization|scheduled|ordered|order(?:ing)? (?:an? )?|propos\w+|to rule out|rule out|will\b|would\b|referr?al|refer(?:red)? (?:to|for)|sought|pursu\w+|intent on|candidate for|pending|awaiting|to undergo|to receive|to start|to begin|to continue|prescription to refill|advised)/i;
/** Plan cues that open a list of plan items, which semicolons separate. */
const PLAN_LIST_LEAD = /^(?:treatment plan|plan of care|(?:the )?plan\b|recommend)/i;
const CLAUSE_PLAN_CUE =
  /\b(?:recommend\w*|request\w*|plan(?:s|ned)?\b|will\b|would\b|to (?:start|begin|undergo|receive|try|attend|rule out)|scheduled|ordered|propos\w+|pending|awaiting|pursu\w+|intend\w*|sought|referr?al|candidate|consider\w*|authoriz\w+|RFA\b|appeal\w*|(?<!as )needs?\b|requir\w+|warrant\w*|prescri(?:be|bing)\b|rule out)/i;

const BODY = alternation(BODY_PARTS);
const MODALITY = alternation(MODALITIES);
const SIDE =
  /\b(?:(left|lt\.?)|(right|rt\.?)|(bilateral(?:ly)?|both|bilat\.?|b\/l))\b(?:\s+(?:greater|worse)\s+than\s+(?:left|right))?/gi;

const MAX_EVIDENCE = 320;
/** A clause longer than this on either side of a span is cut there (run-on text without punctuation). */
const MAX_SEGMENT = 240;
/** Words between a finding and the body part it is about. */
const POINTS_TO =
  /^\s*(?:(?:the\s+)?(?:\w+\s+)?(?:aspect|side|portion|region|area|edge|border)\s+of\s+)?(?:(?:was|were|is|are|noted|found|present|appreciated|elicited|positive|negative|mildly|moderately|severely|mild|moderate|severe|decreased|limited|restricted|bilaterally|medially|laterally|and painful|to palpation|on palpation|upon palpation|with palpation)\s+){0,3}(?:of|to|in|at|over|about|along|on|around|throughout|into|down|for|within|across)\s+(?:(?:the|both|his|her|their|a|an|all|bilateral|left|right|upper|lower|posterior|anterior|medial|lateral|distal|proximal)\s+){0,3}$/i;
const COORDINATED_CLAUSE =
  /\b(?:and|but|then)\s+(?=(?:will|would|plans?|planned|recommended|requested|ordered|referred|scheduled|is to|was to)\b)/gi;

function collect(
  re: RegExp,
  text: string,
  offset: number,
  value: (m: RegExpMatchArray) => string | undefined,
): Mention[] {
  const out: Mention[] = [];
  forEachMatch(re, text, (m) => {
    const v = value(m);
    if (v !== undefined) out.push({ start: offset + m.index, end: offset + m.index + m[0].length, value: v });
  });
  return out;
}

interface SentenceCache {
  context?: Context;
  source?: FactSource;
  /** Offset of the first plan cue in the sentence text, -1 for none. */
  firstPlanCue?: number;
  /** Offset of the first semicolon after that cue, -1 for none. */
  semicolonAfterCue?: number;
}

export interface EmitFields {
  value?: string | number | boolean;
  qualifier?: string;
  count?: number;
  date?: string;
  bodyPart?: string;
  side?: 'left' | 'right' | 'bilateral';
  range?: { low: number; high: number };
  /** Overrides the scope-based assertion. */
  negated?: boolean;
  uncertain?: boolean;
  /** Evidence bounds (absolute) instead of the clause around the span. */
  evidence?: readonly [number, number];
  context?: Context;
}

/** A text split into sentences, with per-sentence caches and the facts found so far. */
export class ClinicalDoc {
  readonly text: string;
  readonly sentences: readonly Sentence[];
  readonly facts: Fact[] = [];
  private readonly cache: SentenceCache[];
  private readonly seen = new Set<string>();
  private readonly byKind: Partial<Record<'bodies' | 'sides' | 'modalities', Mention[][]>> = {};
  private drugs: Mention[] | undefined;
  private scopes: ((i: number) => ScopeMap) | undefined;
  private gateWords: GateWords | undefined;
  private lastSegment: { i: number; start: number; end: number; bounds: readonly [number, number] } | undefined;
  /** Per pattern, per sentence: 1 when the pattern occurs in the sentence, 0 when not, undefined until asked. */
  private readonly sentenceTests = new Map<RegExp, (0 | 1 | undefined)[]>();

  /** The caller's text: evidence offsets and quotes refer to it. */
  readonly original: string;
  private readonly toOrig: Int32Array | undefined;
  /** Per sentence, the source of the part it lies in. */
  private readonly partSources: readonly FactSource[];

  /**
   * `original` is the caller's text and `sentences` its sentences (offsets into `original`). Detectors see
   * `text`, the same text with every run of whitespace (line wraps, blank lines of double-spaced copies, form
   * feeds) made one space, so patterns need not allow for wrapping; evidence is mapped back to `original`.
   */
  constructor(original: string, sentences: readonly Sentence[], parts: readonly SourceSpan[] = []) {
    this.original = original;
    this.partSources = partSourcesOf(sentences, parts);
    const n = normalizeSpace(original);
    this.text = n.text;
    this.toOrig = n.toOrig;
    const fromOrig = n.fromOrig;
    this.sentences =
      fromOrig === undefined
        ? sentences
        : sentences.map((s) => {
            const start = fromOrig[s.start] ?? 0;
            const end = (fromOrig[s.end - 1] ?? start) + 1;
            const text = n.text.slice(start, end);
            return s.section === undefined ? { text, start, end } : { text, start, end, section: s.section };
          });
    this.cache = sentences.map(() => ({}));
  }

  /** Offsets in `text` to offsets in `original`. */
  private orig(start: number, end: number): readonly [number, number] {
    if (this.toOrig === undefined) return [start, end];
    const a = this.toOrig[start] ?? this.original.length;
    const b = end > start ? (this.toOrig[end - 1] ?? a) + 1 : a;
    return [a, b];
  }

  /** Index of the sentence containing [start, end), or -1 when the span crosses a boundary or lies outside. */
  sentenceAt(start: number, end = start + 1): number {
    let lo = 0;
    let hi = this.sentences.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = this.sentences[mid];
      if (s === undefined) break;
      if (start < s.start) hi = mid - 1;
      else if (start >= s.end) lo = mid + 1;
      else return end <= s.end ? mid : -1;
    }
    return -1;
  }

  sentence(i: number): Sentence {
    const s = this.sentences[i];
    if (s === undefined) throw new RangeError(`no sentence ${i}`);
    return s;
  }

  private c(i: number): SentenceCache {
    const c = this.cache[i];
    if (c === undefined) throw new RangeError(`no sentence ${i}`);
    return c;
  }

  scope(i: number): ScopeMap {
    this.scopes ??= sentenceScopes(this.text, this.sentences);
    return this.scopes(i);
  }

  /**
   * Who states sentence `i`: the source of its part, or, in a clinical part, the review or application it
   * restates ("the request was non-certified…").
   */
  source(i: number): FactSource {
    const c = this.c(i);
    if (c.source === undefined) {
      const part = this.partSources[i] ?? DEFAULT_SOURCE;
      c.source = CLINICAL_SOURCE[part] ? (restatedSource(this.sentence(i).text) ?? part) : part;
    }
    return c.source;
  }

  /** 'review' for a sentence a non-clinical source states; else 'plan' for plan wording; else 'record'. */
  context(i: number): Context {
    const c = this.c(i);
    if (c.context === undefined) {
      const s = this.sentence(i);
      const section = s.section;
      if (!CLINICAL_SOURCE[this.source(i)]) c.context = 'review';
      else if (section === 'plan' || PLAN_CUE.test(s.text)) c.context = 'plan';
      else c.context = 'record';
    }
    return c.context;
  }

  /**
   * Whether `re` (not global) occurs in sentence `i`, asked once per sentence: detectors ask it for each
   * match, and a long sentence with many matches made that quadratic.
   */
  sentenceHas(re: RegExp, i: number): boolean {
    let row = this.sentenceTests.get(re);
    if (row === undefined) {
      row = new Array<0 | 1 | undefined>(this.sentences.length);
      this.sentenceTests.set(re, row);
    }
    let v = row[i];
    if (v === undefined) {
      v = re.test(this.sentence(i).text) ? 1 : 0;
      row[i] = v;
    }
    return v === 1;
  }

  assertion(i: number, start: number, end: number): Assertion {
    const s = this.sentence(i);
    return assertionOf(this.scope(i), start - s.start, end - s.start);
  }

  /** The comma/semicolon-bounded segment around [start, end) within its sentence (absolute offsets). */
  segment(i: number, start: number, end: number): readonly [number, number] {
    // detectors ask for the same span's segment several times in a row (context, body part, side)
    const last = this.lastSegment;
    if (last !== undefined && last.i === i && last.start === start && last.end === end) return last.bounds;
    const s = this.sentence(i);
    const t = this.text;
    const lo = Math.max(s.start, start - MAX_SEGMENT);
    const hi = Math.min(s.end, end + MAX_SEGMENT);
    let a = start;
    // back to ',' ';' ':' '(' and on to ',' ';' ':' ')'
    for (let c = t.charCodeAt(a - 1); a > lo && c !== 44 && c !== 59 && c !== 58 && c !== 40; c = t.charCodeAt(a - 1))
      a--;
    let b = end;
    for (let c = t.charCodeAt(b); b < hi && c !== 44 && c !== 59 && c !== 58 && c !== 41; c = t.charCodeAt(b)) b++;
    const bounds = [a, b] as const;
    this.lastSegment = { i, start, end, bounds };
    return bounds;
  }

  /** Whether the segment around the span holds plan wording ("recommended", "will", "requested"). */
  planned(i: number, start: number, end: number): boolean {
    const [a, b] = this.segment(i, start, end);
    return CLAUSE_PLAN_CUE.test(this.text.slice(a, b));
  }

  /** Evidence bounds: the sentence, or for long sentences the clause (semicolons, then commas) around the span. */
  evidence(i: number, start: number, end: number): readonly [number, number] {
    const s = this.sentence(i);
    if (s.end - s.start <= MAX_EVIDENCE) return [s.start, s.end];
    const t = this.text;
    const cut = (chars: string, lo: number, hi: number): [number, number] => {
      let a = start;
      const floor = Math.max(lo, start - MAX_EVIDENCE);
      while (a > floor && !chars.includes(t[a - 1] ?? '')) a--;
      let b = end;
      const ceiling = Math.min(hi, end + MAX_EVIDENCE);
      while (b < ceiling && !chars.includes(t[b] ?? '')) b++;
      return [a, b];
    };
    let [a, b] = cut(';', s.start, s.end);
    if (b - a > MAX_EVIDENCE) {
      [a, b] = cut(',;', a, b);
      // widen short comma clauses by one neighbour on each side
      if (b - a < 80) {
        const left = t.lastIndexOf(',', a - 2);
        const right = t.indexOf(',', b + 1);
        if (left >= s.start && a - left < 120) a = left + 1;
        if (right !== -1 && right < s.end && right - b < 120) b = right;
      }
    }
    while (a < b && /\s/.test(t[a] ?? '')) a++;
    while (b > a && /[\s,;]/.test(t[b - 1] ?? '')) b--;
    return a < b ? [a, b] : [start, end];
  }

  private docMentions(key: 'bodies' | 'sides' | 'modalities'): Mention[][] {
    const cached = this.byKind[key];
    if (cached !== undefined) return cached;
    const t = this.text;
    let found: Mention[];
    if (key === 'bodies') found = collect(BODY.re, t, 0, (m) => matchedValue(BODY, m));
    else if (key === 'sides') {
      found = collect(SIDE, t, 0, (m) =>
        m[0].includes(' than ') || m[3] !== undefined ? 'bilateral' : m[1] !== undefined ? 'left' : 'right',
      );
    } else {
      const mods = collect(MODALITY.re, t, 0, (m) => matchedValue(MODALITY, m));
      // a named drug is more specific than the word "medications" around it, but a procedure that names its
      // drug ("Synvisc injections", "Toradol injection") is more specific than the drug
      const procedures = mods.filter((m) => m.value !== 'medications');
      const drugs = this.drugMentions().filter((d) => !insideLonger(procedures, d));
      found = dropOverlaps([...drugs, ...mods.filter((m) => !overlapsSorted(drugs, m.start, m.end))]);
    }
    const buckets: Mention[][] = this.sentences.map(() => []);
    for (const m of found) {
      const i = this.sentenceAt(m.start, m.end);
      if (i !== -1) buckets[i]?.push(m);
    }
    this.byKind[key] = buckets;
    return buckets;
  }

  /** Drug names and drug classes in the whole text (names win over overlapping classes). */
  drugMentions(): Mention[] {
    if (this.drugs !== undefined) return this.drugs;
    const t = this.text;
    const names: Mention[] = [];
    DRUG_RE.lastIndex = 0;
    for (const m of t.matchAll(DRUG_RE)) {
      const d = drugOfMatch(m);
      if (d !== undefined)
        names.push({ start: m.index, end: m.index + m[0].length, value: d.generic, drugClass: d.drugClass });
    }
    const classes: Mention[] = [];
    DRUG_CLASS_RE.lastIndex = 0;
    for (const m of t.matchAll(DRUG_CLASS_RE)) {
      const d = drugClassOfMatch(m);
      const start = m.index;
      const end = start + m[0].length;
      if (d !== undefined && !overlapsSorted(names, start, end))
        classes.push({ start, end, value: d.generic, drugClass: d.drugClass });
    }
    this.drugs = [...names, ...classes].sort((a, b) => a.start - b.start);
    return this.drugs;
  }

  private mentions(i: number, key: 'bodies' | 'sides' | 'modalities'): Mention[] {
    return this.docMentions(key)[i] ?? [];
  }

  bodyParts(i: number): Mention[] {
    return this.mentions(i, 'bodies');
  }
  modalities(i: number): Mention[] {
    return this.mentions(i, 'modalities');
  }

  /** The mention nearest to the span: within its segment first, then within the sentence. */
  nearest(
    i: number,
    key: 'bodies' | 'sides' | 'modalities',
    start: number,
    end: number,
    sentenceWide = true,
  ): Mention | undefined {
    const all = this.mentions(i, key);
    if (all.length === 0) return undefined;
    const [a, b] = this.segment(i, start, end);
    const pick = (list: readonly Mention[]): Mention | undefined => {
      let best: Mention | undefined;
      let bestD = Number.POSITIVE_INFINITY;
      for (const m of list) {
        if (m.start < end && start < m.end && key !== 'modalities') return m;
        const d = m.end <= start ? start - m.end : m.start >= end ? m.start - end : 0;
        if (d < bestD) {
          bestD = d;
          best = m;
        }
      }
      return best;
    };
    const inSegment = all.filter((m) => m.start >= a && m.end <= b);
    const got = pick(inSegment);
    if (got !== undefined || !sentenceWide) return got;
    return pick(all);
  }

  /**
   * The body part a finding is about: one inside the span, else one it points to ("tenderness over the
   * right shoulder", "range of motion of the lumbar spine"), else the nearest before it in its clause,
   * else (when `sentenceWide`) the nearest in the sentence.
   */
  bodyPartNear(i: number, start: number, end: number, sentenceWide = true): string | undefined {
    const all = this.mentions(i, 'bodies');
    if (all.length === 0) return undefined;
    const inside = all.find((m) => m.start >= start && m.end <= end);
    if (inside !== undefined) return inside.value;
    const t = this.text;
    const pointed = all.find((m) => m.start >= end && m.start - end <= 60 && POINTS_TO.test(t.slice(end, m.start)));
    if (pointed !== undefined) return pointed.value;
    const [a] = this.segment(i, start, end);
    const before = all.filter((m) => m.end <= start && m.start >= a);
    const last = before[before.length - 1];
    if (last !== undefined) return last.value;
    return this.nearest(i, 'bodies', start, end, sentenceWide)?.value;
  }

  /** A body part written as part of the phrase: inside it, pointed to ("of the knee"), or just before it ("knee MRI"). */
  bodyPartAttached(i: number, start: number, end: number): string | undefined {
    const all = this.mentions(i, 'bodies');
    const t = this.text;
    const inside = all.find((m) => m.start >= start && m.end <= end);
    if (inside !== undefined) return inside.value;
    const pointed = all.find((m) => m.start >= end && m.start - end <= 40 && POINTS_TO.test(t.slice(end, m.start)));
    if (pointed !== undefined) return pointed.value;
    const before = all.filter(
      (m) => m.end <= start && start - m.end <= 25 && !/[,;:()]|\band\b|\bor\b/.test(t.slice(m.end, start)),
    );
    return before[before.length - 1]?.value;
  }

  /**
   * Laterality of the span: a side word in its clause within a few words ("positive on the left", "right
   * knee effusion", "… bilaterally"), or the side written before the body part it points to ("tenderness over
   * the anterolateral aspect of the right shoulder").
   */
  sideNear(i: number, start: number, end: number, sentenceWide = false): 'left' | 'right' | 'bilateral' | undefined {
    const all = this.mentions(i, 'sides');
    if (all.length === 0) return undefined;
    const [a, b] = this.segment(i, start, end);
    let best: Mention | undefined;
    let bestD = Number.POSITIVE_INFINITY;
    for (const m of all) {
      const inSeg = m.start >= a && m.end <= b;
      if (!inSeg && !sentenceWide) continue;
      const d = m.end <= start ? start - m.end : m.start >= end ? m.start - end : 0;
      const limit = m.value === 'bilateral' && m.start >= end ? 90 : 45;
      if (d < bestD && (d <= limit || sentenceWide)) {
        bestD = d;
        best = m;
      }
    }
    if (best === undefined) {
      const t = this.text;
      const body = this.mentions(i, 'bodies').find(
        (m) =>
          m.start >= end &&
          m.start - end <= 80 &&
          POINTS_TO.test(t.slice(end, m.start).replace(/\b(?:aspect|side|portion|region|area) of (?:the )?$/i, '')),
      );
      if (body !== undefined) best = all.find((m) => m.end <= body.start && body.start - m.end <= 3);
      if (best === undefined && body !== undefined) best = all.find((m) => m.start >= end && m.end <= body.start);
    }
    const v = best?.value;
    return v === 'left' || v === 'right' || v === 'bilateral' ? v : undefined;
  }

  /** Sentence context, narrowed for plan sentences: a clause without plan wording is the record. */
  contextAt(i: number, start: number, end: number): Context {
    const ctx = this.context(i);
    if (ctx !== 'plan' || this.sentence(i).section === 'plan') return ctx;
    const s = this.sentence(i);
    const c = this.c(i);
    if (c.firstPlanCue === undefined) {
      const cue = PLAN_CUE.exec(s.text);
      c.firstPlanCue = cue?.index ?? -1;
      // A semicolon after the cue closes its clause ("the request was not certified; he reports relief"),
      // unless the cue opens a list of plan items ("the treatment plan includes …; continue …").
      c.semicolonAfterCue =
        cue === null || PLAN_LIST_LEAD.test(cue[0]) ? -1 : s.text.indexOf(';', cue.index + cue[0].length);
    }
    const cueAt = s.start + c.firstPlanCue;
    const semicolon = c.semicolonAfterCue ?? -1;
    const closed = semicolon !== -1 && s.start + semicolon < start;
    if (c.firstPlanCue !== -1 && cueAt < start && !closed) return 'plan';
    const [a, b] = this.clause(i, start, end);
    const clause = this.text.slice(a, b);
    return PLAN_CUE.test(clause) || CLAUSE_PLAN_CUE.test(clause) ? 'plan' : 'record';
  }

  /** The segment around the span, also cut before a coordinated plan clause ("… and will order an MRI"). */
  clause(i: number, start: number, end: number): readonly [number, number] {
    const [a, b] = this.segment(i, start, end);
    const t = this.text;
    let from = a;
    let to = b;
    COORDINATED_CLAUSE.lastIndex = 0;
    for (const m of t.slice(a, b).matchAll(COORDINATED_CLAUSE)) {
      const at = a + m.index;
      if (at >= end) {
        to = Math.min(to, at);
        break;
      }
      if (at + m[0].length <= start) from = at;
    }
    return [from, to];
  }

  /** Adds a fact unless the same one (kind, value, qualifier, polarity) is already recorded for this sentence. */
  emit(kind: FactKind, i: number, start: number, end: number, fields: EmitFields = {}): Fact | undefined {
    const assertion = this.assertion(i, start, end);
    const negated = fields.negated ?? assertion.negated;
    const uncertain = fields.uncertain ?? assertion.uncertain;
    const key = `${i}|${kind}|${String(fields.value)}|${fields.qualifier ?? ''}|${negated}|${fields.bodyPart ?? ''}|${fields.count ?? ''}|${fields.date ?? ''}`;
    if (this.seen.has(key)) return undefined;
    this.seen.add(key);
    const [na, nb] = fields.evidence ?? this.evidence(i, start, end);
    const [ea, eb] = this.orig(na, nb);
    const fact: Fact = {
      kind,
      negated,
      uncertain,
      evidence: { quote: this.original.slice(ea, eb), start: ea, end: eb },
      context: fields.context ?? this.contextAt(i, start, end),
      source: this.source(i),
    };
    if (assertion.hypothetical) fact.hypothetical = true;
    // a past medical history lists the past, whatever its sentences say
    if (assertion.historical || this.sentence(i).section === 'history') fact.historical = true;
    if (assertion.family || this.sentence(i).section === 'family-history') fact.family = true;
    if (fields.value !== undefined) fact.value = fields.value;
    if (fields.qualifier !== undefined) fact.qualifier = fields.qualifier;
    if (fields.count !== undefined) fact.count = fields.count;
    if (fields.date !== undefined) fact.date = fields.date;
    if (fields.bodyPart !== undefined) fact.bodyPart = fields.bodyPart;
    if (fields.side !== undefined) fact.side = fields.side;
    if (fields.range !== undefined) fact.range = fields.range;
    this.facts.push(fact);
    return fact;
  }

  /**
   * Runs `re` over the whole text and calls `fn` for each match that lies inside one sentence. `gate` lists
   * lower-case substrings one of which every match contains (gates.property.test.ts checks that they do):
   * when none occurs in the text, the pattern is skipped.
   */
  scan(
    re: RegExp,
    fn: (m: RegExpMatchArray, i: number, start: number, end: number) => void,
    gate?: readonly string[],
  ): void {
    if (gatesEnabled && gate !== undefined) {
      this.gateWords ??= new GateWords(this.text);
      if (!this.gateWords.anyIn(gate)) return;
    }
    forEachMatch(re, this.text, (m) => {
      const start = m.index;
      const end = start + m[0].length;
      if (end === start) return;
      const i = this.sentenceAt(start, end);
      if (i !== -1) fn(m, i, start, end);
    });
  }
}

/** Per sentence (offsets into the original text), the source of the part holding its start. */
function partSourcesOf(sentences: readonly Sentence[], parts: readonly SourceSpan[]): FactSource[] {
  if (parts.length === 0) return [];
  const sorted = [...parts].sort((a, b) => a.start - b.start);
  const out: FactSource[] = [];
  let k = 0;
  for (const s of sentences) {
    while (k < sorted.length && (sorted[k]?.end ?? 0) <= s.start) k++;
    const p = sorted[k];
    out.push(p !== undefined && p.start <= s.start ? p.source : DEFAULT_SOURCE);
  }
  return out;
}

/** Bits of the trigram table: 2^16 bits, a few percent of them set by a summary. */
const GRAM_BITS = 16;

/** A trigram's slot: the low bits of its three character codes, spread over the table. */
function gramHash(a: number, b: number, c: number): number {
  return ((a << 11) ^ (b << 5) ^ c) & ((1 << GRAM_BITS) - 1);
}

interface GateWord {
  readonly word: string;
  readonly grams: Int32Array;
}

/** Each gate's words with their trigram hashes, worked out once per gate (gates are module constants). */
const GATES = new WeakMap<readonly string[], readonly GateWord[]>();

function gateWordsOf(gate: readonly string[]): readonly GateWord[] {
  let words = GATES.get(gate);
  if (words === undefined) {
    words = gate.map((word) => {
      // the first, a middle and the last trigram: enough to rule most absent words out
      const n = word.length - 2;
      const at = n <= 0 ? [] : [...new Set([0, n >> 1, n - 1])];
      const grams = Int32Array.from(at, (k) =>
        gramHash(word.charCodeAt(k), word.charCodeAt(k + 1), word.charCodeAt(k + 2)),
      );
      return { word, grams };
    });
    GATES.set(gate, words);
  }
  return words;
}

/**
 * Whether gate words occur in a text, cheaply enough that every pattern can have a gate: the lower-cased
 * text's character trigrams go into a bit table once, and a word with a trigram not in the table is not in
 * the text — only a word whose trigrams all are is searched for. (A string search per word cost as much as
 * the patterns it saved for gates of more than a few words.) Full Unicode lower case: a gate only asks
 * whether a word occurs, and the patterns match without case.
 */
class GateWords {
  private readonly lower: string;
  private readonly grams = new Uint32Array(1 << (GRAM_BITS - 5));

  constructor(text: string) {
    const lower = text.toLowerCase();
    this.lower = lower;
    const grams = this.grams;
    let a = lower.charCodeAt(0);
    let b = lower.charCodeAt(1);
    for (let k = 2; k < lower.length; k++) {
      const c = lower.charCodeAt(k);
      const h = gramHash(a, b, c);
      grams[h >>> 5] = (grams[h >>> 5] as number) | (1 << (h & 31));
      a = b;
      b = c;
    }
  }

  /** Whether one of the gate's words (lower case) occurs in the text. */
  anyIn(gate: readonly string[]): boolean {
    for (const w of gateWordsOf(gate)) if (this.mayHave(w.grams) && this.lower.includes(w.word)) return true;
    return false;
  }

  private mayHave(grams: Int32Array): boolean {
    for (let k = 0; k < grams.length; k++) {
      const h = grams[k] as number;
      if (((this.grams[h >>> 5] as number) & (1 << (h & 31))) === 0) return false;
    }
    return true;
  }
}

/** White space as `\s` means it, with the common characters decided without a pattern. */
function isSpaceCode(c: number, text: string, i: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13) || c === 160) return true;
  if (c < 0x1680) return false;
  return /\s/.test(text[i] ?? '');
}

interface Normalized {
  readonly text: string;
  readonly toOrig: Int32Array | undefined;
  readonly fromOrig: Int32Array | undefined;
}

/** Collapses each run of whitespace into one space, keeping maps between the two sets of offsets. */
function normalizeSpace(original: string): Normalized {
  if (!/\s\s|[^\S ]/.test(original)) return { text: original, toOrig: undefined, fromOrig: undefined };
  const toOrig = new Int32Array(original.length + 1);
  const fromOrig = new Int32Array(original.length + 1);
  const out: string[] = [];
  let j = 0;
  let i = 0;
  // the start of the stretch of non-space text not yet copied to `out` (copied as one slice)
  let pending = 0;
  while (i < original.length) {
    const c = original.charCodeAt(i);
    // a run starts at common white space or at a space character past U+1FFF (U+1680 only continues one)
    if (c === 32 || (c >= 9 && c <= 13) || c === 160 || (c > 0x1fff && isSpaceCode(c, original, i))) {
      if (pending < i) out.push(original.slice(pending, i));
      const runStart = i;
      let newline = false;
      while (i < original.length && isSpaceCode(original.charCodeAt(i), original, i)) {
        if (original.charCodeAt(i) === 10) newline = true;
        fromOrig[i] = j;
        i++;
      }
      // "x-\nrays", "L5-\nS1": a line broken after a hyphen joins up again
      const joined =
        newline &&
        original[runStart - 1] === '-' &&
        /[A-Za-z0-9]/.test(original[runStart - 2] ?? '') &&
        /[A-Za-z0-9]/.test(original[i] ?? '');
      if (!joined) {
        toOrig[j] = runStart;
        out.push(' ');
        j++;
      }
      pending = i;
    } else {
      fromOrig[i] = j;
      toOrig[j] = i;
      j++;
      i++;
    }
  }
  if (pending < original.length) out.push(original.slice(pending));
  toOrig[j] = original.length;
  fromOrig[original.length] = j;
  return { text: out.join(''), toOrig, fromOrig };
}

let gatesEnabled = true;

/**
 * Turns keyword gates off (every pattern then runs over the whole text) or back on. For tests: results must
 * be the same either way, which catches a gate that no longer covers every match of its pattern.
 */
export function setScanGates(enabled: boolean): void {
  gatesEnabled = enabled;
}

/**
 * Whether [start, end) overlaps a mention of `sorted`, whose mentions are sorted by start and do not
 * overlap each other (so their ends are sorted too): found by bisection, since comparing with every
 * mention made a large record's modalities and drug classes quadratic in its length.
 */
function overlapsSorted(sorted: readonly Mention[], start: number, end: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as Mention).end > start) hi = mid;
    else lo = mid + 1;
  }
  const m = sorted[lo];
  return m !== undefined && m.start < end;
}

/** Whether a mention of `sorted` (as for `overlapsSorted`) holds `m` and is longer. */
function insideLonger(sorted: readonly Mention[], m: Mention): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as Mention).end > m.start) hi = mid;
    else lo = mid + 1;
  }
  const x = sorted[lo];
  return x !== undefined && x.start <= m.start && x.end >= m.end && x.end - x.start > m.end - m.start;
}

/** Keeps the earliest, then longest, of overlapping mentions. */
function dropOverlaps(list: Mention[]): Mention[] {
  const sorted = [...list].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Mention[] = [];
  let lastEnd = -1;
  for (const m of sorted) {
    if (m.start >= lastEnd) {
      out.push(m);
      lastEnd = m.end;
    }
  }
  return out;
}
