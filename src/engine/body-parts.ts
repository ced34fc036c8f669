import { BODY_PART_SPAN_TERMS, BODY_PARTS } from '../terminology/body-parts.js';
import { PhraseIndex, type Tokens } from './phrases.js';
import type { Side } from './request-types.js';

/**
 * Body parts, sides and spinal levels named in a request. Parts are the body-part vocabulary's part ids
 * (src/terminology: "lumbar spine", "shoulder", "finger"…), each of which maps to guideline regions.
 */

interface PartEntry {
  readonly parts: readonly string[];
  /** A plural of a paired part ("knees", "upper extremities"): both sides unless one is named. */
  readonly bothSides?: boolean;
}

function buildParts(): PhraseIndex<PartEntry> {
  const index = new PhraseIndex<PartEntry>();
  for (const concept of BODY_PARTS) {
    const one: PartEntry = { parts: [concept.part] };
    for (const term of concept.terms) index.add(term, one);
    const both: PartEntry = { parts: [concept.part], bothSides: true };
    for (const term of concept.bothSides ?? []) index.add(term, both);
  }
  for (const span of BODY_PART_SPAN_TERMS) {
    const entry: PartEntry = { parts: span.parts };
    for (const term of span.terms) index.add(term, entry);
  }
  return index;
}

export const BODY_PART_INDEX: PhraseIndex<PartEntry> = buildParts();

const SIDES = new PhraseIndex<Side>()
  .add('left|lt|lft', 'left')
  .add('right|rt|rght', 'right')
  .add('bilateral|bilaterally|bilat|bil|both', 'bilateral')
  .add('b/l', 'bilateral');

export interface BodyPartsFound {
  readonly bodyParts: string[];
  readonly side?: Side;
}

/** Body parts and side named in tokens `from`..`to`. "L"/"R" count as sides only right before a part. */
export function findBodyParts(tokens: Tokens, from = 0, to = tokens.words.length): BodyPartsFound {
  const words = tokens.words;
  const parts: string[] = [];
  const sides = new Set<Side>();
  let bothSides = false;
  for (let i = from; i < to; ) {
    const part = BODY_PART_INDEX.matchAt(words, i, to);
    if (part) {
      for (const p of part.value.parts) if (!parts.includes(p)) parts.push(p);
      if (part.value.bothSides) bothSides = true;
      i += part.length;
      continue;
    }
    const side = SIDES.matchAt(words, i, to);
    if (side) {
      sides.add(side.value);
      i += side.length;
      continue;
    }
    const w = words[i];
    if ((w === 'l' || w === 'r') && BODY_PART_INDEX.matchAt(words, i + 1, to)) sides.add(w === 'l' ? 'left' : 'right');
    i++;
  }
  // A named region makes the bare "spine" redundant.
  const bodyParts = parts.some((p) => p.endsWith(' spine') && p !== 'spine')
    ? parts.filter((p) => p !== 'spine')
    : parts;
  let side: Side | undefined;
  if (sides.has('bilateral') || (sides.has('left') && sides.has('right'))) side = 'bilateral';
  else if (sides.has('left')) side = 'left';
  else if (sides.has('right')) side = 'right';
  else if (bothSides) side = 'bilateral';
  return side ? { bodyParts, side } : { bodyParts };
}

// ---------------------------------------------------------------- spinal levels

/** Vertebrae top to bottom; a segment is two neighbours ("L4-L5"). */
const VERTEBRAE: readonly string[] = [
  ...Array.from({ length: 7 }, (_, i) => `C${i + 1}`),
  ...Array.from({ length: 12 }, (_, i) => `T${i + 1}`),
  ...Array.from({ length: 5 }, (_, i) => `L${i + 1}`),
  ...Array.from({ length: 5 }, (_, i) => `S${i + 1}`),
];
const POSITION = new Map(VERTEBRAE.map((v, i) => [v, i]));
/** Nerve roots that are not vertebrae, accepted as single levels. */
const ROOTS_ONLY = new Set(['C8', 'L6']);

const LEVEL =
  /(?<![A-Za-z0-9])([CTLS])(\d{1,2})(?:\s*(?:-|\/|to|through|thru)\s*([CTLS])?\s?(\d{1,2}))?(?![A-Za-z0-9%]|\.\d)/gi;

function vertebra(letter: string, n: number): string | undefined {
  const v = `${letter.toUpperCase()}${n}`;
  return POSITION.has(v) || ROOTS_ONLY.has(v) ? v : undefined;
}

/** The level after `v` for a bare second number ("L5-1" is L5-S1, "C7-1" is C7-T1, "L4-5" is L4-L5). */
function secondOf(first: string, letter: string | undefined, n: number): string | undefined {
  if (letter) return vertebra(letter, n);
  const own = vertebra(first.charAt(0), n);
  const pos = POSITION.get(first);
  if (own && (POSITION.get(own) ?? -1) > (pos ?? Number.POSITIVE_INFINITY)) return own;
  if (pos !== undefined && n === 1) return VERTEBRAE[pos + 1];
  return own;
}

/**
 * Spinal levels: segments as "L4-L5" (a span such as "L3-S1" becomes its segments), single levels
 * as written ("L3, L4, L5" → L3, L4, L5). Order of first mention, no repeats.
 */
export function findSpinalLevels(text: string): string[] {
  const out: string[] = [];
  const push = (v: string): void => {
    if (!out.includes(v)) out.push(v);
  };
  LEVEL.lastIndex = 0;
  for (let m = LEVEL.exec(text); m !== null; m = LEVEL.exec(text)) {
    const first = vertebra(m[1] ?? '', Number(m[2]));
    if (!first) continue;
    if (m[4] === undefined) {
      push(first);
      continue;
    }
    const second = secondOf(first, m[3], Number(m[4]));
    const a = POSITION.get(first);
    const b = second === undefined ? undefined : POSITION.get(second);
    if (a === undefined || b === undefined || b <= a) {
      push(first);
      if (second) push(second);
      continue;
    }
    for (let k = a; k < b; k++) push(`${VERTEBRAE[k]}-${VERTEBRAE[k + 1]}`);
  }
  return out;
}

/** The spine region a level belongs to. */
export function regionOfLevel(level: string): string {
  switch (level.charAt(0)) {
    case 'C':
      return 'cervical spine';
    case 'T':
      return 'thoracic spine';
    default:
      return 'lumbar spine';
  }
}
