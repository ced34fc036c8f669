export { type DateMention, daysBetween, findDates, firstDate } from './dates.js';
export { type ReadOptions, readClinical } from './extract.js';
export { type Assertion, assertionOf, assertSpan, type ScopeMap, scopeSentence, scopeSentences } from './negation.js';
export { sectionName, splitSentences } from './sentences.js';
export { type ClinicalRecord, EvidenceSpan, Fact, FactKind, Sentence } from './types.js';
