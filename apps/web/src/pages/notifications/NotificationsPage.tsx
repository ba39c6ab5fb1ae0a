import type { Notification } from '@razgovor/contracts';
import { Page } from '../../components/Page';
import { RequireSignIn } from '../../components/RequireSignIn';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router/router';
import { useNotificationList } from './NotificationsContext';

function target(notification: Notification): string {
  return notification.commentId
    ? `/comments/${notification.commentId}`
    : `/topics/${notification.topicId}`;
}

function NotificationItem({ notification }: { notification: Notification }) {
  const { t, formatDate } = useI18n();
  const { markRead } = useNotificationList();
  const isUnread = !notification.readAt;
  const text =
    notification.type === 'comment.replied'
      ? t('notifications.replied', { name: notification.actorName ?? t('notifications.someone') })
      : t('notifications.summary');

  return (
    <li
      className={
        isUnread ? 'notifications__item notifications__item--unread' : 'notifications__item'
      }
    >
      <p className="meta">
        {isUnread && <strong>{t('notifications.unread')}</strong>}
        <time dateTime={notification.createdAt}>{formatDate(notification.createdAt)}</time>
      </p>
      <Link
        to={target(notification)}
        onClick={() => void (isUnread ? markRead([notification.id]) : undefined)}
      >
        {text}
      </Link>
    </li>
  );
}

export function NotificationsPage() {
  const { t } = useI18n();
  const { list, markRead } = useNotificationList();

  return (
    <RequireSignIn>
      {() => (
        <Page title={t('notifications.title')} width="wide">
          {!list && <p>{t('common.loading')}</p>}
          {list && list.unread > 0 && (
            <p>
              <button type="button" className="button--secondary" onClick={() => void markRead()}>
                {t('notifications.markAll')}
              </button>
            </p>
          )}
          {list?.items.length === 0 && <p>{t('notifications.empty')}</p>}
          <ul className="card-list">
            {list?.items.map((item) => (
              <NotificationItem key={item.id} notification={item} />
            ))}
          </ul>
        </Page>
      )}
    </RequireSignIn>
  );
}
