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

/**
 * How a class is taken when its class says so: topical classes on the skin, opioids systemically (a
 * fentanyl or buprenorphine patch included); the others by their form.
 */
export const DRUG_CLASS_ROUTE: Readonly<Record<DrugClass, 'topical' | 'systemic' | undefined>> = {
  opioid: 'systemic',
  'muscle-relaxant': undefined,
  nsaid: undefined,
  'cox2-inhibitor': undefined,
  acetaminophen: undefined,
  anticonvulsant: undefined,
  antidepressant: undefined,
  benzodiazepine: undefined,
  'sleep-aid': undefined,
  ppi: undefined,
  'h2-blocker': undefined,
  'topical-nsaid': 'topical',
  'topical-anesthetic': 'topical',
  capsaicin: 'topical',
  'topical-salicylate': 'topical',
  'topical-muscle-relaxant': 'topical',
  compounded: 'topical',
  'barbiturate-analgesic': undefined,
  'medical-food': undefined,
  laxative: undefined,
  antiemetic: undefined,
  'pde5-inhibitor': undefined,
  hormone: undefined,
  triptan: undefined,
  corticosteroid: undefined,
  'botulinum-toxin': undefined,
  supplement: undefined,
  anxiolytic: undefined,
};

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
export const DRUG_FORMS = [
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
] as const;
export const DrugForm = z.enum(DRUG_FORMS);
export type DrugForm = z.infer<typeof DrugForm>;

/**
 * The words requests use for each form ("tabs", "crm", "troche") and whether the form is applied to the
 * skin (a topical route).
 */
export const DRUG_FORM_WORDS: Readonly<
  Record<DrugForm, { readonly words: readonly string[]; readonly topical: boolean }>
> = {
  tablet: { words: ['tab', 'tabs', 'tablet', 'tablets', 'tbl'], topical: false },
  capsule: { words: ['cap', 'caps', 'capsule', 'capsules'], topical: false },
  patch: { words: ['patch', 'patches', 'pad', 'pads'], topical: true },
  cream: { words: ['cream', 'creams', 'crm'], topical: true },
  gel: { words: ['gel'], topical: true },
  ointment: { words: ['ointment', 'oint'], topical: true },
  lotion: { words: ['lotion'], topical: true },
  solution: { words: ['solution', 'soln'], topical: false },
  suspension: { words: ['suspension', 'susp'], topical: false },
  spray: { words: ['spray'], topical: true },
  liquid: { words: ['liquid', 'elixir', 'syrup'], topical: false },
  injection: { words: ['injection', 'injectable', 'vial'], topical: false },
  film: { words: ['film'], topical: false },
  powder: { words: ['powder'], topical: false },
  suppository: { words: ['suppository'], topical: false },
  lozenge: { words: ['lozenge', 'troche'], topical: false },
  drops: { words: ['drops'], topical: false },
  inhaler: { words: ['inhaler'], topical: false },
};
