import { z } from 'zod';

/**
 * Body regions: the parts of the body guideline chapters and topics are organized by. A request's or a
 * finding's body parts map onto these (see body-parts.ts). 'ear' is a region no musculoskeletal chapter
 * covers (tinnitus, hearing): naming it keeps a request off the chapters written for other regions.
 */
export const BODY_REGIONS = [
  'lumbar spine',
  'thoracic spine',
  'cervical spine',
  'sacroiliac',
  'head',
  'shoulder',
  'elbow',
  'forearm',
  'wrist',
  'hand',
  'hip',
  'knee',
  'leg',
  'ankle',
  'foot',
  'upper extremity',
  'lower extremity',
  'chest',
  'abdomen',
  'ear',
] as const;
export const BodyRegion = z.enum(BODY_REGIONS);
export type BodyRegion = z.infer<typeof BodyRegion>;

/**
 * The body system of each region: the guideline chapters are written for the musculoskeletal regions; the
 * ear (tinnitus, hearing) belongs to another specialty and none of those chapters speaks to it.
 */
export const REGION_SYSTEM: Readonly<Record<BodyRegion, 'musculoskeletal' | 'sensory'>> = {
  'lumbar spine': 'musculoskeletal',
  'thoracic spine': 'musculoskeletal',
  'cervical spine': 'musculoskeletal',
  sacroiliac: 'musculoskeletal',
  head: 'musculoskeletal',
  shoulder: 'musculoskeletal',
  elbow: 'musculoskeletal',
  forearm: 'musculoskeletal',
  wrist: 'musculoskeletal',
  hand: 'musculoskeletal',
  hip: 'musculoskeletal',
  knee: 'musculoskeletal',
  leg: 'musculoskeletal',
  ankle: 'musculoskeletal',
  foot: 'musculoskeletal',
  'upper extremity': 'musculoskeletal',
  'lower extremity': 'musculoskeletal',
  chest: 'musculoskeletal',
  abdomen: 'musculoskeletal',
  ear: 'sensory',
};

/** A limb contains its joints and segments. */
const CHILDREN: Partial<Record<BodyRegion, readonly BodyRegion[]>> = {
  'upper extremity': ['shoulder', 'elbow', 'forearm', 'wrist', 'hand'],
  'lower extremity': ['hip', 'knee', 'leg', 'ankle', 'foot'],
};

const PARENT = new Map<BodyRegion, BodyRegion>();
for (const [parent, children] of Object.entries(CHILDREN) as [BodyRegion, readonly BodyRegion[]][]) {
  for (const c of children) PARENT.set(c, parent);
}

function expand(r: BodyRegion): BodyRegion[] {
  const parent = PARENT.get(r);
  return [r, ...(CHILDREN[r] ?? []), ...(parent === undefined ? [] : [parent])];
}

/** Two region sets overlap, counting a limb as containing its joints (and a joint as part of its limb). */
export function regionsOverlap(a: readonly BodyRegion[], b: readonly BodyRegion[]): boolean {
  const set = new Set(a.flatMap(expand));
  return b.some((r) => set.has(r));
}
