import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  DRUG_CLASS_ROUTE,
  DRUG_CLASSES,
  DRUG_FORM_WORDS,
  DRUG_FORMS,
  DrugClassOrUnknown,
  knownDrugClass,
} from './drug-classes.js';
import { DRUG_CONCEPTS, DRUG_GROUPS, drugByGeneric, drugClassOfGeneric } from './drugs.js';
import { DrugGroup } from './schema.js';
import { normalize } from './text.js';
import { DRUG_DATA } from './vocabulary/drugs.js';

/** A name as the readers compare it: lower case, punctuation as spaces. */
const key = (name: string): string => normalize(name);

describe('drug vocabulary data', () => {
  it('loads: every group passes the schema', () => {
    expect(z.array(DrugGroup).safeParse(DRUG_DATA).success).toBe(true);
    expect(DRUG_GROUPS.length).toBeGreaterThan(40);
    expect(DRUG_CONCEPTS.length).toBeGreaterThan(400);
  });

  it('refuses malformed entries with a message naming the field', () => {
    const bad = [
      { group: 'opioid', drugClass: 'narcotic', drugs: [{ generic: 'morphine' }] },
      { group: 'opioid', drugClass: 'opioid', drugs: [{ generic: 'Morphine' }] },
      { group: 'opioid', drugClass: 'opioid', drugs: [{ generic: 'fentanyl', form: 'lollipop' }] },
      { group: 'opioid', drugClass: 'opioid', drugs: [] },
      { group: 'opioid', drugClass: 'opioid', drugs: [{ generic: 'morphine', brand: 'MS Contin' }] },
    ];
    for (const entry of bad) {
      const r = DrugGroup.safeParse(entry);
      expect(r.success, JSON.stringify(entry)).toBe(false);
      expect(r.error?.issues[0]?.path.length, JSON.stringify(entry)).toBeGreaterThan(0);
    }
  });

  it('maps every brand or synonym to one generic and one class', () => {
    const byName = new Map<string, Set<string>>();
    for (const c of DRUG_CONCEPTS) {
      for (const name of c.names) {
        const k = key(name);
        const meanings = byName.get(k) ?? new Set<string>();
        meanings.add(`${c.generic}|${c.form ?? ''}|${c.drugClass}`);
        byName.set(k, meanings);
      }
    }
    const ambiguous = [...byName].filter(([, meanings]) => meanings.size > 1).map(([k, m]) => `${k}: ${[...m]}`);
    expect(ambiguous).toEqual([]);
    expect(byName.size).toBeGreaterThan(1000);
  });

  it('gives every concept a knowledge-base drug class or an explicit unknown', () => {
    for (const c of DRUG_CONCEPTS) {
      expect(DrugClassOrUnknown.safeParse(c.drugClass).success, c.generic).toBe(true);
      if (c.drugClass !== 'unknown') expect(DRUG_CLASSES, c.generic).toContain(c.drugClass);
    }
  });

  it('gives one generic name (in one form) one class', () => {
    const classOf = new Map<string, string>();
    const clashes: string[] = [];
    for (const c of DRUG_CONCEPTS) {
      if (c.classTerm) continue;
      const k = `${c.generic}|${c.form ?? ''}`;
      const seen = classOf.get(k);
      if (seen !== undefined && seen !== c.drugClass) clashes.push(`${k}: ${seen} / ${c.drugClass}`);
      classOf.set(k, c.drugClass);
    }
    expect(clashes).toEqual([]);
  });

  it.each([
    ['Duragesic', 'fentanyl', 'patch', 'opioid'],
    ['transdermal fentanyl', 'fentanyl', 'patch', 'opioid'],
    ['Norco', 'hydrocodone/acetaminophen', undefined, 'opioid'],
    ['Elavil', 'amitriptyline', undefined, 'antidepressant'],
    ['Fioricet', 'butalbital/acetaminophen/caffeine', undefined, 'barbiturate-analgesic'],
    ['Viagra', 'sildenafil', undefined, 'pde5-inhibitor'],
    ['Zostrix', 'capsaicin', undefined, 'capsaicin'],
    ['Icy Hot', 'methyl salicylate/menthol', undefined, 'topical-salicylate'],
    ['Keflex', 'cephalexin', undefined, 'unknown'],
    ['Synvisc', 'hyaluronic acid', undefined, 'unknown'],
  ] as const)('%s → %s (%s) → %s', (name, generic, form, drugClass) => {
    const found = DRUG_CONCEPTS.filter((c) => c.names.some((n) => key(n) === key(name)));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ generic, drugClass });
    expect(found[0]?.form).toBe(form);
  });

  it('looks up the class of a generic name, unknown for a stranger', () => {
    expect(drugByGeneric('Gabapentin')?.drugClass).toBe('anticonvulsant');
    expect(drugClassOfGeneric('cyclobenzaprine')).toBe('muscle-relaxant');
    expect(drugClassOfGeneric('zorbitrex')).toBe('unknown');
  });

  it('takes class ids as they are: no synonyms', () => {
    expect(knownDrugClass('opioid')).toBe('opioid');
    expect(knownDrugClass('narcotic')).toBeUndefined();
    expect(knownDrugClass('unknown')).toBeUndefined();
  });

  it('says which classes and forms are topical, and opioids systemic (a fentanyl patch too)', () => {
    expect(DRUG_CLASSES.filter((c) => DRUG_CLASS_ROUTE[c] === 'topical')).toEqual([
      'topical-nsaid',
      'topical-anesthetic',
      'capsaicin',
      'topical-salicylate',
      'topical-muscle-relaxant',
      'compounded',
    ]);
    expect(DRUG_CLASS_ROUTE.opioid).toBe('systemic');
    expect(DRUG_FORMS.filter((f) => DRUG_FORM_WORDS[f].topical)).toEqual([
      'patch',
      'cream',
      'gel',
      'ointment',
      'lotion',
      'spray',
    ]);
    const words = DRUG_FORMS.flatMap((f) => DRUG_FORM_WORDS[f].words);
    expect(new Set(words).size).toBe(words.length);
  });
});
