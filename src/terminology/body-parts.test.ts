import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BODY_PART_SPAN_TERMS, BODY_PARTS, bodyRegionsOf, regionsInText, regionsOfPart } from './body-parts.js';
import { BODY_REGIONS, BodyRegion, REGION_SYSTEM, regionsOverlap } from './body-regions.js';
import { BodyPartConcept, RegionWords } from './schema.js';
import { BODY_PART_DATA, REGION_WORD_DATA } from './vocabulary/body-parts.js';

describe('body-part vocabulary data', () => {
  it('loads: every part and the region words pass the schema', () => {
    expect(z.array(BodyPartConcept).safeParse(BODY_PART_DATA).success).toBe(true);
    expect(RegionWords.safeParse(REGION_WORD_DATA).success).toBe(true);
  });

  it('refuses a part mapped to a region that does not exist', () => {
    const r = BodyPartConcept.safeParse({ part: 'pinky', regions: ['little finger'], terms: ['pinky'] });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['regions', 0]);
  });

  it('maps every body-part term to regions that exist', () => {
    for (const p of BODY_PARTS) {
      for (const r of p.regions) expect(BodyRegion.safeParse(r).success, `${p.part} → ${r}`).toBe(true);
    }
    for (const span of BODY_PART_SPAN_TERMS) {
      for (const part of span.parts) expect(regionsOfPart(part), part).toBeDefined();
    }
  });

  it('names each part once, and each term for one part', () => {
    const parts = BODY_PARTS.map((p) => p.part);
    expect(new Set(parts).size).toBe(parts.length);
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const p of BODY_PARTS) {
      for (const t of [...p.terms, ...(p.bothSides ?? [])]) {
        const seen = owner.get(t);
        if (seen !== undefined && seen !== p.part) clashes.push(`${t}: ${seen} / ${p.part}`);
        owner.set(t, p.part);
      }
    }
    expect(clashes).toEqual([]);
  });

  it("reads each part term, as free text, into the part's own regions (the reviewed exceptions aside)", () => {
    /** `a|b` alternatives of one word, as the phrase syntax writes them. */
    const expand = (phrase: string): string[] =>
      phrase
        .split(' ')
        .reduce<string[]>(
          (acc, slot) => acc.flatMap((a) => slot.split('|').map((w) => (a === '' ? w : `${a} ${w}`))),
          [''],
        );
    // A plural leg names the limb in free text; "ear" alone would also start "early", "hearing" a hearing date;
    // the limb abbreviations of requests (LE, U/E, RUE) would start "left", "level", "used" in free text.
    const exceptions = new Set([
      'legs',
      'both legs',
      'ear',
      'hearing',
      'ue',
      'u e',
      'rue',
      'lue',
      'ues',
      'le',
      'l e',
      'rle',
      'lle',
      'les',
    ]);
    const drift: string[] = [];
    for (const p of BODY_PARTS) {
      for (const term of [...p.terms, ...(p.bothSides ?? [])].flatMap(expand)) {
        if (exceptions.has(term)) continue;
        const fromText = [...regionsInText(term)].sort();
        if (fromText.join() !== [...p.regions].sort().join()) drift.push(`${term}: ${fromText} / ${p.regions}`);
      }
    }
    expect(drift).toEqual([]);
  });

  it('has region words for every region, and a body system for each', () => {
    for (const r of BODY_REGIONS) {
      expect(REGION_WORD_DATA[r]?.length, r).toBeGreaterThan(0);
      expect(REGION_SYSTEM[r], r).toBeDefined();
    }
  });
});

describe('regions of parts and text', () => {
  it('maps parts to their regions, and a regionless part to none', () => {
    expect(regionsOfPart('finger')).toEqual(['hand']);
    expect(regionsOfPart('sacroiliac joint')).toEqual(['sacroiliac']);
    expect(regionsOfPart('spine')).toEqual([]);
    expect(regionsOfPart('elsewhere')).toBeUndefined();
  });

  it('puts tinnitus and the ear in their own region, not the knee', () => {
    expect(regionsOfPart('ear')).toEqual(['ear']);
    expect(regionsInText('tinnitus, bilateral')).toEqual(['ear']);
    expect(regionsInText('early physical therapy for the knee')).toEqual(['knee']);
    expect(regionsOverlap(['ear'], ['knee', 'lower extremity'])).toBe(false);
  });

  it('reads regions from words and spinal levels', () => {
    expect(regionsInText('Facet joint injections L4-5, L5-S1')).toContain('lumbar spine');
    expect(regionsInText('MRI of the cervical and thoracic spine')).toEqual(['thoracic spine', 'cervical spine']);
    expect(regionsInText('CT scan of the upper back')).toEqual(['thoracic spine']);
  });

  it("takes a request's parts first, its text otherwise, and not what it is offered in place of", () => {
    expect(bodyRegionsOf(['finger', 'thumb'], 'whatever')).toEqual(['hand']);
    expect(bodyRegionsOf([], 'MRI of the left knee')).toEqual(['knee']);
    expect(bodyRegionsOf(['spine'], 'MRI of the neck')).toEqual(['cervical spine']);
    expect(bodyRegionsOf([], 'Home exercise kit in lieu of knee surgery')).toEqual([]);
  });
});
