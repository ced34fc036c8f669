import type { ClinicalDoc } from './document.js';
import { DRUG_WORDS } from './lexicon.js';

/** Pain scores ("7/10", "rated 6-8 on a 10-point scale", "VAS 8") and percent relief ("50% relief"). */

const SCORE_SLASH =
  /(?<![\d/.,])(\d{1,2}(?:\.\d)?)(?:\s*(?:-|–|to)\s*(\d{1,2}(?:\.\d)?))?\s*(?:\/\s*10|out of\s+10|of\s+10|over\s+10)(?![\d/]|\.\d|\s*-\s*point|\s+(?:sessions?|visits?|treatments?|days?|weeks?|months?|patients?|people|tabs?|tablets?|pills?)\b)/gi;

const SCORE_WORDS =
  /\b(?:rated|rates|rating|rate|graded|scored|score(?: of| is| was)?|VAS(?: score)?(?: of| is| was)?|NRS(?: of| is| was)?|pain (?:level|score|intensity|severity)(?: of| is| was| at)?|(?:level|intensity|severity) of)\s+(?:(?:the|his|her|their|it|this|that|symptoms|discomfort|pain|level|as|at|an?|of|to be|about|approximately|around|on average|average|currently|now)\s+){0,4}(\d{1,2}(?:\.\d)?)(?:\s*(?:-|–|to)\s*(\d{1,2}(?:\.\d)?))?(?!\s*(?:[-–/]|out of|of\s+\d|over\s+\d|%|percent|times|x\b|days?\b|weeks?\b|months?\b|years?\b|mg\b|sessions?\b|visits?\b|hours?\b|minutes?\b|degrees?\b|°|lbs?\b|pounds?\b|feet\b|ft\b|cm\b|mm\b|inch)|\.\d|\d)(?:\s+on\s+(?:a|the)\s+(?:scale of\s+(?:0|1)\s*(?:-|to)\s*10|(?:0|1)\s*(?:-|to)\s*10(?:-point)?\s+(?:pain\s+)?scale|10[- ]point\s+(?:pain\s+)?scale|(?:pain |visual analog(?:ue)? |numeric(?:al)? (?:rating )?)?scale(?:\s+of\s+(?:0|1)\s*(?:-|to)\s*10)?))?/gi;

const PAIN_CONTEXT = /\b(?:pain|VAS|NRS|scale|discomfort|symptoms?|severity|hurts?|ache|aching|headaches?)\b/i;

const MED_WORDS = `medications?|meds|narcotics|opioids?|opiates?|analgesics|pain pills|pain relievers|${DRUG_WORDS}`;
const QUALIFIER = new RegExp(
  `\\b(?:(with(?:out)?|on|off|after|before|prior to|following|w\\/o|while (?:on|taking)|when (?:taking|on)|without the use of|with the use of)\\s+(?:(?:the|his|her|their|pain|current|taking|using|use of|all|any|oral|prescribed)\\s+){0,3}(?=[A-Za-z0-9])(?:${MED_WORDS})\\b|(with|during|upon|on)\\s+(?:(?:any|prolonged|increased|physical)\\s+)?(?:movement|activity|activities|motion|use|exertion|walking|standing|sitting|lifting|bending|range of motion|work)|(at rest|at best|at worst|on average|average|at its worst|at its best))`,
  'gi',
);

type Qualifier = 'with-medication' | 'without-medication' | 'with-activity' | 'at-rest' | 'worst' | 'best' | 'average';

interface QMatch {
  readonly q: Qualifier;
  readonly start: number;
  readonly end: number;
}

