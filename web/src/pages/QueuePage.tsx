import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { call } from '../api/client.ts';
import type { QueueQuery } from '../api/contract.ts';
import type { CaseStage } from '../api/types.ts';
import { useUser } from '../auth/session.tsx';
import { ErrorAlert, Loading } from '../components/Alert.tsx';
import { Badge, StageBadge, UrgencyBadge } from '../components/Badges.tsx';
import {
  CASE_SOURCE_LABEL,
  clockDue,
  ENDED_STAGES,
  formatDate,
  OPEN_STAGES,
  STAGE_LABEL,
  titleCase,
} from '../components/format.ts';
import { Page } from '../components/Page.tsx';

type State = 'open' | 'ended' | 'all';
type Sort = 'due' | 'received' | 'case-number';

const PAGE_SIZE = 50;

const STATES: readonly { id: State; label: string }[] = [
  { id: 'open', label: 'Open work' },
  { id: 'ended', label: 'Ineligible, issued and closed' },
  { id: 'all', label: 'All cases' },
];

const SORTS: Record<Sort, { label: string; order: 'asc' | 'desc' }> = {
  due: { label: 'Due date, soonest first', order: 'asc' },
  received: { label: 'Received, newest first', order: 'desc' },
  'case-number': { label: 'Case number', order: 'asc' },
};

/** Query-string keys the dashboard's drill-down may set, with how they read in words. */
const DATE_FILTERS = {
  receivedFrom: 'received from',
  receivedTo: 'received through',
  decidedFrom: 'decided from',
  decidedTo: 'decided through',
} as const;
type DateFilter = keyof typeof DATE_FILTERS;

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/**
 * The work queue and case search: open work by due date (unscreened applications included), ended
 * cases with their reason, filters, search by case number, employee name or claim number, and pages —
 * all held in the address, so a dashboard chart can link to the matching cases.
 */
