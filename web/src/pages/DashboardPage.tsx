import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useId, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { call } from '../api/client.ts';
import type { DashboardQuery } from '../api/contract.ts';
import type { RateRow } from '../api/types.ts';
import { ErrorAlert, Loading } from '../components/Alert.tsx';
import { Field } from '../components/Field.tsx';
import { percent } from '../components/format.ts';
import { Page } from '../components/Page.tsx';

const BLUE = '#0b4f8a';
const TEAL = '#13795b';
const RED = '#b3261e';
const AXIS = { fontSize: 12, fill: '#4a5361' };

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

function RateTable({ rows, what }: { rows: readonly RateRow[]; what: string }) {
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
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.label}</th>
            <td className="num">{r.decided}</td>
            <td className="num">{r.overturned}</td>
            <td className="num">{percent(r.overturnRate)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RateChart({ title, rows, what }: { title: string; rows: readonly RateRow[]; what: string }) {
  const top = [...rows].sort((a, b) => b.decided - a.decided).slice(0, 12);
  const data = top.map((r) => ({
    label: r.label.length > 56 ? `${r.label.slice(0, 55).trimEnd()}…` : r.label,
    rate: Math.round(r.overturnRate * 1000) / 10,
    decided: r.decided,
  }));
  const highest = [...top].sort((a, b) => b.overturnRate - a.overturnRate)[0];
  const summary =
    top.length === 0
      ? 'No decided items yet.'
      : `${top.length} groups with the most decisions. Highest overturn rate: ${highest?.label} at ${percent(highest?.overturnRate ?? 0)} of ${highest?.decided} decided.`;
  return (
    <ChartCard
      title={title}
      summary={summary}
      table={<RateTable rows={rows} what={what} />}
      height={Math.max(200, 38 * data.length + 60)}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ left: 8, right: 24 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" domain={[0, 100]} unit="%" tick={AXIS} />
          <YAxis type="category" dataKey="label" width={230} tick={AXIS} interval={0} />
          <Tooltip formatter={(v) => [`${String(v)}%`, 'Overturned']} />
          <Bar dataKey="rate" name="Overturn rate" fill={BLUE} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

/**
 * The twelve calendar months up to the latest month with cases (or `asOf`), months without cases as
 * zeros, so the axis is continuous and old imported letters do not crowd the recent months.
 */
function lastTwelveMonths(
  byMonth: readonly { month: string; received: number; decided: number }[],
  asOf: string,
): { month: string; received: number; decided: number }[] {
  const latest = byMonth
    .map((m) => m.month)
    .sort()
    .at(-1);
  const end = new Date(`${(latest ?? asOf).slice(0, 7)}-01T00:00:00Z`);
  const out: { month: string; received: number; decided: number }[] = [];
  for (let i = 11; i >= 0; i--) {
    const d = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - i, 1));
    const month = d.toISOString().slice(0, 7);
    const found = byMonth.find((m) => m.month === month);
    out.push({ month, received: found?.received ?? 0, decided: found?.decided ?? 0 });
  }
  return out;
}

export function DashboardPage() {
  const [filters, setFilters] = useState<{ from: string; to: string; source: 'all' | 'intake' | 'import' }>({
    from: '',
    to: '',
    source: 'all',
  });
  const query: DashboardQuery = {
    source: filters.source,
    ...(filters.from === '' ? {} : { from: filters.from }),
    ...(filters.to === '' ? {} : { to: filters.to }),
  };
  const q = useQuery({
    queryKey: ['dashboard', query],
    queryFn: ({ signal }) => call('dashboard', { query, signal }),
  });
  const d = q.data;
  const recent = d === undefined ? [] : lastTwelveMonths(d.volumes.byMonth, d.asOf);
  return (
    <Page title="Dashboard" sub="Volumes, timeliness and overturn rates">
      <form className="row card" aria-label="Dashboard filters" onSubmit={(e) => e.preventDefault()}>
        <Field label="From">
          <input
            type="date"
            value={filters.from}
            onChange={(e) => setFilters((f) => ({ ...f, from: e.target.value }))}
          />
        </Field>
        <Field label="To">
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
      {q.isPending ? <Loading what="the figures" /> : null}
      <ErrorAlert error={q.error} title="The dashboard could not be loaded" />
      {d === undefined ? null : (
        <>
          <div className="grid-3" style={{ marginBottom: '1rem' }}>
            <div className="card">
              <div className="stat">{d.volumes.openCases}</div>
              <div className="stat-label">Open cases ({d.timeliness.openOverdue} overdue)</div>
            </div>
            <div className="card">
              <div className="stat">{d.volumes.decidedCases}</div>
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
              title="Volumes by month"
              summary={`${recent.reduce((n, m) => n + m.received, 0)} applications received and ${recent.reduce((n, m) => n + m.decided, 0)} cases decided in the last 12 months${d.volumes.byMonth.length > 0 ? ` (every month with cases in the numbers)` : ''}.`}
              table={
                <table className="data">
                  <thead>
                    <tr>
                      <th scope="col">Month</th>
                      <th scope="col" className="num">
                        Received
                      </th>
                      <th scope="col" className="num">
                        Decided
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.volumes.byMonth.map((m) => (
                      <tr key={m.month}>
                        <th scope="row">{m.month}</th>
                        <td className="num">{m.received}</td>
                        <td className="num">{m.decided}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              }
            >
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={recent}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="month" tick={AXIS} />
                  <YAxis allowDecimals={false} tick={AXIS} />
                  <Tooltip />
                  <Legend />
                  <Bar dataKey="received" name="Received" fill={BLUE} isAnimationActive={false} />
                  <Bar dataKey="decided" name="Decided" fill={TEAL} isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </ChartCard>
            <ChartCard
              title="Timeliness of decisions"
              summary={`${d.timeliness.onTime} decided on time and ${d.timeliness.late} late.`}
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
                    {d.timeliness.byMonth.map((m) => (
                      <tr key={m.month}>
                        <th scope="row">{m.month}</th>
                        <td className="num">{m.onTime}</td>
                        <td className="num">{m.late}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              }
            >
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={[...d.timeliness.byMonth]}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="month" tick={AXIS} />
                  <YAxis allowDecimals={false} tick={AXIS} />
                  <Tooltip />
                  <Legend />
                  <Bar dataKey="onTime" name="On time" stackId="t" fill={TEAL} isAnimationActive={false} />
                  <Bar dataKey="late" name="Late" stackId="t" fill={RED} isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </ChartCard>
            <ChartCard
              title="Open cases by stage"
              summary={`${d.volumes.openCases} open cases across ${d.volumes.byStage.filter((s) => s.count > 0).length} stages.`}
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
                        <th scope="row">{s.label}</th>
                        <td className="num">{s.count}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              }
            >
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={[...d.volumes.byStage]} layout="vertical" margin={{ left: 8, right: 24 }}>
                  <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                  <XAxis type="number" allowDecimals={false} tick={AXIS} />
                  <YAxis type="category" dataKey="label" width={170} tick={AXIS} interval={0} />
                  <Tooltip />
                  <Bar dataKey="count" name="Cases" fill={BLUE} isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </ChartCard>
            <RateChart title="Overturn rate by kind of request" rows={d.overturn.byKind} what="Kind of request" />
            <RateChart title="Overturn rate by guideline" rows={d.overturn.byGuideline} what="Guideline" />
            <RateChart title="Overturn rate by reviewer specialty" rows={d.overturn.bySpecialty} what="Specialty" />
          </div>
        </>
      )}
    </Page>
  );
}
