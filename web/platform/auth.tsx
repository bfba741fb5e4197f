import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  can,
  type Action,
  type Actor,
  type Role,
  type Target,
} from '../../domain/access/permissions.js';
import { api, ApiError, setCsrfToken, setOnUnauthenticated } from './api.js';
import { loginUrlFor } from './tenant-slug.js';

export type Me = {
  personId: string;
  name: string;
  email: string;
  tenantId: string;
  tenantName: string;
  roles: Role[];
  grants: { role: Role; unitId: string; unitPath: string[] }[];
  csrfToken: string;
};

type Auth = {
  me: Me | null;
  isLoading: boolean;
  login: (email: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
  /** The same rule the server enforces, to show only what the person may do. */
  can: (action: Action, target?: Target) => boolean;
};
const Ctx = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const meQuery = useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      try {
        return await api.get<Me>('/api/auth/me');
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 60_000,
  });
  const me = meQuery.data ?? null;
  useEffect(() => {
    if (me) setCsrfToken(me.csrfToken);
  }, [me]);
  useEffect(() => setOnUnauthenticated(() => qc.setQueryData(['me'], null)), [qc]);

  const login = useCallback(
    async (email: string, password: string) => {
      const who = await api.post<Me>(loginUrlFor(window.location), { email, password });
      setCsrfToken(who.csrfToken);
      // Drop what a previous person saw, but keep the 'me' query its observers are subscribed to.
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
      qc.setQueryData(['me'], who);
    },
    [qc],
  );
  const logout = useCallback(async () => {
    const { endSessionUrl } = await api.post<{ endSessionUrl: string | null }>('/api/auth/logout');
    qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    qc.setQueryData(['me'], null);
    // After a single sign-on, log out at the provider too, or the next sign-on is silent.
    if (endSessionUrl) window.location.assign(endSessionUrl);
  }, [qc]);
  const value = useMemo<Auth>(() => {
    const actor: Actor | null = me ? { personId: me.personId, grants: me.grants } : null;
    return {
      me,
      isLoading: meQuery.isLoading,
      login,
      logout,
      can: (action, target = 'tenant') => can(actor, action, target),
    };
  }, [me, meQuery.isLoading, login, logout]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useAuth(): Auth {
  const v = useContext(Ctx);
  if (!v) throw new Error('AuthProvider missing');
  return v;
}
