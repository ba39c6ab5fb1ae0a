import type { StatementQueueItem } from '@razgovor/contracts';
import { useState } from 'react';
import { call } from '../../api/client';
import { errorMessage } from '../../i18n/errors';
import { useT } from '../../i18n/i18n';

/**
 * Statements in the review queue: held ones are published or rejected; reported ones are kept
 * (their reports rejected) or rejected (taken out of voting).
 */
export function StatementQueue({
  items,
  onDecided,
}: {
  items: StatementQueueItem[];
  onDecided: () => Promise<void>;
}) {
  const t = useT();
  const [error, setError] = useState<unknown>(null);

  if (items.length === 0) return null;

  const decide = async (id: string, decision: 'publish' | 'reject') => {
    setError(null);
    try {
      await call('decideStatement', { params: { id }, body: { decision } });
      await onDecided();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <section className="card" aria-labelledby="statement-queue-title">
      <h2 id="statement-queue-title">{t('opinions.queueTitle', { count: items.length })}</h2>
      {error !== null && (
        <p role="alert" className="inline-error">
          {errorMessage(t, error)}
        </p>
      )}
      <ul>
        {items.map(({ statement, queueReason, flagCount, flags }) => (
          <li key={statement.id} data-statement-id={statement.id}>
            <blockquote>{statement.body}</blockquote>
            <p className="meta">
              {queueReason === 'held'
                ? t('opinions.queueHeld', { reason: statement.holdReason ?? '' })
                : t('opinions.queueFlagged', { count: flagCount })}
              {flags.map((flag) => ` · ${t(`flagReason.${flag.reason}`)}`).join('')}
            </p>
            <button type="button" onClick={() => void decide(statement.id, 'publish')}>
              {queueReason === 'held' ? t('opinions.publish') : t('opinions.keep')}
            </button>{' '}
            <button
              type="button"
              className="button--secondary"
              onClick={() => void decide(statement.id, 'reject')}
            >
              {t('opinions.reject')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
