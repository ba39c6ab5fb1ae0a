import { placeholderReasons, type Notification } from '@razgovor/contracts';
import { Page } from '../../components/Page';
import { RequireSignIn } from '../../components/RequireSignIn';
import { useI18n, type Translate } from '../../i18n/i18n';
import { Link } from '../../router/router';
import { useNotificationList } from './NotificationsContext';

function hideReasonText(t: Translate, code: string | null): string {
  const reason = placeholderReasons.find((known) => known === code) ?? 'other';

  return t(`hideReason.${reason}`);
}

function notificationText(t: Translate, notification: Notification): string {
  switch (notification.type) {
    case 'comment.replied':
      return t('notifications.replied', {
        name: notification.actorName ?? t('notifications.someone'),
      });
    case 'summary.published':
      return t('notifications.summary');
    case 'moderation.warned':
      return `${t('sanction.warned')} ${notification.note ?? ''}`.trim();
    case 'moderation.muted':
      return `${t('sanction.muted')} ${notification.note ?? ''}`.trim();
    case 'moderation.removed':
      return `${t('sanction.removed')} ${notification.note ?? ''}`.trim();
    case 'moderation.hidden':
      return t('notifications.hidden', { reason: hideReasonText(t, notification.note) });
    case 'moderation.appeal_decided':
      return notification.note === 'restored'
        ? t('notifications.appealRestored')
        : t('notifications.appealUpheld');
  }
}

function target(notification: Notification): string {
  if (notification.commentId) return `/comments/${notification.commentId}`;

  return notification.topicId
    ? `/topics/${notification.topicId}`
    : `/conversations/${notification.conversationId}`;
}

function NotificationItem({ notification }: { notification: Notification }) {
  const { t, formatDate } = useI18n();
  const { markRead } = useNotificationList();
  const isUnread = !notification.readAt;
  const text = notificationText(t, notification);

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
