import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { type Topic, TopicsFile } from '../schema.js';

/**
 * The guideline topics, loaded from the data files beside this module (one per chapter of the knowledge
 * base) and validated once, at module load. A file that fails its schema stops start-up with the file,
 * the path inside it and what is wrong.
 */

/** Data files in precedence order: earlier topics win ties in selection and citation lookup. */
export const TOPIC_FILES = [
  'medications',
  'physical-medicine',
  'injections',
  'imaging-and-electrodiagnostics',
  'surgery-and-surgical-services',
  'equipment',
  'programs-care-and-consultations',
] as const;
export type TopicFileName = (typeof TOPIC_FILES)[number];

/** Where a chapter's data file is (in src, or beside the built module in dist). */
export function topicFileUrl(name: TopicFileName): URL {
  return new URL(`./${name}.json`, import.meta.url);
}

export interface TopicChapter {
  readonly chapter: TopicFileName;
  readonly title: string;
  readonly topics: readonly Topic[];
}

/**
 * The file schema compiled once to one generated validator (zod falls back to its ordinary parser, and
 * its messages, for a file that fails): about a third less start-up work than the interpreted schema.
 */
const TOPICS_FILE = z.compile(TopicsFile);

/** Parses and validates one chapter's text; throws with the file name and the schema's findings. */
export function parseTopicFile(name: string, text: string): { title: string; topics: Topic[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`guideline data ${name}.json is not valid JSON: ${(e as Error).message}`);
  }
  const parsed = TOPICS_FILE.safeParse(json);
  if (!parsed.success) throw new Error(`guideline data ${name}.json: ${z.prettifyError(parsed.error)}`);
  if (parsed.data.chapter !== name) throw new Error(`guideline data ${name}.json names chapter ${parsed.data.chapter}`);
  return { title: parsed.data.title, topics: parsed.data.topics };
}

function loadChapter(name: TopicFileName): TopicChapter {
  const { title, topics } = parseTopicFile(name, readFileSync(topicFileUrl(name), 'utf8'));
  return { chapter: name, title, topics };
}

/** Chapters in precedence order. */
export const TOPIC_CHAPTERS: readonly TopicChapter[] = TOPIC_FILES.map(loadChapter);

/** Topics by chapter, in file order. */
export const TOPICS_BY_AREA = Object.fromEntries(TOPIC_CHAPTERS.map((c) => [c.chapter, c.topics])) as Readonly<
  Record<TopicFileName, readonly Topic[]>
>;

/** Every topic of the knowledge base. */
export const ALL_TOPICS: readonly Topic[] = TOPIC_CHAPTERS.flatMap((c) => c.topics);

const BY_ID = new Map(ALL_TOPICS.map((t) => [t.id, t]));
if (BY_ID.size !== ALL_TOPICS.length) {
  const dup = ALL_TOPICS.find((t, i) => ALL_TOPICS.findIndex((u) => u.id === t.id) !== i);
  throw new Error(`guideline data: topic id ${dup?.id} appears twice`);
}

export function topicById(id: string): Topic | undefined {
  return BY_ID.get(id);
}
