export { type AssembledRecord, assembleRecord, type RecordDocument, type RecordPart } from './assemble.js';
export { ContextCategory, ContextRule, ContextRuleSet } from './context-schema.js';
export { type DateMention, daysBetween, findDates, firstDate } from './dates.js';
export type { SourceSpan } from './document.js';
export { type ReadOptions, readClinical } from './extract.js';
export { type Assertion, assertionOf, assertSpan, type ScopeMap, scopeSentence, scopeSentences } from './negation.js';
export { sectionName, splitSentences } from './sentences.js';
export { countsAsEvidence, documentSource, isClinicalSource, restatedSource } from './sources.js';
export {
  CLINICAL_SOURCE,
  type ClinicalRecord,
  EvidenceSpan,
  Fact,
  FactKind,
  FactSource,
  Sentence,
} from './types.js';
