import { z } from 'zod';
import { TreatmentKind } from '../domain/treatment.js';
import { BodyRegion } from '../terminology/body-regions.js';
import { DrugClass } from '../terminology/drug-classes.js';

/**
 * The guideline knowledge base as data: sources (with editions and chapters) and topics (with a matcher
 * over a parsed request, the guideline's position, criteria, limits and a rationale fragment).
 *
 * Guideline content here is ours: section names, titles and page references as the letters cite them,
 * criteria paraphrased in our own words. No licensed guideline text and no letter sentence is copied in.
 */

/** The closed set of treatment kinds lives in src/domain, shared with the engine and reviewer matching. */
export { TREATMENT_KINDS, TreatmentKind } from '../domain/treatment.js';

/**
 * Fact kinds the clinical reader produces. A copy of `FactKind` in src/clinical/types.ts; a test fails
 * when the two lists drift.
 */
export const FACT_KINDS = [
  'pain-score',
  'pain-relief',
  'functional-improvement',
  'functional-limitation',
  'medication-use',
  'side-effects',
  'prior-treatment',
  'treatment-benefit',
  'treatment-failure',
  'exam-finding',
  'radicular-symptoms',
  'neurological-deficit',
  'imaging-result',
  'electrodiagnostic-result',
  'red-flag',
  'surgery-history',
  'surgery-planned',
  'work-status',
  'urine-drug-screen',
  'opioid-agreement',
  'aberrant-behavior',
  'home-exercise',
  'chronicity',
  'diagnosis',
  'psychological-symptoms',
  'sleep-disturbance',
  'gi-risk',
] as const;
export const FactKind = z.enum(FACT_KINDS);
export type FactKind = z.infer<typeof FactKind>;

/**
 * Drug classes and body regions are concept ids of the one vocabulary (src/terminology); re-exported here
 * so that topics and their readers keep importing them from the schema.
 */
export { BODY_REGIONS, BodyRegion } from '../terminology/body-regions.js';
export { DRUG_CLASSES, DrugClass } from '../terminology/drug-classes.js';

/**
 * Phase of the condition. Acute and subacute together are the first three months; chronic is three
 * months or more (8 CCR 9792.20 as revised in 2016); postsurgical is the postsurgical physical medicine
 * period of 8 CCR 9792.24.3.
 */
export const Phase = z.enum(['acute', 'subacute', 'chronic', 'postsurgical']);
export type Phase = z.infer<typeof Phase>;

// ---------------------------------------------------------------------------------------------------
// Conditions: the declarative vocabulary criteria use to say which facts satisfy or defeat them.
// ---------------------------------------------------------------------------------------------------

/**
 * A clinical fact (from src/clinical) is stated as present ('present'), or stated as absent or denied
 * ('absent': a negated fact, "no radicular symptoms"); a record silent on it satisfies neither.
 * `values` narrows to facts whose value contains one of the words (lower case), `qualifiers` to facts
 * whose qualifier does ('with-medication', 'inconsistent', a duration such as 'months'); `min`/`max`
 * bound a numeric value (a percentage for pain relief, a 0-10 score for pain); `minCount` bounds the
 * fact's count (sessions done); `aboutRequest` to facts whose statement names the requested drug (or
 * "medication"), so that a benefit is attributed to what is in dispute.
 */
export const FactCondition = z
  .object({
    fact: FactKind,
    expect: z.enum(['present', 'absent']),
    values: z.array(z.string().min(2)).min(1).optional(),
    qualifiers: z.array(z.string().min(2)).min(1).optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    minCount: z.number().int().positive().optional(),
    aboutRequest: z.literal(true).optional(),
    /** Only facts about a drug other than the requested one (another drug of the same class already taken). */
    otherThanRequest: z.literal(true).optional(),
  })
  .strict();
export type FactCondition = z.infer<typeof FactCondition>;

