import { z } from 'zod';
import { TreatmentKind } from '../domain/treatment.js';
import { DrugClassOrUnknown } from '../terminology/drug-classes.js';

/** What kind of treatment a disputed item asks for: the closed set shared through src/domain. */
export const RequestKind = TreatmentKind;
export type RequestKind = TreatmentKind;

export const Side = z.enum(['left', 'right', 'bilateral']);
export type Side = z.infer<typeof Side>;

export const DrugMention = z.object({
  /** As written ("Norco", "Flexeril", "Flurbiprofen"). */
  name: z.string(),
  /** Generic name, lower case ("hydrocodone/acetaminophen", "cyclobenzaprine"). */
  generic: z.string(),
  /** Guideline drug class from the vocabulary ("opioid", "muscle-relaxant", "topical-nsaid"…), or 'unknown'. */
  drugClass: DrugClassOrUnknown,
  strength: z.string().optional(), // "10/325 mg", "7.5mg", "5%"
  percent: z.number().optional(), // for compounded ingredients
  form: z.string().optional(), // tablet, patch, cream, suspension, capsule…
});
export type DrugMention = z.infer<typeof DrugMention>;

export const Frequency = z.object({
  text: z.string(),
  perWeek: z.number().optional(),
  weeks: z.number().optional(),
  perDay: z.number().optional(),
  days: z.number().optional(),
  asNeeded: z.boolean().optional(),
  /** Hours of care a day ("6 hours per day" of home care). */
  hoursPerDay: z.number().optional(),
  /** Most units taken at a time ("1-2 tabs every 4-6 hours" → 2), for daily-dose arithmetic. */
  unitsPerDose: z.number().optional(),
});
export type Frequency = z.infer<typeof Frequency>;

/** A disputed item's request, read into parts. Fields a request lacks are omitted. */
export const ParsedRequest = z.object({
  text: z.string(),
  kind: RequestKind,
  /** The treatment itself, normalized lower case ("physical therapy", "mri", "emg/ncv", "medial branch block", "tens unit"). */
  modality: z.string().optional(),
  drugs: z.array(DrugMention).default([]),
  quantity: z.number().optional(), // "#90", "QTY 12", "times 1"
  quantityUnspecified: z.boolean().optional(), // "(unspecified quantity)", "quantity unspecified"
  refills: z.number().optional(),
  frequency: Frequency.optional(), // "2x6", "3 times a week for 4 weeks", "twice daily"
  sessions: z.number().optional(), // total visits or sessions when stated or derivable (2x6 → 12)
  supplyDays: z.number().optional(), // "one month supply" → 30
  bodyParts: z.array(z.string()).default([]), // normalized: "lumbar spine", "cervical spine", "shoulder", "knee"…
  side: Side.optional(),
  spinalLevels: z.array(z.string()).default([]), // "L4-L5", "L5-S1", "C5-C6"
  contrast: z.enum(['with', 'without', 'with-and-without']).optional(),
  retrospective: z.object({ date: z.string().optional() }).optional(), // ISO date of service when given
  associatedSurgery: z.boolean().optional(), // "Associated surgical service: …", "Pre-op …", "Post-op …"
  /** For kind 'surgical-associated': the kind of the service itself ("Post-op Norco" → medication, "Pre-op labs" → laboratory). */
  serviceKind: RequestKind.optional(),
  additional: z.boolean().optional(), // "additional", "continued", "re-exam"
});
export type ParsedRequest = z.infer<typeof ParsedRequest>;
