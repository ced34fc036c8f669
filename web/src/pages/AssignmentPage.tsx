import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router-dom';
import { call } from '../api/client.ts';
import { caseKey } from '../api/queries.ts';
import type { CandidateView, CaseDetail } from '../api/types.ts';
import { Alert, ErrorAlert, Loading } from '../components/Alert.tsx';
import { Badge } from '../components/Badges.tsx';
import { CaseFrame } from '../components/CaseFrame.tsx';
import { titleCase } from '../components/format.ts';

/** Ranked reviewers shown at first; the rest on request. */
const SHOWN = 10;

function Conflicts({ c }: { c: CandidateView }) {
  if (c.conflicts.hits.length === 0) return <Badge tone="ok">No conflict</Badge>;
  return (
    <>
      <Badge tone={c.conflicts.clear ? 'warn' : 'bad'}>{c.conflicts.clear ? 'Needs a look' : 'Conflict'}</Badge>
      <ul className="quotes">
        {c.conflicts.hits.map((h) => (
          <li key={`${h.partyRole}-${h.affiliation}-${h.rule}`}>
            {h.explanation} <span className="muted">({titleCase(h.partyRole)})</span>
          </li>
        ))}
      </ul>
    </>
  );
}

function CandidateTable({
  rows,
  chosen,
  setChosen,
  caption,
}: {
  rows: readonly CandidateView[];
  chosen: number | undefined;
  setChosen: (id: number) => void;
  caption: string;
}) {
  return (
    <div className="table-wrap">
      <table className="data">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Choose</th>
            <th scope="col">Rank</th>
            <th scope="col">Reviewer</th>
            <th scope="col">Specialty match</th>
            <th scope="col">Conflict screen</th>
            <th scope="col" className="num">
              Open reviews
            </th>
            <th scope="col">California license</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.reviewer.id}>
              <td>
                <input
                  type="radio"
                  name="reviewer"
                  id={`reviewer-${c.reviewer.id}`}
                  checked={chosen === c.reviewer.id}
                  onChange={() => setChosen(c.reviewer.id)}
                />
              </td>
              <td className="num">{c.rank}</td>
              <td>
                <label htmlFor={`reviewer-${c.reviewer.id}`}>
                  <strong>{c.reviewer.name}</strong>
                </label>
                {c.reviewer.profession === undefined ? null : (
                  <>
                    <br />
                    <span className="muted">{titleCase(c.reviewer.profession)}</span>
                  </>
                )}
              </td>
              <td>
                <Badge tone={c.specialty.relevant ? 'ok' : 'warn'}>{`${Math.round(c.matchScore * 100)}%`}</Badge>{' '}
                {c.specialty.fits[0]?.specialty === undefined ? null : (
                  <strong>{titleCase(c.specialty.fits[0].specialty)}</strong>
                )}
                <div className="muted small">{c.specialty.explanation}</div>
              </td>
              <td>
                <Conflicts c={c} />
              </td>
              <td className="num">
                {c.workload.open} of {c.workload.capacity}
              </td>
              <td>{c.californiaLicensed ? 'Yes' : 'No'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Candidates({ d, onAssigned }: { d: CaseDetail; onAssigned: (explanation: string) => void }) {
  const caseId = d.case.id;
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ['candidates', caseId, d.case.version],
    queryFn: ({ signal }) => call('candidates', { params: { caseId }, signal }),
  });
  const [chosen, setChosen] = useState<number | undefined>();
  const [confirm, setConfirm] = useState(false);
  const [showAll, setShowAll] = useState(false);
  const [formError, setFormError] = useState<string | undefined>();
  const assign = useMutation({
    mutationFn: (reviewerIds: number[] | undefined) =>
      call('assign', {
        params: { caseId },
        body: {
          expectedVersion: d.case.version,
          ...(reviewerIds === undefined ? {} : { reviewerIds }),
          confirmConflictReview: confirm,
        },
      }),
    onSuccess: async (r) => {
      onAssigned(r.explanation);
      await qc.invalidateQueries({ queryKey: caseKey(caseId) });
    },
  });

  if (q.isPending) return <Loading what="the ranked reviewers" />;
  if (q.error) return <ErrorAlert error={q.error} title="The reviewers could not be ranked" />;
  const { ranked, needsLook, excluded, needs } = q.data;
  const selected = [...ranked, ...needsLook].find((c) => c.reviewer.id === chosen);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (selected === undefined) {
      setFormError('Choose a reviewer from the list first.');
      return;
    }
    if (selected.needsConflictReview && !confirm) {
      setFormError('This reviewer has a possible conflict. Confirm that you looked at it before assigning.');
      return;
    }
    setFormError(undefined);
    assign.mutate([selected.reviewer.id]);
  }

  return (
    <form onSubmit={submit} noValidate>
      <p>The case needs a reviewer knowledgeable in every disputed item:</p>
      <ul>
        {needs.items.map((n, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the items keep their order
          <li key={i}>
            <strong>{n.request === '' ? `Item ${i + 1}` : n.request}</strong>: {n.description}
          </li>
        ))}
      </ul>
      {formError === undefined ? null : <Alert tone="error">{formError}</Alert>}
      <ErrorAlert error={assign.error} title="The reviewer was not assigned" />
      {ranked.length === 0 ? (
        <Alert tone="warning" title="No qualified reviewer with a clear conflict screen">
          <p>
            {needsLook.length > 0
              ? 'Only reviewers whose conflict screen needs a look are left (below). Look at the possible conflict before assigning one by name, or add reviewers in Administration.'
              : 'Every active reviewer is excluded (see below). Add or update reviewers in Administration.'}
          </p>
        </Alert>
      ) : (
        <fieldset>
          <legend>Ranked reviewers: qualified, no conflict of interest found, best specialty match first</legend>
          <CandidateTable
            rows={showAll ? ranked : ranked.slice(0, SHOWN)}
            chosen={chosen}
            setChosen={setChosen}
            caption="Qualified reviewers with a clear conflict screen"
          />
          {ranked.length > SHOWN ? (
            <button type="button" className="link-button" onClick={() => setShowAll((v) => !v)}>
              {showAll ? `Show the best ${SHOWN} only` : `Show all ${ranked.length} ranked reviewers`}
            </button>
          ) : null}
        </fieldset>
      )}
      {needsLook.length === 0 ? null : (
        <fieldset style={{ marginTop: '1rem' }}>
          <legend>Qualified, but the conflict screen needs a look ({needsLook.length})</legend>
          <p className="muted">
            These reviewers are not shown as conflict-free: the screen found something a person must judge — a name that
            is only similar to a party&apos;s, a consulting or contractor tie whose share of income is unknown, or an
            affiliation that has not begun yet. They are never chosen automatically; assign one by name after looking at
            the finding.
          </p>
          <CandidateTable
            rows={needsLook}
            chosen={chosen}
            setChosen={setChosen}
            caption="Qualified reviewers whose conflict screen needs a look"
          />
        </fieldset>
      )}
      {selected?.needsConflictReview ? (
        <label className="check" style={{ marginTop: '0.75rem' }}>
          <input type="checkbox" checked={confirm} onChange={(e) => setConfirm(e.target.checked)} />
          <span>I looked at the possible conflict of {selected.reviewer.name} and it does not disqualify them.</span>
        </label>
      ) : null}
      {ranked.length + needsLook.length === 0 ? null : (
        <div className="form-actions">
          <button type="submit" className="btn" disabled={assign.isPending}>
            Assign {selected === undefined ? 'the chosen reviewer' : selected.reviewer.name}
          </button>
          {ranked.length === 0 ? null : (
            <button
              type="button"
              className="btn secondary"
              disabled={assign.isPending}
              onClick={() => assign.mutate(undefined)}
            >
              Assign the best-ranked automatically
            </button>
          )}
        </div>
      )}
      {excluded.length > 0 ? (
        <details className="card" style={{ marginTop: '1rem' }}>
          <summary>
            <strong>{excluded.length} reviewers excluded</strong> and why
          </summary>
          <ul>
            {excluded.map((x) => (
              <li key={x.reviewer.id}>
                <strong>{x.reviewer.name}</strong> {x.reasons.map((r) => r.detail).join('; ')}.
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </form>
  );
}

export function AssignmentPage() {
  const [assigned, setAssigned] = useState<string | undefined>();
  return (
    <CaseFrame title={(d) => `Assign a reviewer · ${d.case.caseNumber}`}>
      {(d) =>
        assigned !== undefined ? (
          <Alert tone="success" title="Reviewer assigned">
            <p>
              {d.assignments.length > 0
                ? `Assigned to ${d.assignments.map((a) => a.reviewerName).join(', ')}.`
                : 'The reviewer is assigned.'}
            </p>
            <p>{assigned}</p>
            <p>
              <Link to={`/cases/${d.case.id}`}>Back to the case</Link> to send the notice of assignment.
            </p>
          </Alert>
        ) : d.case.stage === 'eligible' ? (
          <Candidates d={d} onAssigned={setAssigned} />
        ) : (
          <Alert tone="info" title="Not waiting for a reviewer">
            <p>
              {d.assignments.length > 0
                ? `Assigned to ${d.assignments.map((a) => a.reviewerName).join(', ')}.`
                : 'A reviewer is assigned once the case has been found eligible.'}{' '}
              <Link to={`/cases/${d.case.id}`}>Back to the case</Link>.
            </p>
          </Alert>
        )
      }
    </CaseFrame>
  );
}
