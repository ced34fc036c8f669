import { z } from 'zod';
import type { DrugClassOrUnknown, DrugForm } from './drug-classes.js';
import { DrugGroup } from './schema.js';
import { DRUG_DATA } from './vocabulary/drugs.js';

/**
 * The drug vocabulary: every brand name or synonym stands for one concept (a generic name, perhaps in
 * one form), and every concept has exactly one guideline class (or 'unknown') and one pharmacological
 * group. Loaded from vocabulary/drugs.ts and checked against the schema at start-up.
 */
export interface DrugConcept {
  /** Generic name, lower case; combinations joined with "/" ("hydrocodone/acetaminophen"). */
  readonly generic: string;
  /** The guideline class (a knowledge-base DrugClass id) or 'unknown'. */
  readonly drugClass: DrugClassOrUnknown;
  /** The pharmacological group, finer than the class ("tricyclic-antidepressant", "viscosupplement"). */
  readonly group: string;
  /** The form the names imply (Duragesic: patch), when they imply one. */
  readonly form?: DrugForm;
  /** A word for a group, not a drug ("NSAID", "opioids"): the generic name is the group id. */
  readonly classTerm?: true;
  /** Names as written in the data (brands and synonyms; the generic itself unless a form is implied). */
  readonly names: readonly string[];
}

/** The data, checked. */
export const DRUG_GROUPS: readonly DrugGroup[] = z.array(DrugGroup).min(1).parse(DRUG_DATA);

function conceptsOf(g: DrugGroup): DrugConcept[] {
  const out: DrugConcept[] = g.drugs.map((d) => {
    // A line with a form lists the names of that form only; the plain generic belongs to another line.
    const names = [...(d.form === undefined ? [d.generic] : []), ...(d.names ?? [])];
    const concept: DrugConcept = { generic: d.generic, drugClass: d.drugClass ?? g.drugClass, group: g.group, names };
    return d.form === undefined ? concept : { ...concept, form: d.form };
  });
  if (g.classTerms !== undefined) {
    out.push({ generic: g.group, drugClass: g.drugClass, group: g.group, classTerm: true, names: g.classTerms });
  }
  return out;
}

/** Every concept of the vocabulary, products first (in data order), then the group words. */
export const DRUG_CONCEPTS: readonly DrugConcept[] = [
  ...DRUG_GROUPS.flatMap((g) => conceptsOf(g).filter((c) => !c.classTerm)),
  ...DRUG_GROUPS.flatMap((g) => conceptsOf(g).filter((c) => c.classTerm)),
];

const BY_GENERIC = new Map<string, DrugConcept>();
for (const c of DRUG_CONCEPTS)
  if (!c.classTerm && c.form === undefined && !BY_GENERIC.has(c.generic)) BY_GENERIC.set(c.generic, c);

/** The concept of a generic name (its plain form), or undefined. */
export function drugByGeneric(generic: string): DrugConcept | undefined {
  return BY_GENERIC.get(generic.trim().toLowerCase());
}

/** The guideline class of a generic name; 'unknown' when the vocabulary does not know it. */
export function drugClassOfGeneric(generic: string): DrugClassOrUnknown {
  return drugByGeneric(generic)?.drugClass ?? 'unknown';
}
