import { BODY_PARTS } from '../terminology/body-parts.js';
import { BODY_REGIONS } from '../terminology/body-regions.js';
import type { FactCondition, FactKind } from './schema.js';

/**
 * What the clinical reader (src/clinical) puts in each field of a fact, per kind: the value sets a
 * criterion's fact condition can be rated against. Taken from the reader's detectors and the comments on
 * `FactKind` in src/clinical/types.ts; kept here, as data, until the reader declares its outputs itself
 * (it may move to src/terminology). A condition asking for a word no field can hold is never rated.
 *
 * `'text'`: the field holds words from the record or an open vocabulary (drug names, modalities,
 * procedures, diagnoses, findings), so any word may match.
 */
export interface FactFields {
  /** The words `value` takes (besides a number, where `numeric`). */
  readonly value: readonly string[] | 'text' | 'none';
  /** Whether `value` may be a number (a score, a percentage, weeks). */
  readonly numeric?: true;
  readonly qualifier: readonly string[] | 'text' | 'none';
  /** Whether the reader sets `count` (sessions done). */
  readonly count: boolean;
  /** Whether the reader sets `bodyPart` (its words then match too). */
  readonly bodyPart: boolean;
}

const ACTIVITIES = [
  'adl',
  'walking',
  'sitting',
  'standing',
  'lifting',
  'work',
  'sleep',
  'upper-extremity use',
  'general',
];

export const FACT_FIELDS: Readonly<Record<FactKind, FactFields>> = {
  'pain-score': {
    value: 'none',
    numeric: true,
    qualifier: [
      'with-medication',
      'without-medication',
      'current',
      'baseline',
      'with-activity',
      'at-rest',
      'worst',
      'best',
      'average',
    ],
    count: false,
    bodyPart: true,
  },
  // qualifier: the modality the relief is ascribed to, when stated
  'pain-relief': { value: 'none', numeric: true, qualifier: 'text', count: false, bodyPart: false },
  'functional-improvement': {
    value: ACTIVITIES,
    qualifier: ['objective', 'stated', 'subjective'],
    count: false,
    bodyPart: false,
  },
  'functional-limitation': { value: ACTIVITIES, qualifier: ['objective'], count: false, bodyPart: true },
  // value: generic name or class; qualifier: duration text, 'tapering', 'discontinued'
  'medication-use': { value: 'text', qualifier: 'text', count: false, bodyPart: false },
  // value: the effect or 'unspecified'; qualifier: the drug, or 'tolerated'
  'side-effects': { value: 'text', qualifier: 'text', count: false, bodyPart: false },
  // value: modality; qualifier: notes ('authorized', '2 years ago')
  'prior-treatment': { value: 'text', qualifier: 'text', count: true, bodyPart: true },
  'treatment-benefit': { value: 'text', qualifier: ['temporary', 'partial'], count: false, bodyPart: false },
  'treatment-failure': { value: 'text', qualifier: 'none', count: false, bodyPart: false },
  'exam-finding': {
    value: [
      'straight-leg-raise',
      'facet-loading',
      'facet-tenderness',
      'tenderness',
      'spasm',
      'guarding',
      'rom-limited',
      'weakness',
      'sensory-deficit',
      'reflex-change',
      'atrophy',
      'impingement-sign',
      'rotator-cuff-sign',
      'labral-sign',
      'biceps-sign',
      'instability',
      'effusion',
      'swelling',
      'mcmurray',
      'meniscal-sign',
      'joint-line-tenderness',
      'tinel',
      'phalen',
      'carpal-compression',
      'finkelstein',
      'spurling',
      'si-joint-sign',
      'crepitus',
      'abnormal-gait',
      'neural-tension',
      'trigger-point',
      'normal-neuro',
    ],
    qualifier: ['reported', 'motor'],
    count: false,
    bodyPart: true,
  },
  'radicular-symptoms': {
    value: ['numbness', 'tingling', 'paresthesia', 'sciatica', 'radiating-pain', 'radicular'],
    qualifier: 'none',
    count: false,
    bodyPart: true,
  },
  'neurological-deficit': {
    value: ['focal-deficit', 'nerve-root-compromise', 'foot-drop', 'progressive-deficit'],
    qualifier: 'none',
    count: false,
    bodyPart: true,
  },
  // value: modality; qualifier: the finding as written
  'imaging-result': { value: 'text', qualifier: 'text', count: false, bodyPart: true },
  'electrodiagnostic-result': {
    value: ['emg', 'ncs', 'emg/ncs', 'electrodiagnostic'],
    qualifier: 'text',
    count: false,
    bodyPart: true,
  },
  'red-flag': {
    value: [
      'cauda-equina',
      'bowel-bladder',
      'progressive-deficit',
      'foot-drop',
      'fracture',
      'tumor',
      'infection',
      'myelopathy',
      'dislocation',
      'intracranial-bleed',
      'loss-of-consciousness',
      'constitutional',
      'vascular',
      'red-flag',
    ],
    qualifier: 'none',
    count: false,
    bodyPart: true,
  },
  'surgery-history': { value: 'text', qualifier: 'text', count: false, bodyPart: true },
  'surgery-planned': { value: 'text', qualifier: 'text', count: false, bodyPart: true },
  'work-status': {
    value: ['full-duty', 'modified-duty', 'off-work', 'retired', 'unknown'],
    qualifier: 'none',
    count: false,
    bodyPart: false,
  },
  'urine-drug-screen': {
    value: 'none',
    qualifier: ['consistent', 'inconsistent', 'performed'],
    count: false,
    bodyPart: false,
  },
  'opioid-agreement': { value: 'none', qualifier: ['signed'], count: false, bodyPart: false },
  'aberrant-behavior': {
    value: [
      'aberrant-behavior',
      'drug-seeking',
      'misuse',
      'early-refill',
      'multiple-prescribers',
      'lost-prescriptions',
      'illicit-drug-use',
      'substance-abuse',
      'non-compliance',
      'dose-escalation',
    ],
    qualifier: 'none',
    count: false,
    bodyPart: false,
  },
  'home-exercise': { value: 'none', qualifier: ['recommended', 'performed'], count: false, bodyPart: false },
  // value: weeks since injury or onset, else one of the words; qualifier: how the weeks were derived
  chronicity: {
    value: ['chronic', 'acute', 'subacute', 'acute-exacerbation'],
    numeric: true,
    qualifier: ['symptom duration', 'weeks since injury'],
    count: false,
    bodyPart: false,
  },
  // value: the diagnosis as written; qualifier: its canonical key when recognized
  diagnosis: { value: 'text', qualifier: 'text', count: false, bodyPart: true },
  'psychological-symptoms': {
    value: [
      'suicidal-ideation',
      'homicidal-ideation',
      'ptsd',
      'depression',
      'anxiety',
      'panic',
      'stress',
      'irritability',
      'agitation',
      'low-mood',
      'psychological',
    ],
    qualifier: 'none',
    count: false,
    bodyPart: false,
  },
  'sleep-disturbance': { value: 'none', qualifier: 'none', count: false, bodyPart: false },
  'gi-risk': {
    value: ['gi-symptoms', 'gi-bleed', 'ulcer-history', 'anticoagulant', 'aspirin', 'corticosteroid', 'age-over-65'],
    qualifier: ['age'],
    count: false,
    bodyPart: false,
  },
};

