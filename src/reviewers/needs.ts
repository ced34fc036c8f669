import { foldText } from '../domain/consolidation.js';
import { regionOfDiagnosis } from './regions.js';
import { type BodySystem, type CaseNeeds, type ItemNeed, TreatmentKind } from './reviewer.js';

/**
 * What a case asks of its reviewer, from every disputed item and every diagnosis code on the
 * application — not from the first item alone. For each item: the kind of treatment is its category;
 * the body system comes from the request's own words when they name a body part ("MRI lumbar
 * spine"), else from that item's diagnosis code (M54.5 → lumbar spine), else from the case's other
 * diagnosis codes (the region most of them name), else from the region the other items' words name
 * (one case is one injury), else it is unknown ("other"). A coordinator may set
 * the kind or the body system for the whole case; that choice then applies to every item.
 */

export interface DisputedItemFacts {
  readonly request: string;
  /** The item's treatment kind (src/domain TreatmentKind) when known. */
  readonly category?: string | undefined;
  /** The primary diagnosis the form gives for this treatment. */
  readonly diagnosis?: string | undefined;
}

export interface NeedsInput {
  readonly items: readonly DisputedItemFacts[];
  /** Every diagnosis code of the case (the form's, one per disputed treatment, and any others known). */
  readonly diagnoses?: readonly string[];
  readonly asOf: string;
  /** The coordinator's choice for the whole case. */
  readonly treatmentKind?: TreatmentKind | undefined;
  readonly bodySystem?: BodySystem | undefined;
}

const BODY_PART_SYSTEMS: readonly [RegExp, BodySystem][] = [
  [/\b(spine|lumbar|lumbosacral|cervical|thoracic|back|neck|sacroiliac|si joint|coccyx)\b/, 'spine'],
  [/\b(hand|wrist|finger|fingers|thumb|carpal)\b/, 'hand-wrist'],
  [/\b(shoulder|elbow|arm|forearm|upper extremity|upper extremities)\b/, 'upper-extremity'],
  [/\b(foot|feet|ankle|toe|toes|heel|plantar)\b/, 'foot-ankle'],
  [/\b(hip|knee|leg|thigh|lower extremity|lower extremities)\b/, 'lower-extremity'],
  [/\b(head|brain|headache|headaches|concussion|neurological)\b/, 'head-neurological'],
  [/\b(psyche|psychiatric|depression|anxiety|mental|sleep)\b/, 'mental-health'],
  [/\b(eye|eyes|vision)\b/, 'eye'],
  [/\b(teeth|tooth|dental|jaw|tmj)\b/, 'dental'],
  [/\b(skin|scar|burn)\b/, 'skin'],
  [/\b(heart|lung|lungs|abdomen|stomach|gastrointestinal|hernia|bladder|kidney)\b/, 'internal'],
];

const SPINE_LEVELS = new Set(['lumbar', 'lumbosacral', 'cervical', 'thoracic']);
/** Regions named without "the" ("for mental health", not "of the depression"). */
const REGION_WORDS: Readonly<Record<string, string>> = {
  psyche: 'mental health',
  psychiatric: 'mental health',
  depression: 'mental health',
  anxiety: 'mental health',
  mental: 'mental health',
};
const NO_ARTICLE: ReadonlySet<BodySystem> = new Set(['mental-health', 'chronic-pain']);

/** The body system and region a treatment's words name, if any ("MRI of the lumbar spine" → spine, "lumbar spine"). */
export function regionFromText(text: string): { bodySystem: BodySystem; region: string } | undefined {
  const folded = foldText(text);
  for (const [pattern, system] of BODY_PART_SYSTEMS) {
    const m = pattern.exec(folded);
    if (m?.[1] !== undefined) {
      const word = m[1];
      return {
        bodySystem: system,
        region: SPINE_LEVELS.has(word) ? `${word} spine` : (REGION_WORDS[word] ?? word),
      };
    }
  }
  return undefined;
}

/** The body system of the first body part recognized (engine body parts: "lumbar spine", "knee"…). */
export function bodySystemFromParts(parts: readonly string[]): BodySystem {
  for (const part of parts) {
    const found = regionFromText(part);
    if (found !== undefined) return found.bodySystem;
  }
  return 'other';
}

/** The region most of the codes name (the first named on a tie), if any code is in the table. */
function caseRegion(codes: readonly string[]): { bodySystem: BodySystem; region: string; code: string } | undefined {
  const counts = new Map<BodySystem, { n: number; region: string; code: string }>();
  for (const code of codes) {
    const r = regionOfDiagnosis(code);
    if (r === undefined) continue;
    const seen = counts.get(r.bodySystem);
    if (seen === undefined) counts.set(r.bodySystem, { n: 1, region: r.region, code: r.code });
    else seen.n += 1;
  }
  let best: { bodySystem: BodySystem; region: string; code: string; n: number } | undefined;
  for (const [bodySystem, v] of counts) if (best === undefined || v.n > best.n) best = { bodySystem, ...v };
  return best;
}

