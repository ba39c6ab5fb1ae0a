import type { Statement } from '@razgovor/contracts';
import { useEffect, useState } from 'react';
import { call } from '../../api/client';
import { errorMessage } from '../../i18n/errors';
import { useT } from '../../i18n/i18n';

/** Statements held for review, with publish and reject, for facilitators. */
export function PendingStatements({
  conversationId,
  version,
}: {
  conversationId: string;
  version: number;
}) {
  const t = useT();
  const [items, setItems] = useState<Statement[]>([]);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    call('listStatements', { params: { id: conversationId }, query: { state: 'pending' } })
      .then((list) => setItems(list.items))
      .catch((failure: unknown) => setError(failure));
  }, [conversationId, version]);

  const decide = async (id: string, decision: 'publish' | 'reject') => {
    try {
      await call('decideStatement', { params: { id }, body: { decision } });
      setItems((previous) => previous.filter((item) => item.id !== id));
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <section className="card" aria-labelledby="pending-title">
      <h2 id="pending-title">{t('opinions.pending', { count: items.length })}</h2>
      {error !== null && <p role="alert">{errorMessage(t, error)}</p>}
      <ul>
        {items.map((item) => (
          <li key={item.id}>
            {item.body} <span className="meta">{item.holdReason}</span>{' '}
            <button type="button" onClick={() => void decide(item.id, 'publish')}>
              {t('opinions.publish')}
            </button>{' '}
            <button
              type="button"
              className="button--secondary"
              onClick={() => void decide(item.id, 'reject')}
            >
              {t('opinions.reject')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
