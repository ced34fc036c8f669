import { z } from 'zod';

/**
 * How the engine weighs the support for a request (src/engine/assess.ts). The weights and the
 * threshold are set by the burden of documentation, not fitted: a required criterion affirmed by a
 * specific finding, or the certification of the procedure a service belongs to, is the support a
 * reviewer needs (+2.5 each); routine statements add little (+0.5, three of them cannot reach the
 * threshold); a required criterion the record leaves undocumented (−2) or contradicts (−3), or a
 * guideline that does not recommend the treatment (−3), weighs against. `platt` maps the score to a
 * probability of overturn; it is fitted on the dev corpus by `npm run fit:calibration` (which rewrites
 * only that line).
 */
const Calibration = z.object({
  routineFacts: z.array(z.string()).min(1),
  weights: z.array(z.number()).length(6),
  overturnAt: z.number(),
  platt: z.object({ a: z.number(), b: z.number() }),
});

export const calibration = Calibration.parse({
  // Facts nearly every workers' compensation record states (kind, or exam-finding:value). A complaint of
  // radiating pain, numbness or tingling is one: the MTUS ACOEM spine chapters ask for objective findings
  // on examination (Low Back Complaints, Special Studies, p. 303; Neck and Upper Back Complaints, Special
  // Studies, p. 178), which are specific (a sensory deficit, weakness, a reflex change, a positive Tinel).
  routineFacts: [
    'chronicity',
    'diagnosis',
    'prior-treatment',
    'medication-use',
    'pain-score',
    'work-status',
    'radicular-symptoms',
    'exam-finding:tenderness',
    'exam-finding:rom-limited',
    'exam-finding:spasm',
  ],
  // specific, thin, notDocumented, unmet, caseMet, notRecommended
  weights: [2.5, 0.5, -2, -3, 2.5, -3],
  overturnAt: 2,
  platt: { a: -0.979, b: 0.769 },
});
