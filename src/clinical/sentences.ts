import type { Sentence } from './types.js';

/**
 * Sentence and section splitting for clinical prose: reviewers' summaries (one paragraph, sometimes with
 * glued sentences "11-8-16.On 11-29-16" and glued numbered lists "are:1. lumbar radiculopathy2. hip
 * bursitis") and progress notes (hard-wrapped lines, headers such as "Diagnoses:", "Plan:").
 */

/** Tokens that end with a period but do not end a sentence ("Dr. Lee", "vs. surgery", "e.g. Norco"). */
const NEVER_SPLIT = new Set([
  'dr',
  'drs',
  'mr',
  'mrs',
  'ms',
  'vs',
  'v',
  'jr',
  'sr',
  'st',
  'approx',
  'appt',
  'e.g',
  'i.e',
  'cf',
  'viz',
  'fig',
  'dept',
  'prof',
  'pt',
  'pts',
  'hx',
  'sx',
  'dx',
  'tx',
  'rx',
  'bil',
  'bilat',
  'ext',
  'lt',
  'rt',
  'min',
  'mins',
  'wk',
  'wks',
  'yr',
  'yrs',
  'mo',
  'mos',
  'sec',
  'secs',
]);
/** Split before a digit only when the token is not "No." ("No. 5"). */
const NOT_BEFORE_DIGIT = new Set(['no', 'nos', 'vol', 'p', 'pp', 'ch', 'sect', 'tab', 'tabs', 'qty', '#']);

const HEADER_NAMES: readonly (readonly [RegExp, string])[] = [
  [/^(?:final |working |current |discharge |admitting )?diagnos[ie]s$/i, 'diagnoses'],
  [/^(?:assessment(?: and plan| & plan|\/plan)?|impression|a\/p)$/i, 'assessment'],
  [/^(?:treatment plan|plan of care|plan|recommendations?|disposition|requests?|request for authorization)$/i, 'plan'],
  [
    /^(?:objective(?: findings| exam(?:ination)?)?|physical exam(?:ination)?(?: findings)?|exam(?:ination)?(?: findings)?|pe|mental status exam(?:ination)?)$/i,
    'objective',
  ],
  [
    /^(?:subjective(?: complaints)?|chief complaints?|cc|history of present illness|hpi|present illness|complaints?|interval history)$/i,
    'subjective',
  ],
  [/^(?:(?:current |active )?medications?|meds|current medication list|prescriptions?)$/i, 'medications'],
  [/^(?:work status|work restrictions|disability status|return to work)$/i, 'work-status'],
  [/^(?:imaging|radiology|diagnostic studies|diagnostics|x-rays?|mri|studies|test results|results)$/i, 'studies'],
  [/^(?:past medical history|pmh|medical history|past surgical history|psh|surgical history|history)$/i, 'history'],
  [/^(?:family (?:medical )?history|fhx?)$/i, 'family-history'],
  [/^(?:review of systems|ros|vital signs|vitals|allergies|social history)$/i, 'other'],
  [/^(?:psychological testing|psychological evaluation|mental status)$/i, 'objective'],
  [/^(?:treatment to date|prior treatment|past treatment|treatment history)$/i, 'treatment-history'],
];

/** The normalized section name for a header label, or undefined when it is not a known header. */
export function sectionName(label: string): string | undefined {
  const clean = label.trim().replace(/\s+/g, ' ');
  for (const [re, name] of HEADER_NAMES) if (re.test(clean)) return name;
  return undefined;
}