/** Words a fact's body part can hold (the reader names parts and regions as the vocabulary does). */
const BODY_WORDS: readonly string[] = [...new Set([...BODY_PARTS.map((p) => p.part), ...BODY_REGIONS])];

/** Words the fields a condition's `values` are matched against can hold; undefined when any word may occur. */
function valueWords(f: FactFields): readonly string[] | undefined {
  if (f.value === 'text' || f.qualifier === 'text') return undefined;
  return [
    ...(Array.isArray(f.value) ? f.value : []),
    ...(Array.isArray(f.qualifier) ? f.qualifier : []),
    ...(f.bodyPart ? BODY_WORDS : []),
  ];
}

/**
 * Why the reader can never produce a fact that satisfies this condition as stated, or undefined when it
 * can. A word of `values` or `qualifiers` matches when a field contains it (lower case, as the engine
 * compares), so one matchable word keeps the condition rateable; `deadWords` lists the others.
 */
export function unrateable(c: FactCondition): string | undefined {
  const f = FACT_FIELDS[c.fact];
  if ((c.min !== undefined || c.max !== undefined) && f.numeric !== true) {
    return `${c.fact} has no numeric value to bound`;
  }
  if (c.minCount !== undefined && !f.count) return `the reader sets no count on ${c.fact} facts`;
  if (c.values !== undefined && deadWords(c).values.length === c.values.length) {
    return `no ${c.fact} fact holds any of ${c.values.join(', ')}`;
  }
  if (c.qualifiers !== undefined && deadWords(c).qualifiers.length === c.qualifiers.length) {
    return `no ${c.fact} qualifier holds any of ${c.qualifiers.join(', ')}`;
  }
  return undefined;
}

/** The words of a condition no fact of its kind can contain. */
export function deadWords(c: FactCondition): { values: string[]; qualifiers: string[] } {
  const f = FACT_FIELDS[c.fact];
  const words = valueWords(f);
  const values = (c.values ?? []).filter(
    (w) => w !== w.toLowerCase() || (words !== undefined && !words.some((x) => x.includes(w))),
  );
  const quals = f.qualifier;
  const qualifiers = (c.qualifiers ?? []).filter(
    (w) => w !== w.toLowerCase() || quals === 'none' || (Array.isArray(quals) && !quals.some((x) => x.includes(w))),
  );
  return { values, qualifiers };
}
