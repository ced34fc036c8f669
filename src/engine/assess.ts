/**
 * From rated criteria to a recommendation with a probability of overturn and a confidence.
 *
 * The burden of documentation lies with the request: a clinical criterion counts for it only when the
 * record affirms it, and support made only of what nearly every workers' compensation record says (a
 * diagnosis, a listed course of treatment, tenderness, a pain score) is thin. The weights and the
 * threshold are set by that principle (`calibration.ts`); only the mapping of the score to a probability
 * is fitted, on the dev corpus (`npm run fit:calibration`), and the result is confirmed on the
 * held-aside letters through aggregate replay figures only.
 */
import type { Fact } from '../clinical/types.js';
import type { Condition, Criterion, Topic } from '../guidelines/schema.js';
import { calibration } from './calibration.js';
import type { CriterionResult, Recommendation } from './review-types.js';

/** What a criterion is decided from: the record's facts, the request itself, or the rest of the case. */
export type CriterionBasis = 'clinical' | 'request' | 'case';

function conditionBasis(c: Condition): CriterionBasis {
  if ('fact' in c) return 'clinical';
  if ('context' in c) return 'case';
  return 'request';
}

/** A criterion is clinical when any of its evidence is a fact of the record. */
export function criterionBasis(c: Pick<Criterion, 'evidence'>): CriterionBasis {
  const all = [...(c.evidence.anyOf ?? []), ...(c.evidence.allOf ?? []), ...(c.evidence.noneOf ?? [])];
  const bases = all.map(conditionBasis);
  if (bases.includes('clinical')) return 'clinical';
  if (bases.includes('case')) return 'case';
  return 'request';
}

/** Only defeaters (`noneOf`): met by the record's silence, which supports nothing. */
function defeatersOnly(c: Pick<Criterion, 'evidence'>): boolean {
  return c.evidence.noneOf !== undefined && c.evidence.anyOf === undefined && c.evidence.allOf === undefined;
}

/**
 * Facts nearly every workers' compensation record states whatever is requested (a diagnosis, the time
 * since injury, treatment to date, tenderness, limited motion, a pain score, medications taken, work
 * status). They show a criterion is met, but distinguish no case from another: evidence made of them
 * alone is thin.
 */
const ROUTINE: ReadonlySet<string> = new Set(calibration.routineFacts);

/** A diagnosis is routine unless the criterion asks for particular ones (a seizure disorder, a tear). */
function isRoutine(f: Fact, def: Pick<Criterion, 'evidence'> | undefined): boolean {
  if (f.kind === 'chronicity') return typeof f.value === 'number' || f.value === 'chronic';
  // Scores with and without the medication quantify its effect; a bare score does not.
  if (f.kind === 'pain-score') return !/medication/.test(f.qualifier ?? '');
  if (f.kind === 'diagnosis') return !positiveConditions(def).some((c) => c.fact === 'diagnosis' && narrowed(c));
  return ROUTINE.has(f.kind) || (f.kind === 'exam-finding' && ROUTINE.has(`exam-finding:${String(f.value)}`));
}

type FactCond = Extract<Condition, { fact: unknown }>;

/** A condition that asks for particular values or kinds (a tear, stenosis), not any fact of its kind. */
function narrowed(c: FactCond): boolean {
  return (c.values ?? []).length > 0 || (c.qualifiers ?? []).length > 0;
}

function positiveConditions(def: Pick<Criterion, 'evidence'> | undefined): FactCond[] {
  if (!def) return [];
  return [...(def.evidence.anyOf ?? []), ...(def.evidence.allOf ?? [])].filter((c): c is FactCond => 'fact' in c);
}

/** Whether a fact condition can only be met by a routine statement (the criterion asks for nothing more). */
function routineCondition(c: FactCond): boolean {
  if (c.fact === 'exam-finding')
    return (c.values ?? []).length > 0 && (c.values ?? []).every((v) => ROUTINE.has(`exam-finding:${v}`));
  if (c.fact === 'diagnosis') return !narrowed(c);
  return c.fact !== 'chronicity' && ROUTINE.has(c.fact);
}

/**
 * A criterion that could be met by something specific (a failed course, a deficit, a red flag) but is
 * met only by a routine alternative (treatment listed, tenderness) is thin; a criterion that asks only
 * for a routine fact (an opioid in use, for a laxative) is met as asked.
 */
function asksForMore(def: Pick<Criterion, 'evidence'>): boolean {
  return positiveConditions(def).some((c) => !routineCondition(c));
}

/** The features the probability is computed from; part of the output for reviewers and for calibration. */
export interface Support {
  /** Required clinical criteria the record affirms with findings beyond the routine. */
  readonly specific: number;
  /** Required clinical criteria affirmed only by routine statements, or met without a quote. */
  readonly thin: number;
  readonly notDocumented: number;
  readonly unmet: number;
  /** Required criteria met from the rest of the case (the surgery a service belongs to is certified). */
  readonly caseMet: number;
  readonly notRecommended: boolean;
}