const BOUNDARY = /([.!?])["'”’)\]]*(?=(\s+)|$)|\.(?=[A-Z][a-z])/g;
const LIST_NUMBER = /(?<![\dA-Z/.\-+#])(\d{1,2})[.)](?=\s*[A-Za-z(])/g;
const CAMEL_GLUE = /(?<![A-Za-z])[a-z]{3,}(?=[A-Z](?:[a-z]+\b|\s))/g;
const HAS_CAMEL = /[a-z][A-Z]/;
const PARAGRAPH = /\n[ \t\f\v\r]*\n/g;
const LINE_START_ITEM = /\n[ \t]*(?:[-•*▪◦·]|\d{1,2}[.)])[ \t]+/g;
const HEADER_AT = /(?:^|\n)[ \t]*([A-Za-z][A-Za-z /&-]{1,40}?)[ \t]*:/g;
const LIST_LEAD =
  /(diagnos[ie]s|medications?|plan|impression|assessment|treatments?|recommendations?)\b[^.:]{0,20}:\s*$/i;

interface Cut {
  /** Offset where the next sentence may begin. */
  readonly at: number;
  readonly kind: 'sentence' | 'paragraph' | 'item' | 'header';
}

/** Letters, digits, dots, apostrophes, '#': the characters of the token before a period. */
function isTokenChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 46 || c === 35 || c === 39;
}

/** No abbreviation above is longer: a longer token is none of them, and need not be read. */
const LONGEST_ABBREVIATION = Math.max(...[...NEVER_SPLIT, ...NOT_BEFORE_DIGIT].map((w) => w.length));

interface TokenSpan {
  readonly start: number;
  /** The token holds a period. */
  readonly dotted: boolean;
  /** Where the token starts without its leading apostrophes. */
  readonly unquoted: number;
}

/**
 * The tokens before the periods of one text, asked in increasing order. Periods inside one run of token
 * characters ("a.b.c.d…") share its start, found once: walking back from each period was quadratic.
 */
class TokensBefore {
  private last: { dot: number; span: TokenSpan } | undefined;

  constructor(private readonly text: string) {}

  at(dot: number): TokenSpan {
    const text = this.text;
    const last = this.last !== undefined && this.last.dot < dot ? this.last : undefined;
    let i = dot;
    let dotted = false;
    let span: TokenSpan | undefined;
    while (i > 0 && isTokenChar(text.charCodeAt(i - 1))) {
      if (last !== undefined && i - 1 === last.dot) {
        // the run goes on through the previous period (itself a token character)
        span = { start: last.span.start, dotted: true, unquoted: last.span.unquoted };
        break;
      }
      if (text.charCodeAt(i - 1) === 46) dotted = true;
      i--;
    }
    if (span === undefined) {
      let unquoted = i;
      while (unquoted < dot && text.charCodeAt(unquoted) === 39) unquoted++;
      span = { start: i, dotted, unquoted };
    }
    this.last = { dot, span };
    return span;
  }
}

function isSentenceBoundary(text: string, punct: number, next: number, tokens: TokensBefore): boolean {
  if (next >= text.length) return true;
  const ch = text[next] ?? '';
  const mark = text[punct];
  const upper = ch >= 'A' && ch <= 'Z';
  const digit = ch >= '0' && ch <= '9';
  const opener = '"“\'(['.includes(ch);
  if (!upper && !digit && !opener) return false;
  if (mark !== '.') return true;
  const span = tokens.at(punct);
  const length = punct - span.start;
  // the token without its leading apostrophes, lower case; read only when short enough to be an abbreviation
  if (punct - span.unquoted <= LONGEST_ABBREVIATION) {
    const lower = text.slice(span.unquoted, punct).toLowerCase();
    if (NEVER_SPLIT.has(lower)) return false;
    if (digit && NOT_BEFORE_DIGIT.has(lower)) return false;
    // dotted abbreviations that introduce examples
    if (/^(?:e\.g|i\.e)$/i.test(lower) && /^(?:[a-z]\.)+[a-z]$/i.test(text.slice(span.start, punct))) return false;
  }
  // an initial ("J. Smith"), but not a level or grade ("L5. The")
  if (length === 1 && (text[span.start] ?? '') >= 'A' && (text[span.start] ?? '') <= 'Z' && upper) return false;
  return true;
}

/**
 * A blank line ends a paragraph when the text before it ends a sentence or is a short title line. In
 * double-spaced copies a blank line follows every line, mid-sentence ones included: those are not breaks.
 */
function isParagraphBreak(text: string, i: number, next: number): boolean {
  if (i === 0) return true;
  if ('.!?:;"”)'.includes(text[i - 1] ?? '')) return true;
  const lineStart = text.lastIndexOf('\n', i - 1) + 1;
  const line = text.slice(lineStart, i).trim();
  const following = text.slice(next, next + 1);
  return (
    line.length > 0 &&
    line.length < 40 &&
    /^[A-Z]/.test(line) &&
    /[A-Z0-9•*-]/.test(following) &&
    !/\b(?:the|a|an|of|and|or|to|with|in|on|at|for)$/i.test(line)
  );
}

function isGlueBoundary(text: string, dot: number, tokens: TokensBefore): boolean {
  const span = tokens.at(dot);
  if (dot - span.start < 2 || span.dotted) return false;
  if (dot - span.start <= LONGEST_ABBREVIATION && NEVER_SPLIT.has(text.slice(span.start, dot).toLowerCase()))
    return false;
  const last = text.charCodeAt(dot - 1);
  const lowerLetter = last >= 97 && last <= 122;
  const digitChar = last >= 48 && last <= 57;
  return lowerLetter || digitChar;
}

function allSpace(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!/\s/.test(text[k] ?? '')) return false;
  return true;
}

