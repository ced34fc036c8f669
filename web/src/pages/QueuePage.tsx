import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { call } from '../api/client.ts';
import type { CaseStage } from '../api/types.ts';
import { useUser } from '../auth/session.tsx';
import { ErrorAlert, Loading } from '../components/Alert.tsx';
import { StageBadge, UrgencyBadge } from '../components/Badges.tsx';
import { clockDue, OPEN_STAGES, STAGE_LABEL } from '../components/format.ts';
import { Page } from '../components/Page.tsx';

/** Cases by stage with their clocks, overdue and due-soon first (the server's order). */
export function QueuePage() {
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const stage = params.get('stage') as CaseStage | null;
  const filterId = useId();
  const q = useQuery({
    queryKey: ['queue', stage],
    queryFn: ({ signal }) => call('queue', { query: stage === null ? {} : { stage }, signal }),
    refetchInterval: 60_000,
  });
  const reviewer = user.role === 'reviewer';
  const entries = q.data?.entries ?? [];
  const overdue = entries.filter((e) => e.urgency === 'overdue').length;
  const soon = entries.filter((e) => e.urgency === 'due-soon').length;

  return (
    <Page
      title={reviewer ? 'My cases' : 'Case queue'}
      sub={reviewer ? 'Cases assigned to you' : 'Open cases with their statutory clocks, overdue and due soon first'}
    >
      <div className="row" style={{ marginBottom: '1rem' }}>
        <div className="field" style={{ flex: '0 1 18rem' }}>
          <label htmlFor={filterId}>Stage</label>
          <select
            id={filterId}
            value={stage ?? ''}
            onChange={(e) => setParams(e.target.value === '' ? {} : { stage: e.target.value })}
          >
            <option value="">All open stages</option>
            {OPEN_STAGES.map((s) => (
              <option key={s} value={s}>
                {STAGE_LABEL[s]}
              </option>
            ))}
          </select>
        </div>
        {q.data === undefined ? null : (
          <p role="status" style={{ marginBottom: '0.9rem' }}>
            {entries.length} {entries.length === 1 ? 'case' : 'cases'}: <strong>{overdue} overdue</strong>, {soon} due
            soon.
          </p>
        )}
      </div>
      {q.isPending ? <Loading what="the queue" /> : null}
      <ErrorAlert error={q.error} title="The queue could not be loaded" />
      {q.data !== undefined && entries.length === 0 ? (
        <p>{reviewer ? 'No cases are assigned to you at the moment.' : 'No open cases in this stage.'}</p>
      ) : null}
      {entries.length > 0 ? (
        <div className="table-wrap card" style={{ padding: 0 }}>
          <table className="data">
            <caption className="visually-hidden">Cases, most urgent first</caption>
            <thead>
              <tr>
                <th scope="col">Case</th>
                <th scope="col">Urgency</th>
                <th scope="col">Stage</th>
                <th scope="col">Current clock</th>
                <th scope="col">Due</th>
                <th scope="col">Priority</th>
                {reviewer ? null : <th scope="col">Reviewer</th>}
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.case.id}>
                  <th scope="row" className="nowrap">
                    <Link to={`/cases/${e.case.id}`}>{e.case.caseNumber}</Link>
                  </th>
                  <td>
                    <UrgencyBadge urgency={e.urgency} />
                  </td>
                  <td>
                    <StageBadge stage={e.case.stage} />
                  </td>
                  <td>{e.next?.label ?? '—'}</td>
                  <td>{clockDue(e.next)}</td>
                  <td>{e.case.priority === 'expedited' ? <strong>Expedited</strong> : 'Standard'}</td>
                  {reviewer ? null : <td>{e.reviewers.map((r) => r.name).join(', ') || '—'}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Page>
  );
}
