import { z } from 'zod';

/**
 * Drug classes: the ids the guideline knowledge base reasons about (a topic matches a class, a criterion
 * asks for an ingredient of a class). Every drug of the vocabulary has exactly one of these, or
 * 'unknown' when no guideline class fits (an antibiotic, an antihypertensive) or the name is not known.
 */
export const DRUG_CLASSES = [
  'opioid',
  'muscle-relaxant',
  'nsaid',
  'cox2-inhibitor',
  'acetaminophen',
  'anticonvulsant',
  'antidepressant',
  'benzodiazepine',
  'sleep-aid',
  'ppi',
  'h2-blocker',
  'topical-nsaid',
  'topical-anesthetic',
  'capsaicin',
  'topical-salicylate',
  'topical-muscle-relaxant',
  'compounded',
  'barbiturate-analgesic',
  'medical-food',
  'laxative',
  'antiemetic',
  'pde5-inhibitor',
  'hormone',
  'triptan',
  'corticosteroid',
  'botulinum-toxin',
  'supplement',
  'anxiolytic',
] as const;
export const DrugClass = z.enum(DRUG_CLASSES);
export type DrugClass = z.infer<typeof DrugClass>;

/** A drug whose class the vocabulary does not know, or whose class no guideline topic is written for. */
export const UNKNOWN_DRUG_CLASS = 'unknown';
export const DrugClassOrUnknown = z.union([DrugClass, z.literal(UNKNOWN_DRUG_CLASS)]);
export type DrugClassOrUnknown = z.infer<typeof DrugClassOrUnknown>;

const KNOWN: ReadonlySet<string> = new Set<string>(DRUG_CLASSES);

/** `id` when it is a drug class id, else undefined (no synonyms: ids come from this vocabulary). */
export function knownDrugClass(id: string | undefined): DrugClass | undefined {
  return id !== undefined && KNOWN.has(id) ? (id as DrugClass) : undefined;
}

/** `id` as a class of the vocabulary, 'unknown' for anything else. */
export function drugClassOrUnknown(id: string | undefined): DrugClassOrUnknown {
  return knownDrugClass(id) ?? UNKNOWN_DRUG_CLASS;
}

/** Dosage forms a drug name can imply (Lidoderm: patch) or a request can state. */
export const DrugForm = z.enum([
  'tablet',
  'capsule',
  'patch',
  'cream',
  'gel',
  'ointment',
  'lotion',
  'solution',
  'suspension',
  'spray',
  'liquid',
  'injection',
  'film',
  'powder',
  'suppository',
  'lozenge',
  'drops',
  'inhaler',
]);
export type DrugForm = z.infer<typeof DrugForm>;
