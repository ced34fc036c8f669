import type {
  AgeCondition,
  BodyPartCondition,
  BodyRegion,
  CaseContextCondition,
  ChronicityCondition,
  Condition,
  Criterion,
  DrugClass,
  Evidence,
  FactCondition,
  FactKind,
  IngredientCondition,
  Limit,
  Phase,
  Position,
  RequestFlag,
  RequestFlagCondition,
  RequestNumber,
  RequestNumberCondition,
  RequestTextCondition,
  Topic,
  TopicArea,
  TopicMatcher,
  Verification,
} from '../schema.js';
import { editionOf, sourceById } from '../sources.js';

/** Small constructors that keep the topic tables readable. */

// ---------------------------------------------------------------------------------------------------
// Conditions
// ---------------------------------------------------------------------------------------------------

interface FactBounds {
  min?: number;
  max?: number;
  minCount?: number;
  qualifiers?: readonly string[];
  aboutRequest?: true;
  otherThanRequest?: true;
}

function factCondition(
  fact: FactKind,
  expect: 'present' | 'absent',
  values: readonly string[] | undefined,
  bounds: FactBounds,
): FactCondition {
  const c: FactCondition = { fact, expect };
  if (values !== undefined && values.length > 0) c.values = [...values];
  if (bounds.min !== undefined) c.min = bounds.min;
  if (bounds.max !== undefined) c.max = bounds.max;
  if (bounds.minCount !== undefined) c.minCount = bounds.minCount;
  if (bounds.qualifiers !== undefined) c.qualifiers = [...bounds.qualifiers];
  if (bounds.aboutRequest) c.aboutRequest = true;
  if (bounds.otherThanRequest) c.otherThanRequest = true;
  return c;
}

/** The record states the fact (optionally with one of `values`). */
export function present(fact: FactKind, values?: readonly string[], bounds: FactBounds = {}): FactCondition {
  return factCondition(fact, 'present', values, bounds);
}

/** The record states the fact is absent or denied. */
export function absent(fact: FactKind, values?: readonly string[]): FactCondition {
  return factCondition(fact, 'absent', values, {});
}

export function num(request: RequestNumber, bounds: { min?: number; max?: number }): RequestNumberCondition {
  const c: RequestNumberCondition = { request };
  if (bounds.min !== undefined) c.min = bounds.min;
  if (bounds.max !== undefined) c.max = bounds.max;
  return c;
}

export function flag(request: RequestFlag, expect: boolean): RequestFlagCondition {
  return { request, expect };
}

export function mentions(...words: string[]): RequestTextCondition {
  return { requestMentions: words };
}

export function region(...regions: BodyRegion[]): BodyPartCondition {
  return { bodyPart: regions };
}

export function ingredient(
  spec: { classes?: DrugClass[]; generics?: string[]; forms?: string[] },
  expect: 'present' | 'absent' = 'present',
): IngredientCondition {
  const i: IngredientCondition['ingredient'] = {};
  if (spec.classes !== undefined) i.classes = spec.classes;
  if (spec.generics !== undefined) i.generics = spec.generics;
  if (spec.forms !== undefined) i.forms = spec.forms;
  return { ingredient: i, expect };
}

export function phase(...phases: Phase[]): ChronicityCondition {
  return { chronicity: phases };
}

export function age(bounds: { min?: number; max?: number }): AgeCondition {
  const a: AgeCondition['age'] = {};
  if (bounds.min !== undefined) a.min = bounds.min;
  if (bounds.max !== undefined) a.max = bounds.max;
  return { age: a };
}

export const SURGERY_CERTIFIED: CaseContextCondition = { context: 'surgery-certified', expect: true };
export const NOT_ALREADY_AUTHORIZED: CaseContextCondition = { context: 'same-service-authorized', expect: false };

// ---------------------------------------------------------------------------------------------------
// Criteria
// ---------------------------------------------------------------------------------------------------

export function crit(
  id: string,
  text: string,
  evidence: Evidence,
  opts: { required?: boolean; when?: Condition[]; silentMeansNone?: true; unlessRequestMentions?: string[] } = {},
): Criterion {
  const c: Criterion = { id, text, required: opts.required ?? true, evidence };
  if (opts.when !== undefined) c.when = opts.when;
  if (opts.unlessRequestMentions !== undefined) c.unlessRequestMentions = opts.unlessRequestMentions;
  if (opts.silentMeansNone) c.silentMeansNone = true;
  return c;
}

/** Words for prior conservative care, as the clinical reader names modalities. */
export const CONSERVATIVE_CARE = [
  'physical therapy',
  'therapy',
  'exercise',
  'home exercise',
  'medication',
  'nsaid',
  'anti-inflammator',
  'muscle relaxant',
  'chiropractic',
  'acupuncture',
  'activity modification',
  'rest',
  'bracing',
  'splint',
  'injection',
];

