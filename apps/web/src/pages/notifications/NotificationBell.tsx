import { useT } from '../../i18n/i18n';
import { NavLink } from '../../router/router';
import { useNotificationList } from './NotificationsContext';

export function NotificationBell() {
  const t = useT();
  const { list } = useNotificationList();
  const unread = list?.unread ?? 0;
  const label =
    unread > 0 ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell');

  return (
    <NavLink to="/notifications" aria-label={label}>
      <span aria-hidden="true">🔔</span>
      {unread > 0 && (
        <span className="bell-count" aria-hidden="true">
          {unread}
        </span>
      )}
    </NavLink>
  );
}
