import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { call, fileUrl } from '../api/client.ts';
import { caseKey } from '../api/queries.ts';
import type { CaseDetail, LetterMeta } from '../api/types.ts';
import { can } from '../auth/access.ts';
import { useUser } from '../auth/session.tsx';
import { Alert, ErrorAlert, Loading } from '../components/Alert.tsx';
import { CaseFrame } from '../components/CaseFrame.tsx';
import { Field } from '../components/Field.tsx';
import { formatDate, titleCase } from '../components/format.ts';
import { LetterView } from '../components/LetterView.tsx';
import { Tabs } from '../components/Tabs.tsx';

function letterName(l: LetterMeta): string {
  if (l.kind === 'final') return 'Final Determination Letter';
  if (l.kind === 'public-redacted') return 'Public redacted copy';
  return `Copy for the ${titleCase(l.recipientRole ?? 'party')} (with its cover page)`;
}

function IssuedLetters({ caseId, letters }: { caseId: number; letters: readonly LetterMeta[] }) {
  return (
    <section className="card" aria-labelledby="issued-heading">
      <h2 id="issued-heading">Issued letters</h2>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">Letter</th>
            <th scope="col">Format</th>
            <th scope="col">Issued</th>
            <th scope="col">Download</th>
          </tr>
        </thead>
        <tbody>
          {letters.map((l) => (
            <tr key={l.id}>
              <th scope="row">{letterName(l)}</th>
              <td>{l.format.toUpperCase()}</td>
              <td>{formatDate(l.issuedAt)}</td>
              <td>
                <a href={fileUrl('letterFile', { caseId, letterId: l.id })} download>
                  Download {l.format.toUpperCase()}
                  <span className="visually-hidden"> of the {letterName(l)}</span>
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Preview({ d }: { d: CaseDetail }) {
  const user = useUser();
  const qc = useQueryClient();
  const caseId = d.case.id;
  const q = useQuery({
    queryKey: ['letter-preview', caseId, d.case.version],
    queryFn: ({ signal }) => call('letterPreview', { params: { caseId }, signal }),
  });
  const approve = useMutation({
    mutationFn: () => call('approveLetter', { params: { caseId }, body: { expectedVersion: d.case.version } }),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: ['letter-preview', caseId] }),
        qc.invalidateQueries({ queryKey: caseKey(caseId) }),
      ]),
  });
  const issue = useMutation({
    mutationFn: () =>
      call('issueLetter', { params: { caseId }, body: { expectedVersion: d.case.version, formats: ['pdf', 'text'] } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: caseKey(caseId) }),
  });
  const [confirming, setConfirming] = useState(false);
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | undefined>();
  const giveBack = useMutation({
    mutationFn: (text: string) =>
      call('returnToReviewer', { params: { caseId }, body: { expectedVersion: d.case.version, comment: text } }),
    onSuccess: () => {
      setComment('');
      return Promise.all([
        qc.invalidateQueries({ queryKey: ['letter-preview', caseId] }),
        qc.invalidateQueries({ queryKey: caseKey(caseId) }),
      ]);
    },
  });
  const recipients = new Set(d.parties.map((p) => p.role)).size;
  if (q.isPending) return <Loading what="the letter" />;
  if (q.error) return <ErrorAlert error={q.error} title="The letter could not be prepared" />;
  const p = q.data;
  const approved = p.approval?.current === true;
  return (
    <>
      <section className="card" aria-labelledby="qa-heading">
        <h2 id="qa-heading">Quality assurance</h2>
        {approved && p.approval !== null ? (
          <Alert tone="success" title="Approved by QA">
            <p>
              {p.approval.approvedByName} approved this letter on {formatDate(p.approval.approvedAt)}.
            </p>
          </Alert>
        ) : p.approval !== null ? (
          <Alert tone="warning" title="The approval is out of date">
            <p>The case changed after QA approved the letter; it must be approved again.</p>
          </Alert>
        ) : (
          <p>QA has not approved this letter yet. Read it below before approving.</p>
        )}
        <ErrorAlert error={approve.error} title="The approval was not recorded" />
        <ErrorAlert error={issue.error} title="The letter was not issued" />
        <div className="form-actions">
          {can(user.role, 'approveLetter') && !approved && d.case.stage === 'determined' ? (
            <button type="button" className="btn" disabled={approve.isPending} onClick={() => approve.mutate()}>
              Approve the letter
            </button>
          ) : null}
          {can(user.role, 'issueLetter') && !confirming ? (
            <button
              type="button"
              className="btn"
              disabled={!approved || issue.isPending}
              aria-describedby={approved ? undefined : 'issue-needs'}
              onClick={() => setConfirming(true)}
            >
              Issue the letter
            </button>
          ) : null}
          {approved || !can(user.role, 'issueLetter') ? null : (
            <span id="issue-needs" className="muted">
              Issuing needs QA approval first.
            </span>
          )}
        </div>
        {confirming && approved ? (
          <div
            className="alert warning"
            role="alertdialog"
            aria-labelledby="confirm-issue"
            aria-describedby="confirm-issue-text"
          >
            <span className="alert-title" id="confirm-issue">
              Issue the Final Determination Letter?
            </span>
            <p id="confirm-issue-text">
              The letter goes to the parties ({recipients} on the case), each with a cover page addressed to them, and a
              redacted copy is published. An issued letter cannot be changed or withdrawn here.
            </p>
            <div className="form-actions">
              <button
                type="button"
                className="btn"
                disabled={issue.isPending}
                onClick={() => issue.mutate(undefined, { onSettled: () => setConfirming(false) })}
              >
                {issue.isPending ? 'Issuing…' : 'Yes, issue the letter'}
              </button>
              <button type="button" className="btn secondary" onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </div>
          </div>
        ) : null}
      </section>
      {can(user.role, 'approveLetter') && d.case.stage === 'determined' ? (
        <section className="card" aria-labelledby="return-heading">
          <h2 id="return-heading">Return to the reviewer</h2>
          <p className="muted">
            Send the determination back with what must change. The reviewer sees your comment beside their decisions;
            you approve the letter again after they record.
          </p>
          <ErrorAlert error={giveBack.error} title="The case was not returned" />
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              if (comment.trim() === '') {
                setCommentError('Write what the reviewer should change.');
                return;
              }
              setCommentError(undefined);
              giveBack.mutate(comment.trim());
            }}
          >
            <Field label="Comment for the reviewer" error={commentError}>
              <textarea id="qa-comment" rows={4} value={comment} onChange={(e) => setComment(e.target.value)} />
            </Field>
            <div className="form-actions">
              <button type="submit" className="btn secondary" disabled={giveBack.isPending}>
                {giveBack.isPending ? 'Returning…' : 'Return to the reviewer'}
              </button>
            </div>
          </form>
        </section>
      ) : null}
      {d.qaReturns.length === 0 ? null : (
        <section className="card" aria-labelledby="returns-heading">
          <h2 id="returns-heading">Returned by QA</h2>
          <ul>
            {d.qaReturns.map((r) => (
              <li key={r.id}>
                <span className="qa-comment">{r.comment}</span>{' '}
                <span className="muted">
                  — {r.returnedByName}, {formatDate(r.returnedAt)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <Tabs
        label="Letter copies"
        tabs={[
          {
            id: 'final',
            label: 'Letter to the parties',
            content: <pre className="letter-preview letter-text">{p.text}</pre>,
          },
          { id: 'public', label: 'Public redacted copy', content: <LetterView letter={p.publicLetter} /> },
        ]}
      />
    </>
  );
}

export function LetterPage() {
  return (
    <CaseFrame title={(d) => `Letter · ${d.case.caseNumber}`}>
      {(d) =>
        d.letters.length > 0 ? (
          <>
            <Alert tone="success" title="The letter has been issued">
              <p>The Final Determination Letter, the copies for the parties and the public redacted copy are below.</p>
            </Alert>
            <IssuedLetters caseId={d.case.id} letters={d.letters} />
          </>
        ) : d.case.stage === 'determined' || d.case.stage === 'in-review' ? (
          <Preview d={d} />
        ) : (
          <Alert tone="info" title="No letter yet">
            <p>
              The letter is prepared once the reviewer has decided every item.{' '}
              <Link to={`/cases/${d.case.id}`}>Back to the case</Link>.
            </p>
          </Alert>
        )
      }
    </CaseFrame>
  );
}
