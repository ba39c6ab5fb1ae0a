import type { Me, SlowMode } from '@razgovor/contracts';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import type { Threads } from '../topic/threads';

interface SlowModeNoticeProps {
  slowMode: SlowMode | null;
  me: Me | null;
  threads: Threads;
  isExempt: boolean;
}

function lastOwnComment(threads: Threads, me: Me | null): number | null {
  if (!me) return null;
  let latest: number | null = null;
  for (const comment of Object.values(threads.byId)) {
    if (comment.author.id !== me.id) continue;
    const at = new Date(comment.createdAt).getTime();
    if (latest === null || at > latest) latest = at;
  }

  return latest;
}

/** Tells citizens that the topic is slowed down, why, and when they may post again. */
export function SlowModeNotice({ slowMode, me, threads, isExempt }: SlowModeNoticeProps) {
  const { t, formatDate } = useI18n();
  const [now, setNow] = useState(() => Date.now());
  const last = lastOwnComment(threads, me);
  const waitUntil = slowMode && last !== null ? last + slowMode.seconds * 1000 : null;
  const remaining = waitUntil === null ? 0 : Math.ceil((waitUntil - now) / 1000);
  const isCounting = !isExempt && remaining > 0;

  useEffect(() => {
    if (!isCounting) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);

    return () => window.clearInterval(timer);
  }, [isCounting]);

  if (!slowMode) return null;

  return (
    <section className="notice notice--info slow-mode" aria-labelledby="slow-mode-title">
      <h3 id="slow-mode-title" className="slow-mode__title">
        {t('slowMode.title', { seconds: slowMode.seconds })}
      </h3>
      <p>{t('slowMode.reason', { reason: slowMode.reason })}</p>
      <p className="meta">
        {slowMode.isAutomatic ? t('slowMode.automatic') : t('slowMode.manual')}
        {slowMode.until && <span>{t('slowMode.until', { date: formatDate(slowMode.until) })}</span>}
        {isExempt && <span>{t('slowMode.exempt')}</span>}
      </p>
      {isCounting && (
        <p className="slow-mode__wait" aria-live="off">
          {t('slowMode.wait', { seconds: remaining })}
        </p>
      )}
    </section>
  );
}
