/**
 * Who says it: rules (as data) that attribute a document to its source from its title or first line,
 * and a sentence of a clinical text to the utilization review or the IMR application when it restates
 * them ("the request was non-certified because…"). Checked by `SourceRuleSet` at load.
 */

import { z } from 'zod';
import { FactSource } from './types.js';

const Pattern = z
  .string()
  .min(1)
  .refine(
    (p) => {
      try {
        new RegExp(p, 'i');
        return true;
      } catch {
        return false;
      }
    },
    { message: 'pattern does not compile' },
  );

export const SourceRule = z
  .object({
    source: FactSource,
    /** A regular-expression fragment, matched without case. */
    pattern: Pattern,
    note: z.string().optional(),
  })
  .strict();
export type SourceRule = z.infer<typeof SourceRule>;

export const SourceRuleSet = z
  .object({
    /** A document's title (else its first line): the first rule that matches names its source. */
    documents: z.array(SourceRule).min(1),
    /** A document no rule names: what it is taken to be. */
    defaultDocument: FactSource,
    /** A sentence of a clinical part that restates the review or the application: the first rule that matches. */
    sentences: z.array(SourceRule).min(1),
  })
  .strict();
export type SourceRuleSet = z.infer<typeof SourceRuleSet>;

/**
 * Symptoms a patient denies: "side effects were denied" is the patient's answer, not a review decision.
 * Written as a look-behind checked after the verb has matched (cheap: most positions fail on the verb).
 */
const VERB = '(?:was|were|been|is|are|be)';
const NOT_AFTER_SYMPTOM = `(?<!\\b(?:effects?|symptoms?|nausea|vomiting|constipation|dizziness|drowsiness|sedation|numbness|tingling|weakness|ideation|complaints?|incontinence|fevers?|chills)\\b[^.;]{0,40}${VERB})`;

export const SOURCE_RULES: z.input<typeof SourceRuleSet> = {
  documents: [
    {
      source: 'imr-application',
      pattern:
        '\\bapplication for (?:independent medical review|IMR)\\b|\\bIMR application\\b|\\bIMR-?1\\b|\\bappeal\\b',
      note: "The application for IMR (form IMR-1) and appeals: the party's argument.",
    },
    {
      source: 'imr-reviewer',
      pattern:
        "\\bfinal determination\\b|\\b(?:IMR|independent medical review) (?:determination|decision)\\b|\\breviewer'?s? (?:rationale|analysis|decision)\\b",
      note: "A determination letter: the reviewer's reasoning about the record.",
    },
    {
      source: 'utilization-review',
      pattern:
        '\\butilization review\\b|\\bUR\\b|\\bpeer review\\b|\\bnotice of (?:modification|non-?certification|denial|adverse|decision)\\b|\\bnon-?certification\\b|\\b(?:review|UR) (?:determination|decision)\\b|\\bdenial letter\\b|\\bclaims administrator\\b',
      note: 'The UR decision under dispute.',
    },
    {
      source: 'treating-physician',
      pattern:
        "\\bPR-?[1-4]\\b|\\bprogress (?:report|note)s?\\b|\\b(?:primary )?treating physician\\b|\\bPTP\\b|\\boffice (?:visit|note)\\b|\\bfollow[- ]?up (?:visit|note|report|evaluation)\\b|\\binitial (?:evaluation|consultation|report|visit)\\b|\\bconsultation\\b|\\bdoctor'?s first report\\b|\\bDFR\\b|\\brequest for authori[sz]ation\\b|\\bRFA\\b|\\boperative (?:report|note)\\b|\\b(?:chart|visit|clinic) note\\b|\\bphysician'?s? (?:report|note)\\b|\\bre-?evaluation\\b",
      note: 'Reports of the treating physicians.',
    },
  ],
  defaultDocument: 'medical-record',
  sentences: [
    {
      source: 'utilization-review',
      pattern: `\\b(?:utilization review|UR\\b|claims administrator|non-?certif\\w*|non-?approved|${VERB}${NOT_AFTER_SYMPTOM}\\s+(?:previously\\s+|subsequently\\s+|partially\\s+)?(?:denied|modified|approved|certified|authorized|reviewed)\\b|(?:denied|modified|approved|certified|non-?certified) (?:the |a |this )?(?:\\w+ )?requests?|(?:prior|previous|original) (?:review|determination|denial)|rationale for (?:the )?(?:denial|modification|non-?certification)|(?:the )?determination|failed to approve|partially approved|not medically necessary|reviewer)`,
      note: 'A clinical text restating the review: "the request was modified", "the reviewer noted…".',
    },
    {
      source: 'imr-application',
      pattern: '\\b(?:independent medical review|IMR\\b|appeal(?:ed|s)?\\b)',
      note: '"The denial was appealed to independent medical review."',
    },
  ],
};
