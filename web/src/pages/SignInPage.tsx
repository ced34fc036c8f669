import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError, errorMessage } from '../api/http.ts';
import { useSession } from '../auth/session.tsx';
import { Alert } from '../components/Alert.tsx';
import { Field } from '../components/Field.tsx';

/** Local accounts: user name and password; the server sets the session cookie. */
export function SignInPage({ notice }: { notice?: string }) {
  const { signIn } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const userField = useRef<HTMLInputElement>(null);

  useEffect(() => {
    document.title = 'Sign in · IMR Desk';
    userField.current?.focus();
  }, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (username.trim() === '' || password === '') {
      setError('Enter your user name and password.');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await signIn(username.trim().toLowerCase(), password);
    } catch (thrown) {
      setError(
        thrown instanceof ApiError && thrown.status === 401
          ? 'The user name or password is not right. Check them and try again.'
          : errorMessage(thrown),
      );
      setPassword('');
      userField.current?.focus();
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="signin" id="main">
      <div className="card">
        <p className="brand">IMR Desk</p>
        <h1 ref={heading}>Sign in</h1>
        <p className="muted">Independent Medical Review case work for staff and physician reviewers.</p>
        {notice !== undefined && error === undefined ? <Alert tone="info">{notice}</Alert> : null}
        {error === undefined ? null : <Alert tone="error">{error}</Alert>}
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Field label="User name">
            <input
              ref={userField}
              type="text"
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              required
            />
          </Field>
          <Field label="Password">
            <input
              type="password"
              name="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
            />
          </Field>
          <div className="form-actions">
            <button type="submit" className="btn" disabled={busy}>
              {busy ? 'Signing in…' : 'Sign in'}
            </button>
          </div>
        </form>
      </div>
    </main>
  );
}