/** Numbers read from the request (src/engine ParsedRequest and derived counts). */
export const RequestNumber = z.enum([
  'sessions', // total visits or sessions requested
  'sessionsWithPrior', // sessions requested plus sessions documented as done (none documented counts as 0)
  'quantity',
  'supplyDays',
  'refills',
  'levels', // spinal levels
  'weeks',
  'perWeek',
  'perDay',
  'hoursPerWeek',
  'strengthPercent', // strength of a topical ingredient
  'medMgPerDay', // total daily oral morphine equivalents of all opioids, requested plus concurrent
]);
export type RequestNumber = z.infer<typeof RequestNumber>;

export const RequestNumberCondition = z
  .object({ request: RequestNumber, min: z.number().optional(), max: z.number().optional() })
  .strict()
  .refine((c) => c.min !== undefined || c.max !== undefined, 'a number condition needs min or max');
export type RequestNumberCondition = z.infer<typeof RequestNumberCondition>;

/** Yes/no properties of the request. */
export const RequestFlag = z.enum([
  'quantityUnspecified',
  'frequencySpecified',
  'bodyPartSpecified',
  'levelsSpecified',
  'sideSpecified',
  'retrospective',
  'associatedSurgery',
  'additional', // a continuation: "additional", "continued", "refill", "re-exam"
  'asNeeded',
  'rentalOrPurchaseSpecified',
]);
export type RequestFlag = z.infer<typeof RequestFlag>;

export const RequestFlagCondition = z.object({ request: RequestFlag, expect: z.boolean() }).strict();
export type RequestFlagCondition = z.infer<typeof RequestFlagCondition>;

/** The request's text or modality mentions one of these words (normalized, at a word start). */
export const RequestTextCondition = z.object({ requestMentions: z.array(z.string().min(2)).min(1) }).strict();
export type RequestTextCondition = z.infer<typeof RequestTextCondition>;

/** The request concerns one of these body regions. */
export const BodyPartCondition = z.object({ bodyPart: z.array(BodyRegion).min(1) }).strict();
export type BodyPartCondition = z.infer<typeof BodyPartCondition>;

/**
 * A requested drug or compounded ingredient belongs to one of these classes or generic names
 * (`forms` narrows to dosage forms, e.g. lidocaine as cream rather than patch).
 */
export const IngredientCondition = z
  .object({
    ingredient: z
      .object({
        classes: z.array(DrugClass).min(1).optional(),
        generics: z.array(z.string().min(2)).min(1).optional(),
        forms: z.array(z.string().min(2)).min(1).optional(),
      })
      .strict(),
    expect: z.enum(['present', 'absent']),
  })
  .strict();
export type IngredientCondition = z.infer<typeof IngredientCondition>;

/** The condition is in this phase (from the injury or onset date). */
export const ChronicityCondition = z.object({ chronicity: z.array(Phase).min(1) }).strict();
export type ChronicityCondition = z.infer<typeof ChronicityCondition>;

/** A bound on the patient's age in years. */
export const AgeCondition = z
  .object({ age: z.object({ min: z.number().optional(), max: z.number().optional() }).strict() })
  .strict();
export type AgeCondition = z.infer<typeof AgeCondition>;

/**
 * Facts that live outside the record of this item: whether the surgery an associated service supports is
 * certified (another item of the same case, or a prior authorization).
 */
export const CaseContextCondition = z
  .object({ context: z.enum(['surgery-certified', 'same-service-authorized']), expect: z.boolean() })
  .strict();
export type CaseContextCondition = z.infer<typeof CaseContextCondition>;

export const Condition = z.union([
  FactCondition,
  RequestNumberCondition,
  RequestFlagCondition,
  RequestTextCondition,
  BodyPartCondition,
  IngredientCondition,
  ChronicityCondition,
  AgeCondition,
  CaseContextCondition,
]);
export type Condition = z.infer<typeof Condition>;

/**
 * Which evidence decides a criterion. `anyOf`: met when one holds. `allOf`: met only when all hold.
 * `noneOf`: unmet when any holds (defeaters). Nothing documented either way → not documented.
 */
export const Evidence = z
  .object({
    anyOf: z.array(Condition).min(1).optional(),
    allOf: z.array(Condition).min(1).optional(),
    noneOf: z.array(Condition).min(1).optional(),
  })
  .strict()
  .refine((e) => e.anyOf !== undefined || e.allOf !== undefined || e.noneOf !== undefined, 'evidence is empty');
