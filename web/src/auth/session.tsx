import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { call } from '../api/client.ts';
import { ApiError, setCsrfToken, setUnauthenticatedHandler } from '../api/http.ts';
import type { Role, User } from '../api/types.ts';
import { markNavigation } from '../components/Page.tsx';

type State =
  | { status: 'loading' }
  | { status: 'signed-out'; reason?: string }
  /** `uploadLimitBytes`: the largest document the server accepts, per file (its setting, not ours). */
  | { status: 'signed-in'; user: User; uploadLimitBytes: number };

interface SessionApi {
  readonly state: State;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionApi | undefined>(undefined);

/** The signed-in user: asked of the server on load (the cookie survives a reload), set at sign-in. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const queryClient = useQueryClient();

  useEffect(() => {
    let live = true;
    call('session', {})
      .then((s) => {
        if (!live) return;
        setCsrfToken(s.csrfToken);
        setState({ status: 'signed-in', user: s.user, uploadLimitBytes: s.uploadLimitBytes });
      })
      .catch(() => {
        if (live) setState({ status: 'signed-out' });
      });
    setUnauthenticatedHandler(() => {
      setCsrfToken(undefined);
      queryClient.clear();
      setState({ status: 'signed-out', reason: 'Your session has ended. Sign in again to continue.' });
    });
    return () => {
      live = false;
      setUnauthenticatedHandler(undefined);
    };
  }, [queryClient]);

  const signIn = useCallback(
    async (username: string, password: string) => {
      const s = await call('login', { body: { username, password } });
      setCsrfToken(s.csrfToken);
      queryClient.clear();
      markNavigation();
      setState({ status: 'signed-in', user: s.user, uploadLimitBytes: s.uploadLimitBytes });
    },
    [queryClient],
  );

  const signOut = useCallback(async () => {
    try {
      await call('logout', {});
    } catch (e) {
      // Signed out already on the server (expired session): the local sign-out below is what matters.
      if (!(e instanceof ApiError)) throw e;
    }
    setCsrfToken(undefined);
    queryClient.clear();
    setState({ status: 'signed-out' });
  }, [queryClient]);

  const value = useMemo(() => ({ state, signIn, signOut }), [state, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const s = useContext(SessionContext);
  if (s === undefined) throw new Error('useSession outside SessionProvider');
  return s;
}

/** The signed-in user (pages behind the sign-in guard only). */
export function useUser(): User {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useUser without a signed-in user');
  return state.user;
}

/** The server's per-file upload limit, from the session response (pages behind the sign-in guard only). */
export function useUploadLimit(): number {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useUploadLimit without a signed-in user');
  return state.uploadLimitBytes;
}

export function hasRole(user: User, roles: readonly Role[]): boolean {
  return roles.includes(user.role);
}
