import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect, useId, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { call } from '../api/client.ts';
import type { DashboardQuery } from '../api/contract.ts';
import type { Dashboard, RateRow } from '../api/types.ts';
import { ErrorAlert, Loading } from '../components/Alert.tsx';
import { Field } from '../components/Field.tsx';
import { percent } from '../components/format.ts';
import { Page } from '../components/Page.tsx';

const BLUE = '#0b4f8a';
const TEAL = '#13795b';
const RED = '#b3261e';
const AXIS = { fontSize: 12, fill: '#4a5361' };
const AXIS_LABEL = { fontSize: 12, fill: '#1b1f24' };

/** A chart with its title, a one-line summary for screen readers, and the numbers as a table. */
function ChartCard({
  title,
  summary,
  table,
  children,
  height = 280,
}: {
  title: string;
  summary: string;
  table: ReactNode;
  children: ReactNode;
  height?: number;
}) {
  const id = useId();
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <p className="muted">{summary}</p>
      <div className="chart-box" style={{ height }}>
        {children}
      </div>
      <details>
        <summary>Show the numbers</summary>
        {table}
      </details>
    </section>
  );
}

function RateTable({
  rows,
  what,
  link,
}: {
  rows: readonly RateRow[];
  what: string;
  link: (r: RateRow) => string | undefined;
}) {
  return (
    <table className="data">
      <thead>
        <tr>
          <th scope="col">{what}</th>
          <th scope="col" className="num">
            Decided
          </th>
          <th scope="col" className="num">
            Overturned
          </th>
          <th scope="col" className="num">
            Overturn rate
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const to = link(r);
          return (
            <tr key={r.key}>
              <th scope="row">{to === undefined ? r.label : <Link to={to}>{r.label}</Link>}</th>
              <td className="num">{r.decided}</td>
              <td className="num">{r.overturned}</td>
              <td className="num">{percent(r.overturnRate)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function RateChart({
  title,
  rows,
  what,
  link,
}: {
  title: string;
  rows: readonly RateRow[];
  what: string;
  link: (r: RateRow) => string | undefined;
}) {
  const narrow = useNarrow();
  const navigate = useNavigate();
  // On a phone the labels get a narrow column: shortened (the table below has them whole).
  const maxLabel = narrow ? 26 : 60;
  const top = [...rows].sort((a, b) => b.decided - a.decided).slice(0, 12);
  const data = top.map((r) => ({
    label: r.label.length > maxLabel ? `${r.label.slice(0, maxLabel - 1).trimEnd()}…` : r.label,
    rate: Math.round(r.overturnRate * 1000) / 10,
    value: `${percent(r.overturnRate)} of ${r.decided}`,
    decided: r.decided,
    to: link(r),
  }));
  const highest = [...top].sort((a, b) => b.overturnRate - a.overturnRate)[0];
  const summary =
    top.length === 0
      ? 'No decided items yet.'
      : `${top.length} groups with the most decisions. Highest overturn rate: ${highest?.label} at ${percent(highest?.overturnRate ?? 0)} of ${highest?.decided} decided. Select a bar for its cases.`;
  return (
    <ChartCard
      title={title}
      summary={summary}
      table={<RateTable rows={rows} what={what} link={link} />}
      height={Math.max(220, 40 * data.length + 90)}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ left: 8, right: 72, bottom: 24 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis
            type="number"
            domain={[0, 100]}
            ticks={[0, 25, 50, 75, 100]}
            unit="%"
            tick={AXIS}
            label={{ value: 'Overturned, % of decided items', position: 'insideBottom', offset: -14, ...AXIS_LABEL }}
          />
          <YAxis
            type="category"
            dataKey="label"
            width={narrow ? 120 : 260}
            tick={AXIS}
            interval={0}
            label={{ value: what, angle: -90, position: 'insideLeft', offset: 0, ...AXIS_LABEL }}
          />
          <Tooltip formatter={(v) => [`${String(v)}%`, 'Overturned']} />
          <Bar
            dataKey="rate"
            name="Overturn rate"
            minPointSize={2}
            fill={BLUE}
            isAnimationActive={false}
            cursor="pointer"
            onClick={(bar: { payload?: { to?: string } }) => {
              if (bar.payload?.to !== undefined) void navigate(bar.payload.to);
            }}
          >
            <LabelList dataKey="value" position="right" style={{ fontSize: 12, fill: '#1b1f24' }} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

/** Whether the window is phone-narrow (the charts give their labels less room). */
function useNarrow(): boolean {
  const query = '(max-width: 600px)';
  const [narrow, setNarrow] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const m = window.matchMedia(query);
    const on = () => setNarrow(m.matches);
    m.addEventListener('change', on);
    return () => m.removeEventListener('change', on);
  }, []);
  return narrow;
}

type MonthRow = { month: string; received: number; decided: number };

/** `YYYY-MM` plus `n` months. */
function addMonths(month: string, n: number): string {
  const d = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 + n, 1));
  return d.toISOString().slice(0, 7);
}

const monthFmt = new Intl.DateTimeFormat('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' });
export function monthLabel(month: string): string {
  return monthFmt.format(new Date(`${month}-01T00:00:00Z`));
}

/** The last day of a `YYYY-MM` month. */
function monthEnd(month: string): string {
  return new Date(Date.parse(`${addMonths(month, 1)}-01T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/**
 * The volumes over the months the data covers, first to last month with cases — never months before
 * or after it. Up to 24 months are shown month by month (months in between without cases are real
 * zeros); a longer span is summed by year, so old imported letters and this month's cases both show.
 */
export function volumeSeries(byMonth: readonly MonthRow[]): {
  unit: 'month' | 'year';
  rows: { key: string; label: string; from: string; to: string; received: number; decided: number }[];
} {
  const months = byMonth.map((m) => m.month).sort();
  const first = months[0];
  const last = months.at(-1);
  if (first === undefined || last === undefined) return { unit: 'month', rows: [] };
  let span = 0;
  while (addMonths(first, span) < last) span += 1;
  if (span < 24) {
    const rows = [];
    for (let i = 0; i <= span; i++) {
      const month = addMonths(first, i);
      const found = byMonth.find((m) => m.month === month);
      rows.push({
        key: month,
        label: monthLabel(month),
        from: `${month}-01`,
        to: monthEnd(month),
        received: found?.received ?? 0,
        decided: found?.decided ?? 0,
      });
    }
    return { unit: 'month', rows };
  }
  const years = new Map<string, { received: number; decided: number }>();
  for (let y = Number(first.slice(0, 4)); y <= Number(last.slice(0, 4)); y++)
    years.set(String(y), { received: 0, decided: 0 });
  for (const m of byMonth) {
    const row = years.get(m.month.slice(0, 4));
    if (row === undefined) continue;
    row.received += m.received;
    row.decided += m.decided;
  }
  return {
    unit: 'year',
    rows: [...years.entries()].map(([year, v]) => ({
      key: year,
      label: year,
      from: `${year}-01-01`,
      to: `${year}-12-31`,
      ...v,
    })),
  };
}

/** The queue's address for cases matching a dashboard figure. */
function queueLink(filter: Record<string, string | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v !== undefined && v !== '') p.set(k, v);
  return `/queue?${p.toString()}`;
}

type Row = readonly (string | number)[];

/** The dashboard's figures as CSV: one section per table, a header row each. */
export function dashboardCsv(d: Dashboard, filter: { from: string; to: string; source: string }): string {
  const rows: Row[] = [
    [
      'IMR Desk dashboard',
      `as of ${d.asOf}`,
      `from ${filter.from || 'the start'}`,
      `to ${filter.to || 'now'}`,
      `cases: ${filter.source}`,
    ],
    [],
    ['Summary', 'Value'],
    ['Open cases', d.volumes.openCases],
    ['Open cases overdue', d.timeliness.openOverdue],
    ['Cases decided', d.volumes.decidedCases],
    ['Items decided', d.volumes.decidedItems],
    ['Decided on time', d.timeliness.onTime],
    ['Decided late', d.timeliness.late],
    ['Median days from application to decision', d.timeliness.medianDaysToDecision ?? ''],
    [],
    ['Month', 'Received', 'Decided'],
    ...d.volumes.byMonth.map((m) => [m.month, m.received, m.decided]),
    [],
    ['Month of decision', 'On time', 'Late'],
    ...d.timeliness.byMonth.map((m) => [m.month, m.onTime, m.late]),
    [],
    ['Stage', 'Open cases'],
    ...d.volumes.byStage.map((s) => [s.label, s.count]),
  ];
  for (const [title, list] of [
    ['Kind of request', d.overturn.byKind],
    ['Guideline', d.overturn.byGuideline],
    ['Reviewer specialty', d.overturn.bySpecialty],
  ] as const) {
    rows.push([], [title, 'Decided', 'Overturned', 'Overturn rate']);
    for (const r of list) rows.push([r.label, r.decided, r.overturned, r.overturnRate.toFixed(4)]);
  }
  const cell = (v: string | number) => {
    const text = String(v);
    // Quoted when needed; a leading = + - @ is neutralized so a spreadsheet never runs it as a formula.
    const safe = /^[=+\-@\t\r]/.test(text) && typeof v === 'string' ? `'${text}` : text;
    return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return `${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function DashboardPage() {
  const navigate = useNavigate();
  const [filters, setFilters] = useState<{ from: string; to: string; source: 'all' | 'intake' | 'import' }>({
    from: '',
    to: '',
    source: 'all',
  });
  const rangeError =
    filters.from !== '' && filters.to !== '' && filters.from > filters.to
      ? '"To" must be on or after "From". Change one of the dates to see the figures.'
      : undefined;
  const query: DashboardQuery = {
    source: filters.source,
    ...(filters.from === '' ? {} : { from: filters.from }),
    ...(filters.to === '' ? {} : { to: filters.to }),
  };
  const q = useQuery({
    queryKey: ['dashboard', query],
    queryFn: ({ signal }) => call('dashboard', { query, signal }),
    enabled: rangeError === undefined,
  });
  const d = rangeError === undefined ? q.data : undefined;
  const volumes = d === undefined ? { unit: 'month' as const, rows: [] } : volumeSeries(d.volumes.byMonth);
  const first = volumes.rows[0];
  const last = volumes.rows.at(-1);
  const source = filters.source === 'all' ? undefined : filters.source;
  /** The queue of every case (any state) matching a figure, within the dashboard's own filter. */
  const cases = (f: Record<string, string | undefined>) => queueLink({ state: 'all', source, ...f });
  /** The cases decided in a chart's group, within the dashboard's dates; "Other (n groups)" has none of its own. */
  const groupLink =
    (dimension: 'kind' | 'guideline' | 'specialty', what: string) =>
    (r: RateRow): string | undefined =>
      r.key === 'other-groups'
        ? undefined
        : cases({
            group: `${dimension}:${r.key}`,
            groupLabel: `${what}: ${r.label}`,
            decidedFrom: filters.from || undefined,
            decidedTo: filters.to || undefined,
          });
  const timelyRows = (d?.timeliness.byMonth ?? []).map((m) => ({
    ...m,
    label: monthLabel(m.month),
    from: `${m.month}-01`,
    to: monthEnd(m.month),
  }));
  return (
    <Page
      title="Dashboard"
      sub="Volumes, timeliness and overturn rates"
      actions={
        d === undefined ? undefined : (
          <button
            type="button"
            className="btn secondary"
            onClick={() => download(`imr-dashboard-${d.asOf.slice(0, 10)}.csv`, dashboardCsv(d, filters))}
          >
            Download CSV
          </button>
        )
      }
    >
      <form className="row card" aria-label="Dashboard filters" onSubmit={(e) => e.preventDefault()}>
        <Field label="From">
          <input
            type="date"
            value={filters.from}
            onChange={(e) => setFilters((f) => ({ ...f, from: e.target.value }))}
          />
        </Field>
        <Field label="To" error={rangeError}>
          <input type="date" value={filters.to} onChange={(e) => setFilters((f) => ({ ...f, to: e.target.value }))} />
        </Field>
        <Field label="Cases">
          <select
            value={filters.source}
            onChange={(e) => setFilters((f) => ({ ...f, source: e.target.value as 'all' | 'intake' | 'import' }))}
          >
            <option value="all">All cases</option>
            <option value="intake">Decided through the desk</option>
            <option value="import">Imported published letters</option>
          </select>
        </Field>
      </form>
      {q.isPending && rangeError === undefined ? <Loading what="the figures" /> : null}
      <ErrorAlert error={q.error} title="The dashboard could not be loaded" />
      {d === undefined ? null : (
        <>
          <div className="grid-3" style={{ marginBottom: '1rem' }}>
            <div className="card">
              <div className="stat">
                <Link to="/queue">{d.volumes.openCases}</Link>
              </div>
              <div className="stat-label">Open cases ({d.timeliness.openOverdue} overdue)</div>
            </div>
            <div className="card">
              <div className="stat">
                <Link to={cases({ decidedFrom: filters.from || '1900-01-01', decidedTo: filters.to || undefined })}>
                  {d.volumes.decidedCases}
                </Link>
              </div>
              <div className="stat-label">Cases decided ({d.volumes.decidedItems} items)</div>
            </div>
            <div className="card">
              <div className="stat">{d.timeliness.measured === 0 ? '—' : percent(d.timeliness.onTimeRate)}</div>
              <div className="stat-label">
                Decided on time ({d.timeliness.onTime} of {d.timeliness.measured})
              </div>
            </div>
            <div className="card">
              <div className="stat">
                {d.timeliness.medianDaysToDecision === null ? '—' : `${d.timeliness.medianDaysToDecision} days`}
              </div>
              <div className="stat-label">Median time from application to decision</div>
            </div>
            <div className="card">
              <div className="stat">{percent(d.overturn.overall.overturnRate)}</div>
              <div className="stat-label">
                Items overturned ({d.overturn.overall.overturned} of {d.overturn.overall.decided})
              </div>
            </div>
          </div>
          <div className="grid-2">
            <ChartCard
              title={volumes.unit === 'month' ? 'Volumes by month' : 'Volumes by year'}
              summary={
                first === undefined || last === undefined
                  ? 'No cases in this period.'
                  : `${volumes.rows.reduce((n, m) => n + m.received, 0)} applications received and ${volumes.rows.reduce((n, m) => n + m.decided, 0)} cases decided, ${first.label} to ${last.label}${volumes.unit === 'year' ? ' (more than two years: by year; narrow the dates for months)' : ''}. Select a bar for its cases.`
              }
              table={
                <table className="data">
                  <thead>
                    <tr>
                      <th scope="col">{volumes.unit === 'month' ? 'Month' : 'Year'}</th>
                      <th scope="col" className="num">
                        Received
                      </th>
                      <th scope="col" className="num">
                        Decided
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {volumes.rows.map((m) => (
                      <tr key={m.key}>
                        <th scope="row">{m.label}</th>
                        <td className="num">
                          <Link to={cases({ receivedFrom: m.from, receivedTo: m.to })}>{m.received}</Link>
                        </td>
                        <td className="num">
                          <Link to={cases({ decidedFrom: m.from, decidedTo: m.to })}>{m.decided}</Link>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              }
            >
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={volumes.rows} margin={{ bottom: 24, left: 8 }}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis
                    dataKey="label"
                    tick={AXIS}
                    label={{
                      value: volumes.unit === 'month' ? 'Month' : 'Year',
                      position: 'insideBottom',
                      offset: -14,
                      ...AXIS_LABEL,
                    }}
                  />
                  <YAxis
                    allowDecimals={false}
                    tick={AXIS}
                    label={{ value: 'Cases', angle: -90, position: 'insideLeft', ...AXIS_LABEL }}
                  />
                  <Tooltip />
                  <Legend verticalAlign="top" />
                  <Bar
                    dataKey="received"
                    name="Received"
                    fill={BLUE}
                    isAnimationActive={false}
                    cursor="pointer"
                    onClick={(bar: { payload?: { from: string; to: string } }) => {
                      if (bar.payload)
                        void navigate(cases({ receivedFrom: bar.payload.from, receivedTo: bar.payload.to }));
                    }}
                  />
                  <Bar
                    dataKey="decided"
                    name="Decided"
                    fill={TEAL}
                    isAnimationActive={false}
                    cursor="pointer"
                    onClick={(bar: { payload?: { from: string; to: string } }) => {
                      if (bar.payload)
                        void navigate(cases({ decidedFrom: bar.payload.from, decidedTo: bar.payload.to }));
                    }}
                  />
                </BarChart>
              </ResponsiveContainer>
            </ChartCard>
            <ChartCard
              title="Timeliness of decisions"
              summary={`${d.timeliness.onTime} decided on time and ${d.timeliness.late} late (cases decided through the desk, by month of decision). Select a bar for its cases.`}
              table={
                <table className="data">
                  <thead>
                    <tr>
                      <th scope="col">Month</th>
                      <th scope="col" className="num">
                        On time
                      </th>
                      <th scope="col" className="num">
                        Late
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {timelyRows.map((m) => (
                      <tr key={m.month}>
                        <th scope="row">
                          <Link
                            to={queueLink({ state: 'all', source: 'intake', decidedFrom: m.from, decidedTo: m.to })}
                          >
                            {m.label}
                          </Link>
                        </th>
                        <td className="num">{m.onTime}</td>
                        <td className="num">{m.late}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              }
            >
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={timelyRows} margin={{ bottom: 24, left: 8 }}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis
                    dataKey="label"
                    tick={AXIS}
                    label={{ value: 'Month of decision', position: 'insideBottom', offset: -14, ...AXIS_LABEL }}
                  />
                  <YAxis
                    allowDecimals={false}
                    tick={AXIS}
                    label={{ value: 'Cases', angle: -90, position: 'insideLeft', ...AXIS_LABEL }}
                  />
                  <Tooltip />
                  <Legend verticalAlign="top" />
                  {(['onTime', 'late'] as const).map((key) => (
                    <Bar
                      key={key}
                      dataKey={key}
                      name={key === 'onTime' ? 'On time' : 'Late'}
                      stackId="t"
                      fill={key === 'onTime' ? TEAL : RED}
                      isAnimationActive={false}
                      cursor="pointer"
                      onClick={(bar: { payload?: { from: string; to: string } }) => {
                        if (bar.payload) {
                          void navigate(
                            queueLink({
                              state: 'all',
                              source: 'intake',
                              decidedFrom: bar.payload.from,
                              decidedTo: bar.payload.to,
                            }),
                          );
                        }
                      }}
                    />
                  ))}
                </BarChart>
              </ResponsiveContainer>
            </ChartCard>
            <ChartCard
              title="Open cases by stage"
              summary={`${d.volumes.openCases} open cases across ${d.volumes.byStage.filter((s) => s.count > 0).length} stages. Select a bar for its cases.`}
              table={
                <table className="data">
                  <thead>
                    <tr>
                      <th scope="col">Stage</th>
                      <th scope="col" className="num">
                        Cases
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.volumes.byStage.map((s) => (
                      <tr key={s.stage}>
                        <th scope="row">
                          <Link to={queueLink({ stage: s.stage })}>{s.label}</Link>
                        </th>
                        <td className="num">{s.count}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              }
            >
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={[...d.volumes.byStage]} layout="vertical" margin={{ left: 8, right: 40, bottom: 24 }}>
                  <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                  <XAxis
                    type="number"
                    allowDecimals={false}
                    tick={AXIS}
                    label={{ value: 'Open cases', position: 'insideBottom', offset: -14, ...AXIS_LABEL }}
                  />
                  <YAxis type="category" dataKey="label" width={170} tick={AXIS} interval={0} />
                  <Tooltip />
                  <Bar
                    dataKey="count"
                    name="Cases"
                    minPointSize={2}
                    fill={BLUE}
                    isAnimationActive={false}
                    cursor="pointer"
                    onClick={(bar: { payload?: { stage: string } }) => {
                      if (bar.payload) void navigate(queueLink({ stage: bar.payload.stage }));
                    }}
                  >
                    <LabelList dataKey="count" position="right" style={{ fontSize: 12, fill: '#1b1f24' }} />
                  </Bar>
                </BarChart>
              </ResponsiveContainer>
            </ChartCard>
          </div>
          <div className="rate-charts">
            <RateChart
              title="Overturn rate by kind of request"
              rows={d.overturn.byKind}
              what="Kind of request"
              link={groupLink('kind', 'Kind of request')}
            />
            <RateChart
              title="Overturn rate by guideline"
              rows={d.overturn.byGuideline}
              what="Guideline"
              link={groupLink('guideline', 'Guideline')}
            />
            <RateChart
              title="Overturn rate by reviewer specialty"
              rows={d.overturn.bySpecialty}
              what="Specialty"
              link={groupLink('specialty', 'Reviewer specialty')}
            />
          </div>
        </>
      )}
    </Page>
  );
}
