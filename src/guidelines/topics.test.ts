import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../test/shared-data.js';
import { type Condition, FACT_KINDS, Source, Topic, TopicArea, TREATMENT_KINDS } from './schema.js';
import { chapterOf, editionOf, SOURCES, sourceById } from './sources.js';
import { ALL_TOPICS, TOPICS_BY_AREA, topicById } from './topics/index.js';

/** The literal members of `export const Name = z.enum([...])` in a source file (read, not imported). */
function enumLiterals(file: string, name: string): string[] {
  const text = readFileSync(join(projectRoot, file), 'utf8');
  const at = text.indexOf(`export const ${name} = z.enum([`);
  if (at < 0) throw new Error(`${name} not found in ${file}`);
  const body = text.slice(at, text.indexOf(']);', at)).replace(/\/\/.*$/gm, '');
  return [...body.matchAll(/'([^']+)'/g)].map((m) => m[1] as string);
}

function conditionsOf(t: Topic): Condition[] {
  return t.criteria.flatMap((c) => [
    ...(c.when ?? []),
    ...(c.evidence.anyOf ?? []),
    ...(c.evidence.allOf ?? []),
    ...(c.evidence.noneOf ?? []),
  ]);
}

describe('guideline sources', () => {
  it.each(SOURCES.map((s) => [s.id, s] as const))('%s validates and has consistent editions', (_id, s) => {
    expect(Source.safeParse(s).success).toBe(true);
    expect(editionOf(s, s.undatedEdition)).toBeDefined();
    for (const e of s.editions) {
      if (e.effectiveTo !== undefined) expect(e.effectiveFrom <= e.effectiveTo).toBe(true);
    }
  });

  it('gives every source a unique id and edition prefix', () => {
    expect(new Set(SOURCES.map((s) => s.id)).size).toBe(SOURCES.length);
    const prefixes = SOURCES.flatMap((s) => s.editions.map((e) => e.idPrefix));
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });

  it('labels tier 1 as MTUS and every other tier as Non-MTUS', () => {
    for (const s of SOURCES) expect(s.citationSource).toBe(s.tier === 1 ? 'MTUS' : 'Non-MTUS');
  });

  it('marks DWC-written guidelines as public regulation and ACOEM/ODG text as licensed', () => {
    const licence = Object.fromEntries(SOURCES.map((s) => [s.id, s.licence]));
    expect(licence['mtus-chronic-pain']).toBe('public regulation');
    expect(licence.odg).toBe('licensed—cite only');
    expect(licence['mtus-acoem-low-back']).toBe('licensed—cite only');
  });
});

