import type { Application, DisputedItem } from '../domain/case.js';
import { type BodySystem, type CaseNeeds, caseNeedsOf, type TreatmentKind } from '../reviewers/index.js';

/**
 * What a case asks of its reviewer, from every disputed item still in dispute and every diagnosis
 * code on the application (src/reviewers needs.ts says how). Items are created in the order of the
 * form's disputed treatments (seq 1 is the first), so an item's diagnosis is the form's code for it.
 * Both the assignment command and the candidate list read the case through this one function.
 */
export function needsOfCase(
  items: readonly DisputedItem[],
  application: Application | undefined,
  asOf: string,
  chosen: { readonly treatmentKind?: TreatmentKind | undefined; readonly bodySystem?: BodySystem | undefined } = {},
): CaseNeeds {
  const disputed = items.filter((i) => i.status === 'disputed');
  const treatments = application?.disputedTreatments ?? [];
  return caseNeedsOf({
    items: (disputed.length > 0 ? disputed : items.slice(0, 1)).map((i) => ({
      request: i.originalRequest ?? i.request,
      category: i.category,
      diagnosis: treatments[i.seq - 1]?.primaryDiagnosisIcd,
    })),
    diagnoses: treatments.map((t) => t.primaryDiagnosisIcd).filter((d) => d !== undefined),
    asOf,
    treatmentKind: chosen.treatmentKind,
    bodySystem: chosen.bodySystem,
  });
}

export { describeItemNeed, itemNeedsOf } from '../reviewers/index.js';
