import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router-dom';
import { call, callWithDocuments, fileUrl } from '../api/client.ts';
import { caseKey } from '../api/queries.ts';
import type { CaseDetail } from '../api/types.ts';
import { can } from '../auth/access.ts';
import { useUser } from '../auth/session.tsx';
import { Alert, ErrorAlert } from '../components/Alert.tsx';
import { Badge, DecisionBadge } from '../components/Badges.tsx';
import { CaseFrame } from '../components/CaseFrame.tsx';
import { CaseOperations } from '../components/CaseOperations.tsx';
import { CaseTimeline } from '../components/CaseTimeline.tsx';
import { DocumentList } from '../components/DocumentList.tsx';
import { DocumentPicker, type PickedDocument, toOutgoing } from '../components/DocumentPicker.tsx';
import { EligibilityResult } from '../components/EligibilityResult.tsx';
import { Field } from '../components/Field.tsx';
import { CLOCK_STATUS, clockDue, formatDate, formatDay, titleCase } from '../components/format.ts';
import { MyDetermination } from '../components/MyDetermination.tsx';
import { SupplementalRecords } from '../components/SupplementalRecords.tsx';

function Clocks({ d }: { d: CaseDetail }) {
  return (
    <section className="card" aria-labelledby="clocks-heading">
      <h2 id="clocks-heading">Statutory clocks</h2>
      <div className="table-wrap">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Clock</th>
              <th scope="col">Status</th>
              <th scope="col">Due</th>
              <th scope="col">Done</th>
            </tr>
          </thead>
          <tbody>
            {d.clocks.clocks.map((c) => (
              <tr key={c.id} aria-current={d.next?.id === c.id ? 'step' : undefined}>
                <th scope="row">
                  {c.label}
                  {d.next?.id === c.id ? <span className="muted"> (current)</span> : null}
                  <div className="muted small">{c.source}</div>
                </th>
                <td>
                  <Badge tone={CLOCK_STATUS[c.status].tone}>{CLOCK_STATUS[c.status].label}</Badge>
                </td>
                <td className="nowrap">{clockDue(c)}</td>
                <td className="nowrap">{formatDay(c.completedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {d.clocks.lateRecordsPenalty.amountUsd > 0 ? (
        <p>
          Late records penalty: ${d.clocks.lateRecordsPenalty.amountUsd.toLocaleString('en-US')} (
          {d.clocks.lateRecordsPenalty.daysLate} days late{d.clocks.lateRecordsPenalty.capped ? ', capped' : ''}).
        </p>
      ) : null}
    </section>
  );
}

function Facts({ d }: { d: CaseDetail }) {
  const a = d.application;
  return (
    <section className="card" aria-labelledby="facts-heading">
      <h2 id="facts-heading">Application</h2>
      <dl className="facts">
        <dt>Employee</dt>
        <dd>{a?.employeeName ?? '—'}</dd>
        <dt>Claim number</dt>
        <dd>{a?.claimNumber ?? '—'}</dd>
        <dt>Date of injury</dt>
        <dd>{formatDate(a?.injuryDate ?? d.case.injuryDate)}</dd>
        <dt>Received</dt>
        <dd>{formatDate(d.case.receivedDate)}</dd>
        <dt>UR decision</dt>
        <dd>
          {formatDate(d.urDecision?.decisionDate ?? d.case.urDecisionDate)}
          {d.urDecision?.organization === undefined ? '' : ` by ${d.urDecision.organization}`}
          {d.urDecision === null ? '' : ` (${d.urDecision.outcome})`}
        </dd>
        <dt>Requesting physician</dt>
        <dd>
          {a?.requestingPhysicianName ?? '—'}
          {a?.requestingPhysicianSpecialty === undefined ? '' : `, ${a.requestingPhysicianSpecialty}`}
        </dd>
        <dt>Kind</dt>
        <dd>
          {d.case.kind === 'formulary' ? 'Drug formulary dispute' : 'Regular'} · {titleCase(d.case.priority)} review
        </dd>
      </dl>
      {d.parties.length > 0 ? (
        <>
          <h3 style={{ marginTop: '1rem' }}>Parties</h3>
          <ul>
            {d.parties.map((p) => (
              <li key={p.id}>
                {titleCase(p.role)}: {p.name}
                {p.organization === undefined ? '' : `, ${p.organization}`}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function Items({ d }: { d: CaseDetail }) {
  return (
    <section className="card" aria-labelledby="items-heading">
      <h2 id="items-heading">Disputed items</h2>
      <ol>
        {d.items.map((i) => {
          const last = i.determinations.at(-1);
          return (
            <li key={i.id} style={{ marginBottom: '0.4rem' }}>
              {i.request}{' '}
              {i.status === 'ineligible' || i.status === 'withdrawn' ? (
                <Badge tone="neutral">{titleCase(i.status)}</Badge>
              ) : (
                <DecisionBadge decision={i.decision ?? last?.decision} />
              )}
              {i.authorizedPortion === undefined ? null : (
                <span className="muted"> — UR authorized: {i.authorizedPortion}</span>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** The next step of the case for the signed-in role: screen, notice, records, close. */
function NextStep({ d }: { d: CaseDetail }) {
  const user = useUser();
  const qc = useQueryClient();
  const caseId = d.case.id;
  const expectedVersion = d.case.version;
  const [method, setMethod] = useState<'electronic' | 'mail'>('electronic');
  const [records, setRecords] = useState<PickedDocument[]>([]);
  const [done, setDone] = useState<string | undefined>();
  const refresh = () => qc.invalidateQueries({ queryKey: caseKey(caseId) });
  const m = useMutation({
    mutationFn: async (step: 'screen' | 'notice' | 'records') => {
      if (step === 'screen') await call('screen', { params: { caseId }, body: { expectedVersion } });
      if (step === 'notice') await call('notice', { params: { caseId }, body: { expectedVersion, method } });
      if (step === 'records')
        await callWithDocuments('records', { params: { caseId }, body: { expectedVersion } }, records.map(toOutgoing));
      return step;
    },
    onSuccess: async (step) => {
      setDone(
        {
          screen: 'Eligibility screened.',
          notice: 'Notice of assignment sent; the records clock is running.',
          records: 'Records received; the decision clock is running.',
        }[step],
      );
      setRecords([]);
      await refresh();
    },
  });
  const stage = d.case.stage;
  const staff = can(user.role, 'caseSteps');
  let body: ReactNode = null;
  if (staff && (stage === 'received' || stage === 'eligibility-review' || stage === 'deferred')) {
    body = (
      <>
        <p>The application has to be screened for eligibility before a reviewer can be assigned.</p>
        <button type="button" className="btn" disabled={m.isPending} onClick={() => m.mutate('screen')}>
          Screen eligibility
        </button>
      </>
    );
  } else if (stage === 'eligible' && can(user.role, 'assignment')) {
    body = (
      <>
        <p>The case is eligible. Choose a qualified, conflict-free reviewer.</p>
        <Link className="btn" to={`/cases/${caseId}/assignment`}>
          Assign a reviewer
        </Link>
      </>
    );
  } else if (stage === 'assigned' && staff) {
    body = (
      <form
        onSubmit={(e) => {
          e.preventDefault();
          m.mutate('notice');
        }}
      >
        <p>Send the notice of assignment to the parties; it starts the clock for the medical records.</p>
        <div className="row">
          <Field label="Sent by">
            <select value={method} onChange={(e) => setMethod(e.target.value as 'electronic' | 'mail')}>
              <option value="electronic">Electronic service</option>
              <option value="mail">Mail</option>
            </select>
          </Field>
          <div className="field" style={{ flex: '0 0 auto' }}>
            <button type="submit" className="btn" disabled={m.isPending}>
              Send notice of assignment
            </button>
          </div>
        </div>
      </form>
    );
  } else if (stage === 'records-requested' && staff) {
    body = (
      <form
        onSubmit={(e) => {
          e.preventDefault();
          m.mutate('records');
        }}
      >
        <p>Add the medical records as they arrive; receiving them starts the decision clock.</p>
        <DocumentPicker
          label="Medical records"
          documents={records}
          onChange={setRecords}
          defaultKind="medical-record"
        />
        <button type="submit" className="btn" disabled={m.isPending}>
          Record receipt of the records
        </button>
      </form>
    );
  } else if (
    (stage === 'records-requested' || stage === 'records-received' || stage === 'in-review') &&
    can(user.role, 'review')
  ) {
    body = (
      <>
        <p>{user.role === 'reviewer' ? 'The record is ready for your review.' : 'The case is with the reviewer.'}</p>
        <Link className="btn" to={`/cases/${caseId}/review`}>
          {user.role === 'reviewer' ? 'Open the review workspace' : 'See the review'}
        </Link>
      </>
    );
  } else if (stage === 'determined' && can(user.role, 'letter')) {
    body = (
      <>
        <p>Every item is decided. The letter needs QA approval, then it can be issued.</p>
        <Link className="btn" to={`/cases/${caseId}/letter`}>
          Go to the letter
        </Link>
      </>
    );
  } else if (stage === 'letter-issued' && can(user.role, 'closeCase')) {
    body = (
      <p>The letter has been issued to the parties. Close the case under “Case actions” once nothing is left to do.</p>
    );
  }
  if (body === null && done === undefined && m.error === null) return null;
  return (
    <section className="card" aria-labelledby="next-heading">
      <h2 id="next-heading">Next step</h2>
      {done === undefined ? null : <Alert tone="success">{done}</Alert>}
      <ErrorAlert error={m.error} />
      {body}
    </section>
  );
}

export function CasePage() {
  const user = useUser();
  return (
    <CaseFrame title={(d) => `Case ${d.case.caseNumber}`}>
      {(d) => (
        <>
          <NextStep d={d} />
          <MyDetermination d={d} />
          <CaseOperations d={d} />
          <div className="grid-2">
            <div>
              <Facts d={d} />
              <Items d={d} />
            </div>
            <div>
              <Clocks d={d} />
              {d.assignments.length > 0 ? (
                <section className="card" aria-labelledby="assign-heading">
                  <h2 id="assign-heading">Reviewer</h2>
                  <ul>
                    {d.assignments.map((a) => (
                      <li key={a.id}>
                        {a.reviewerName} ({a.role}) — assigned {formatDate(a.assignedAt)}
                        {a.endedAt === undefined ? '' : `, ended ${formatDate(a.endedAt)}`}
                      </li>
                    ))}
                  </ul>
                </section>
              ) : null}
              {d.letters.length > 0 ? (
                <section className="card" aria-labelledby="letters-heading">
                  <h2 id="letters-heading">Letters issued</h2>
                  <ul>
                    {d.letters.map((l) => (
                      <li key={l.id}>
                        <a href={fileUrl('letterFile', { caseId: d.case.id, letterId: l.id })}>
                          {l.kind === 'final'
                            ? 'Final Determination Letter'
                            : l.kind === 'public-redacted'
                              ? 'Public redacted copy'
                              : `Copy for the ${titleCase(l.recipientRole ?? 'party')}`}{' '}
                          ({l.format.toUpperCase()})
                        </a>{' '}
                        <span className="muted">issued {formatDate(l.issuedAt)}</span>
                      </li>
                    ))}
                  </ul>
                </section>
              ) : null}
            </div>
          </div>
          {d.eligibility === null ? null : <EligibilityResult eligibility={d.eligibility} items={d.items} />}
          <section className="card" aria-labelledby="docs-heading">
            <h2 id="docs-heading">Documents</h2>
            {user.role === 'reviewer' &&
            !d.assignments.some((a) => a.reviewerId === user.reviewerId && a.endedAt === undefined) ? (
              <p>The case is no longer assigned to you: its documents are open only to its current reviewers.</p>
            ) : (
              <DocumentList caseId={d.case.id} documents={d.documents} />
            )}
          </section>
          <SupplementalRecords d={d} />
          {can(user.role, 'audit') ? <CaseTimeline caseId={d.case.id} version={d.case.version} /> : null}
        </>
      )}
    </CaseFrame>
  );
}
