import type { SummaryResponseList } from '@razgovor/contracts';
import { useState } from 'react';
import { call } from '../../api/client';
import { errorMessage } from '../../i18n/errors';
import { useI18n } from '../../i18n/i18n';

/** What people wrote with their answers to one version, read only when someone opens it. */
export function SummaryResponses({ summaryId }: { summaryId: string }) {
  const { t, formatDate } = useI18n();
  const [list, setList] = useState<SummaryResponseList | null>(null);
  const [error, setError] = useState<unknown>(null);
  const written = list?.items.filter((item) => item.comment) ?? [];

  const load = async () => {
    if (list) return;
    try {
      setList(await call('listSummaryResponses', { params: { id: summaryId } }));
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <details
      className="summary__responses"
      onToggle={(event) => {
        if (event.currentTarget.open) void load();
      }}
    >
      <summary>{t('summary.responses')}</summary>
      {error !== null && <p role="alert">{errorMessage(t, error)}</p>}
      {list && written.length === 0 && <p>{t('summary.noResponses')}</p>}
      {written.length > 0 && (
        <ul>
          {written.map((item, index) => (
            <li key={index}>
              <span className="meta">
                {t(`summary.${item.reaction}`)} ·{' '}
                <time dateTime={item.createdAt}>{formatDate(item.createdAt)}</time>
              </span>
              <p>{item.comment}</p>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
