import type { Decision } from '../domain/letter.js';

/**
 * Does a rationale agree with its decision? A letter that says "Overturned" above a rationale ending
 * "… is not medically necessary" contradicts itself, and one that prints the engine's working notes
 * ("The edition of the MTUS in force on … is not encoded") was never meant for the parties. Both are
 * found sentence by sentence, with where the sentence is, so the person who wrote it can be shown it.
 *
 * Only conclusion sentences carry a verdict: those that say the request is (or is not) medically
 * necessary, certified, or supported / indicated / warranted / appropriate / recommended. A guideline's
 * position ("the MTUS does not recommend long-term use") is no verdict on the request and is left
 * alone, as are hypothetical sentences ("would be medically necessary if …").
 */

export type RationaleIssueKind = 'contradiction' | 'internal-note';

export interface RationaleIssue {
  readonly kind: RationaleIssueKind;
  /** The sentence as written, and where it is in the rationale (UTF-16 offsets, end exclusive). */
  readonly sentence: string;
  readonly start: number;
  readonly end: number;
  /** `contradiction`: what the sentence concludes. */
  readonly says?: Decision;
}

export interface Sentence {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Sentences of a text with their offsets. A period inside a number or an abbreviation does not end one. */
export function sentencesOf(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  // Split where a terminator is followed by whitespace and a capital, a quote or the end.
  const boundary = /([.!?;])(?=\s+["“(]?[A-Z0-9]|\s*$)/g;
  for (let m = boundary.exec(text); m !== null; m = boundary.exec(text)) {
    const end = m.index + 1;
    push(start, end);
    start = end;
  }
  push(start, text.length);
  return out;

  function push(from: number, to: number): void {
    const raw = text.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed === '') return;
    out.push({ text: trimmed, start: from + lead, end: from + lead + trimmed.length });
  }
}

/** Words that make a sentence hypothetical: it states no verdict. */
const HYPOTHETICAL = /\b(?:if|would|could|might|may|whether)\b/i;

/** A statement about patients in general, not this request ("… is indicated for patients who …"). */
const GENERAL = /\b(?:for|in)\s+(?:patients|individuals|injured\s+workers|those)\b/i;
const THIS_CASE = /\b(?:this|the)\s+(?:request|patient|injured\s+worker|claimant|employee|individual)\b|\brequested\b/i;

/** Up to four words between a negation and the verdict it negates ("is not, at this time, medically necessary"). */
const GAP = String.raw`(?:[\s,]+[\w'’-]+){0,4}?[\s,]+`;
const NEGATION = String.raw`(?:not|never|no\s+longer|cannot\s+be|can\s*not\s+be|isn[’']t|aren[’']t|wasn[’']t|weren[’']t)`;
const VERDICT_WORDS = String.raw`(?:medically\s+necessary|medically\s+appropriate|certified|supported|indicated|warranted|appropriate|recommended|justified|approved|reasonable\s+and\s+necessary)`;

/** The request is not necessary: negated verdicts and their one-word opposites. */
const NEGATIVE = [
  new RegExp(String.raw`\b${NEGATION}${GAP}${VERDICT_WORDS}\b`, 'i'),
  new RegExp(String.raw`\b${NEGATION}\s+${VERDICT_WORDS}\b`, 'i'),
  /\b(?:non-?certified|not\s+certified|medically\s+unnecessary|unnecessary|not\s+medically\s+necessary)\b/i,
  /\b(?:medical\s+necessity|necessity)\b[^.;]{0,60}?\b(?:has|have|was|is)\s+not\s+(?:been\s+)?(?:established|demonstrated|shown)\b/i,
  /\b(?:lacks?|without|no)\s+(?:established\s+)?medical\s+necessity\b/i,
  /\bthe\s+(?:UR\s+)?(?:denial|non-certification|decision)\s+(?:is|was)\s+upheld\b/i,
];

/** The request is necessary. */
const POSITIVE = [
  new RegExp(
    String.raw`\b(?:is|are|was|were|be|remains?|now|therefore|thus|hence)\s+(?:now\s+|therefore\s+|thus\s+|also\s+|considered\s+|deemed\s+|found\s+)?${VERDICT_WORDS}\b`,
    'i',
  ),
  /\b(?:medical\s+necessity|necessity)\b[^.;]{0,60}?\b(?:has|have|was|is)\s+(?:been\s+)?(?:established|demonstrated|shown)\b/i,
  /\bthe\s+(?:UR\s+)?(?:denial|non-certification|decision)\s+(?:is|was)\s+overturned\b/i,
];

/** A sentence is about the request's necessity (not about a guideline's general position). */
const ABOUT_NECESSITY =
  /\b(?:medically\s+(?:necessary|appropriate|unnecessary)|medical\s+necessity|certif|request|requested|treatment\s+is|therefore|thus|hence|UR\s+(?:denial|decision))\w*/i;

/** What a sentence concludes about the request, if anything. */
export function verdictOf(sentence: string): Decision | undefined {
  if (HYPOTHETICAL.test(sentence) || !ABOUT_NECESSITY.test(sentence)) return undefined;
  if (GENERAL.test(sentence) && !THIS_CASE.test(sentence)) return undefined;
  // A guideline speaking in general ("Guidelines do not recommend …") is a position, not the verdict.
  if (/^(?:the\s+)?(?:MTUS|ODG|ACOEM|guidelines?|ca\s+mtus)\b/i.test(sentence) && !/\brequest/i.test(sentence)) {
    return undefined;
  }
  if (NEGATIVE.some((re) => re.test(sentence))) return 'Upheld';
  if (POSITIVE.some((re) => re.test(sentence))) return 'Overturned';
  return undefined;
}

/** The engine's working notes: true of the knowledge base, never of the case. */
const INTERNAL_NOTE = [
  /\bis not encoded\b/i,
  /\blatest encoded\b/i,
  /\bknowledge base\b/i,
  /^the\s+MTUS\s+addresses\b/i,
  /\bneeds a reviewer'?s decision\b/i,
  /\ba physician reviewer must decide\b/i,
  /\bthe engine\b/i,
];

export function isInternalNote(sentence: string): boolean {
  return INTERNAL_NOTE.some((re) => re.test(sentence));
}

/**
 * What is wrong with a rationale for this decision: sentences that conclude the opposite, and the
 * engine's notes. Empty when the rationale is fit to print.
 */
export function checkRationale(decision: Decision, rationale: string): RationaleIssue[] {
  const issues: RationaleIssue[] = [];
  for (const s of sentencesOf(rationale)) {
    if (isInternalNote(s.text)) {
      issues.push({ kind: 'internal-note', sentence: s.text, start: s.start, end: s.end });
      continue;
    }
    const says = verdictOf(s.text);
    if (says !== undefined && says !== decision) {
      issues.push({ kind: 'contradiction', sentence: s.text, start: s.start, end: s.end, says });
    }
  }
  return issues;
}

/** The rationale without the engine's notes (for drafts shown to a reviewer). */
export function withoutInternalNotes(rationale: string): string {
  return sentencesOf(rationale)
    .filter((s) => !isInternalNote(s.text))
    .map((s) => s.text)
    .join(' ');
}
