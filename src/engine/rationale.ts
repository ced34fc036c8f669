import type { Topic } from '../guidelines/schema.js';
import type { ParsedRequest } from './request-types.js';
import type { CriterionResult, Recommendation } from './review-types.js';

export interface RationaleInput {
  request: ParsedRequest;
  topic: Topic | undefined;
  criteria: readonly CriterionResult[];
  recommendation: Recommendation;
  text: string;
  reason: string;
}

function lowerFirst(s: string): string {
  return s.length > 1 && /^[A-Z][a-z]/.test(s) ? s[0]?.toLowerCase() + s.slice(1) : s;
}

function clause(c: CriterionResult): string {
  const quote = c.evidence[0]?.quote.trim();
  const cite = quote ? ` (the record notes: "${quote.length > 160 ? `${quote.slice(0, 157)}…` : quote}")` : '';
  // Criterion texts are requirements in our words; they go after a dash so their own punctuation reads.
  const asked = lowerFirst(c.text.replace(/\.$/, ''));
  switch (c.status) {
    case 'met':
      return `the record documents what the guideline asks here — ${asked}${cite}`;
    case 'unmet':
      return `the record shows that the guideline's condition is not met — ${asked}${cite}`;
    case 'not-documented':
      return `the records provided do not document what the guideline asks — ${asked}`;
    case 'not-applicable':
      return '';
    default: {
      const never: never = c.status;
      return never;
    }
  }
}

/** Drafts a rationale in the register of determination letters: the guideline's position, the facts, the conclusion. */
export function draftRationale(input: RationaleInput): string {
  const { request, topic, criteria, recommendation } = input;
  const what = `the request for ${request.text}`;
  if (!topic || recommendation === 'Refer') {
    return `No guideline topic in the knowledge base addresses ${what}; a physician reviewer must decide it from the record and the medical evidence.`;
  }
  const parts: string[] = [topic.positionSummary.replace(/\.?$/, '.')];
  // Only the evidence-search step belongs in a letter; the selection's notes about the knowledge base
  // (an edition not encoded, "The MTUS addresses …") are for the reviewer's screen, never the parties.
  const search = input.reason
    .split(/(?<=\.)\s+/)
    .filter((sentence) => /Medical Evidence Search Sequence/.test(sentence) && !/\bencoded\b/.test(sentence));
  if (search.length > 0) parts.push(...search.map((sentence) => sentence.replace(/\.?$/, '.')));
  const failing = criteria.filter((c) => c.required && (c.status === 'unmet' || c.status === 'not-documented'));
  // What the record shows, not what the request says of itself (a stated quantity is no clinical finding).
  const met = criteria.filter((c) => c.status === 'met' && c.required && c.evidence.length > 0);
  if (recommendation === 'Upheld') {
    if (topic.position === 'not-recommended' && failing.length === 0) {
      parts.push('The record shows no circumstance that would justify an exception to the guideline.');
    }
    failing.slice(0, 3).forEach((c, i) => {
      const s = clause(c);
      if (s) parts.push(i === 0 ? `In this case, ${s}.` : `${s[0]?.toUpperCase()}${s.slice(1)}.`);
    });
    parts.push(`Therefore, ${what} is not medically necessary.`);
  } else {
    met.slice(0, 3).forEach((c, i) => {
      const s = clause(c);
      if (s) parts.push(i === 0 ? `In this case, ${s}.` : `${s[0]?.toUpperCase()}${s.slice(1)}.`);
    });
    parts.push(`The criteria are met; therefore, ${what} is medically necessary.`);
  }
  return parts.join(' ');
}
