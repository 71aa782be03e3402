import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../api/client';
import { messageOf } from '../api/problems';
import { hasStoredSession, logIn, logOut, onSessionChange, refresh } from '../api/session';

export type Me = Schemas['MeView'];

type AuthState =
  | { phase: 'starting' }
  | { phase: 'unreachable'; message: string }
  | { phase: 'setup' }
  | { phase: 'anonymous'; notice?: string }
  | { phase: 'signed-in'; me: Me };

type AuthContextValue = {
  state: AuthState;
  signIn: (username: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
  setupDone: () => void;
  retry: () => void;
};

const AuthContext = createContext<AuthContextValue | null>(null);

async function fetchMe(): Promise<Me> {
  return unwrap(api.GET('/api/v1/auth/me'));
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ phase: 'starting' });
  const queryClient = useQueryClient();

  const start = useCallback(async () => {
    setState({ phase: 'starting' });
    try {
      const status = await unwrap(api.GET('/api/v1/auth/status'));
      if (status.setup_required) return setState({ phase: 'setup' });
      if (hasStoredSession() && (await refresh())) return setState({ phase: 'signed-in', me: await fetchMe() });
      setState({ phase: 'anonymous' });
    } catch (error) {
      setState({ phase: 'unreachable', message: messageOf(error) });
    }
  }, []);

  useEffect(() => {
    void start();
  }, [start]);

  useEffect(() => onSessionChange((event) => {
    if (event.type === 'ended') {
      queryClient.clear();
      setState({ phase: 'anonymous', notice: event.reason || undefined });
    }
  }), [queryClient]);

  const value = useMemo<AuthContextValue>(() => ({
    state,
    signIn: async (username, password) => {
      await logIn(username, password);
      setState({ phase: 'signed-in', me: await fetchMe() });
    },
    signOut: async () => {
      await logOut();
    },
    setupDone: () => setState({ phase: 'anonymous', notice: 'Your admin account is ready. Log in with it.' }),
    retry: () => void start(),
  }), [state, start]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** The signed-in user; only for screens behind the log-in. */
export function useMe(): Me {
  const { state } = useAuth();
  if (state.phase !== 'signed-in') throw new Error('useMe without a session');
  return state.me;
}
