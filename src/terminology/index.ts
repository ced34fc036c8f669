/**
 * One vocabulary, shared below the modules that use it: drug classes and forms, drugs (brand → generic →
 * class), body parts → regions, region words, modalities → treatment kinds. The data is in ./vocabulary,
 * checked against ./schema at load.
 */
export {
  BODY_PART_SPAN_TERMS,
  BODY_PARTS,
  bodyRegionsOf,
  regionsInText,
  regionsOfPart,
} from './body-parts.js';
export { BODY_REGIONS, BodyRegion, REGION_SYSTEM, regionsOverlap } from './body-regions.js';
export {
  DRUG_CLASS_ROUTE,
  DRUG_CLASSES,
  DRUG_FORM_WORDS,
  DRUG_FORMS,
  DrugClass,
  DrugClassOrUnknown,
  DrugForm,
  drugClassOrUnknown,
  knownDrugClass,
  UNKNOWN_DRUG_CLASS,
} from './drug-classes.js';
export { DRUG_CONCEPTS, DRUG_GROUPS, type DrugConcept, drugByGeneric, drugClassOfGeneric } from './drugs.js';
export { MODALITIES, type ModalityRule, modalityRules } from './modalities.js';
export { ALTERNATIVE_CUES, blankAlternatives, keywordIn, normalize } from './text.js';
