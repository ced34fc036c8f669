import type { EligibilityView, ItemView } from '../api/types.ts';
import { Alert } from './Alert.tsx';
import { formatDate } from './format.ts';

const STATUS: Record<EligibilityView['status'], { title: string; tone: 'success' | 'error' | 'warning' }> = {
  eligible: { title: 'Eligible for IMR', tone: 'success' },
  'partially-eligible': { title: 'Partly eligible: some items are not', tone: 'warning' },
  ineligible: { title: 'Not eligible for IMR', tone: 'error' },
  deferred: { title: 'Deferred: liability is disputed', tone: 'warning' },
};

/** The eligibility screen: the outcome, the reasons with their legal source, per-item findings. */
export function EligibilityResult({
  eligibility,
  items,
}: {
  eligibility: EligibilityView;
  items?: readonly Pick<ItemView, 'id' | 'seq' | 'request'>[];
}) {
  const s = STATUS[eligibility.status];
  const itemName = (id: string) => {
    const item = items?.find((i) => String(i.id) === id || String(i.seq) === id);
    return item === undefined ? `Item ${id}` : `Item ${item.seq}: ${item.request}`;
  };
  const f = eligibility.filing;
  return (
    <section aria-labelledby="eligibility-heading" className="card">
      <h2 id="eligibility-heading">Eligibility</h2>
      <Alert tone={s.tone} title={s.title}>
        {eligibility.reasons.length === 0 ? (
          <p>
            {eligibility.status === 'eligible'
              ? 'No reason to refuse the application was found.'
              : 'The application itself is in order; the reasons are per item, listed below.'}
          </p>
        ) : (
          <ul>
            {eligibility.reasons.map((r) => (
              <li key={r.code}>
                {r.message} <span className="muted">({r.source})</span>
                {r.detail === undefined ? null : <span className="muted"> — {r.detail}</span>}
              </li>
            ))}
          </ul>
        )}
      </Alert>
      <dl className="facts">
        <dt>Filing</dt>
        <dd>
          {f.timely ? 'Timely' : `Late by ${f.daysLate} ${f.daysLate === 1 ? 'day' : 'days'}`}; received{' '}
          {formatDate(f.receivedOn)}
          {f.deadline === undefined ? '' : `, due by ${formatDate(f.deadline.dueDate)}`}
          {f.running ? '' : ' (the filing period has not started)'}
        </dd>
      </dl>
      {eligibility.items.some((i) => i.reasons.length > 0 || i.status !== 'eligible') ? (
        <>
          <h3 style={{ marginTop: '1rem' }}>Items</h3>
          <ul>
            {eligibility.items.map((i) => (
              <li key={i.itemId}>
                <strong>{itemName(i.itemId)}</strong>: {i.status}
                {i.reasons.length === 0 ? null : (
                  <ul>
                    {i.reasons.map((r) => (
                      <li key={r.code}>
                        {r.message} <span className="muted">({r.source})</span>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {eligibility.notes.length === 0 ? null : (
        <>
          <h3 style={{ marginTop: '1rem' }}>Notes</h3>
          <ul>
            {eligibility.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
