import { TREATMENT_KINDS, type TreatmentKind } from '../domain/treatment.js';
import { Modalities } from './schema.js';
import { MODALITY_DATA } from './vocabulary/modalities.js';

/** Modality phrases by treatment kind (see vocabulary/modalities.ts for the line syntax), checked at start-up. */
export const MODALITIES: Readonly<Record<TreatmentKind, readonly string[]>> = Modalities.parse(MODALITY_DATA) as Record<
  TreatmentKind,
  readonly string[]
>;

/** One modality line read: the phrases, the modality they name, and whether they name the kind only loosely. */
export interface ModalityRule {
  readonly kind: TreatmentKind;
  readonly modality: string;
  readonly generic: boolean;
  readonly phrases: readonly string[];
}

/** Every modality line of every kind, read. */
export function modalityRules(): ModalityRule[] {
  const out: ModalityRule[] = [];
  for (const kind of TREATMENT_KINDS) {
    for (const line of MODALITIES[kind]) {
      const [lhs = '', modality = ''] = line.split('=>');
      const generic = lhs.trimStart().startsWith('?');
      out.push({ kind, modality: modality.trim(), generic, phrases: lhs.replace('?', '').split(';') });
    }
  }
  return out;
}
