import type { Citation } from '../domain/letter.js';
import type { Chapter, Edition, Source, Topic } from './schema.js';
import { type TopicQuery, topicsFor } from './select.js';
import { chapterOf, editionOf, SOURCES, sourceById } from './sources.js';
import { containment, normalize, phraseAt, tokens } from './text.js';
import { ALL_TOPICS } from './topics/index.js';

/**
 * Citations in the letters' form, and the way back: from a letter's citation to the topic it names
 * (for the replay's topic-agreement measure).
 */

function sourceAndEdition(topic: Topic): { source: Source; edition: Edition; chapter: Chapter | undefined } {
  const source = sourceById(topic.sourceId);
  const edition = source === undefined ? undefined : editionOf(source, topic.edition);
  if (source === undefined || edition === undefined)
    throw new Error(`topic ${topic.id} names an unknown source edition`);
  return { source, edition, chapter: chapterOf(source, topic.chapter) };
}

/**
 * A topic as the letters cite it: MTUS citations carry the edition as text and the section in `sections`
 * ("Chronic Pain Medical Treatment 2016", "Physical medicine treatment"); non-MTUS citations carry
 * everything in the text ("Official Disability Guidelines (ODG), Low Back Chapter, Epidural steroid
 * injections (ESIs)"). Pages are included when the topic has them.
 */
export function formatCitation(topic: Topic): Citation {
  const { source, edition, chapter } = sourceAndEdition(topic);
  const citation: Citation =
    source.citationSource === 'MTUS'
      ? { source: 'MTUS', text: edition.citeAs }
      : {
          source: 'Non-MTUS',
          text: [edition.citeAs, chapter?.citeAs, topic.section].filter((s) => s !== undefined).join(', '),
        };
  if (source.citationSource === 'MTUS' && source.citeSections) citation.sections = topic.section;
  if (topic.pages !== undefined) citation.pages = [...topic.pages];
  return citation;
}

/** One citation as a basis sentence shows it: "MTUS X, Section(s): s Page(s): 1, 2" / "Non-MTUS Citation X". */
export function citationLine(c: Citation): string {
  let out = c.source === 'MTUS' ? `MTUS ${c.text}` : `Non-MTUS Citation ${c.text}`;
  if (c.sections !== undefined) out += `, Section(s): ${c.sections}`;
  if (c.pages !== undefined && c.pages.length > 0) out += ` Page(s): ${c.pages.join(', ')}`;
  return out;
}

export interface CitedSource {
  source: Source;
  edition: Edition;
  chapter?: Chapter;
  /** The citation's words left once source and chapter names are removed (normalized). */
  rest: string;
}

interface PhraseHit {
  at: number;
  length: number;
  phrase: string;
}

function firstHit(text: string, phrases: readonly string[]): PhraseHit | undefined {
  let best: PhraseHit | undefined;
  for (const p of phrases) {
    const at = phraseAt(text, p);
    if (at < 0) continue;
    if (best === undefined || at < best.at || (at === best.at && p.length > best.length))
      best = { at, length: p.length, phrase: p };
  }
  return best;
}

function removePhrase(text: string, phrase: string): string {
  const at = phraseAt(text, phrase);
  if (at < 0) return text;
  const padded = ` ${text} `;
  return `${padded.slice(0, at)} ${padded.slice(at + phrase.length + 2)}`.replace(/\s+/g, ' ').trim();
}

/**
 * Which source, edition and chapter a letter's citation names. Only sources of the citation's own kind
 * (MTUS or Non-MTUS) are considered; the earliest-named source wins; a year picks the edition.
 */
export function identifySource(citation: Citation): CitedSource | undefined {
  const text = normalize(citation.text);
  const pool = SOURCES.filter((s) => s.citationSource === citation.source);
  let chosen: { source: Source; hit: PhraseHit } | undefined;
  for (const source of pool) {
    const hit = firstHit(text, source.letterNames);
    if (hit === undefined) continue;
    if (
      chosen === undefined ||
      hit.at < chosen.hit.at ||
      (hit.at === chosen.hit.at && hit.length > chosen.hit.length)
    ) {
      chosen = { source, hit };
    }
  }
  let rest = text;
  let source: Source | undefined = chosen?.source;
  if (chosen !== undefined) {
    rest = removePhrase(rest, chosen.hit.phrase);
    // A second name of the same source ("Official Disability Guidelines (ODG)") goes too.
    for (const n of chosen.source.letterNames) rest = removePhrase(rest, n);
  } else {
    // No source named: a chapter that implies its source ("Low Back; Facet medial branch blocks" → ODG).
    for (const s of pool.filter((p) => p.chapterImpliesSource)) {
      if (s.chapters?.some((c) => firstHit(text, c.letterNames) !== undefined)) {
        source = s;
        break;
      }
    }
  }
  if (source === undefined) return undefined;

  const years: string[] = text.match(/\b(?:19|20)\d{2}\b/g) ?? [];
  const byYear = source.editions.find((e) => years.includes(String(e.year)));
  const edition = byYear ?? editionOf(source, source.undatedEdition) ?? (source.editions[0] as Edition);
  for (const y of years) rest = removePhrase(rest, y);

  let chapter: Chapter | undefined;
  let chapterHit: PhraseHit | undefined;
  for (const c of source.chapters ?? []) {
    const hit = firstHit(rest, c.letterNames);
    if (hit === undefined) continue;
    if (
      chapterHit === undefined ||
      hit.at < chapterHit.at ||
      (hit.at === chapterHit.at && hit.length > chapterHit.length)
    ) {
      chapter = c;
      chapterHit = hit;
    }
  }
  if (chapterHit !== undefined) rest = removePhrase(rest, chapterHit.phrase);
  const out: CitedSource = { source, edition, rest };
  if (chapter !== undefined) out.chapter = chapter;
  return out;
}

