import { z } from 'zod';
import { Citation, Patient } from '../domain/letter.js';

/** The public `imr review` input (DESIGN.md). */
export const ReviewInput = z.object({
  caseNumber: z.string().optional(),
  patient: Patient.optional(),
  /** When the decision is made (ISO date); selects guideline editions in force. Defaults to today. */
  decisionDate: z.string().optional(),
  clinicalSummary: z.string(),
  documents: z
    .array(z.object({ title: z.string().optional(), date: z.string().optional(), text: z.string() }))
    .optional(),
  items: z.array(z.object({ request: z.string().min(1) })).min(1),
});
export type ReviewInput = z.infer<typeof ReviewInput>;

export const Recommendation = z.enum(['Upheld', 'Overturned', 'Refer']);
export type Recommendation = z.infer<typeof Recommendation>;

export const CriterionStatus = z.enum(['met', 'unmet', 'not-documented', 'not-applicable']);
export type CriterionStatus = z.infer<typeof CriterionStatus>;

export const CriterionResult = z.object({
  id: z.string(),
  text: z.string(),
  status: CriterionStatus,
  required: z.boolean().optional(),
  evidence: z.array(z.object({ quote: z.string(), start: z.number().int(), end: z.number().int() })),
});
export type CriterionResult = z.infer<typeof CriterionResult>;

export const ItemReview = z.object({
  request: z.string(),
  recommendation: Recommendation,
  topic: z.object({ id: z.string(), title: z.string() }),
  citations: z.array(Citation),
  criteria: z.array(CriterionResult),
  rationale: z.string(),
  /** Why a lower tier of evidence was used (Medical Evidence Search Sequence), when it was. */
  evidenceSearch: z.string().optional(),
  kind: z.string().optional(),
  /** Probability that a reviewer overturns the denial, from what the record documents (calibrated on the dev corpus). */
  probability: z.number().min(0).max(1).optional(),
  /** How clear the recommendation is: 0 on the decision threshold, 1 far from it. */
  confidence: z.number().min(0).max(1).optional(),
  /** What the probability rests on: required criteria by how the record meets or misses them. */
  support: z
    .object({
      specific: z.number().int(),
      thin: z.number().int(),
      notDocumented: z.number().int(),
      unmet: z.number().int(),
      caseMet: z.number().int(),
      notRecommended: z.boolean(),
    })
    .optional(),
});
export type ItemReview = z.infer<typeof ItemReview>;

export const ReviewOutput = z.object({
  caseNumber: z.string().optional(),
  items: z.array(ItemReview),
});
export type ReviewOutput = z.infer<typeof ReviewOutput>;