describe('guideline topics', () => {
  it('has topics in every area', () => {
    for (const [area, topics] of Object.entries(TOPICS_BY_AREA)) expect(topics.length, area).toBeGreaterThan(5);
    expect(ALL_TOPICS.length).toBeGreaterThan(200);
  });

  it.each(ALL_TOPICS.map((t) => [t.id, t] as const))('%s validates against the schema', (_id, t) => {
    const parsed = Topic.safeParse(t);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it('gives every topic a unique id derived from its edition (and chapter)', () => {
    expect(new Set(ALL_TOPICS.map((t) => t.id)).size).toBe(ALL_TOPICS.length);
    for (const t of ALL_TOPICS) {
      const source = sourceById(t.sourceId);
      expect(source, t.id).toBeDefined();
      const edition = source === undefined ? undefined : editionOf(source, t.edition);
      expect(edition, t.id).toBeDefined();
      if (t.chapter !== undefined && source !== undefined) expect(chapterOf(source, t.chapter), t.id).toBeDefined();
      const prefix = t.chapter === undefined ? edition?.idPrefix : `${edition?.idPrefix}-${t.chapter}`;
      expect(t.id.startsWith(`${prefix}.`), t.id).toBe(true);
      expect(topicById(t.id)).toBe(t);
    }
  });

  it('gives every topic a section, a source, a position in our words and a rationale with a finding slot', () => {
    for (const t of ALL_TOPICS) {
      expect(t.section.trim(), t.id).not.toBe('');
      expect(TopicArea.options).toContain(t.area);
      expect(t.positionSummary.length, t.id).toBeLessThanOrEqual(300);
      expect(t.rationale, t.id).toContain('{finding}');
    }
  });

  it('keeps criterion text short (a paraphrase, not a copied passage) and ids unique per topic', () => {
    for (const t of ALL_TOPICS) {
      const ids = t.criteria.map((c) => c.id);
      expect(new Set(ids).size, t.id).toBe(ids.length);
      for (const c of t.criteria) expect(c.text.length, `${t.id} ${c.id}`).toBeLessThanOrEqual(300);
    }
  });

  it('uses only fact kinds the clinical reader produces', () => {
    const known = new Set<string>(FACT_KINDS);
    for (const t of ALL_TOPICS) {
      for (const c of conditionsOf(t)) if ('fact' in c) expect(known.has(c.fact), `${t.id}: ${c.fact}`).toBe(true);
    }
  });

  it('keeps its FactKind list equal to src/clinical (treatment kinds are one list, in src/domain)', () => {
    expect([...FACT_KINDS]).toEqual(enumLiterals('src/clinical/types.ts', 'FactKind'));
  });

  it('covers every treatment kind with at least one topic', () => {
    const covered = new Set(ALL_TOPICS.flatMap((t) => t.appliesTo.kinds));
    for (const kind of TREATMENT_KINDS) expect(covered.has(kind), kind).toBe(true);
  });

  it('gives a not-recommended topic a required criterion that carries the position', () => {
    for (const t of ALL_TOPICS.filter((x) => x.position === 'not-recommended')) {
      expect(
        t.criteria.some((c) => c.required),
        t.id,
      ).toBe(true);
    }
  });

  it('keeps limits coherent (min not above max)', () => {
    for (const t of ALL_TOPICS) {
      for (const l of t.limits)
        if (l.min !== undefined && l.max !== undefined) expect(l.min, t.id).toBeLessThanOrEqual(l.max);
    }
  });

  it('keeps one topic per edition in a lineage', () => {
    const seen = new Map<string, string>();
    for (const t of ALL_TOPICS) {
      if (t.lineage === undefined) continue;
      const key = `${t.lineage}|${t.sourceId}|${t.edition}`;
      expect(seen.has(key), `${t.id} duplicates ${seen.get(key)}`).toBe(false);
      seen.set(key, t.id);
    }
  });

  it('names both Chronic Pain editions for the topics letters cite from either', () => {
    for (const key of [
      'physical-medicine',
      'manual-therapy',
      'muscle-relaxants',
      'topical-analgesics',
      'tens',
      'nsaids',
    ]) {
      expect(topicById(`chronic-pain-2009.${key}`), key).toBeDefined();
      expect(topicById(`chronic-pain-2016.${key}`), key).toBeDefined();
    }
  });

  it('records the numbers the letters apply', () => {
    const limit = (id: string, measure: string, applies?: string) =>
      topicById(id)?.limits.find(
        (l) => l.measure === measure && (applies === undefined || l.applies?.includes(applies)),
      );
    expect(limit('chronic-pain-2016.physical-medicine', 'visits', 'myalgia')?.max).toBe(10);
    expect(limit('chronic-pain-2016.physical-medicine', 'weeks', 'neuralgia')?.max).toBe(4);
    expect(limit('chronic-pain-2016.manual-therapy', 'visits', 'trial')?.max).toBe(6);
    expect(limit('chronic-pain-2016.cyclobenzaprine', 'weeks')?.max).toBe(3);
    expect(limit('chronic-pain-2016.benzodiazepines', 'weeks')?.max).toBe(4);
    expect(limit('acupuncture-2007.acupuncture', 'visits')?.max).toBe(6);
    expect(limit('opioids-2016.maintenance', 'med-mg-per-day')?.max).toBe(80);
    expect(limit('chronic-pain-2009.opioids-dosing', 'med-mg-per-day')?.max).toBe(120);
    expect(limit('odg-knee.continuous-flow-cryotherapy', 'days')?.max).toBe(7);
    expect(limit('postsurgical-2009.meniscectomy', 'visits', 'general course')?.max).toBe(12);
  });
});