export interface RatedCriterion {
  readonly result: CriterionResult;
  readonly def?: Criterion;
  readonly basis: CriterionBasis;
  /** Met by the record's silence on its defeaters: supports nothing. */
  readonly defeatersOnly: boolean;
  /** Routine statements meet it only thinly (it could be met by something specific). */
  readonly asksForMore: boolean;
}

/** A rated criterion with its definition (undefined for the engine's generic rules, whose basis is given). */
export function rated(result: CriterionResult, def: Criterion | undefined, basis?: CriterionBasis): RatedCriterion {
  return {
    result,
    ...(def === undefined ? {} : { def }),
    basis: def ? criterionBasis(def) : (basis ?? 'request'),
    defeatersOnly: def ? defeatersOnly(def) : false,
    asksForMore: def ? asksForMore(def) : true,
  };
}

/** Counts the support for and against the request from its required criteria. */
export function support(
  topic: Pick<Topic, 'position'> | undefined,
  criteria: readonly RatedCriterion[],
  facts: readonly Fact[],
): Support {
  const byspan = new Map<string, Fact>();
  for (const f of facts) byspan.set(`${f.evidence.start}:${f.evidence.end}`, f);
  let specific = 0;
  let thin = 0;
  let notDocumented = 0;
  let unmet = 0;
  let caseMet = 0;
  for (const { result, def, basis, defeatersOnly: silentOk, asksForMore: more } of criteria) {
    if (!result.required) continue;
    switch (result.status) {
      case 'unmet':
        unmet++;
        break;
      case 'not-documented':
        notDocumented++;
        break;
      case 'met': {
        if (basis === 'case') caseMet++;
        if (basis !== 'clinical') break;
        const found = result.evidence.map((e) => byspan.get(`${e.start}:${e.end}`)).filter((f) => f !== undefined);
        // Defeaters met by silence support nothing; a record that rules them out in words does.
        if (silentOk) {
          if (found.length > 0) specific++;
        } else if (found.some((f) => !isRoutine(f, def)) || (found.length > 0 && !more)) specific++;
        else thin++;
        break;
      }
      case 'not-applicable':
        break;
      default: {
        const never: never = result.status;
        return never;
      }
    }
  }
  return { specific, thin, notDocumented, unmet, caseMet, notRecommended: topic?.position === 'not-recommended' };
}

/** The support features in a fixed order, matching `calibration.weights`. */
export function features(s: Support): number[] {
  return [
    Math.min(s.specific, 3),
    Math.min(s.thin, 3),
    Math.min(s.notDocumented, 3),
    Math.min(s.unmet, 3),
    Math.min(s.caseMet, 1),
    s.notRecommended ? 1 : 0,
  ];
}

export const FEATURE_NAMES = ['specific', 'thin', 'notDocumented', 'unmet', 'caseMet', 'notRecommended'] as const;

/** The weight of evidence for overturning: set by the burden-of-documentation principle, not fitted. */
export function scoreOf(s: Support): number {
  return features(s).reduce((sum, v, i) => sum + v * (calibration.weights[i] ?? 0), 0);
}

function logistic(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** The score as a probability of overturn: Platt scaling fitted on the dev corpus. */
export function probabilityOf(score: number, scale: { a: number; b: number } = calibration.platt): number {
  return logistic(scale.a + scale.b * score);
}

export interface Assessment {
  readonly recommendation: Recommendation;
  /** Probability that a reviewer overturns the denial, given what the record documents. */
  readonly probability: number;
  /** How far the score is from the decision threshold, 0 (on it) to 1 (far from it). */
  readonly confidence: number;
  readonly support: Support;
}

/**
 * The recommendation: Refer without a topic; Upheld when a required criterion fails or the guideline
 * does not recommend the treatment; Overturned only when the support reaches `calibration.overturnAt` —
 * at least one required criterion affirmed by a specific finding, or the procedure a service belongs to
 * certified — Upheld otherwise (routine statements alone are too thin to overturn a denial).
 */
export function assess(
  topic: Pick<Topic, 'position'> | undefined,
  criteria: readonly RatedCriterion[],
  facts: readonly Fact[],
): Assessment {
  const s = support(topic, criteria, facts);
  const score = scoreOf(s);
  const fails = s.unmet > 0 || s.notDocumented > 0 || s.notRecommended;
  const at = calibration.overturnAt;
  const recommendation: Recommendation = !topic ? 'Refer' : score >= at && !fails ? 'Overturned' : 'Upheld';
  const confidence = !topic ? 0 : Math.min(1, Math.abs(score - at) / 4);
  return { recommendation, probability: round(probabilityOf(score)), confidence: round(confidence), support: s };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