function qualifiers(text: string): QMatch[] {
  const out: QMatch[] = [];
  QUALIFIER.lastIndex = 0;
  for (const m of text.matchAll(QUALIFIER)) {
    let q: Qualifier;
    if (m[1] !== undefined) {
      q = /^(?:without|off|before|prior|w\/o)/i.test(m[1]) ? 'without-medication' : 'with-medication';
    } else if (m[2] !== undefined) q = 'with-activity';
    else {
      const w = (m[3] ?? '').toLowerCase();
      q = w === 'at rest' ? 'at-rest' : w.includes('worst') ? 'worst' : w.includes('best') ? 'best' : 'average';
    }
    out.push({ q, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

interface Score {
  readonly start: number;
  readonly end: number;
  readonly low: number;
  readonly high: number;
}

const NEAR = 60;

/** The first index of `sorted` at which `past` holds (it holds from there on), or its length. */
function firstIndex<T>(sorted: readonly T[], past: (x: T) => boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (past(sorted[mid] as T)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Whether [start, end) overlaps a score of `run`, which is sorted and without overlaps (so by end too). */
function overlapsRun(run: readonly Score[], start: number, end: number): boolean {
  const s = run[firstIndex(run, (x) => x.end > start)];
  return s !== undefined && s.start < end;
}

/** Substrings one of which every match of SCORE_WORDS contains (see ClinicalDoc.scan). */
const SCORE_WORDS_GATE = ['rat', 'grad', 'scor', 'vas', 'nrs', 'level', 'intensity', 'severity'];

/** Substrings one of which every match of SCORE_SLASH contains (see ClinicalDoc.scan). */
const SCORE_SLASH_GATE = ['10'];

export function detectPainScores(doc: ClinicalDoc): void {
  const bySentence = new Map<number, Score[]>();
  // Per sentence, the scores each scan kept: a scan's matches come in order and do not overlap, so an overlap
  // is found by bisection in each (comparing with every score kept was quadratic in a long sentence).
  const runs = new Map<number, Score[][]>();
  let scanNo = 0;
  const add = (i: number, start: number, end: number, a: string | undefined, b: string | undefined): void => {
    const x = Number(a);
    const y = b === undefined ? x : Number(b);
    if (!Number.isFinite(x) || !Number.isFinite(y) || x > 10 || y > 10) return;
    const list = bySentence.get(i) ?? [];
    const kept = runs.get(i) ?? [];
    if (kept.some((run) => overlapsRun(run, start, end))) return;
    const score = { start, end, low: Math.min(x, y), high: Math.max(x, y) };
    list.push(score);
    bySentence.set(i, list);
    const run = kept[scanNo];
    if (run === undefined) kept[scanNo] = [score];
    else run.push(score);
    runs.set(i, kept);
  };
  doc.scan(
    SCORE_SLASH,
    (m, i, start, end) => {
      const slash = m[0].includes('/');
      if (!slash && !doc.sentenceHas(PAIN_CONTEXT, i)) return;
      add(i, start, end, m[1], m[2]);
    },
    SCORE_SLASH_GATE,
  );
  scanNo = 1;
  doc.scan(
    SCORE_WORDS,
    (m, i, start, end) => {
      if (!/VAS|NRS|scale/i.test(m[0]) && !doc.sentenceHas(PAIN_CONTEXT, i)) return;
      const numAt = start + m[0].search(/\d/);
      add(i, numAt, end, m[1], m[2]);
    },
    SCORE_WORDS_GATE,
  );
  for (const [i, scores] of bySentence) {
    scores.sort((a, b) => a.start - b.start);
    emitScores(doc, i, scores);
  }
}

function emitScores(doc: ClinicalDoc, i: number, scores: readonly Score[]): void {
  const s = doc.sentence(i);
  const text = doc.text;
  const qs = qualifiers(s.text).map((q) => ({ ...q, start: q.start + s.start, end: q.end + s.start }));
  // qualifiers come from one pattern: in order and without overlaps, so sorted by start and by end alike
  const pre = (k: number): QMatch | undefined => {
    const sc = scores[k];
    if (sc === undefined) return undefined;
    const from = Math.max(scores[k - 1]?.end ?? s.start, sc.start - NEAR);
    // the last qualifier ending before the score, if it starts after `from`
    const q = qs[firstIndex(qs, (x) => x.end > sc.start) - 1];
    return q !== undefined && q.start >= from ? q : undefined;
  };
  const post = (k: number): QMatch | undefined => {
    const sc = scores[k];
    if (sc === undefined) return undefined;
    const to = Math.min(scores[k + 1]?.start ?? s.end, sc.end + NEAR);
    // the first qualifier starting after the score, if it ends by `to`
    const q = qs[firstIndex(qs, (x) => x.start >= sc.end)];
    return q !== undefined && q.end <= to ? q : undefined;
  };
  const layout = pre(0) !== undefined ? 'prefix' : post(0) !== undefined ? 'suffix' : 'none';
  const quals: (string | undefined)[] = scores.map(
    (_, k) => (layout === 'prefix' ? pre(k) : layout === 'suffix' ? post(k) : (post(k) ?? pre(k)))?.q,
  );
  // "from 8/10 to 4/10 (with medication)": before and after
  const medsInSentence = qs.some((q) => q.q === 'with-medication' || q.q === 'without-medication');
  for (let k = 0; k + 1 < scores.length; k++) {
    const a = scores[k];
    const b = scores[k + 1];
    if (a === undefined || b === undefined) continue;
    const before = text.slice(Math.max(s.start, a.start - 12), a.start);
    const between = text.slice(a.end, b.start);
    if (/\bfrom\s*(?:an?\s+)?$/i.test(before) && /^\s*(?:(?:down|up)\s+)?to\s*(?:an?\s+)?$/i.test(between)) {
      const second = quals[k + 1];
      if (medsInSentence || /\bmedicat|\bmeds\b/i.test(s.text)) {
        quals[k] = 'without-medication';
        quals[k + 1] = 'with-medication';
      } else if (second === 'with-activity') {
        quals[k] = quals[k] ?? 'current';
      } else {
        quals[k] = 'baseline';
        quals[k + 1] = quals[k + 1] ?? 'current';
      }
    }
  }
  scores.forEach((sc, k) => {
    const mid = (sc.low + sc.high) / 2;
    const bodyPart = bodyForScore(doc, i, scores, k);
    doc.emit('pain-score', i, sc.start, sc.end, {
      value: mid,
      qualifier: quals[k] ?? 'current',
      ...(sc.low !== sc.high ? { range: { low: sc.low, high: sc.high } } : {}),
      ...(bodyPart !== undefined ? { bodyPart } : {}),
    });
  });
}

const AFTER_BODY =
  /^\s*(?:pain\s+)?(?:to|in|at|of|for|involving)\s+(?:the\s+|his\s+|her\s+|both\s+)?(?:(?:left|right|bilateral|lower|upper|mid|low)\s+)*(?:[\w-]+\s+){0,2}$/i;

/**
 * "neck pain rated 6/10, low back 7/10": the body part just before each score; "6/10 to the neck, 4/10 to the
 * finger": just after each score — chosen once per sentence from the first score's layout.
 */
function bodyForScore(doc: ClinicalDoc, i: number, scores: readonly Score[], k: number): string | undefined {
  const sc = scores[k];
  if (sc === undefined) return undefined;
  const s = doc.sentence(i);
  const parts = doc.bodyParts(i);
  const after = (n: number): string | undefined => {
    const x = scores[n];
    if (x === undefined) return undefined;
    const to = scores[n + 1]?.start ?? s.end;
    const p = parts.find((m) => m.start >= x.end && m.end <= to && m.start - x.end < 40);
    return p !== undefined && AFTER_BODY.test(doc.text.slice(x.end, p.start)) ? p.value : undefined;
  };
  if (after(0) !== undefined) return after(k);
  const from = scores[k - 1]?.end ?? s.start;
  let best: string | undefined;
  for (const p of parts) if (p.start >= from && p.end <= sc.start) best = p.value;
  if (best !== undefined) return best;
  return parts.length > 0 && scores.length === 1 ? doc.bodyPartNear(i, sc.start, sc.end) : undefined;
}

const PERCENT = /(?<![\d.])(\d{1,3}(?:\.\d)?)(?:\s*(?:-|–|to)\s*(\d{1,3}(?:\.\d)?))?\s*(?:%|percent\b|per cent\b)/gi;
const RELIEF_AFTER =
  /^\s*(?:of\s+(?:the\s+)?)?(?:(?:pain|overall|symptom|symptomatic)\s+)?(?:relief|reduction|improvement|decrease|improved|better|less pain|benefit|pain relief|reduction in (?:pain|symptoms)|decrease in (?:pain|symptoms)|improvement in (?:pain|symptoms))/i;
const RELIEF_BEFORE =
  /(?:relief|reduction|improvement|decrease|reduc(?:e|es|ed|ing)|decreas(?:e|es|ed|ing)|lessen(?:ed|s)?|improv(?:e|es|ed|ing)|reliev(?:e|es|ed|ing)|better)\s+(?:\w+\s+){0,4}?(?:by|of|about|approximately|around|at|with|to)?\s*(?:about|approximately|around|an?\s+)?$/i;
const NOT_PAIN =
  /\b(?:range of motion|ROM|flexion|extension|strength|motion|rotation|abduction|grip|weight|dose|dosage|body)\b/i;

/** Substrings one of which every match of PERCENT contains (see ClinicalDoc.scan). */
const PERCENT_GATE = ['%', 'percent', 'per cent'];

export function detectPainRelief(doc: ClinicalDoc): void {
  doc.scan(
    PERCENT,
    (m, i, start, end) => {
      const s = doc.sentence(i);
      const after = doc.text.slice(end, Math.min(s.end, end + 40));
      const before = doc.text.slice(Math.max(s.start, start - 60), start);
      const relief = RELIEF_AFTER.test(after) || (RELIEF_BEFORE.test(before) && !NOT_PAIN.test(before));
      if (!relief) return;
      const low = Number(m[1]);
      const high = m[2] === undefined ? low : Number(m[2]);
      if (!(low <= 100 && high <= 100)) return;
      const cause = doc.nearest(i, 'modalities', start, end);
      const mid = (Math.min(low, high) + Math.max(low, high)) / 2;
      doc.emit('pain-relief', i, start, end, {
        value: mid,
        ...(low !== high ? { range: { low: Math.min(low, high), high: Math.max(low, high) } } : {}),
        ...(cause !== undefined ? { qualifier: cause.value } : {}),
      });
    },
    PERCENT_GATE,
  );
}
