import { type Handle, prepared } from '../store/index.js';
import { isAssignedTo } from './case-view.js';

/**
 * What a reviewer may do with a case: work on it while it is assigned to them (`assigned`); read it,
 * their determination and the issued letter once it no longer is but they decided it (`decided`,
 * read-only); nothing otherwise — another reviewer's case answers as if it did not exist.
 */
export type ReviewerAccess = 'assigned' | 'decided' | 'none';

const decidedBy = prepared((db, p: { caseId: number; reviewerId: number }) =>
  db
    .selectFrom('item_determinations')
    .innerJoin('case_items', 'case_items.id', 'item_determinations.item_id')
    .select('item_determinations.id')
    .where('case_items.case_id', '=', p.caseId)
    .where('item_determinations.reviewer_id', '=', p.reviewerId)
    .limit(1),
);

export async function reviewerAccess(h: Handle, caseId: number, reviewerId: number): Promise<ReviewerAccess> {
  if (await isAssignedTo(h, caseId, reviewerId)) return 'assigned';
  const [row] = await decidedBy(h, { caseId, reviewerId });
  return row === undefined ? 'none' : 'decided';
}
