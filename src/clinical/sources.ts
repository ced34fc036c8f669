import { SOURCE_RULES, type SourceRule, SourceRuleSet } from './source-rules.js';
import { CLINICAL_SOURCE, type Fact, type FactKind, type FactSource } from './types.js';

const RULES = (() => {
  const parsed = SourceRuleSet.safeParse(SOURCE_RULES);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`source rules are invalid:\n${lines.join('\n')}`);
  }
  return parsed.data;
})();

interface Compiled {
  readonly source: FactSource;
  readonly re: RegExp;
}
const compile = (rules: readonly SourceRule[]): Compiled[] =>
  rules.map((r) => ({ source: r.source, re: new RegExp(r.pattern, 'i') }));
const DOCUMENT_RULES = compile(RULES.documents);
const SENTENCE_RULES = compile(RULES.sentences);

/** The source a document's title (else its first line) names, or undefined. */
function namedSource(label: string): FactSource | undefined {
  for (const r of DOCUMENT_RULES) if (r.re.test(label)) return r.source;
  return undefined;
}

/** Who wrote a document: from its title, else from its first line, else a medical record of unknown origin. */
export function documentSource(doc: { readonly title?: string | undefined; readonly text: string }): FactSource {
  const byTitle = doc.title === undefined ? undefined : namedSource(doc.title);
  if (byTitle !== undefined) return byTitle;
  const firstLine = /^\s*([^\n]{1,160})/.exec(doc.text)?.[1];
  return (firstLine === undefined ? undefined : namedSource(firstLine)) ?? RULES.defaultDocument;
}

/** A sentence of a clinical text that restates the review or the application: whose words it gives, else undefined. */
export function restatedSource(sentence: string): FactSource | undefined {
  for (const r of SENTENCE_RULES) if (r.re.test(sentence)) return r.source;
  return undefined;
}

/** Whether a source's statements count as clinical evidence. */
export function isClinicalSource(source: FactSource): boolean {
  return CLINICAL_SOURCE[source];
}

/**
 * Kinds of fact that describe the patient's present state (an examination, symptoms, limits): a past one
 * ("history of numbness", a finding listed under past medical history) says nothing about today. Past
 * treatments, surgeries, studies, diagnoses and risk factors are evidence whenever they happened.
 */
export const PRESENT_STATE_KINDS: ReadonlySet<FactKind> = new Set<FactKind>([
  'exam-finding',
  'radicular-symptoms',
  'neurological-deficit',
  'pain-score',
  'functional-limitation',
  'side-effects',
  'psychological-symptoms',
  'sleep-disturbance',
  'work-status',
]);

/**
 * Whether a fact may support a criterion: stated by a clinical source, about the patient, not
 * conditional, and — for a kind that describes the present state — not in the past. (Negated and
 * uncertain facts are for the caller to weigh; other historical facts are kept, since a past surgery or
 * a past treatment's effect is evidence.)
 */
export function countsAsEvidence(f: Fact): boolean {
  if (f.context === 'review') return false;
  if (f.source !== undefined && !CLINICAL_SOURCE[f.source]) return false;
  if (f.historical === true && PRESENT_STATE_KINDS.has(f.kind)) return false;
  return f.hypothetical !== true && f.family !== true;
}
