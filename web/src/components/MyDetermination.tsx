import { Link } from 'react-router-dom';
import type { CaseDetail, CaseStage } from '../api/types.ts';
import { useUser } from '../auth/session.tsx';
import { Alert } from './Alert.tsx';
import { DecisionBadge } from './Badges.tsx';
import { formatDate } from './format.ts';

/** Stages after which a reviewer's determination can no longer change, and why (in their words). */
const FINAL: Partial<Record<CaseStage, string>> = {
  'letter-issued': 'The letter has been issued.',
  closed: 'The case is closed.',
  terminated: 'The review was terminated.',
  withdrawn: 'The request was withdrawn.',
};

/** The signed-in reviewer's standing decisions on the case (the latest per item), oldest item first. */
export function myDeterminations(d: CaseDetail, reviewerId: number | undefined) {
  if (reviewerId === undefined) return [];
  return d.items.flatMap((item) => {
    const mine = item.determinations.filter((x) => x.reviewerId === reviewerId).at(-1);
    return mine === undefined ? [] : [{ item, determination: mine }];
  });
}

/**
 * A reviewer's own determination on a case, read-only: each item's decision, basis and rationale,
 * and the issued letter. Shown once the decision can no longer change (the letter issued, the case
 * closed or ended) — the reviewer keeps reading what they decided.
 */
export function MyDetermination({ d }: { d: CaseDetail }) {
  const user = useUser();
  const decided = myDeterminations(d, user.reviewerId);
  const final = FINAL[d.case.stage];
  if (user.role !== 'reviewer' || decided.length === 0 || final === undefined) return null;
  return (
    <section className="card" aria-labelledby="my-determination-heading">
      <h2 id="my-determination-heading">Your determination</h2>
      <Alert tone="info" title="Read-only">
        <p>
          {final} Your determination is part of the record and can no longer be changed.{' '}
          {d.letters.length > 0 ? <Link to={`/cases/${d.case.id}/letter`}>Read the issued letter</Link> : null}
        </p>
      </Alert>
      {decided.map(({ item, determination: x }) => (
        <article key={item.id} className="my-determination">
          <h3>
            Item {item.seq}: {item.request}
          </h3>
          <p>
            <DecisionBadge decision={x.decision} /> <span className="muted">decided {formatDate(x.decidedAt)}</span>
          </p>
          <dl className="facts">
            <dt>Basis</dt>
            <dd>{x.basis.raw === '' ? '—' : x.basis.raw}</dd>
            <dt>Rationale</dt>
            <dd style={{ whiteSpace: 'pre-wrap' }}>{x.rationale}</dd>
            {x.overrideReason === undefined ? null : (
              <>
                <dt>Why you departed from the engine</dt>
                <dd style={{ whiteSpace: 'pre-wrap' }}>{x.overrideReason}</dd>
              </>
            )}
          </dl>
        </article>
      ))}
    </section>
  );
}
