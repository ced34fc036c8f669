import type { FieldProblem } from './errors.js';

/**
 * Validation issues in words a clerk can act on. A schema's own message (written for people: "Enter
 * an ICD-10 code such as M54.5.") is kept; zod's default wording ("Too big: expected number to be
 * <=120") is replaced by one made from the issue's code and limits. Never quotes the value (PHI).
 */

/** What zod says when a schema gave no message of its own (zod 4 default wording). */
const ZOD_DEFAULT = /^(Too (big|small)|Invalid|Unrecognized key)/;

/** The parts of a zod issue (or of fastify-type-provider-zod's copy of one) that the wording needs. */
export interface IssueLike {
  readonly code: string;
  readonly message: string;
  readonly origin?: unknown;
  readonly minimum?: unknown;
  readonly maximum?: unknown;
  readonly expected?: unknown;
  readonly format?: unknown;
  readonly values?: unknown;
  readonly keys?: unknown;
}

function limit(v: unknown): string {
  return typeof v === 'number' || typeof v === 'bigint' ? v.toLocaleString('en-US') : String(v);
}

function sentence(text: string): string {
  const t = text.trim();
  const capital = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

export function plainIssueMessage(issue: IssueLike): string {
  if (!ZOD_DEFAULT.test(issue.message) && issue.message.trim() !== '') return sentence(issue.message);
  switch (issue.code) {
    case 'too_big':
      if (issue.origin === 'string') return `Keep it to ${limit(issue.maximum)} characters or fewer.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `Give at most ${limit(issue.maximum)}.`;
      return `Enter a value of ${limit(issue.maximum)} or less.`;
    case 'too_small':
      if (issue.origin === 'string') {
        return issue.minimum === 1 ? 'Fill this in.' : `Enter at least ${limit(issue.minimum)} characters.`;
      }
      if (issue.origin === 'array' || issue.origin === 'set') return `Give at least ${limit(issue.minimum)}.`;
      return `Enter a value of ${limit(issue.minimum)} or more.`;
    case 'invalid_type':
      if (issue.expected === 'number' || issue.expected === 'int') return 'Enter a whole number.';
      if (issue.expected === 'boolean') return 'Choose yes or no.';
      if (issue.expected === 'array') return 'Give a list here.';
      if (issue.expected === 'object') return 'This part of the form is missing.';
      return 'Fill this in as text.';
    case 'invalid_format':
      if (issue.format === 'date') return 'Enter a date as YYYY-MM-DD.';
      if (issue.format === 'datetime') return 'Enter a date, or a date and time.';
      if (issue.format === 'email') return 'Enter an email address such as name@example.com.';
      return 'This is not in the expected format.';
    case 'invalid_value':
      return 'Choose one of the offered values.';
    case 'invalid_union':
      return 'This is not in a form accepted here (a date is YYYY-MM-DD).';
    case 'not_multiple_of':
      return 'Enter a whole number.';
    case 'unrecognized_keys':
      return 'This field is not part of the form.';
    default:
      return 'This value is not accepted.';
  }
}

/** Field problems from zod issues, one per path (the first issue of a field wins). */
export function fieldProblemsOf(
  issues: readonly (IssueLike & { readonly path: readonly PropertyKey[] })[],
): FieldProblem[] {
  const out: FieldProblem[] = [];
  const seen = new Set<string>();
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    if (seen.has(path)) continue;
    seen.add(path);
    out.push({ path, message: plainIssueMessage(issue) });
  }
  return out;
}
