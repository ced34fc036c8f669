import { describe, expect, it } from 'vitest';
import { DrugClassOrUnknown } from '../terminology/drug-classes.js';
import { DRUG_ENTRIES, DRUG_INDEX, lookupDrug, nearestDrug } from './drugs.js';

describe('drug lexicon', () => {
  it('is broad: several hundred products and over a thousand names', () => {
    expect(DRUG_ENTRIES.length).toBeGreaterThan(400);
    expect(DRUG_INDEX.size).toBeGreaterThan(1000);
  });

  it("gives every entry a guideline class of the vocabulary or 'unknown', and a group", () => {
    for (const e of DRUG_ENTRIES) {
      expect(DrugClassOrUnknown.safeParse(e.drugClass).success, e.generic).toBe(true);
      expect(e.group, e.generic).toMatch(/^[a-z0-9-]+$/);
    }
  });

  it('gives each name one meaning', () => {
    expect(DRUG_INDEX.conflicts).toEqual([]);
  });

  it.each([
    ['Norco', 'hydrocodone/acetaminophen', 'opioid'],
    ['hydrocodone/APAP', 'hydrocodone/acetaminophen', 'opioid'],
    ['Flexeril', 'cyclobenzaprine', 'muscle-relaxant'],
    ['Ultram', 'tramadol', 'opioid'],
    ['Zanaflex', 'tizanidine', 'muscle-relaxant'],
    ['Lidoderm', 'lidocaine', 'topical-anesthetic'],
    ['Voltaren gel', 'diclofenac', 'topical-nsaid'],
    ['Voltaren', 'diclofenac', 'nsaid'],
    ['Fioricet', 'butalbital/acetaminophen/caffeine', 'barbiturate-analgesic'],
    ['Tylenol #3', 'codeine/acetaminophen', 'opioid'],
    ['DEPO-MEDROL', 'methylprednisolone', 'corticosteroid'],
    ['Senokot-S', 'sennosides/docusate', 'laxative'],
    ['Synvisc One', 'hyaluronic acid', 'unknown'],
    ['Duragesic', 'fentanyl', 'opioid'],
    ['Elavil', 'amitriptyline', 'antidepressant'],
    ['Zofran', 'ondansetron', 'antiemetic'],
    ['Theramine', 'theramine', 'medical-food'],
    ['Celebrex', 'celecoxib', 'cox2-inhibitor'],
    ['Salonpas', 'methyl salicylate/menthol', 'topical-salicylate'],
  ] as const)('%s → %s (%s)', (name, generic, drugClass) => {
    expect(lookupDrug(name)).toMatchObject({ generic, drugClass });
  });

  it('keeps the pharmacological group beside the class', () => {
    expect(lookupDrug('Elavil')).toMatchObject({ drugClass: 'antidepressant', group: 'tricyclic-antidepressant' });
    expect(lookupDrug('Synvisc')).toMatchObject({ drugClass: 'unknown', group: 'viscosupplement' });
  });

  it('gives the form a brand implies', () => {
    expect(lookupDrug('Duragesic')?.form).toBe('patch');
    expect(lookupDrug('Lidoderm')?.form).toBe('patch');
    expect(lookupDrug('Flector')?.form).toBe('patch');
    expect(lookupDrug('Norco')?.form).toBeUndefined();
  });

  it('knows no words that are not drug names, nor part of a name alone', () => {
    expect(lookupDrug('therapy')).toBeUndefined();
    expect(lookupDrug('same')).toBeUndefined();
    expect(lookupDrug('Norco tablets')).toBeUndefined();
  });

  it('finds a misspelt name one or two letters away, and nothing for a stranger', () => {
    expect(nearestDrug('cyclobenzeprine')?.entry.generic).toBe('cyclobenzaprine');
    expect(nearestDrug('Ibuprophen')?.entry.generic).toBe('ibuprofen');
    expect(nearestDrug('Zorbitrex')).toBeUndefined();
    expect(nearestDrug('knee')).toBeUndefined();
  });
});