/**
 * Conservative care tried and the complaint still present: the record says it failed, or lists it as
 * treatment to date (summaries rarely say "failed"; the dispute itself shows the symptoms persist).
 */
export function conservativeCareTried(): FactCondition[] {
  return [present('treatment-failure', CONSERVATIVE_CARE), present('prior-treatment', PHYSICAL_CONSERVATIVE_CARE)];
}

/**
 * The hands-on part of a conservative course. Listed as treatment to date, it shows a course was given;
 * medication alone does not (letters look for therapy, exercise or support before testing or imaging).
 */
const PHYSICAL_CONSERVATIVE_CARE = [
  'physical therapy',
  'occupational therapy',
  'exercise',
  'chiropractic',
  'acupuncture',
  'activity modification',
  'bracing',
  'splint',
];

const NEURO_SIGNS = ['weakness', 'sensory-deficit', 'reflex-change', 'atrophy', 'straight-leg-raise', 'spurling'];

/** Shared criteria, worded once. */
export const common = {
  quantitySpecified: (): Criterion =>
    crit(
      'request-specific',
      'The request states the quantity, frequency and duration, so the amount can be checked against the guideline',
      { allOf: [flag('quantityUnspecified', false)] },
    ),

  functionalImprovementFromPrior: (modalities: string[], what: string, unlessRequestMentions?: string[]): Criterion =>
    crit(
      'functional-improvement-from-prior',
      `Objective functional improvement (better ADLs or work status, less reliance on care) is documented from the prior ${what}`,
      {
        anyOf: [present('functional-improvement'), present('treatment-benefit', modalities)],
        noneOf: [present('treatment-failure', modalities)],
      },
      {
        when: [present('prior-treatment', modalities)],
        ...(unlessRequestMentions === undefined ? {} : { unlessRequestMentions }),
      },
    ),

  homeExercise: (required = false): Criterion =>
    crit(
      'home-exercise',
      'The plan includes, or moves the patient toward, a self-directed home exercise program',
      { anyOf: [present('home-exercise')] },
      { required },
    ),

  failedConservativeCare: (what = 'conservative care', required = true): Criterion =>
    crit(
      'failed-conservative-care',
      `Symptoms persisted despite an adequate trial of ${what} (therapy, exercise, medication), and the course is documented`,
      { anyOf: [present('treatment-failure'), present('prior-treatment', CONSERVATIVE_CARE, { minCount: 1 })] },
      { required },
    ),

  objectiveNeuroDeficit: (required = true): Criterion =>
    crit(
      'objective-neuro-deficit',
      'The neurologic examination shows objective deficits (dermatomal sensory loss, motor weakness, reflex change or a positive nerve tension sign), not complaints alone',
      { anyOf: [present('neurological-deficit'), present('exam-finding', NEURO_SIGNS)] },
      { required },
    ),

  redFlag: (required = false): Criterion =>
    crit(
      'red-flag',
      'A red flag for serious pathology (fracture, tumour, infection, cauda equina, progressive neurologic deficit) is documented',
      { anyOf: [present('red-flag')] },
      { required },
    ),

  surgeryConsidered: (what = 'surgery or another invasive procedure'): Criterion =>
    crit('surgery-considered', `The patient is a candidate for ${what} and the result would change the plan`, {
      anyOf: [present('surgery-planned')],
    }),

  analgesiaFromMedication: (): Criterion =>
    crit(
      'analgesia-documented',
      'Pain relief from this medication is quantified (for example scores with and without it, or a percentage)',
      { anyOf: [present('pain-relief'), present('pain-score', undefined, { qualifiers: ['with-medication'] })] },
      { when: [present('medication-use')] },
    ),

  functionFromMedication: (): Criterion =>
    crit(
      'function-documented',
      'Specific functional gains from this medication are documented (ADLs, activity tolerance, work)',
      { anyOf: [present('functional-improvement')] },
      { when: [present('medication-use')] },
    ),

  sideEffectsReviewed: (required = false): Criterion =>
    crit(
      'side-effects-reviewed',
      'Adverse effects are asked about and recorded',
      { anyOf: [present('side-effects'), absent('side-effects')] },
      { required },
    ),

  surgeryCertified: (): Criterion =>
    crit('surgery-certified', 'The surgery this service belongs to is itself certified as medically necessary', {
      allOf: [SURGERY_CERTIFIED],
    }),

  /** The guideline does not support the treatment: unmet whenever the request names it. */
  notRecommended: (words: string[], what = 'this treatment'): Criterion =>
    crit(
      'guideline-supports',
      `The guideline supports ${what} for this condition, or the record documents an exceptional reason to depart from it`,
      { noneOf: [mentions(...words)] },
    ),

  notDuplicate: (): Criterion =>
    crit(
      'not-duplicate',
      'The same service is not already authorized and pending (a second authorization would be redundant)',
      { allOf: [NOT_ALREADY_AUTHORIZED] },
      { required: false },
    ),
};

