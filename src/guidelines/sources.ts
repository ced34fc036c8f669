import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { type Chapter, type Edition, Source } from './schema.js';

/**
 * Guideline sources as data (sources.json beside this module), validated at module load. Shared code
 * reads their properties (tier, editions and dates, license, how letters name them); nothing branches on
 * a source id.
 */
export const SourcesFile = z
  .object({ about: z.string().min(10).optional(), sources: z.array(Source).min(1) })
  .strict()
  .refine((f) => new Set(f.sources.map((s) => s.id)).size === f.sources.length, 'source ids must be unique');

/** Parses and validates the sources file's text; throws with what is wrong. */
export function parseSourcesFile(text: string): Source[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`guideline data sources.json is not valid JSON: ${(e as Error).message}`);
  }
  const parsed = SourcesFile.safeParse(json);
  if (!parsed.success) throw new Error(`guideline data sources.json: ${z.prettifyError(parsed.error)}`);
  return parsed.data.sources;
}

export const SOURCES_FILE_URL = new URL('./sources.json', import.meta.url);

export const SOURCES: readonly Source[] = parseSourcesFile(readFileSync(SOURCES_FILE_URL, 'utf8'));

const BY_ID = new Map(SOURCES.map((s) => [s.id, s]));

export function sourceById(id: string): Source | undefined {
  return BY_ID.get(id);
}

export function editionOf(source: Source, editionId: string): Edition | undefined {
  return source.editions.find((e) => e.id === editionId);
}

export function chapterOf(source: Source, chapterId: string | undefined): Chapter | undefined {
  return chapterId === undefined ? undefined : source.chapters?.find((c) => c.id === chapterId);
}

/** Whether an edition applies on an ISO date (request date). */
export function inForce(edition: Edition, isoDate: string): boolean {
  return edition.effectiveFrom <= isoDate && (edition.effectiveTo === undefined || isoDate <= edition.effectiveTo);
}
