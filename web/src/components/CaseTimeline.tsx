import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../api/client.ts';
import type { TimelineEntryView } from '../api/contract.ts';
import { ErrorAlert, Loading } from './Alert.tsx';
import { formatDate } from './format.ts';

/**
 * The case's audit trail as a timeline, oldest first: who did what and when, in plain language (the
 * server tells each event; no codes). Changes show by default; who opened the case, its documents and
 * letters, and refused attempts show on request.
 */
export function CaseTimeline({ caseId, version }: { caseId: number; version: number }) {
  const [everything, setEverything] = useState(false);
  const q = useQuery({
    queryKey: ['case-timeline', caseId, version],
    queryFn: ({ signal }) => call('caseTimeline', { params: { caseId }, signal }),
  });
  return (
    <section className="card" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Timeline</h2>
      {q.isPending ? <Loading what="the timeline" /> : null}
      <ErrorAlert error={q.error} title="The timeline could not be loaded" />
      {q.data === undefined ? null : (
        <Entries entries={q.data.entries} everything={everything} onToggle={setEverything} />
      )}
    </section>
  );
}

function Entries({
  entries,
  everything,
  onToggle,
}: {
  entries: readonly TimelineEntryView[];
  everything: boolean;
  onToggle: (on: boolean) => void;
}) {
  const others = entries.filter((e) => e.kind !== 'change').length;
  const shown = everything ? entries : entries.filter((e) => e.kind === 'change');
  return (
    <>
      <label className="check">
        <input type="checkbox" checked={everything} onChange={(e) => onToggle(e.target.checked)} />
        <span>Also show who opened the case, its documents and letters, and refused attempts ({others})</span>
      </label>
      {shown.length === 0 ? (
        <p>Nothing recorded yet.</p>
      ) : (
        <ol className="timeline">
          {shown.map((e) => (
            <li key={e.id} className={`timeline-${e.kind}`}>
              <div className="timeline-when">
                <time dateTime={e.at}>{formatDate(e.at)}</time>
              </div>
              <div>
                <span className="timeline-what">{e.what}</span>
                {e.happenedAt === undefined ? null : <span className="muted"> — dated {formatDate(e.happenedAt)}</span>}
                <div className="small">by {e.who}</div>
                {e.detail === undefined ? null : <div className="muted small">{e.detail}</div>}
              </div>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
