import { type ImrError, imrError } from '../domain/errors.js';
import type { Decision } from '../domain/letter.js';
import { err, ok, type Result } from '../domain/result.js';

/**
 * The outcome of one disputed item when more than one reviewer decided it. More than one reviewer
 * needs the AD's written approval (8 CCR 9792.10.6(c)); the majority prevails and an even split goes
 * in favor of providing the service, i.e. Overturned (LC 4610.6(e) — fact sheet §1.7).
 */

export type PanelRule = 'single-reviewer' | 'majority' | 'even-split-favours-service';

export interface PanelOutcome {
  readonly decision: Decision;
  readonly upheld: number;
  readonly overturned: number;
  readonly rule: PanelRule;
}

export function panelDecision(
  decisions: readonly Decision[],
  options: { readonly adApprovedPanel: boolean },
): Result<PanelOutcome, ImrError> {
  if (decisions.length === 0) return err(imrError('IMR_VALIDATION', 'A panel decision needs at least one decision.'));
  if (decisions.length > 1 && !options.adApprovedPanel) {
    return err(
      imrError(
        'IMR_VALIDATION',
        'More than one reviewer needs the Administrative Director’s written approval (8 CCR 9792.10.6(c)).',
      ),
    );
  }
  const upheld = decisions.filter((d) => d === 'Upheld').length;
  const overturned = decisions.length - upheld;
  if (decisions.length === 1)
    return ok({ decision: decisions[0] ?? 'Upheld', upheld, overturned, rule: 'single-reviewer' });
  if (upheld === overturned)
    return ok({ decision: 'Overturned', upheld, overturned, rule: 'even-split-favours-service' });
  return ok({ decision: upheld > overturned ? 'Upheld' : 'Overturned', upheld, overturned, rule: 'majority' });
}
