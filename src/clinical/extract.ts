import { detectExamFindings, detectNeuroDeficits, detectRadicular } from './detect-exam.js';
import { detectDiagnoses, detectElectrodiagnostics, detectImaging, detectRedFlags } from './detect-findings.js';
import { detectPainRelief, detectPainScores } from './detect-pain.js';
import {
  detectAberrantBehavior,
  detectChronicity,
  detectFunction,
  detectGiRisk,
  detectOpioidAgreement,
  detectPsychological,
  detectSleep,
  detectUrineDrugScreens,
  detectWorkStatus,
} from './detect-status.js';
import {
  detectBenefitAndFailure,
  detectHomeExercise,
  detectMedications,
  detectPriorTreatments,
  detectSideEffects,
  detectSurgery,
} from './detect-treatment.js';
import { ClinicalDoc, type SourceSpan } from './document.js';
import { splitSentences } from './sentences.js';
import type { ClinicalRecord } from './types.js';

export interface ReadOptions {
  /** ISO date the record is read as of (chronicity); default: the latest full date in the text. */
  readonly referenceDate?: string;
  /** ISO date of injury when the caller knows it (e.g. from a letter header); default: found in the text. */
  readonly injuryDate?: string;
  /** Who wrote each part of the text (`assembleRecord` gives them); without them the text is one medical record. */
  readonly parts?: readonly SourceSpan[];
}

const DETECTORS: readonly ((doc: ClinicalDoc) => void)[] = [
  detectPainScores,
  detectPainRelief,
  detectFunction,
  detectMedications,
  detectSideEffects,
  detectPriorTreatments,
  detectBenefitAndFailure,
  detectExamFindings,
  detectRadicular,
  detectNeuroDeficits,
  detectImaging,
  detectElectrodiagnostics,
  detectRedFlags,
  detectSurgery,
  detectWorkStatus,
  detectUrineDrugScreens,
  detectOpioidAgreement,
  detectAberrantBehavior,
  detectHomeExercise,
  detectDiagnoses,
  detectPsychological,
  detectSleep,
  detectGiRisk,
];

/**
 * Reads clinical text (a reviewer's summary, a progress note, or several joined by the caller) into facts,
 * each with the span of text that supports it and its negation and uncertainty. Pure and synchronous.
 */
export function readClinical(text: string, opts: ReadOptions = {}): ClinicalRecord {
  const sentences = splitSentences(text);
  const doc = new ClinicalDoc(text, sentences, opts.parts);
  for (const detect of DETECTORS) detect(doc);
  detectChronicity(doc, opts);
  const facts = [...doc.facts].sort((a, b) => a.evidence.start - b.evidence.start || a.kind.localeCompare(b.kind));
  return { text, sentences: sentences.map((s, i) => ({ ...s, source: doc.source(i) })), facts };
}