export type CitationMatchLevel = 'section' | 'pages' | 'source';

export interface CitationMatch {
  topic: Topic;
  source: Source;
  edition: Edition;
  chapter?: Chapter;
  /**
   * 'section': a section name matched (or the source edition has a single topic); 'pages': only page
   * numbers did; 'source': only the source did, and the topic is a guess (the hint's best, else the first).
   */
  level: CitationMatchLevel;
}

/** How well a topic's section names fit the citation's section words (0 when none fits). */
function sectionScore(topic: Topic, words: readonly string[]): number {
  if (words.length === 0) return 0;
  const set = new Set(words);
  let best = 0;
  for (const name of [topic.section, ...(topic.sectionAliases ?? [])]) {
    const t = tokens(name);
    const c = containment(t, set);
    if (c < 0.75) continue;
    const first = words.findIndex((w) => t.includes(w));
    const score = c * 10 + 0.3 * t.length - 0.05 * Math.max(first, 0);
    if (score > best) best = score;
  }
  return best;
}

/** Pages a citation names: its `pages`, else "pg. 607" / "p. 300" / "page(s) 88-89" written in its text. */
function citedPages(citation: Citation): number[] {
  if (citation.pages !== undefined) return citation.pages;
  const out: number[] = [];
  for (const m of citation.text.matchAll(/\b(?:pgs?|pp?|pages?)\.?\s*(\d{1,4})(?:\s*[-–]\s*(\d{1,4}))?/gi)) {
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    for (let p = a; p <= b && p - a <= 50; p++) out.push(p);
  }
  return out;
}

function pageOverlap(topic: Topic, citation: Citation): number {
  if (topic.pages === undefined) return 0;
  const pages = new Set(topic.pages);
  return citedPages(citation).filter((p) => pages.has(p)).length;
}

/**
 * The topic a letter's citation names: its source and edition, then the section (by name, then pages).
 * When the citation names only a source, `hint` (the request) picks among that source's topics.
 */
export function matchCitation(
  citation: Citation,
  hint?: TopicQuery,
  topics: readonly Topic[] = ALL_TOPICS,
): CitationMatch | undefined {
  const cited = identifySource(citation);
  if (cited === undefined) return undefined;
  const ofSource = topics.filter((t) => t.sourceId === cited.source.id);
  if (ofSource.length === 0) return undefined;
  const ofEdition = ofSource.filter((t) => t.edition === cited.edition.id);
  const editionPool = ofEdition.length > 0 ? ofEdition : ofSource;
  const ofChapter =
    cited.chapter === undefined ? [] : editionPool.filter((t) => t.chapter === (cited.chapter as Chapter).id);

  const words = tokens([citation.sections ?? '', cited.rest].join(' '));
  const hinted = new Map<string, number>();
  if (hint !== undefined) {
    const selection = topicsFor({ ...hint, date: undefined, phase: undefined }, editionPool);
    for (const r of [...selection.topics, ...selection.supporting]) hinted.set(r.topic.id, r.score);
  }

  const pick = (pool: readonly Topic[]): { topic: Topic; level: CitationMatchLevel } | undefined => {
    let best: { topic: Topic; score: number; level: CitationMatchLevel } | undefined;
    for (const t of pool) {
      const s = sectionScore(t, words);
      const p = pageOverlap(t, citation);
      const h = hinted.get(t.id) ?? 0;
      const level: CitationMatchLevel = s > 0 ? 'section' : p > 0 ? 'pages' : 'source';
      const score = s * 10 + p * 3 + h;
      if (level === 'source' && h === 0 && best !== undefined) continue;
      if (best === undefined || score > best.score) best = { topic: t, score, level };
    }
    return best;
  };

  // Chapter first, then the whole edition (a section cited under another chapter's name), then the source.
  for (const pool of [ofChapter, editionPool, ofSource]) {
    const found = pick(pool);
    if (found !== undefined && found.level !== 'source') return withContext(found.topic, found.level, cited);
  }
  const pool = ofChapter.length > 0 ? ofChapter : editionPool;
  const fallback = pick(pool);
  if (fallback === undefined) return undefined;
  // A source edition with a single topic (the acupuncture guidelines) is named exactly by its name.
  return withContext(fallback.topic, pool.length === 1 ? 'section' : 'source', cited);
}

function withContext(topic: Topic, level: CitationMatchLevel, cited: CitedSource): CitationMatch {
  const { source, edition, chapter } = sourceAndEdition(topic);
  const m: CitationMatch = { topic, source, edition, level };
  const ch = chapter ?? cited.chapter;
  if (ch !== undefined) m.chapter = ch;
  return m;
}

/** The topic a letter's citation names (normalizing case, punctuation, "Guidelines", years, synonyms). */
export function findTopicByCitation(citation: Citation, hint?: TopicQuery): Topic | undefined {
  return matchCitation(citation, hint)?.topic;
}

/**
 * Whether a letter's citation names this topic: 'section' when source and section (or pages) agree,
 * 'source' when only the guideline agrees, 'none' otherwise. For the replay's topic-agreement measure.
 */
export function citationAgrees(topic: Topic, citation: Citation): 'section' | 'source' | 'none' {
  const cited = identifySource(citation);
  if (cited === undefined || cited.source.id !== topic.sourceId) return 'none';
  const words = tokens([citation.sections ?? '', cited.rest].join(' '));
  if (sectionScore(topic, words) > 0 || pageOverlap(topic, citation) > 0) return 'section';
  const sameEdition = ALL_TOPICS.filter((t) => t.sourceId === topic.sourceId && t.edition === cited.edition.id);
  return sameEdition.length === 1 && sameEdition[0] === topic ? 'section' : 'source';
}
