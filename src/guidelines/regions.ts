import { type BodyRegion, DRUG_CLASSES, type DrugClass } from './schema.js';
import { keywordIn, normalize } from './text.js';

/** Words that name each body region (normalized, matched at a word start). Order matters: first wins per word. */
const REGION_WORDS: ReadonlyArray<readonly [BodyRegion, readonly string[]]> = [
  ['thoracic spine', ['thoracic', 'upper back', 'mid back', 't spine', 'dorsal spine']],
  ['lumbar spine', ['lumbar', 'low back', 'lower back', 'lumbosacral', 'l spine', 'back']],
  ['cervical spine', ['cervical', 'neck', 'c spine']],
  ['sacroiliac', ['sacroiliac', 'si joint']],
  ['head', ['head', 'headache', 'concussion', 'skull', 'brain', 'cranial', 'migraine']],
  ['shoulder', ['shoulder', 'rotator cuff', 'acromi', 'glenohumeral', 'clavic', 'subacromial']],
  ['elbow', ['elbow', 'epicondyl', 'olecranon', 'cubital', 'radial head']],
  ['forearm', ['forearm']],
  ['wrist', ['wrist', 'carpal', 'scaphoid', 'de quervain', 'dequervain']],
  ['hand', ['hand', 'finger', 'thumb', 'digit']],
  ['hip', ['hip', 'groin', 'pelvis', 'pelvic', 'femoral', 'acetabul']],
  ['knee', ['knee', 'menisc', 'patell', 'acl', 'cruciate']],
  ['leg', ['leg', 'calf', 'tibia', 'shin']],
  ['ankle', ['ankle', 'achilles', 'malleol']],
  ['foot', ['foot', 'feet', 'plantar', 'toe', 'heel', 'metatars']],
  ['upper extremity', ['upper extremit', 'upper limb', 'arm', 'arms', 'bue']],
  ['lower extremity', ['lower extremit', 'lower limb', 'legs', 'ble']],
  ['chest', ['chest', 'rib', 'thorax']],
  ['abdomen', ['abdomen', 'abdominal', 'hernia']],
];

const CHILDREN: Partial<Record<BodyRegion, readonly BodyRegion[]>> = {
  'upper extremity': ['shoulder', 'elbow', 'forearm', 'wrist', 'hand'],
  'lower extremity': ['hip', 'knee', 'leg', 'ankle', 'foot'],
};

const PARENT = new Map<BodyRegion, BodyRegion>();
for (const [parent, children] of Object.entries(CHILDREN) as [BodyRegion, readonly BodyRegion[]][]) {
  for (const c of children) PARENT.set(c, parent);
}

/** Regions named in free text ("MRI of the lumbar spine", "bilateral upper extremities"). */
const SPINAL_LEVELS: ReadonlyArray<readonly [BodyRegion, RegExp]> = [
  ['lumbar spine', /\b[Ll][1-5]\s*-?\s*(?:[Ll]?[1-5]|[Ss]1)\b|\b[Ll][1-5]\b|\b[Ss]1\b/],
  ['cervical spine', /\b[Cc][2-7]\s*-?\s*(?:[Cc]?[3-7]|[Tt]1)\b/],
  ['thoracic spine', /\b[Tt](?:[1-9]|1[0-2])\s*-?\s*[Tt]?(?:[1-9]|1[0-2])\b/],
];

export function regionsInText(text: string): BodyRegion[] {
  const norm = normalize(text);
  const out: BodyRegion[] = [];
  for (const [regionName, pattern] of SPINAL_LEVELS) if (pattern.test(text)) out.push(regionName);
  for (const [regionName, words] of REGION_WORDS) {
    if (!out.includes(regionName) && words.some((w) => keywordIn(norm, w))) out.push(regionName);
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

/** Regions of a request: its normalized body parts, else what its text names. */
export function bodyRegionsOf(bodyParts: readonly string[] | undefined, text: string): BodyRegion[] {
  const fromParts = (bodyParts ?? []).flatMap((p) => regionsInText(p));
  const regions = fromParts.length > 0 ? fromParts : regionsInText(text);
  return [...new Set(regions)];
}

/** Two region sets overlap, counting a limb as containing its joints (and a joint as part of its limb). */
export function regionsOverlap(a: readonly BodyRegion[], b: readonly BodyRegion[]): boolean {
  const expand = (r: BodyRegion): BodyRegion[] => {
    const parent = PARENT.get(r);
    return [r, ...(CHILDREN[r] ?? []), ...(parent === undefined ? [] : [parent])];
  };
  const set = new Set(a.flatMap(expand));
  return b.some((r) => set.has(r));
}

const CLASS_SYNONYMS: Record<string, DrugClass> = {
  hypnotic: 'sleep-aid',
  'sedative-hypnotic': 'sleep-aid',
  sedative: 'sleep-aid',
  'sleep-aid': 'sleep-aid',
  'sleep aid': 'sleep-aid',
  antiepileptic: 'anticonvulsant',
  'anti-epileptic': 'anticonvulsant',
  aed: 'anticonvulsant',
  gabapentinoid: 'anticonvulsant',
  'proton-pump-inhibitor': 'ppi',
  'skeletal-muscle-relaxant': 'muscle-relaxant',
  'muscle relaxant': 'muscle-relaxant',
  nsaids: 'nsaid',
  'anti-inflammatory': 'nsaid',
  'cox-2': 'cox2-inhibitor',
  cox2: 'cox2-inhibitor',
  'cox-2-inhibitor': 'cox2-inhibitor',
  'topical-lidocaine': 'topical-anesthetic',
  'local-anesthetic': 'topical-anesthetic',
  anesthetic: 'topical-anesthetic',
  'erectile-dysfunction': 'pde5-inhibitor',
  'phosphodiesterase-inhibitor': 'pde5-inhibitor',
  'stool-softener': 'laxative',
  tca: 'antidepressant',
  snri: 'antidepressant',
  ssri: 'antidepressant',
  tricyclic: 'antidepressant',
  barbiturate: 'barbiturate-analgesic',
  compound: 'compounded',
  'compounded-topical': 'compounded',
  analgesic: 'acetaminophen',
  steroid: 'corticosteroid',
  'opioid-analgesic': 'opioid',
  opiate: 'opioid',
  narcotic: 'opioid',
};

const KNOWN_CLASSES: ReadonlySet<string> = new Set<string>(DRUG_CLASSES);

/** A request parser's drug class mapped onto the knowledge base's classes (undefined when unknown). */
export function canonicalDrugClass(drugClass: string | undefined): DrugClass | undefined {
  if (drugClass === undefined) return undefined;
  const k = drugClass
    .trim()
    .toLowerCase()
    .replace(/[_\s]+/g, '-');
  if (KNOWN_CLASSES.has(k)) return k as DrugClass;
  return CLASS_SYNONYMS[k] ?? CLASS_SYNONYMS[drugClass.trim().toLowerCase()];
}
