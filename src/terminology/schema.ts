import { z } from 'zod';
import { TreatmentKind } from '../domain/treatment.js';
import { BodyRegion } from './body-regions.js';
import { DrugClassOrUnknown, DrugForm } from './drug-classes.js';

/**
 * Schemas of the vocabulary's data files (src/terminology/vocabulary). The data is checked against them when
 * the vocabulary loads, so a malformed entry stops start-up with a readable message.
 *
 * Phrase syntax (shared with the request parser's phrase index): `a|b` gives alternatives for one word,
 * `(a b|c|)` alternatives of any length; matching is on lower-cased words.
 */
const Name = z.string().trim().min(2).max(120);
const Kebab = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);

/** One product: a generic name (lower case; combinations joined with "/"), its other names, one class. */
export const DrugProduct = z
  .object({
    generic: z
      .string()
      .min(2)
      .regex(/^[a-z0-9][a-z0-9 ./-]*$/, 'generic names are lower case'),
    /** The form these names imply (Duragesic: patch). The generic name alone then belongs to another entry. */
    form: DrugForm.optional(),
    /** Brand names and synonyms. */
    names: z.array(Name).min(1).optional(),
    /** Overrides the group's class (a capsaicin product within the topical analgesics). */
    drugClass: DrugClassOrUnknown.optional(),
  })
  .strict();
export type DrugProduct = z.infer<typeof DrugProduct>;

/**
 * A pharmacological group (tricyclic antidepressants, viscosupplements…) with the guideline class its
 * products belong to. The group is finer than the class; the request parser uses it where the class
 * does not say enough (an injection named by a viscosupplement).
 */
export const DrugGroup = z
  .object({
    group: Kebab,
    drugClass: DrugClassOrUnknown,
    /** Words for the group rather than a drug ("NSAIDs", "muscle relaxants"). */
    classTerms: z.array(Name).min(1).optional(),
    drugs: z.array(DrugProduct).min(1),
  })
  .strict();
export type DrugGroup = z.infer<typeof DrugGroup>;

/** A body part as requests name it, and the regions it lies in (none for a part no chapter is about). */
export const BodyPartConcept = z
  .object({
    part: z.string().regex(/^[a-z]+(?: [a-z]+)*$/),
    regions: z.array(BodyRegion),
    /** Phrases naming the part (one side, or side unstated). */
    terms: z.array(Name).min(1),
    /** Phrases naming both sides of a paired part ("knees", "both arms"). */
    bothSides: z.array(Name).min(1).optional(),
  })
  .strict();
export type BodyPartConcept = z.infer<typeof BodyPartConcept>;

/** Words that name parts of two regions at once ("thoracolumbar"). */
export const BodyPartSpan = z
  .object({ terms: z.array(Name).min(1), parts: z.array(z.string().min(2)).min(2) })
  .strict();
export type BodyPartSpan = z.infer<typeof BodyPartSpan>;

/**
 * Words that name a region in free text (a record's diagnosis, a request without named parts), matched at
 * a word start, so stems are allowed ("menisc" for meniscus and meniscal).
 */
export const RegionWords = z.record(BodyRegion, z.array(z.string().min(2)).min(1));
export type RegionWords = z.infer<typeof RegionWords>;

/**
 * Treatment modalities by kind: `phrase; phrase => modality`; a leading `?` marks words that name the
 * kind only loosely ("therapy", "injection"), which any specific phrase outranks.
 */
export const ModalityLine = z
  .string()
  .regex(/^[^=]+=>\s*[a-z0-9][a-z0-9 /-]*$/, 'a modality line is "phrases => modality"');
export const Modalities = z.record(TreatmentKind, z.array(ModalityLine));
export type Modalities = z.infer<typeof Modalities>;
