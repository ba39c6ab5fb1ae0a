import type { PublicThemes as PublicThemesView } from '@razgovor/contracts';
import { useEffect, useState } from 'react';
import { call } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { Bars } from '../polls/ResultBars';
import { QuoteSource } from './QuoteSource';
import './themes.css';

/** The published overview of themes on the conversation page; nothing until it is published. */
export function PublicThemes({ conversationId }: { conversationId: string }) {
  const { t, formatDate } = useI18n();
  const [view, setView] = useState<PublicThemesView | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    call('getPublicThemes', { params: { id: conversationId }, signal: controller.signal })
      .then(setView)
      // The overview is an extra: without it the conversation page is still whole.
      .catch(() => undefined);

    return () => controller.abort();
  }, [conversationId]);

  if (!view || view.themes.length === 0) return null;
  const bars = view.themes.map((theme) => ({
    label: theme.label,
    value: theme.size,
    text: t('publicThemes.share', { share: Math.round(theme.share * 100) }),
  }));

  return (
    <section className="card public-themes" aria-labelledby="public-themes-heading">
      <h2 id="public-themes-heading">{t('publicThemes.title')}</h2>
      {view.runNumber !== null && view.updatedAt && (
        <p className="meta">
          {t('publicThemes.run', { number: view.runNumber, date: formatDate(view.updatedAt) })}
        </p>
      )}
      <Bars
        bars={bars}
        max={Math.max(...bars.map((bar) => bar.value))}
        label={t('publicThemes.title')}
      />
      <ul className="quote-list">
        {view.themes.map((theme) => (
          <li key={theme.id}>
            <h3>{theme.label}</h3>
            {theme.quotes.slice(0, 1).map((quote) => (
              <p key={quote.id}>
                <q lang={quote.language}>{quote.body}</q>{' '}
                <QuoteSource quote={quote} conversationId={view.conversationId} />
              </p>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