export function QueuePage() {
  const user = useUser();
  const reviewer = user.role === 'reviewer';
  const [params, setParams] = useSearchParams();
  const ids = { stage: useId(), priority: useId(), kind: useId(), sort: useId(), q: useId() };

  const state = oneOf<State>(params.get('state'), ['open', 'ended', 'all'], 'open');
  const stages = state === 'open' ? OPEN_STAGES : state === 'ended' ? ENDED_STAGES : [...OPEN_STAGES, ...ENDED_STAGES];
  const stageParam = params.get('stage');
  const stage = stageParam !== null && stages.includes(stageParam as CaseStage) ? (stageParam as CaseStage) : null;
  const priority = oneOf(params.get('priority'), ['standard', 'expedited', ''], '');
  const kind = oneOf(params.get('kind'), ['regular', 'formulary', ''], '');
  const source = oneOf(params.get('source'), ['intake', 'import', ''], '');
  // Ended cases have nothing due: the newest first, unless asked otherwise.
  const sort = oneOf<Sort>(
    params.get('sort'),
    ['due', 'received', 'case-number'],
    state === 'ended' ? 'received' : 'due',
  );
  const q = params.get('q') ?? '';
  const group = params.get('group') ?? '';
  const groupLabel = params.get('groupLabel') ?? group;
  const page = Math.max(0, Number.parseInt(params.get('page') ?? '0', 10) || 0);
  const dates = Object.fromEntries(
    (Object.keys(DATE_FILTERS) as DateFilter[])
      .map((k) => [k, params.get(k)] as const)
      .filter(([, v]) => v !== null && /^\d{4}-\d{2}-\d{2}$/.test(v)),
  ) as Partial<Record<DateFilter, string>>;

  const [draft, setDraft] = useState(q);
  useEffect(() => setDraft(q), [q]);

  const query: QueueQuery = {
    state,
    sort,
    order: SORTS[sort].order,
    limit: PAGE_SIZE,
    offset: page * PAGE_SIZE,
    ...(stage === null ? {} : { stage }),
    ...(priority === '' ? {} : { priority }),
    ...(kind === '' ? {} : { kind }),
    ...(source === '' ? {} : { source }),
    ...(q === '' ? {} : { q }),
    ...(group === '' ? {} : { group }),
    ...dates,
  };
  const result = useQuery({
    queryKey: ['queue', query],
    queryFn: ({ signal }) => call('queue', { query, signal }),
    refetchInterval: 60_000,
    placeholderData: keepPreviousData,
  });

  /** Changes some parameters and goes back to the first page. */
  function update(changes: Record<string, string | null>) {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === '') next.delete(k);
      else next.set(k, v);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  }

  function search(e: FormEvent) {
    e.preventDefault();
    const term = draft.trim();
    // A search looks through every case unless a tab was chosen on purpose.
    update({ q: term, ...(term !== '' && params.get('state') === null ? { state: 'all' } : {}) });
  }

  const data = result.data;
  const entries = data?.entries ?? [];
  const total = data?.total ?? 0;
  const first = total === 0 ? 0 : page * PAGE_SIZE + 1;
  const last = Math.min(total, page * PAGE_SIZE + entries.length);
  const overdue = entries.filter((e) => e.urgency === 'overdue').length;
  const soon = entries.filter((e) => e.urgency === 'due-soon').length;
  const searching = q !== '';
  const ended = state === 'ended';
  const drill = (Object.keys(dates) as DateFilter[]).map((k) => `${DATE_FILTERS[k]} ${formatDate(dates[k])}`);
  if (source !== '') drill.unshift(CASE_SOURCE_LABEL[source]);
  if (group !== '') drill.unshift(groupLabel);

  return (
    <Page
      title={reviewer ? 'My cases' : 'Case queue'}
      sub={
        reviewer
          ? 'Cases assigned to you'
          : 'Every stage by due date, eligibility screening included; search by case number, employee or claim number'
      }
    >
      <nav className="segmented" aria-label="Which cases">
        {STATES.map((s) => (
          <button
            key={s.id}
            type="button"
            aria-pressed={s.id === state}
            onClick={() => update({ state: s.id === 'open' ? null : s.id, stage: null, sort: null })}
          >
            {s.label}
          </button>
        ))}
      </nav>
      <form className="queue-filters card" aria-label="Find cases" onSubmit={search}>
        <div className="field queue-search">
          <label htmlFor={ids.q}>Case number, employee name or claim number</label>
          <div className="row nowrap-row">
            <input id={ids.q} type="search" value={draft} onChange={(e) => setDraft(e.target.value)} maxLength={100} />
            <button type="submit" className="btn">
              Search
            </button>
            {searching ? (
              <button type="button" className="btn secondary" onClick={() => update({ q: null })}>
                Clear
              </button>
            ) : null}
          </div>
        </div>
        <div className="field">
          <label htmlFor={ids.stage}>Stage</label>
          <select id={ids.stage} value={stage ?? ''} onChange={(e) => update({ stage: e.target.value })}>
            <option value="">{state === 'open' ? 'All open stages' : 'All of these stages'}</option>
            {stages.map((s) => (
              <option key={s} value={s}>
                {STAGE_LABEL[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.priority}>Priority</label>
          <select id={ids.priority} value={priority} onChange={(e) => update({ priority: e.target.value })}>
            <option value="">Any</option>
            <option value="expedited">Expedited</option>
            <option value="standard">Standard</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.kind}>Kind</label>
          <select id={ids.kind} value={kind} onChange={(e) => update({ kind: e.target.value })}>
            <option value="">Any</option>
            <option value="formulary">Formulary dispute</option>
            <option value="regular">Regular</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.sort}>Sort by</label>
          <select id={ids.sort} value={sort} onChange={(e) => update({ sort: e.target.value })}>
            {(Object.keys(SORTS) as Sort[]).map((s) => (
              <option key={s} value={s}>
                {SORTS[s].label}
              </option>
            ))}
          </select>
        </div>
      </form>
      {drill.length > 0 ? (
        <p className="drill">
          From the dashboard: {drill.join(', ')}.{' '}
          <button
            type="button"
            className="btn small secondary"
            onClick={() =>
              update({
                source: null,
                group: null,
                groupLabel: null,
                ...Object.fromEntries(Object.keys(DATE_FILTERS).map((k) => [k, null])),
              })
            }
          >
            Clear these filters
          </button>
        </p>
      ) : null}
      {data === undefined ? null : (
        <p role="status" className="queue-count">
          {total === 0 ? (
            'No cases match.'
          ) : (
            <>
              Showing {first}–{last} of <strong>{total}</strong> {total === 1 ? 'case' : 'cases'}
              {state === 'open' && !searching ? (
                <>
                  {' '}
                  (this page: <strong>{overdue} overdue</strong>, {soon} due soon)
                </>
              ) : null}
              .
            </>
          )}
        </p>
      )}
      {result.isPending ? <Loading what="the queue" /> : null}
      <ErrorAlert error={result.error} title="The queue could not be loaded" />
      {data !== undefined && total === 0 && !searching && state === 'open' && stage === null ? (
        <p>{reviewer ? 'No cases are assigned to you at the moment.' : 'No open cases.'}</p>
      ) : null}
      {entries.length > 0 ? (
        <div className="table-wrap card" style={{ padding: 0 }}>
          <table className="data queue-table">
            <caption className="visually-hidden">Cases, {SORTS[sort].label.toLowerCase()}</caption>
            <thead>
              <tr>
                <th scope="col">Case</th>
                {searching ? <th scope="col">Employee, claim</th> : null}
                {ended ? null : <th scope="col">Urgency</th>}
                <th scope="col">Stage</th>
                {ended ? null : <th scope="col">Current clock</th>}
                {ended ? null : <th scope="col">Due</th>}
                {ended ? <th scope="col">Received</th> : null}
                <th scope="col">Priority</th>
                {reviewer ? null : <th scope="col">Reviewer</th>}
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.case.id}>
                  <th scope="row" className="nowrap">
                    <Link to={`/cases/${e.case.id}`}>{e.case.caseNumber}</Link>
                    {e.case.kind === 'formulary' ? (
                      <>
                        {' '}
                        <Badge tone="warn">Formulary</Badge>
                      </>
                    ) : null}
                  </th>
                  {searching ? (
                    <td>
                      {e.employeeName ?? '—'}
                      <br />
                      <span className="muted nowrap">Claim {e.claimNumber ?? '—'}</span>
                    </td>
                  ) : null}
                  {ended ? null : (
                    <td>
                      <UrgencyBadge urgency={e.urgency} />
                    </td>
                  )}
                  <td>
                    <StageBadge stage={e.case.stage} />
                    {e.case.stageReason === undefined ? null : (
                      <div className="muted small">Reason: {titleCase(e.case.stageReason)}</div>
                    )}
                  </td>
                  {ended ? null : <td>{e.next?.label ?? '—'}</td>}
                  {ended ? null : <td className="nowrap">{clockDue(e.next)}</td>}
                  {ended ? <td className="nowrap">{formatDate(e.case.receivedDate)}</td> : null}
                  <td>{e.case.priority === 'expedited' ? <strong>Expedited</strong> : 'Standard'}</td>
                  {reviewer ? null : <td>{e.reviewers.map((r) => r.name).join(', ') || '—'}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {total > PAGE_SIZE ? (
        <nav className="pager" aria-label="Pages">
          <button
            type="button"
            className="btn secondary"
            disabled={page === 0}
            onClick={() => update({ page: page <= 1 ? null : String(page - 1) })}
          >
            Previous
          </button>
          <span>
            Page {page + 1} of {Math.ceil(total / PAGE_SIZE)}
          </span>
          <button
            type="button"
            className="btn secondary"
            disabled={last >= total}
            onClick={() => update({ page: String(page + 1) })}
          >
            Next
          </button>
        </nav>
      ) : null}
    </Page>
  );
}
