import { useT } from '../../i18n/i18n';
import { NavLink } from '../../router/router';
import { useNotificationList } from './NotificationsContext';

const bellPath =
  'M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3' +
  'a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z';

export function NotificationBell() {
  const t = useT();
  const { list } = useNotificationList();
  const unread = list?.unread ?? 0;
  const label =
    unread > 0 ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell');

  return (
    <NavLink to="/notifications" aria-label={label}>
      <svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24" className="bell">
        <path fill="currentColor" d={bellPath} />
      </svg>
      {unread > 0 && (
        <span className="bell-count" aria-hidden="true">
          {unread}
        </span>
      )}
    </NavLink>
  );
}
