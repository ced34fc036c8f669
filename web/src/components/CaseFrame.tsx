import type { ReactNode } from 'react';
import { NavLink, useParams } from 'react-router-dom';
import { ApiError } from '../api/http.ts';
import { parseId, useCase } from '../api/queries.ts';
import type { CaseDetail } from '../api/types.ts';
import { can } from '../auth/access.ts';
import { useUser } from '../auth/session.tsx';
import { ErrorAlert, Loading } from './Alert.tsx';
import { StageBadge, UrgencyBadge } from './Badges.tsx';
import { Page } from './Page.tsx';

/** The case pages' own navigation, by role. */
function CaseNav({ caseId }: { caseId: number }) {
  const user = useUser();
  const links = [
    { to: `/cases/${caseId}`, label: 'Overview', show: true, end: true },
    { to: `/cases/${caseId}/assignment`, label: 'Assignment', show: can(user.role, 'assignment'), end: false },
    {
      to: `/cases/${caseId}/review`,
      label: user.role === 'reviewer' ? 'Review workspace' : 'Review',
      show: can(user.role, 'review'),
      end: false,
    },
    { to: `/cases/${caseId}/letter`, label: 'Letter', show: can(user.role, 'letter'), end: false },
  ].filter((l) => l.show);
  return (
    <nav aria-label="Case">
      <ul className="case-tabs">
        {links.map((l) => (
          <li key={l.to}>
            <NavLink to={l.to} end={l.end} className="case-tab">
              {l.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * Loads the case of the route and frames a case page: the title with stage and urgency, the case
 * navigation, and one clear message when the case is missing or not the user's to see.
 */
export function CaseFrame({
  title,
  children,
  actions,
}: {
  title: (c: CaseDetail) => string;
  children: (c: CaseDetail) => ReactNode;
  actions?: (c: CaseDetail) => ReactNode;
}) {
  const { caseId: raw } = useParams();
  const caseId = parseId(raw);
  const user = useUser();
  const q = useCase(caseId);
  if (Number.isNaN(caseId) || (q.error instanceof ApiError && (q.error.status === 404 || q.error.status === 403))) {
    return (
      <Page title="Case not available">
        <p>
          {user.role === 'reviewer'
            ? 'This case does not exist or is not assigned to you. Reviewers can open only the cases assigned to them.'
            : 'There is no case at this address.'}
        </p>
        <p>
          <NavLink to="/queue">{user.role === 'reviewer' ? 'Back to my cases' : 'Back to the case queue'}</NavLink>
        </p>
      </Page>
    );
  }
  if (q.isPending) return <Loading what="the case" />;
  if (q.error) return <ErrorAlert error={q.error} title="The case could not be loaded" />;
  const d = q.data;
  return (
    <Page
      title={title(d)}
      sub={
        <span style={{ display: 'inline-flex', gap: '0.5rem', alignItems: 'center', flexWrap: 'wrap' }}>
          <StageBadge stage={d.case.stage} />
          <UrgencyBadge urgency={d.urgency} />
          {d.case.priority === 'expedited' ? <span className="badge bad">Expedited</span> : null}
        </span>
      }
      {...(actions === undefined ? {} : { actions: actions(d) })}
    >
      <CaseNav caseId={d.case.id} />
      {children(d)}
    </Page>
  );
}