/** The region most of the other items' words name, if any. */
function itemsRegion(items: readonly DisputedItemFacts[]): { bodySystem: BodySystem; region: string } | undefined {
  const counts = new Map<string, { n: number; bodySystem: BodySystem; region: string }>();
  for (const i of items) {
    const r = regionFromText(i.request);
    if (r === undefined) continue;
    const seen = counts.get(r.region);
    if (seen === undefined) counts.set(r.region, { n: 1, ...r });
    else seen.n += 1;
  }
  let best: { n: number; bodySystem: BodySystem; region: string } | undefined;
  for (const v of counts.values()) if (best === undefined || v.n > best.n) best = v;
  return best === undefined ? undefined : { bodySystem: best.bodySystem, region: best.region };
}

function itemNeed(
  item: DisputedItemFacts,
  input: NeedsInput,
  fallback: ReturnType<typeof caseRegion>,
  siblings: ReturnType<typeof itemsRegion>,
): ItemNeed {
  const kind = TreatmentKind.safeParse(item.category);
  const treatmentKind = input.treatmentKind ?? (kind.success ? kind.data : 'other');
  const base = { treatmentKind, request: item.request.slice(0, 2000) };
  if (input.bodySystem !== undefined) return { ...base, bodySystem: input.bodySystem, source: 'chosen' };
  const fromText = regionFromText(item.request);
  if (fromText !== undefined) return { ...base, ...fromText, source: 'request' };
  const fromCode = item.diagnosis === undefined ? undefined : regionOfDiagnosis(item.diagnosis);
  if (fromCode !== undefined) {
    return {
      ...base,
      bodySystem: fromCode.bodySystem,
      region: fromCode.region,
      diagnosis: fromCode.code,
      source: 'diagnosis',
    };
  }
  if (fallback !== undefined) {
    return {
      ...base,
      bodySystem: fallback.bodySystem,
      region: fallback.region,
      diagnosis: fallback.code,
      source: 'case-diagnoses',
    };
  }
  if (siblings !== undefined) return { ...base, ...siblings, source: 'other-items' };
  return { ...base, bodySystem: 'other', source: 'unknown' };
}

/** The needs of a case with one entry per disputed item; the first item gives the headline kind and system. */
export function caseNeedsOf(input: NeedsInput): CaseNeeds {
  const codes = [...input.items.map((i) => i.diagnosis).filter((d) => d !== undefined), ...(input.diagnoses ?? [])];
  const fallback = caseRegion(codes);
  const siblings = itemsRegion(input.items);
  const items = input.items.map((i) => itemNeed(i, input, fallback, siblings));
  const first = items[0];
  return {
    treatmentKind: first?.treatmentKind ?? input.treatmentKind ?? 'other',
    bodySystem: first?.bodySystem ?? input.bodySystem ?? fallback?.bodySystem ?? 'other',
    asOf: input.asOf,
    items,
  };
}

/** The items a need covers: its own list, or the one item its headline describes. */
export function itemNeedsOf(needs: Pick<CaseNeeds, 'treatmentKind' | 'bodySystem' | 'items'>): readonly ItemNeed[] {
  if (needs.items !== undefined && needs.items.length > 0) return needs.items;
  return [{ treatmentKind: needs.treatmentKind, bodySystem: needs.bodySystem, request: '', source: 'unknown' }];
}

const KIND_WORDS: Record<TreatmentKind, string> = {
  medication: 'medication',
  'compounded-topical': 'a compounded topical',
  therapy: 'therapy',
  acupuncture: 'acupuncture',
  chiropractic: 'chiropractic care',
  injection: 'an injection',
  imaging: 'imaging',
  electrodiagnostic: 'electrodiagnostic testing',
  surgery: 'surgery',
  'surgical-associated': 'care around surgery',
  equipment: 'equipment',
  program: 'a treatment program',
  consultation: 'a consultation',
  laboratory: 'laboratory testing',
  'home-care': 'home care',
  psychological: 'psychological treatment',
  other: 'treatment',
};

const SYSTEM_WORDS: Record<BodySystem, string> = {
  spine: 'the spine',
  'upper-extremity': 'the shoulder or arm',
  'hand-wrist': 'the hand or wrist',
  'lower-extremity': 'the hip, knee or leg',
  'foot-ankle': 'the foot or ankle',
  'head-neurological': 'the head or nerves',
  'mental-health': 'mental health',
  'chronic-pain': 'chronic pain',
  eye: 'the eye',
  dental: 'the teeth or jaw',
  skin: 'the skin',
  internal: 'the internal organs',
  other: 'an unnamed body region',
};

/** "imaging of the lumbar spine", "medication for the lumbar spine (diagnosis M54.5)". */
export function describeItemNeed(n: ItemNeed): string {
  const bare = NO_ARTICLE.has(n.bodySystem);
  const where = n.region === undefined ? SYSTEM_WORDS[n.bodySystem] : bare ? n.region : `the ${n.region}`;
  const joiner = bare || n.treatmentKind === 'medication' || n.treatmentKind === 'compounded-topical' ? 'for' : 'of';
  const why =
    n.source === 'diagnosis'
      ? ` (diagnosis ${n.diagnosis ?? ''})`
      : n.source === 'case-diagnoses'
        ? ` (from the case's diagnosis ${n.diagnosis ?? ''})`
        : n.source === 'other-items'
          ? ' (named by the other disputed items)'
          : n.source === 'chosen'
            ? ' (chosen by the coordinator)'
            : '';
  return `${KIND_WORDS[n.treatmentKind]} ${joiner} ${where}${why}`;
}