export type Evidence = z.infer<typeof Evidence>;

/** One thing the record (or the request) must show. Text is ours, phrased as what must be documented. */
export const Criterion = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
    text: z.string().min(10).max(300),
    required: z.boolean(),
    /** The criterion applies only when all of these hold (else: not applicable). */
    when: z.array(Condition).min(1).optional(),
    evidence: Evidence,
    /**
     * For defeaters (`noneOf`) that a record mentions only when they exist (a fusion, a pacemaker): a
     * record silent on all of them meets the criterion instead of leaving it undocumented.
     */
    silentMeansNone: z.literal(true).optional(),
    /** Not applicable to a request that names one of these (a step-up program is not judged by the step below). */
    unlessRequestMentions: z.array(z.string().min(2)).min(1).optional(),
  })
  .strict();
export type Criterion = z.infer<typeof Criterion>;

/**
 * What a record silent on a criterion's evidence means, stated on every criterion of the data files:
 * 'not-documented' — silence leaves it not documented (a required criterion then counts against the
 * request); 'met' — the evidence is defeaters a record mentions only when they exist, so silence means
 * none (a fusion, a second NSAID); 'request-decides' — the evidence reads only the request (its words,
 * flags, drugs), which always answers, so the record's silence plays no part.
 */
export const IfSilent = z.enum(['not-documented', 'met', 'request-decides']);
export type IfSilent = z.infer<typeof IfSilent>;

/** Whether a condition can be unanswered: request words, flags and drugs always answer; facts and numbers may not. */
export function canBeSilent(c: Condition): boolean {
  return !('requestMentions' in c || 'ingredient' in c || ('request' in c && 'expect' in c));
}

/** The silence rule a criterion's structure implies (what the data files must state). */
export function impliedIfSilent(c: Pick<Criterion, 'evidence' | 'silentMeansNone'>): IfSilent {
  const e = c.evidence;
  const conditions = [...(e.anyOf ?? []), ...(e.allOf ?? []), ...(e.noneOf ?? [])];
  if (!conditions.some(canBeSilent)) return 'request-decides';
  return c.silentMeansNone === true ? 'met' : 'not-documented';
}

/**
 * A criterion as the data files write it: the silence rule is stated (`ifSilent`) instead of the engine's
 * `silentMeansNone` flag, and must agree with the evidence. Parsing yields the engine's Criterion.
 */
export const CriterionData = Criterion.omit({ silentMeansNone: true })
  .extend({ ifSilent: IfSilent })
  .superRefine((c, ctx) => {
    const e = c.evidence;
    if (c.ifSilent === 'met' && (e.anyOf !== undefined || e.allOf !== undefined || e.noneOf === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['ifSilent'],
        message: "'met' on silence is for defeaters only (evidence with noneOf and no anyOf/allOf)",
      });
    }
    const implied = impliedIfSilent({ evidence: e, ...(c.ifSilent === 'met' ? { silentMeansNone: true } : {}) });
    if (implied !== c.ifSilent) {
      ctx.addIssue({
        code: 'custom',
        path: ['ifSilent'],
        message: `the evidence implies ifSilent '${implied}' (request words, flags and drugs cannot be silent; facts and numbers can)`,
      });
    }
  })
  .transform(({ ifSilent, ...c }): Criterion => (ifSilent === 'met' ? { ...c, silentMeansNone: true } : c));
export type CriterionData = z.input<typeof CriterionData>;

export const LimitMeasure = z.enum([
  'visits',
  'weeks',
  'days',
  'months',
  'visits-per-week',
  'levels',
  'injections',
  'injections-per-year',
  'med-mg-per-day',
  'hours-per-week',
  'hours-per-day',
  'days-per-week',
  'relief-percent',
  'relief-weeks',
  'grams-per-day',
  'strength-percent',
  'weeks-of-conservative-care',
  'months-of-conservative-care',
  'years-since-injury',
  'age-years',
  'months-between',
  'procedures-per-year',
]);
export type LimitMeasure = z.infer<typeof LimitMeasure>;

