import { z } from 'zod';

/** A piece of the record that supports a fact: character offsets into the text given to the extractor. */
export const EvidenceSpan = z.object({ quote: z.string(), start: z.number().int(), end: z.number().int() });
export type EvidenceSpan = z.infer<typeof EvidenceSpan>;

/** Closed set of fact kinds the clinical reader produces. */
export const FactKind = z.enum([
  'pain-score', // value: 0-10; qualifier: 'with-medication' | 'without-medication' | 'current' | 'baseline' (also 'with-activity' | 'at-rest' | 'worst' | 'best' | 'average')
  'pain-relief', // value: percent reduction; qualifier names the cause when stated (medication, injection…)
  'functional-improvement', // improved ADLs, walking, work, sleep; objective when measured (value: 'adl' | 'walking' | 'sitting' | 'standing' | 'lifting' | 'work' | 'sleep' | 'upper-extremity use' | 'general'; qualifier: 'objective' | 'stated' | 'subjective')
  'functional-limitation', // value: the activity, as for functional-improvement; qualifier 'objective' when measured
  'medication-use', // value: generic name or class ('nsaid', 'opioid'…); qualifier: duration text, 'tapering' or 'discontinued' (negated); date: ISO start when stated
  'side-effects', // negated when denied; value: the effect or 'unspecified'; qualifier: the drug when named
  'prior-treatment', // value: modality ("physical therapy", "acupuncture", "chiropractic", "injection", "medications"…); count: sessions when stated
  'treatment-benefit', // prior treatment helped; value: modality
  'treatment-failure', // prior treatment failed / no benefit; value: modality
  'exam-finding', // value: 'straight-leg-raise' | 'facet-loading' | 'tenderness' | 'spasm' | 'rom-limited' | 'weakness' | 'sensory-deficit' | 'reflex-change' | 'atrophy' | 'impingement-sign' | 'instability' | 'effusion' | 'mcmurray' | 'tinel' | 'phalen' | 'normal-neuro' … (also 'facet-tenderness', 'guarding', 'rotator-cuff-sign', 'labral-sign', 'biceps-sign', 'swelling', 'meniscal-sign', 'joint-line-tenderness', 'carpal-compression', 'finkelstein', 'spurling', 'si-joint-sign', 'crepitus', 'abnormal-gait', 'neural-tension', 'trigger-point'); negated: normal or absent; qualifier 'reported' for symptoms the patient reports, 'motor N/5' for grades
  'radicular-symptoms', // radiating pain, numbness, tingling in a limb; negated: "no radicular symptoms"
  'neurological-deficit', // value: 'focal-deficit' | 'nerve-root-compromise' | 'foot-drop' | 'progressive-deficit'
  'imaging-result', // value: modality (mri, x-ray, ct); qualifier: finding text; negated: normal study; no qualifier: done, result not stated
  'electrodiagnostic-result', // value: 'emg' | 'ncs' | 'emg/ncs' | 'electrodiagnostic'; like imaging-result
  'red-flag', // fracture, tumour, infection, cauda equina, progressive deficit, bowel/bladder
  'surgery-history', // value: procedure; date when stated
  'surgery-planned', // value: procedure
  'work-status', // value: 'full-duty' | 'modified-duty' | 'off-work' | 'retired' | 'unknown' (a bare "may return to work" is full-duty, uncertain)
  'urine-drug-screen', // qualifier: 'consistent' | 'inconsistent' | 'performed'
  'opioid-agreement',
  'aberrant-behavior',
  'home-exercise',
  'chronicity', // value: weeks since injury or onset when derivable (date: injury date), else 'chronic' | 'acute' | 'subacute' | 'acute-exacerbation'
  'diagnosis', // value: normalized diagnosis text; qualifier: canonical key ('radiculopathy', 'disc herniation', 'carpal tunnel syndrome'…) when recognized
  'psychological-symptoms',
  'sleep-disturbance',
  'gi-risk', // GI symptoms or risk factors (for PPI / NSAID): 'gi-symptoms' | 'gi-bleed' | 'ulcer-history' | 'anticoagulant' | 'aspirin' | 'corticosteroid' | 'age-over-65'
]);
export type FactKind = z.infer<typeof FactKind>;

/**
 * Who states a sentence. Only clinical sources are evidence: the utilization review, the application for
 * IMR and the IMR reviewer's own reasoning argue about the record; they are not the record.
 */
export const FactSource = z.enum([
  'treating-physician', // progress reports (PR-2), consultations, requests for authorization, operative notes
  'medical-record', // other clinical documents (imaging and test reports, evaluations), or a record of unknown origin
  'imr-summary', // the IMR clinical summary: the records as the reviewer summarized them
  'utilization-review', // the UR decision, or the record restating it ("the request was non-certified because…")
  'imr-application', // the application for IMR and appeals
  'imr-reviewer', // the IMR reviewer's own analysis (a determination's rationale)
]);
export type FactSource = z.infer<typeof FactSource>;

/** Whether a source's statements are clinical evidence. */
export const CLINICAL_SOURCE: Readonly<Record<FactSource, boolean>> = {
  'treating-physician': true,
  'medical-record': true,
  'imr-summary': true,
  'utilization-review': false,
  'imr-application': false,
  'imr-reviewer': false,
};

export const Fact = z.object({
  kind: FactKind,
  value: z.union([z.string(), z.number(), z.boolean()]).optional(),
  qualifier: z.string().optional(),
  count: z.number().optional(),
  date: z.string().optional(),
  bodyPart: z.string().optional(),
  side: z.enum(['left', 'right', 'bilateral']).optional(),
  /** The statement is denied or absent ("denied side effects", "no radicular symptoms", "lack of neural tension"). */
  negated: z.boolean(),
  /** Hedged ("possible", "rule out", "may have", "?"). */
  uncertain: z.boolean(),
  evidence: EvidenceSpan,
  /** A stated range ("6-8/10", "30-50 percent"); `value` is then its midpoint. */
  range: z.object({ low: z.number(), high: z.number() }).optional(),
  /**
   * Who states it: the treating record as summarized ('record'), the plan or request ('plan': proposed,
   * not done), or the utilization review / claims administrator restating the file ('review').
   */
  context: z.enum(['record', 'plan', 'review']).optional(),
  /** Who states it (the sentence's attribution); a non-clinical source's facts also have context 'review'. */
  source: FactSource.optional(),
  /** Conditional or contingent ("if symptoms persist", "would consider surgery", "to prevent ulcers"). */
  hypothetical: z.boolean().optional(),
  /** Past rather than current ("history of", "previously", "in 2014", "two years ago"). */
  historical: z.boolean().optional(),
  /** About a relative, not the patient ("family history of", "her mother had"). */
  family: z.boolean().optional(),
});
export type Fact = z.infer<typeof Fact>;

export const Sentence = z.object({
  text: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  /** Normalized header of the section the sentence sits in ("diagnoses", "plan", "objective", …) when the text has headers. */
  section: z.string().optional(),
  /** Who states it, when the text's parts are known (`assembleRecord`) or the sentence itself says (a UR restatement). */
  source: FactSource.optional(),
});
export type Sentence = z.infer<typeof Sentence>;

export interface ClinicalRecord {
  /** The text the offsets refer to (summary and documents joined by the caller, or one document). */
  readonly text: string;
  readonly sentences: readonly Sentence[];
  readonly facts: readonly Fact[];
}