// ---------------------------------------------------------------------------------------------------
// Topics
// ---------------------------------------------------------------------------------------------------

export interface TopicSpec {
  key: string;
  title: string;
  area: TopicArea;
  section: string;
  sectionAliases?: string[];
  pages?: number[];
  chapter?: string;
  lineage?: string;
  appliesTo: TopicMatcher;
  position: Position;
  positionSummary: string;
  criteria: Criterion[];
  limits?: Limit[];
  rationale: string;
  verification: Verification;
}

/** A topic of one source edition; its id is the edition's prefix (plus chapter) and the key. */
export function topic(sourceId: string, editionId: string, spec: TopicSpec): Topic {
  const source = sourceById(sourceId);
  const edition = source === undefined ? undefined : editionOf(source, editionId);
  if (source === undefined || edition === undefined) throw new Error(`unknown source edition ${sourceId} ${editionId}`);
  const prefix = spec.chapter === undefined ? edition.idPrefix : `${edition.idPrefix}-${spec.chapter}`;
  const t: Topic = {
    id: `${prefix}.${spec.key}`,
    title: spec.title,
    area: spec.area,
    sourceId,
    edition: editionId,
    section: spec.section,
    appliesTo: spec.appliesTo,
    position: spec.position,
    positionSummary: spec.positionSummary,
    criteria: spec.criteria,
    limits: spec.limits ?? [],
    rationale: spec.rationale,
    verification: spec.verification,
  };
  if (spec.chapter !== undefined) t.chapter = spec.chapter;
  if (spec.sectionAliases !== undefined) t.sectionAliases = spec.sectionAliases;
  if (spec.pages !== undefined) t.pages = spec.pages;
  if (spec.lineage !== undefined) t.lineage = spec.lineage;
  return t;
}

/** An ODG topic in one chapter. */
export function odg(chapter: string, spec: Omit<TopicSpec, 'chapter'>): Topic {
  return topic('odg', 'online', { ...spec, chapter });
}

/** Pages a..b inclusive. */
export function pages(a: number, b = a): number[] {
  const out: number[] = [];
  for (let p = a; p <= b; p++) out.push(p);
  return out;
}

/** How one edition of the Chronic Pain guidelines names and pages a topic, and what differs. */
export interface ChronicPainVariant {
  section: string;
  sectionAliases?: string[];
  pages?: number[];
  verification: Verification;
  override?: Partial<Pick<TopicSpec, 'positionSummary' | 'position' | 'criteria' | 'limits' | 'rationale' | 'title'>>;
  /**
   * Selection priority in this edition: where an edition treats a drug within its class section (and
   * letters cite that section), the class topic outranks the drug's own page.
   */
  priority?: number;
}

export type ChronicPainSpec = Omit<TopicSpec, 'section' | 'sectionAliases' | 'pages' | 'verification' | 'lineage'> & {
  v2009?: ChronicPainVariant;
  v2016?: ChronicPainVariant;
  /** The Chronic Pain guidelines apply to chronic pain; set for sections letters also apply earlier. */
  anyPhase?: boolean;
};

/**
 * The same Chronic Pain Medical Treatment Guidelines topic in its 2009 and 2016 editions: section names
 * and pages differ (2016 has its own pagination), the content mostly carries over.
 */
export function chronicPain(spec: ChronicPainSpec): Topic[] {
  const { v2009, v2016, anyPhase, ...body } = spec;
  const appliesTo: TopicMatcher =
    anyPhase === true || body.appliesTo.phases !== undefined
      ? body.appliesTo
      : { ...body.appliesTo, phases: ['chronic'] };
  const out: Topic[] = [];
  for (const [editionId, v] of [
    ['2009', v2009],
    ['2016', v2016],
  ] as const) {
    if (v === undefined) continue;
    const s: TopicSpec = {
      ...body,
      ...v.override,
      appliesTo: v.priority === undefined ? appliesTo : { ...appliesTo, priority: v.priority },
      section: v.section,
      verification: v.verification,
      lineage: `chronic-pain-${body.key}`,
    };
    if (v.sectionAliases !== undefined) s.sectionAliases = v.sectionAliases;
    if (v.pages !== undefined) s.pages = v.pages;
    out.push(topic('mtus-chronic-pain', editionId, s));
  }
  return out;
}

export const LETTERS: Verification = { status: 'letters' };
export const RECALLED: Verification = { status: 'recalled' };
export function letters(note: string): Verification {
  return { status: 'letters', note };
}
export function recalled(note: string): Verification {
  return { status: 'recalled', note };
}
export function uncertain(note: string): Verification {
  return { status: 'uncertain', note };
}