/** A number the guideline sets (facts, not text): visits, weeks, levels, MED, relief thresholds… */
export const Limit = z
  .object({
    measure: LimitMeasure,
    min: z.number().nonnegative().optional(),
    max: z.number().nonnegative().optional(),
    /** What the number applies to ("myalgia and myositis", "transforaminal", "repeat block"). */
    applies: z.string().min(2).max(160).optional(),
    stage: z.enum(['trial', 'initial', 'total', 'extension', 'repeat', 'per-session', 'maintenance']).optional(),
  })
  .strict()
  .refine((l) => l.min !== undefined || l.max !== undefined, 'a limit needs min or max');
export type Limit = z.infer<typeof Limit>;

/**
 * Which requests a topic addresses. `kinds` must match. `keywords`, `drugClasses` and `drugs` are
 * alternatives (any one matches; a topic with none of them matches every request of its kinds).
 * `bodyParts`, `phases`, `route` and `surgicalContext` narrow when the request says something about them.
 */
export const TopicMatcher = z
  .object({
    kinds: z.array(TreatmentKind).min(1),
    keywords: z.array(z.string().min(2)).min(1).optional(),
    drugClasses: z.array(DrugClass).min(1).optional(),
    drugs: z.array(z.string().min(2)).min(1).optional(),
    route: z.enum(['topical', 'systemic']).optional(),
    bodyParts: z.array(BodyRegion).min(1).optional(),
    phases: z.array(Phase).min(1).optional(),
    /** 'required': only for services tied to a surgery; 'excluded': never for them. */
    surgicalContext: z.enum(['required', 'excluded']).optional(),
    /** Requests mentioning any of these words are not this topic's. */
    excludeKeywords: z.array(z.string().min(2)).min(1).optional(),
    /** The topic is about single products: it does not answer for requests naming more drugs than this. */
    maxDrugs: z.number().int().positive().optional(),
    /** Added to the match score to break ties between equally specific topics (the letters' usual choice). */
    priority: z.number().min(0).max(3).optional(),
  })
  .strict();
export type TopicMatcher = z.infer<typeof TopicMatcher>;

export const Position = z.enum(['recommended', 'conditional', 'not-recommended', 'insufficient-evidence']);
export type Position = z.infer<typeof Position>;

/**
 * How far a topic's citation (section name, pages) and content rest on evidence: 'letters' — the
 * section name (and pages, where given) is how real determination letters cite it and the criteria
 * follow the reasoning in them; 'recalled' — from the research notes (R rows), not yet seen in a letter;
 * 'uncertain' — do not rely on alone (U rows).
 */
export const Verification = z
  .object({ status: z.enum(['letters', 'recalled', 'uncertain']), note: z.string().min(3).max(300).optional() })
  .strict();
export type Verification = z.infer<typeof Verification>;

export const TopicArea = z.enum([
  'medications',
  'physical-medicine',
  'injections',
  'imaging',
  'electrodiagnostics',
  'surgery',
  'surgical-associated',
  'equipment',
  'programs',
  'home-care',
  'psychological',
  'consultations',
  'laboratory',
  'other',
]);
export type TopicArea = z.infer<typeof TopicArea>;

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const Topic = z
  .object({
    /** `<edition id prefix>.<key>`, e.g. 'chronic-pain-2016.physical-medicine'. */
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*\.[a-z0-9]+(?:-[a-z0-9]+)*$/),
    title: z.string().min(3).max(120),
    area: TopicArea,
    sourceId: z.string().regex(KEBAB),
    edition: z.string().min(1),
    /** Chapter id within the source (ODG chapters, ACOEM 3rd edition chapters). */
    chapter: z.string().regex(KEBAB).optional(),
    /** The section name as the letters cite it. */
    section: z.string().min(1).max(200),
    /** Other names letters use for the same section (older editions, abbreviations, sub-headings). */
    sectionAliases: z.array(z.string().min(2).max(200)).min(1).optional(),
    pages: z.array(z.number().int().positive()).min(1).optional(),
    /** The same topic across editions shares a lineage (the newest edition in force wins). */
    lineage: z.string().regex(KEBAB).optional(),
    appliesTo: TopicMatcher,
    position: Position,
    /** The guideline's position in one line, in our own words. */
    positionSummary: z.string().min(10).max(300),
    criteria: z.array(Criterion),
    limits: z.array(Limit),
    /** A rationale fragment in the letters' register; placeholders {treatment} and {finding}. */
    rationale: z.string().min(10).max(400),
    verification: Verification,
    /**
     * Open questions for the clinician reviewing the topic (a number not yet read in the guideline, a
     * requirement not encoded): shown in docs/guidelines, never read by the engine.
     */
    reviewNotes: z.array(z.string().min(10).max(400)).min(1).optional(),
  })
  .strict();
