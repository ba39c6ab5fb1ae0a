import type { Notification } from '@razgovor/contracts';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { useNotificationList } from '../notifications/NotificationsContext';

const titles: Partial<Record<Notification['type'], MessageKey>> = {
  'moderation.warned': 'sanction.warned',
  'moderation.muted': 'sanction.muted',
  'moderation.removed': 'sanction.removed',
};

/** A warning, mute or removal stays on screen until the person says they have read it. */
export function SanctionBanner() {
  const { t, formatDate } = useI18n();
  const { list, markRead } = useNotificationList();
  const unread = (list?.items ?? []).filter((item) => !item.readAt && titles[item.type]);

  if (unread.length === 0) return null;

  return (
    <aside className="banner banner--sanction" aria-labelledby="sanction-title">
      <div className="banner__inner">
        <h2 id="sanction-title" className="visually-hidden">
          {t('sanction.heading')}
        </h2>
        {unread.map((item) => (
          <div key={item.id} className="sanction">
            <p>
              <strong>{t(titles[item.type]!)}</strong>{' '}
              <time dateTime={item.createdAt}>{formatDate(item.createdAt)}</time>
            </p>
            {item.until && <p>{t('sanction.mutedUntil', { until: formatDate(item.until) })}</p>}
            {item.note && <p>{t('sanction.reason', { reason: item.note })}</p>}
          </div>
        ))}
        <button
          type="button"
          className="button--secondary"
          onClick={() => void markRead(unread.map((item) => item.id))}
        >
          {t('sanction.understood')}
        </button>
      </div>
    </aside>
  );
}
