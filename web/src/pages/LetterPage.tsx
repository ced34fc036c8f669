import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { call, fileUrl } from '../api/client.ts';
import { caseKey } from '../api/queries.ts';
import type { CaseDetail, LetterMeta } from '../api/types.ts';
import { can } from '../auth/access.ts';
import { useUser } from '../auth/session.tsx';
import { Alert, ErrorAlert, Loading } from '../components/Alert.tsx';
import { CaseFrame } from '../components/CaseFrame.tsx';
import { formatDate, titleCase } from '../components/format.ts';
import { LetterView } from '../components/LetterView.tsx';
import { Tabs } from '../components/Tabs.tsx';

function letterName(l: LetterMeta): string {
  if (l.kind === 'final') return 'Final Determination Letter';
  if (l.kind === 'public-redacted') return 'Public redacted copy';
  return `Copy for the ${titleCase(l.recipientRole ?? 'party')}`;
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
          {can(user.role, 'approveLetter') && !approved ? (
            <button type="button" className="btn" disabled={approve.isPending} onClick={() => approve.mutate()}>
              Approve the letter
            </button>
          ) : null}
          {can(user.role, 'issueLetter') ? (
            <button
              type="button"
              className="btn"
              disabled={!approved || issue.isPending}
              aria-describedby={approved ? undefined : 'issue-needs'}
              onClick={() => issue.mutate()}
            >
              {issue.isPending ? 'Issuing…' : 'Issue the letter'}
            </button>
          ) : null}
          {approved || !can(user.role, 'issueLetter') ? null : (
            <span id="issue-needs" className="muted">
              Issuing needs QA approval first.
            </span>
          )}
        </div>
      </section>
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
