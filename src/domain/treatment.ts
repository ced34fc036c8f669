import { z } from 'zod';

/**
 * What kind of treatment a disputed item asks for — one closed set shared by the request parser
 * (src/engine), the guideline knowledge base (src/guidelines) and reviewer matching (src/reviewers).
 */
export const TREATMENT_KINDS = [
  'medication',
  'compounded-topical',
  'therapy', // physical / occupational therapy, physical medicine modalities
  'acupuncture',
  'chiropractic',
  'injection',
  'imaging',
  'electrodiagnostic',
  'surgery',
  'surgical-associated', // pre-op clearance/labs, post-op DME or therapy "associated surgical service"
  'equipment', // DME, braces, TENS, pillows, supports
  'program', // functional restoration, work hardening, partial hospitalization, gym
  'consultation', // specialist consult, office visit, evaluation, re-exam
  'laboratory', // urine drug screen, blood tests
  'home-care',
  'psychological',
  'other',
] as const;
export const TreatmentKind = z.enum(TREATMENT_KINDS);
export type TreatmentKind = z.infer<typeof TreatmentKind>;
