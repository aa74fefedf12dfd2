import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api, call, onSessionRefused, tokenStore } from '../api/client';
import type { SignedInUser, SignInAnswer } from '../api/views';

const USER_KEY = 'talent-console-user';

interface Session {
  user: SignedInUser | null;
  /** The api issued a token good only for choosing one's own password. */
  mustChangePassword: boolean;
  signIn: (userId: string, password: string) => Promise<void>;
  passwordChanged: () => void;
  signOut: () => void;
}

const SessionContext = createContext<Session | null>(null);

interface Stored {
  user: SignedInUser;
  mustChangePassword: boolean;
}

const load = (): Stored | null => {
  const text = sessionStorage.getItem(USER_KEY);
  return text && tokenStore.get() ? (JSON.parse(text) as Stored) : null;
};

export function SessionProvider({ children }: { children: ReactNode }) {
  const [stored, setStored] = useState<Stored | null>(load);
  const queries = useQueryClient();

  const remember = useCallback((next: Stored | null) => {
    if (next) sessionStorage.setItem(USER_KEY, JSON.stringify(next));
    else sessionStorage.removeItem(USER_KEY);
    setStored(next);
  }, []);

  const signOut = useCallback(() => {
    tokenStore.clear();
    remember(null);
    queries.clear();
  }, [queries, remember]);

  useEffect(
    () =>
      onSessionRefused((error) => {
        if (error.status === 401) signOut();
        else setStored((current) => current && { ...current, mustChangePassword: true });
      }),
    [signOut],
  );

  const session = useMemo<Session>(
    () => ({
      user: stored?.user ?? null,
      mustChangePassword: stored?.mustChangePassword ?? false,
      async signIn(userId, password) {
        const answer = await call<SignInAnswer>(() => api.POST('/auth/sign-in', { body: { userId, password } }));
        tokenStore.set(answer.accessToken);
        remember({ user: answer.user, mustChangePassword: answer.passwordChangeRequired });
      },
      // Changing the password ends every earlier token: the person signs in with the new one.
      passwordChanged: signOut,
      signOut,
    }),
    [stored, remember, signOut],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
