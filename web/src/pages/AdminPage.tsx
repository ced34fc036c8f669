import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { call } from '../api/client.ts';
import type { ReviewerProfileView, Role } from '../api/types.ts';
import { ROLES } from '../api/types.ts';
import { ROLE_LABEL } from '../auth/access.ts';
import { useUser } from '../auth/session.tsx';
import { Alert, ErrorAlert, Loading } from '../components/Alert.tsx';
import { Badge } from '../components/Badges.tsx';
import { Field } from '../components/Field.tsx';
import { formatDate, formatDay, titleCase } from '../components/format.ts';
import { Page } from '../components/Page.tsx';
import { Tabs } from '../components/Tabs.tsx';

const PROFESSIONS = [
  'medical-doctor',
  'osteopathic-doctor',
  'psychologist',
  'chiropractor',
  'acupuncturist',
  'optometrist',
  'dentist',
  'podiatrist',
] as const;
const CREDENTIAL_TYPES = ['licence', 'board-certification', 'specialty', 'subspecialty'] as const;
const AFFILIATION_KINDS = [
  'employer',
  'insurer',
  'hospital',
  'ur-organization',
  'manufacturer',
  'group-practice',
  'family',
  'financial',
] as const;

function useReviewers() {
  return useQuery({
    queryKey: ['reviewers'],
    queryFn: ({ signal }) => call('listReviewers', { query: { active: 'all' }, signal }),
  });
}

// ---------------------------------------------------------------------------------------------
// Users

