import { z } from 'zod';
import type { BodyRegion } from './body-regions.js';
import { BodyPartConcept, BodyPartSpan, RegionWords } from './schema.js';
import { blankAlternatives, keywordIn, normalize } from './text.js';
import { BODY_PART_DATA, BODY_PART_SPANS, REGION_WORD_DATA } from './vocabulary/body-parts.js';

/**
 * The body-part vocabulary: parts as requests name them, each mapped to regions; and the words that name
 * regions in free text. Loaded from vocabulary/body-parts.ts and checked at start-up.
 */
export const BODY_PARTS: readonly BodyPartConcept[] = z.array(BodyPartConcept).min(1).parse(BODY_PART_DATA);
export const BODY_PART_SPAN_TERMS: readonly BodyPartSpan[] = z.array(BodyPartSpan).parse(BODY_PART_SPANS);
const REGION_WORDS = Object.entries(RegionWords.parse(REGION_WORD_DATA)) as [BodyRegion, string[]][];

const PART_REGIONS = new Map<string, readonly BodyRegion[]>(BODY_PARTS.map((p) => [p.part, p.regions]));
for (const span of BODY_PART_SPAN_TERMS) {
  for (const part of span.parts) {
    if (!PART_REGIONS.has(part)) throw new Error(`body-part vocabulary: span names unknown part "${part}"`);
  }
}

/** The regions of a part id of the vocabulary ("finger" → hand); undefined for a part it does not know. */
export function regionsOfPart(part: string): readonly BodyRegion[] | undefined {
  return PART_REGIONS.get(part);
}

/** Spinal levels written in free text ("L4-5", "C5-C6"). */
const SPINAL_LEVELS: ReadonlyArray<readonly [BodyRegion, RegExp]> = [
  ['lumbar spine', /\b[Ll][1-5]\s*-?\s*(?:[Ll]?[1-5]|[Ss]1)\b|\b[Ll][1-5]\b|\b[Ss]1\b/],
  ['cervical spine', /\b[Cc][2-7]\s*-?\s*(?:[Cc]?[3-7]|[Tt]1)\b/],
  ['thoracic spine', /\b[Tt](?:[1-9]|1[0-2])\s*-?\s*[Tt]?(?:[1-9]|1[0-2])\b/],
];

/** Regions named in free text ("MRI of the lumbar spine", "bilateral upper extremities", "L4-5"). */
export function regionsInText(text: string): BodyRegion[] {
  const norm = normalize(text);
  const out: BodyRegion[] = [];
  for (const [region, pattern] of SPINAL_LEVELS) if (pattern.test(text)) out.push(region);
  for (const [region, words] of REGION_WORDS) {
    if (!out.includes(region) && words.some((w) => keywordIn(norm, w))) out.push(region);
  }
  // "upper back" is thoracic, not lumbar; "back" alone is lumbar.
  if (
    out.includes('thoracic spine') &&
    out.includes('lumbar spine') &&
    !/\b(lumbar|low back|lower back|lumbosacral)\b/.test(norm)
  ) {
    out.splice(out.indexOf('lumbar spine'), 1);
  }
  return out;
}

/**
 * Regions of a request: those of its body parts (part ids of the vocabulary; any other string is read as
 * free text), else those its text names outside what it is offered in place of.
 */
export function bodyRegionsOf(bodyParts: readonly string[] | undefined, text: string): BodyRegion[] {
  const fromParts = (bodyParts ?? []).flatMap((p) => regionsOfPart(p) ?? regionsInText(p));
  const regions = fromParts.length > 0 ? fromParts : regionsInText(blankAlternatives(text));
  return [...new Set(regions)];
}