export type Topic = z.infer<typeof Topic>;

/** A topic as the data files write it (criteria with their silence rule); parsing yields the engine's Topic. */
export const TopicData = Topic.extend({ criteria: z.array(CriterionData) });
export type TopicData = z.input<typeof TopicData>;

/** One data file of the knowledge base: a chapter of topics (src/guidelines/topics/<chapter>.json). */
export const TopicsFile = z
  .object({
    chapter: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
    title: z.string().min(3),
    /** For the reader of the file: what it holds, how to edit it. */
    about: z.string().min(10).optional(),
    topics: z.array(TopicData).min(1),
  })
  .strict();
export type TopicsFile = z.input<typeof TopicsFile>;

// ---------------------------------------------------------------------------------------------------
// Sources
// ---------------------------------------------------------------------------------------------------

/**
 * Evidence tier in the Medical Evidence Search Sequence (8 CCR 9792.21.1): 1 = MTUS (presumed correct),
 * 2 = the most current ACOEM or ODG when the MTUS is silent, 3 = other nationally recognized
 * evidence-based guidelines, 4 = peer-reviewed studies and clinical references.
 */
export const SourceTier = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export type SourceTier = z.infer<typeof SourceTier>;

export const Licence = z.enum(['public regulation', 'licensed—cite only']);
export type Licence = z.infer<typeof Licence>;

export const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const Edition = z
  .object({
    id: z.string().min(1),
    label: z.string().min(3),
    /** How letters name this edition in a citation ("Chronic Pain Medical Treatment 2016"). */
    citeAs: z.string().min(3),
    year: z.number().int().min(1990).max(2100),
    /** First day (request date) the edition applies; for MTUS, the regulation's operative date. */
    effectiveFrom: IsoDay,
    /** Last day it applies, when superseded. */
    effectiveTo: IsoDay.optional(),
    /** Topic id prefix for this edition. */
    idPrefix: z.string().regex(KEBAB),
    note: z.string().optional(),
  })
  .strict();
export type Edition = z.infer<typeof Edition>;

export const Chapter = z
  .object({
    id: z.string().regex(KEBAB),
    name: z.string().min(2),
    /** Chapter as written in a citation ("Low Back Chapter"). */
    citeAs: z.string().min(2),
    /** Normalized phrases letters use for the chapter. */
    letterNames: z.array(z.string().min(2)).min(1),
  })
  .strict();
export type Chapter = z.infer<typeof Chapter>;

export const Source = z
  .object({
    id: z.string().regex(KEBAB),
    name: z.string().min(3),
    publisher: z.string().min(3),
    tier: SourceTier,
    /** 'MTUS' or 'Non-MTUS' in the letters' basis paragraphs. */
    citationSource: z.enum(['MTUS', 'Non-MTUS']),
    licence: Licence,
    regulation: z.string().optional(),
    editions: z.array(Edition).min(1),
    /** Edition meant by a citation that names no year. */
    undatedEdition: z.string().min(1),
    chapters: z.array(Chapter).min(1).optional(),
    /** A citation naming one of this source's chapters but no source is this source's (ODG). */
    chapterImpliesSource: z.boolean(),
    /** Normalized phrases letters use for the source (see `normalize`). */
    letterNames: z.array(z.string().min(2)).min(1),
    /** Whether the letters put the section in the citation's `sections` field (MTUS) or not cite it. */
    citeSections: z.boolean(),
    /** Short name for rationale text ("the MTUS Chronic Pain Medical Treatment Guidelines"). */
    shortName: z.string().min(2),
    note: z.string().optional(),
  })
  .strict();
export type Source = z.infer<typeof Source>;