function NewUserForm({ reviewers }: { reviewers: readonly ReviewerProfileView[] }) {
  const qc = useQueryClient();
  const [u, setU] = useState({ username: '', displayName: '', role: 'intake' as Role, reviewerId: '', password: '' });
  const [error, setError] = useState<string | undefined>();
  const create = useMutation({
    mutationFn: () =>
      call('createUser', {
        body: {
          username: u.username.trim().toLowerCase(),
          displayName: u.displayName.trim(),
          role: u.role,
          password: u.password,
          ...(u.role === 'reviewer' && u.reviewerId !== '' ? { reviewerId: Number(u.reviewerId) } : {}),
        },
      }),
    onSuccess: async () => {
      setU({ username: '', displayName: '', role: 'intake', reviewerId: '', password: '' });
      await qc.invalidateQueries({ queryKey: ['users'] });
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!/^[a-z0-9][a-z0-9._-]{1,63}$/.test(u.username.trim().toLowerCase()))
      return setError('The user name must be 2–64 lower-case letters, digits, dots, dashes or underscores.');
    if (u.displayName.trim() === '') return setError('Enter the person’s name.');
    if (u.password.length < 12) return setError('The password must have at least 12 characters.');
    if (u.role === 'reviewer' && u.reviewerId === '')
      return setError('Link a reviewer account to its reviewer record.');
    setError(undefined);
    create.mutate();
  }
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="new-user-heading">
      <h2 id="new-user-heading">Add a user</h2>
      {error === undefined ? null : <Alert tone="error">{error}</Alert>}
      <ErrorAlert error={create.error} title="The user was not added" />
      {create.data === undefined ? null : <Alert tone="success">Added {create.data.user.username}.</Alert>}
      <div className="row">
        <Field label="User name">
          <input
            type="text"
            autoComplete="off"
            value={u.username}
            onChange={(e) => setU({ ...u, username: e.target.value })}
          />
        </Field>
        <Field label="Name">
          <input type="text" value={u.displayName} onChange={(e) => setU({ ...u, displayName: e.target.value })} />
        </Field>
        <Field label="Role">
          <select value={u.role} onChange={(e) => setU({ ...u, role: e.target.value as Role })}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABEL[r]}
              </option>
            ))}
          </select>
        </Field>
        {u.role === 'reviewer' ? (
          <Field label="Reviewer record">
            <select value={u.reviewerId} onChange={(e) => setU({ ...u, reviewerId: e.target.value })}>
              <option value="">Choose…</option>
              {reviewers.map((r) => (
                <option key={r.reviewer.id} value={r.reviewer.id}>
                  {r.reviewer.name}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        <Field label="Initial password" hint="At least 12 characters">
          <input
            type="password"
            autoComplete="new-password"
            value={u.password}
            onChange={(e) => setU({ ...u, password: e.target.value })}
          />
        </Field>
      </div>
      <button type="submit" className="btn" disabled={create.isPending}>
        Add user
      </button>
    </form>
  );
}

function Users() {
  const me = useUser();
  const qc = useQueryClient();
  const users = useQuery({ queryKey: ['users'], queryFn: ({ signal }) => call('listUsers', { signal }) });
  const reviewers = useReviewers();
  const toggle = useMutation({
    mutationFn: (v: { userId: number; active: boolean }) =>
      call('updateUser', { params: { userId: v.userId }, body: { active: v.active } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['users'] }),
  });
  if (users.isPending) return <Loading what="users" />;
  if (users.error) return <ErrorAlert error={users.error} title="The users could not be loaded" />;
  const reviewerName = (id: number | undefined) =>
    id === undefined ? '—' : (reviewers.data?.reviewers.find((r) => r.reviewer.id === id)?.reviewer.name ?? `#${id}`);
  return (
    <>
      <ErrorAlert error={toggle.error} title="The user was not changed" />
      <div className="table-wrap card" style={{ padding: 0 }}>
        <table className="data">
          <caption className="visually-hidden">Users</caption>
          <thead>
            <tr>
              <th scope="col">User name</th>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Reviewer record</th>
              <th scope="col">Status</th>
              <th scope="col">Since</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.data.users.map((u) => (
              <tr key={u.id}>
                <th scope="row">{u.username}</th>
                <td>{u.displayName}</td>
                <td>{ROLE_LABEL[u.role]}</td>
                <td>{reviewerName(u.reviewerId)}</td>
                <td>{u.active ? <Badge tone="ok">Active</Badge> : <Badge tone="neutral">Inactive</Badge>}</td>
                <td>{formatDay(u.createdAt)}</td>
                <td>
                  {u.id === me.id ? (
                    <span className="muted small">You</span>
                  ) : (
                    <button
                      type="button"
                      className="btn small secondary"
                      disabled={toggle.isPending}
                      onClick={() => toggle.mutate({ userId: u.id, active: !u.active })}
                    >
                      {u.active ? 'Deactivate' : 'Activate'}
                      <span className="visually-hidden"> {u.username}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <NewUserForm reviewers={reviewers.data?.reviewers ?? []} />
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// Reviewers, credentials, affiliations

function CredentialForm({ reviewerId }: { reviewerId: number }) {
  const qc = useQueryClient();
  const [c, setC] = useState({
    type: 'licence' as (typeof CREDENTIAL_TYPES)[number],
    name: '',
    number: '',
    state: 'CA',
    expires: '',
  });
  const add = useMutation({
    mutationFn: () =>
      call('addCredential', {
        params: { reviewerId },
        body: {
          type: c.type,
          name: c.name.trim(),
          status: 'active',
          ...(c.number.trim() === '' ? {} : { number: c.number.trim() }),
          ...(c.state.trim() === '' ? {} : { state: c.state.trim().toUpperCase() }),
          ...(c.expires === '' ? {} : { expires: c.expires }),
        },
      }),
    onSuccess: async () => {
      setC({ ...c, name: '', number: '', expires: '' });
      await qc.invalidateQueries({ queryKey: ['reviewers'] });
    },
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (c.name.trim() !== '') add.mutate();
      }}
    >
      <ErrorAlert error={add.error} title="The credential was not added" />
      <div className="row">
        <Field label="Type">
          <select value={c.type} onChange={(e) => setC({ ...c, type: e.target.value as typeof c.type })}>
            {CREDENTIAL_TYPES.map((t) => (
              <option key={t} value={t}>
                {titleCase(t)}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Name" hint="e.g. Physician and Surgeon, Orthopaedic Surgery">
          <input type="text" value={c.name} onChange={(e) => setC({ ...c, name: e.target.value })} />
        </Field>
        <Field label="Number">
          <input type="text" value={c.number} onChange={(e) => setC({ ...c, number: e.target.value })} />
        </Field>
        <Field label="State">
          <input type="text" maxLength={2} value={c.state} onChange={(e) => setC({ ...c, state: e.target.value })} />
        </Field>
        <Field label="Expires">
          <input type="date" value={c.expires} onChange={(e) => setC({ ...c, expires: e.target.value })} />
        </Field>
      </div>
      <button type="submit" className="btn small" disabled={add.isPending}>
        Add credential
      </button>
    </form>
  );
}

/** Records the last day of an affiliation (after it, the conflict screen no longer holds it against the reviewer). */
function EndAffiliation({ reviewerId, affiliationId }: { reviewerId: number; affiliationId: number }) {
  const qc = useQueryClient();
  const [until, setUntil] = useState('');
  const end = useMutation({
    mutationFn: () => call('updateAffiliation', { params: { reviewerId, affiliationId }, body: { until } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['reviewers'] }),
  });
  return (
    <span>
      <label>
        <span className="visually-hidden">Last day of the affiliation</span>
        <input type="date" value={until} onChange={(e) => setUntil(e.target.value)} />
      </label>{' '}
      <button
        type="button"
        className="link-button"
        disabled={until === '' || end.isPending}
        onClick={() => end.mutate()}
      >
        Record the end
      </button>
      {end.error ? <span role="alert"> The end was not recorded.</span> : null}
    </span>
  );
}

function AffiliationForm({ reviewerId }: { reviewerId: number }) {
  const qc = useQueryClient();
  const [a, setA] = useState({
    organizationName: '',
    kind: 'employer' as (typeof AFFILIATION_KINDS)[number],
    relationship: '',
    since: '',
    until: '',
  });
  const add = useMutation({
    mutationFn: () =>
      call('addAffiliation', {
        params: { reviewerId },
        body: {
          organizationName: a.organizationName.trim(),
          kind: a.kind,
          ...(a.relationship.trim() === '' ? {} : { relationship: a.relationship.trim() }),
          ...(a.since === '' ? {} : { since: a.since }),
          ...(a.until === '' ? {} : { until: a.until }),
        },
      }),
    onSuccess: async () => {
      setA({ ...a, organizationName: '', relationship: '', since: '', until: '' });
      await qc.invalidateQueries({ queryKey: ['reviewers'] });
    },
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (a.organizationName.trim() !== '') add.mutate();
      }}
    >
      <ErrorAlert error={add.error} title="The affiliation was not added" />
      <div className="row">
        <Field label="Organization">
          <input
            type="text"
            value={a.organizationName}
            onChange={(e) => setA({ ...a, organizationName: e.target.value })}
          />
        </Field>
        <Field label="Kind">
          <select value={a.kind} onChange={(e) => setA({ ...a, kind: e.target.value as typeof a.kind })}>
            {AFFILIATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {titleCase(k)}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Relationship" hint="employment, ownership, consulting…">
          <input type="text" value={a.relationship} onChange={(e) => setA({ ...a, relationship: e.target.value })} />
        </Field>
        <Field label="Since">
          <input type="date" value={a.since} onChange={(e) => setA({ ...a, since: e.target.value })} />
        </Field>
        <Field label="Until" hint="the last day; leave empty while it lasts">
          <input type="date" value={a.until} onChange={(e) => setA({ ...a, until: e.target.value })} />
        </Field>
      </div>
      <button type="submit" className="btn small" disabled={add.isPending}>
        Add affiliation
      </button>
    </form>
  );
}

function ReviewerCard({ p }: { p: ReviewerProfileView }) {
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const regionId = useId();
  const r = p.reviewer;
  const today = new Date().toISOString().slice(0, 10);
  const removeCredential = useMutation({
    mutationFn: (credentialId: number) => call('removeCredential', { params: { reviewerId: r.id, credentialId } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['reviewers'] }),
  });
  const removeAffiliation = useMutation({
    mutationFn: (affiliationId: number) => call('removeAffiliation', { params: { reviewerId: r.id, affiliationId } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['reviewers'] }),
  });
  const toggle = useMutation({
    mutationFn: () => call('updateReviewer', { params: { reviewerId: r.id }, body: { active: !r.active } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['reviewers'] }),
  });
  const specialties = p.credentials.filter((c) => c.type === 'specialty' || c.type === 'board-certification');
  return (
    <li className="card">
      <div className="row" style={{ alignItems: 'center' }}>
        <div style={{ flex: '1 1 20rem' }}>
          <h3 style={{ marginBottom: 0 }}>{r.name}</h3>
          <span className="muted">
            {r.profession === undefined ? 'Profession not recorded' : titleCase(r.profession)} ·{' '}
            {specialties.map((c) => c.name).join(', ') || 'no specialty recorded'} · {p.openAssignments} of {p.capacity}{' '}
            open reviews
          </span>
        </div>
        {r.active ? <Badge tone="ok">Active</Badge> : <Badge tone="neutral">Inactive</Badge>}
        {r.qmeStatus === 'certified' ? <Badge tone="info">QME</Badge> : null}
        {r.disciplinaryHistory ? <Badge tone="bad">Disciplinary history</Badge> : null}
        <button
          type="button"
          className="btn small secondary"
          aria-expanded={open}
          aria-controls={regionId}
          onClick={() => setOpen((o) => !o)}
        >
          {open ? 'Hide details' : 'Credentials and affiliations'}
          <span className="visually-hidden"> of {r.name}</span>
        </button>
      </div>
      <div id={regionId} hidden={!open}>
        {open ? (
          <>
            <ErrorAlert error={removeCredential.error ?? removeAffiliation.error ?? toggle.error} />
            <h4>Credentials</h4>
            {p.credentials.length === 0 ? (
              <p className="muted">None recorded.</p>
            ) : (
              <table className="data">
                <thead>
                  <tr>
                    <th scope="col">Type</th>
                    <th scope="col">Name</th>
                    <th scope="col">Number</th>
                    <th scope="col">Status</th>
                    <th scope="col">Expires</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {p.credentials.map((c) => (
                    <tr key={c.id}>
                      <td>{titleCase(c.type)}</td>
                      <th scope="row">{c.name}</th>
                      <td>
                        {c.number ?? '—'}
                        {c.state === undefined ? '' : ` (${c.state})`}
                      </td>
                      <td>{titleCase(c.status)}</td>
                      <td>{formatDate(c.expires)}</td>
                      <td>
                        <button
                          type="button"
                          className="btn small secondary"
                          onClick={() => removeCredential.mutate(c.id)}
                        >
                          Remove<span className="visually-hidden"> {c.name}</span>
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <CredentialForm reviewerId={r.id} />
            <h4 style={{ marginTop: '1rem' }}>Affiliations</h4>
            <p className="muted">
              Every current affiliation is screened against the parties of each case before assignment. One that ended
              before the day of screening is listed with the screen but not held against the reviewer: the law (LC
              139.5) screens current affiliations and sets no look-back period. One that has not begun yet needs a look.
            </p>
            {p.affiliations.length === 0 ? (
              <p className="muted">None recorded.</p>
            ) : (
              <ul>
                {p.affiliations.map((a) => (
                  <li key={a.id}>
                    {a.organizationName} — {titleCase(a.kind)}
                    {a.relationship === undefined ? '' : `, ${a.relationship}`}
                    {a.since === undefined ? '' : `, since ${formatDate(a.since)}`}
                    {a.until === undefined ? '' : ` until ${formatDate(a.until)}`}{' '}
                    {a.until !== undefined && a.until < today ? <Badge tone="neutral">Ended</Badge> : null}{' '}
                    {a.until === undefined ? <EndAffiliation reviewerId={r.id} affiliationId={a.id} /> : null}{' '}
                    <button type="button" className="link-button" onClick={() => removeAffiliation.mutate(a.id)}>
                      Remove<span className="visually-hidden"> {a.organizationName}</span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <AffiliationForm reviewerId={r.id} />
            <div className="form-actions">
              <button type="button" className="btn small secondary" onClick={() => toggle.mutate()}>
                {r.active ? 'Deactivate reviewer' : 'Activate reviewer'}
              </button>
            </div>
          </>
        ) : null}
      </div>
    </li>
  );
}

function NewReviewerForm() {
  const qc = useQueryClient();
  const [r, setR] = useState({ name: '', npi: '', profession: 'medical-doctor' as string, since: '' });
  const [error, setError] = useState<string | undefined>();
  const create = useMutation({
    mutationFn: () =>
      call('createReviewer', {
        body: {
          name: r.name.trim(),
          profession: r.profession,
          qmeStatus: 'none',
          disciplinaryHistory: false,
          active: true,
          ...(r.npi.trim() === '' ? {} : { npi: r.npi.trim() }),
          ...(r.since === '' ? {} : { activePracticeSince: r.since }),
        },
      }),
    onSuccess: async () => {
      setR({ name: '', npi: '', profession: 'medical-doctor', since: '' });
      await qc.invalidateQueries({ queryKey: ['reviewers'] });
    },
  });
  return (
    <form
      className="card"
      noValidate
      aria-labelledby="new-reviewer-heading"
      onSubmit={(e) => {
        e.preventDefault();
        if (r.name.trim() === '') return setError('Enter the reviewer’s name.');
        if (r.npi.trim() !== '' && !/^\d{10}$/.test(r.npi.trim())) return setError('The NPI has 10 digits.');
        setError(undefined);
        create.mutate();
      }}
    >
      <h2 id="new-reviewer-heading">Add a reviewer</h2>
      {error === undefined ? null : <Alert tone="error">{error}</Alert>}
      <ErrorAlert error={create.error} title="The reviewer was not added" />
      {create.data === undefined ? null : (
        <Alert tone="success">Added {create.data.profile.reviewer.name}. Add their credentials next.</Alert>
      )}
      <div className="row">
        <Field label="Name">
          <input type="text" value={r.name} onChange={(e) => setR({ ...r, name: e.target.value })} />
        </Field>
        <Field label="NPI">
          <input type="text" inputMode="numeric" value={r.npi} onChange={(e) => setR({ ...r, npi: e.target.value })} />
        </Field>
        <Field label="Profession">
          <select value={r.profession} onChange={(e) => setR({ ...r, profession: e.target.value })}>
            {PROFESSIONS.map((p) => (
              <option key={p} value={p}>
                {titleCase(p)}
              </option>
            ))}
          </select>
        </Field>
        <Field label="In active practice since">
          <input type="date" value={r.since} onChange={(e) => setR({ ...r, since: e.target.value })} />
        </Field>
      </div>
      <button type="submit" className="btn" disabled={create.isPending}>
        Add reviewer
      </button>
    </form>
  );
}

function Reviewers() {
  const q = useReviewers();
  if (q.isPending) return <Loading what="reviewers" />;
  if (q.error) return <ErrorAlert error={q.error} title="The reviewers could not be loaded" />;
  return (
    <>
      <ul style={{ listStyle: 'none', padding: 0 }} aria-label="Reviewers">
        {q.data.reviewers.map((p) => (
          <ReviewerCard key={p.reviewer.id} p={p} />
        ))}
      </ul>
      <NewReviewerForm />
    </>
  );
}

export function AdminPage() {
  return (
    <Page title="Administration" sub="Users and the reviewer panel">
      <Tabs
        label="Administration"
        tabs={[
          { id: 'users', label: 'Users', content: <Users /> },
          { id: 'reviewers', label: 'Reviewers', content: <Reviewers /> },
        ]}
      />
    </Page>
  );
}
