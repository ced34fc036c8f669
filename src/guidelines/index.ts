export {
  type CitationMatch,
  type CitationMatchLevel,
  type CitedSource,
  citationAgrees,
  citationLine,
  findTopicByCitation,
  formatCitation,
  identifySource,
  matchCitation,
} from './cite.js';
export { bodyRegionsOf, chapterCovers, regionsInText, regionsOverlap } from './regions.js';
export * from './schema.js';
export { type DrugInput, type RankedTopic, type TopicQuery, type TopicSelection, topicsFor } from './select.js';
export { chapterOf, editionOf, inForce, SOURCES, sourceById } from './sources.js';
export { ALL_TOPICS, TOPICS_BY_AREA, topicById } from './topics/index.js';
