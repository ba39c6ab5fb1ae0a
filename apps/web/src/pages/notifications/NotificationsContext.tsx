import type { NotificationList } from '@razgovor/contracts';
import { createContext, useContext, type ReactNode } from 'react';
import { useSession } from '../../session/session';
import { useNotifications } from './useNotifications';

interface Notifications {
  list: NotificationList | null;
  markRead: (ids?: string[]) => Promise<void>;
}

const NotificationsContext = createContext<Notifications>({
  list: null,
  markRead: async () => undefined,
});

/** One list shared by the bell in the header and the notifications page. */
export function NotificationsProvider({ children }: { children: ReactNode }) {
  const { me } = useSession();
  const value = useNotifications(me?.id ?? null);

  return <NotificationsContext.Provider value={value}>{children}</NotificationsContext.Provider>;
}

export function useNotificationList(): Notifications {
  return useContext(NotificationsContext);
}