function collectCuts(text: string): { cuts: Cut[]; listStarts: Map<number, string | undefined> } {
  const cuts: Cut[] = [];
  const tokens = new TokensBefore(text);
  for (const m of text.matchAll(BOUNDARY)) {
    const punct = m.index;
    if (m[1] === undefined) {
      if (isGlueBoundary(text, punct, tokens)) cuts.push({ at: punct + 1, kind: 'sentence' });
      continue;
    }
    const afterQuotes = punct + m[0].length;
    const next = afterQuotes + (m[2]?.length ?? 0);
    if (isSentenceBoundary(text, punct, next, tokens)) cuts.push({ at: afterQuotes, kind: 'sentence' });
  }
  // Where the white space before each blank line begins: the same place for every blank line of one run of
  // white space, found once (walking back from each was quadratic in the run's length).
  let previous: { end: number; textEnd: number } | undefined;
  for (const m of text.matchAll(PARAGRAPH)) {
    const at = m.index;
    let i = at;
    if (previous !== undefined && allSpace(text, previous.end, at)) i = previous.textEnd;
    else while (i > 0 && /\s/.test(text[i - 1] ?? '')) i--;
    previous = { end: at + m[0].length, textEnd: i };
    if (isParagraphBreak(text, i, at + m[0].length)) cuts.push({ at, kind: 'paragraph' });
  }
  for (const m of text.matchAll(LINE_START_ITEM)) cuts.push({ at: m.index, kind: 'item' });
  for (const m of text.matchAll(HEADER_AT)) {
    const label = m[1] ?? '';
    if (sectionName(label) !== undefined) {
      const at = m.index + (m[0].startsWith('\n') ? 1 : 0);
      cuts.push({ at, kind: 'header' });
      // a header alone on its line ends there
      const colon = m.index + m[0].length;
      const eol = text.indexOf('\n', colon);
      if (eol !== -1 && text.slice(colon, eol).trim() === '') cuts.push({ at: eol, kind: 'header' });
    }
  }
  const listStarts = new Map<number, string | undefined>();
  collectNumberedLists(text, cuts, listStarts);
  // every match ends in a lower-case letter followed by a capital: without one, the pattern need not run
  for (const m of HAS_CAMEL.test(text) ? text.matchAll(CAMEL_GLUE) : []) {
    const at = m.index + m[0].length;
    // only where a numbered list or a sentence seems glued on ("lower legA physical exam")
    const rest = text.slice(at, at + 12);
    if (/^(?:A|An|The|On|In|Per|He|She|His|Her|This|There|Physical|Treatment|According)\b/.test(rest)) {
      cuts.push({ at, kind: 'sentence' });
    }
  }
  cuts.sort((a, b) => a.at - b.at);
  return { cuts, listStarts };
}

/** Numbered items 1., 2., 3. … in sequence, possibly glued to the previous word ("radiculopathy2. hip"). */
function collectNumberedLists(text: string, cuts: Cut[], listStarts: Map<number, string | undefined>): void {
  let run: number[] = [];
  let expected = 1;
  const flush = (): void => {
    if (run.length >= 2) {
      const first = run[0] ?? 0;
      const lead = LIST_LEAD.exec(text.slice(Math.max(0, first - 60), first));
      const section = lead?.[1] === undefined ? undefined : sectionFromLead(lead[1]);
      for (const at of run) {
        cuts.push({ at, kind: 'item' });
        listStarts.set(at, section);
      }
    }
    run = [];
    expected = 1;
  };
  for (const m of text.matchAll(LIST_NUMBER)) {
    const n = Number(m[1]);
    const last = run[run.length - 1];
    if (n === expected && (last === undefined || m.index - last < 400)) {
      run.push(m.index);
      expected++;
    } else {
      flush();
      if (n === 1) {
        run.push(m.index);
        expected = 2;
      }
    }
  }
  flush();
}

function sectionFromLead(word: string): string | undefined {
  const w = word.toLowerCase();
  if (w.startsWith('diagnos') || w === 'impression' || w === 'assessment') return 'diagnoses';
  if (w.startsWith('medication')) return 'medications';
  if (w === 'plan' || w.startsWith('recommendation')) return 'plan';
  if (w.startsWith('treatment')) return 'treatment-history';
  return undefined;
}

const LEADING_HEADER = /^([A-Za-z][A-Za-z /&-]{1,40}?)[ \t]*:/;

/** Splits text into sentences with offsets into `text`; `section` is set under recognized headers. */
export function splitSentences(text: string): Sentence[] {
  const { cuts, listStarts } = collectCuts(text);
  const sentences: Sentence[] = [];
  let lineSection: string | undefined;
  let listSection: string | undefined;
  let from = 0;
  let prevKind: Cut['kind'] | undefined;
  const push = (start: number, end: number, kindBefore: Cut['kind'] | undefined): void => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s] ?? '')) s++;
    while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
    if (e <= s) return;
    const body = text.slice(s, e);
    if (kindBefore === 'paragraph') lineSection = undefined;
    let section: string | undefined;
    const header = LEADING_HEADER.exec(body);
    const name = header?.[1] === undefined ? undefined : sectionName(header[1]);
    if (name !== undefined) {
      const atLineStart = s === 0 || /\n[ \t]*$/.test(text.slice(Math.max(0, s - 20), s));
      if (atLineStart) lineSection = name;
      section = name;
      listSection = name;
    } else if (listStarts.has(s)) {
      section = listStarts.get(s) ?? listSection ?? lineSection;
    } else {
      listSection = undefined;
      section = lineSection;
    }
    sentences.push(
      section === undefined ? { text: body, start: s, end: e } : { text: body, start: s, end: e, section },
    );
  };
  for (const cut of cuts) {
    if (cut.at <= from) {
      if (cut.kind === 'paragraph') prevKind = 'paragraph';
      continue;
    }
    push(from, cut.at, prevKind);
    from = cut.at;
    prevKind = cut.kind;
  }
  push(from, text.length, prevKind);
  return sentences;
}
