import { z } from 'zod';

/** The public letter JSON contract (see DESIGN.md). Change only additively. */

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date YYYY-MM-DD');

export const Decision = z.enum(['Upheld', 'Overturned']);
export type Decision = z.infer<typeof Decision>;

export const CitationSource = z.enum(['MTUS', 'Non-MTUS']);
export type CitationSource = z.infer<typeof CitationSource>;

export const Citation = z.object({
  source: CitationSource,
  text: z.string().min(1),
  pages: z.array(z.number().int().positive()).min(1).optional(),
  sections: z.string().min(1).optional(),
});
export type Citation = z.infer<typeof Citation>;

export const Basis = z.object({
  usedMtus: z.boolean(),
  citations: z.array(Citation),
  /** The basis paragraph as written, whitespace collapsed. */
  raw: z.string(),
});
export type Basis = z.infer<typeof Basis>;

export const LetterItem = z.object({
  request: z.string().min(1),
  originalRequest: z.string().min(1).optional(),
  authorizedPortion: z.string().min(1).optional(),
  decision: Decision,
  claimsAdministratorBasis: Basis,
  reviewerBasis: Basis,
  rationale: z.string(),
});
export type LetterItem = z.infer<typeof LetterItem>;

export const Priority = z.string().min(1);

export const CaseHeader = z.object({
  caseNumber: z.string().min(1).optional(),
  dateAssigned: IsoDate.optional(),
  decisionDate: IsoDate.optional(),
  urDenialDate: IsoDate.optional(),
  priority: Priority.optional(),
  applicationReceived: IsoDate.optional(),
});
export type CaseHeader = z.infer<typeof CaseHeader>;

export const Sex = z.enum(['male', 'female']);
export type Sex = z.infer<typeof Sex>;

export const Patient = z.object({
  age: z.number().int().min(0).max(120).optional(),
  sex: Sex.optional(),
  injuryDate: IsoDate.optional(),
});
export type Patient = z.infer<typeof Patient>;

export const Reviewer = z.object({
  licensure: z.array(z.string().min(1)),
  specialties: z.array(z.string().min(1)),
  subspecialties: z.array(z.string().min(1)),
});
export type Reviewer = z.infer<typeof Reviewer>;

export const Letter = z.object({
  file: z.string().optional(),
  case: CaseHeader,
  reviewer: Reviewer,
  patient: Patient,
  clinicalSummary: z.string(),
  items: z.array(LetterItem).min(1),
});
export type Letter = z.infer<typeof Letter>;
