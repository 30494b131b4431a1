import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { authContracts } from '../../engine/contracts/authContracts.ts';
import type { ReplyOf } from '../../engine/contracts/contract.ts';
import { ApiError, setCsrfToken } from '../api/apiClient.ts';
import { call } from '../api/call.ts';
import { setDisplayTimeZone } from '../format/dateTime.ts';

/** Task drafts (form data, ticks) hold personal data: they must not outlive the session on a shared PC. */
function clearTaskDrafts(): void {
  for (let i = localStorage.length - 1; i >= 0; i -= 1) {
    const key = localStorage.key(i);
    if (key?.startsWith('alur.draft.')) localStorage.removeItem(key);
  }
}

/**
 * The signed-in user as both apps need it (GET /api/auth/me): roles with their kinds (staff, kabid, drafter,
 * approver…), `mustChangePassword` (only the password change is open), `platformAdmin` (every regency's accounts).
 */
export type Session = Omit<ReplyOf<typeof authContracts.me>, 'csrfToken'>;

interface SessionState {
  session: Session | null;
  loading: boolean;
  login: (username: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
  /** Reads the session again (after a password change). */
  refresh: () => Promise<void>;
  /** Whether the user holds a role of one of these kinds. */
  hasKind: (...kinds: string[]) => boolean;
}

const SessionContext = createContext<SessionState | null>(null);

/** Loads the session once and offers login/logout to every page. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(null);
  const [loading, setLoading] = useState(true);
  const refresh = useCallback(async () => {
    try {
      const { csrfToken, ...me } = await call(authContracts.me, {});
      setCsrfToken(csrfToken);
      // Every date on every page is shown in the regency's zone, not the PC's.
      setDisplayTimeZone(me.regency.timeZone);
      setSession(me);
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) throw error;
      // Signed out (or the session expired): drafts of the previous user go too.
      clearTaskDrafts();
      setSession(null);
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const login = useCallback(
    async (username: string, password: string) => {
      const result = await call(authContracts.login, { body: { username, password } });
      setCsrfToken(result.csrfToken);
      await refresh();
    },
    [refresh],
  );
  const logout = useCallback(async () => {
    await call(authContracts.logout, {});
    clearTaskDrafts();
    setCsrfToken(null);
    setSession(null);
  }, []);
  const hasKind = useCallback(
    (...kinds: string[]) =>
      session ? session.user.roles.some((r) => kinds.includes(session.roles[r]?.kind ?? '')) : false,
    [session],
  );
  return (
    <SessionContext.Provider value={{ session, loading, login, logout, refresh, hasKind }}>
      {children}
    </SessionContext.Provider>
  );
}

/** The session state; only valid under SessionProvider. */
export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
