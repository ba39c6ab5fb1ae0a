import type { NotificationList } from '@razgovor/contracts';
import { useEffect, useState } from 'react';
import { call } from '../../api/client';
import { onAnyEvent } from '../../live/socket';

/** The signed-in person's notifications, kept current by `notification.created` events. */
export function useNotifications(userId: string | null) {
  const [list, setList] = useState<NotificationList | null>(null);

  useEffect(() => {
    if (!userId) return;
    const controller = new AbortController();
    call('listNotifications', { signal: controller.signal })
      .then(setList)
      .catch((error: unknown) => {
        if (!controller.signal.aborted) console.warn('Could not load notifications', error);
      });
    const stop = onAnyEvent((envelope) => {
      if (envelope.type !== 'notification.created') return;
      const { notification } = envelope.payload;
      setList((previous) => {
        const items = previous?.items ?? [];
        if (items.some((item) => item.id === notification.id)) return previous;

        return { items: [notification, ...items], unread: (previous?.unread ?? 0) + 1 };
      });
    });

    return () => {
      controller.abort();
      stop();
    };
  }, [userId]);

  const markRead = async (ids?: string[]) => {
    await call('markNotificationsRead', { body: { ids } });
    const now = new Date().toISOString();
    setList((previous) => {
      if (!previous) return previous;
      const items = previous.items.map((item) =>
        !ids || ids.includes(item.id) ? { ...item, readAt: item.readAt ?? now } : item,
      );

      return { items, unread: items.filter((item) => !item.readAt).length };
    });
  };

  return { list, markRead };
}
