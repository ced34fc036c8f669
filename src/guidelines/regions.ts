import { type BodyRegion, REGION_SYSTEM, regionsOverlap } from '../terminology/body-regions.js';

export { bodyRegionsOf, regionsInText } from '../terminology/body-parts.js';
/** Body regions come from the vocabulary: requests, records and topics use the same region ids. */
export { regionsOverlap } from '../terminology/body-regions.js';

/**
 * The regions a guideline chapter is written for (chapter ids of the sources; the same id names the same
 * part of the body in each source). Chapters about the whole person (pain, mental health, physical
 * medicine) are absent: they speak to any region.
 */
const CHAPTER_REGIONS: Readonly<Record<string, readonly BodyRegion[]>> = {
  'low-back': ['lumbar spine', 'thoracic spine', 'sacroiliac'],
  neck: ['cervical spine', 'thoracic spine'],
  'cervical-thoracic': ['cervical spine', 'thoracic spine'],
  shoulder: ['shoulder'],
  elbow: ['elbow'],
  'forearm-wrist-hand': ['forearm', 'wrist', 'hand'],
  'hand-wrist-forearm': ['forearm', 'wrist', 'hand'],
  'carpal-tunnel': ['wrist', 'hand'],
  knee: ['knee', 'leg'],
  'ankle-foot': ['ankle', 'foot'],
  hip: ['hip'],
  head: ['head'],
};

/** The regions a chapter is written for; undefined for a chapter about no one region (or no chapter). */
export function chapterRegions(chapterId: string | undefined): readonly BodyRegion[] | undefined {
  return chapterId === undefined ? undefined : CHAPTER_REGIONS[chapterId];
}

/**
 * Whether a topic filed in `chapterId` (and naming no body part itself) can answer for a request about
 * `regions`. Letters cite such topics beyond their chapter's region (ODG's knee chapter for durable
 * medical equipment in general, its low back chapter for preoperative testing), so only a request wholly
 * outside the musculoskeletal regions (tinnitus: the ear) is kept off a chapter about another region.
 */
export function chapterCovers(chapterId: string | undefined, regions: readonly BodyRegion[]): boolean {
  const own = chapterRegions(chapterId);
  if (own === undefined || regions.length === 0 || regionsOverlap(own, regions)) return true;
  return regions.some((r) => REGION_SYSTEM[r] === 'musculoskeletal');
}
