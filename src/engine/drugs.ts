import type { DrugClassOrUnknown, DrugForm } from '../terminology/drug-classes.js';
import { DRUG_CONCEPTS, type DrugConcept } from '../terminology/drugs.js';
import { normalizeText, PhraseIndex, tokenize } from './phrases.js';

/**
 * The drug lexicon of the request parser: the drug vocabulary (src/terminology) as a phrase index over
 * request words. Each name resolves to a generic name and exactly one guideline drug class ('unknown'
 * when none fits), with the pharmacological group for the finer distinctions the parser makes.
 */
export type { DrugClassOrUnknown as DrugClass, DrugForm } from '../terminology/drug-classes.js';

export interface DrugEntry {
  /** Generic name, lower case; combinations joined with "/" ("hydrocodone/acetaminophen"). */
  readonly generic: string;
  /** The guideline class (a knowledge-base DrugClass id) or 'unknown'. */
  readonly drugClass: DrugClassOrUnknown;
  /** The pharmacological group ("tricyclic-antidepressant", "viscosupplement"); absent for an unknown name. */
  readonly group?: string;
  /** The form a brand implies (Lidoderm: patch, Voltaren gel: gel), when it implies one. */
  readonly form?: DrugForm;
  /** A word for the class, not a drug ("NSAID", "opioids"): the generic name is the group. */
  readonly classTerm?: true;
}

function entryOf(c: DrugConcept): DrugEntry {
  const entry: DrugEntry = { generic: c.generic, drugClass: c.drugClass, group: c.group };
  return {
    ...entry,
    ...(c.form === undefined ? {} : { form: c.form }),
    ...(c.classTerm ? { classTerm: true as const } : {}),
  };
}

function buildIndex(): { index: PhraseIndex<DrugEntry>; entries: DrugEntry[] } {
  const index = new PhraseIndex<DrugEntry>();
  const entries: DrugEntry[] = [];
  for (const concept of DRUG_CONCEPTS) {
    const entry = entryOf(concept);
    entries.push(entry);
    for (const name of concept.names) index.add(name, entry);
  }
  return { index, entries };
}

const built = buildIndex();

/** Lower-cased token keys → entry; longest match over the tokens of a request. */
export const DRUG_INDEX: PhraseIndex<DrugEntry> = built.index;
/** Every product line of the lexicon, for tests and listings. */
export const DRUG_ENTRIES: readonly DrugEntry[] = built.entries;

/** The entry a name stands for ("Norco", "hydrocodone/APAP", "Voltaren gel"), or undefined. */
export function lookupDrug(name: string): DrugEntry | undefined {
  const words = tokenize(normalizeText(name).text).words;
  const m = DRUG_INDEX.matchAt(words, 0);
  return m && m.length === words.length ? m.value : undefined;
}

/** Edit distance up to `max` (early exit above it), for misspelled drug names. */
function withinDistance(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return false;
    prev = cur;
  }
  return (prev[b.length] ?? max + 1) <= max;
}

const SINGLE_WORD_NAMES: readonly string[] = [...DRUG_INDEX.keys()].filter((k) => !k.includes(' ') && k.length >= 5);

/**
 * The entry of a one-word name that is a near miss of a known one ("cyclobenzeprine", "ibuprophen"):
 * one edit for names of 5–7 letters, two for longer ones. Undefined when none or more than one
 * different drug is that close.
 */
export function nearestDrug(word: string): { key: string; entry: DrugEntry } | undefined {
  const w = word.toLowerCase();
  if (w.length < 5 || !/^[a-z]+$/.test(w)) return undefined;
  const max = w.length >= 8 ? 2 : 1;
  let found: { key: string; entry: DrugEntry } | undefined;
  for (const key of SINGLE_WORD_NAMES) {
    if (!withinDistance(w, key, max)) continue;
    const entry = DRUG_INDEX.get(key);
    if (!entry) continue;
    if (found && found.entry.generic !== entry.generic) return undefined;
    found ??= { key, entry };
  }
  return found;
}
