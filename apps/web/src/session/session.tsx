import type { Me } from '@razgovor/contracts';
import {
  createContext,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { call, isApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { reconnectLive } from '../live/socket';

type SessionState =
  { status: 'loading' } | { status: 'signed-out' } | { status: 'signed-in'; me: Me };

interface Session {
  me: Me | null;
  isLoading: boolean;
  /** Stores the person the API just returned and adopts the language saved in their profile. */
  signIn: (me: Me) => void;
  /** Replaces the stored person without touching the interface language. */
  update: (me: Me) => void;
  /** Forgets the person locally after the API ended or erased the session. */
  forget: () => void;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const { setLocale } = useI18n();
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    call('getMe', { signal: controller.signal })
      .then((me) => {
        setState({ status: 'signed-in', me });
        setLocale(me.locale);
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        // Unreachable or failing API: treat as signed out; forms will report the real error.
        if (!isApiError(error, 'NOT_SIGNED_IN')) console.warn('Could not load session', error);
        setState({ status: 'signed-out' });
      });

    return () => controller.abort();
  }, [setLocale]);

  // The socket learns who it is from the cookie at connection: a new person needs a new one.
  const identity = state.status === 'signed-in' ? state.me.id : state.status;
  const previousIdentity = useRef(identity);
  useEffect(() => {
    const previous = previousIdentity.current;
    previousIdentity.current = identity;
    if (previous !== identity && previous !== 'loading') reconnectLive();
  }, [identity]);

  const session = useMemo<Session>(
    () => ({
      me: state.status === 'signed-in' ? state.me : null,
      isLoading: state.status === 'loading',
      signIn: (me) => {
        setState({ status: 'signed-in', me });
        setLocale(me.locale);
      },
      update: (me) => setState({ status: 'signed-in', me }),
      forget: () => setState({ status: 'signed-out' }),
    }),
    [state, setLocale],
  );

  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const context = useContext(SessionContext);
  if (!context) throw new Error('useSession must be used inside SessionProvider');

  return context;
}
