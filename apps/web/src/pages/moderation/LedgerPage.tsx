import { placeholderReasons, type Ledger, type PlaceholderReason } from '@razgovor/contracts';
import { useEffect, useState } from 'react';
import { call } from '../../api/client';
import { Page } from '../../components/Page';
import { errorMessage } from '../../i18n/errors';
import { useI18n } from '../../i18n/i18n';
import { Link, useParams } from '../../router/router';
import { LoadState } from '../../talk/LoadState';
import { pick } from '../../talk/text';
import { useConversation } from './useConversation';

const series = ['held', 'hidden', 'restored'] as const;

/** Grouped bars per week; the table below carries the same numbers for screen readers. */
function LedgerChart({ ledger }: { ledger: Ledger }) {
  const { t } = useI18n();
  const weeks = ledger.weeks;
  const top = Math.max(1, ...weeks.flatMap((week) => series.map((name) => week[name])));
  const groupWidth = 48;
  const barWidth = 12;
  const height = 160;
  const width = Math.max(240, weeks.length * groupWidth + 40);

  return (
    <figure className="ledger__chart">
      <svg
        viewBox={`0 0 ${width} ${height + 40}`}
        role="img"
        aria-labelledby="ledger-chart-title"
        preserveAspectRatio="xMinYMin meet"
      >
        <title id="ledger-chart-title">{t('ledger.chartTitle')}</title>
        <line x1={30} x2={width} y1={height} y2={height} className="ledger__axis" />
        <text x={0} y={12} className="ledger__tick">
          {top}
        </text>
        <text x={0} y={height} className="ledger__tick">
          0
        </text>
        {weeks.map((week, index) => {
          const x = 40 + index * groupWidth;

          return (
            <g key={week.week}>
              {series.map((name, position) => {
                const barHeight = (week[name] / top) * (height - 10);

                return (
                  <rect
                    key={name}
                    x={x + position * barWidth}
                    y={height - barHeight}
                    width={barWidth - 2}
                    height={barHeight}
                    className={`ledger__bar ledger__bar--${name}`}
                  />
                );
              })}
              <text x={x} y={height + 16} className="ledger__tick">
                {week.week.slice(5)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="ledger__legend">
        {series.map((name) => (
          <span key={name}>
            <span className={`ledger__swatch ledger__bar--${name}`} aria-hidden="true" />
            {t(`ledger.${name}`)}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

export function LedgerPage() {
  const { t, locale } = useI18n();
  const { id = '' } = useParams();
  const { data, error } = useConversation(id);
  const [ledger, setLedger] = useState<Ledger | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const conversationId = data?.conversation.id;

  useEffect(() => {
    if (!conversationId) return;
    const controller = new AbortController();
    call('moderationLedger', { params: { id: conversationId }, signal: controller.signal })
      .then(setLedger)
      .catch((problem: unknown) => {
        if (!controller.signal.aborted) setFailure(problem);
      });

    return () => controller.abort();
  }, [conversationId]);

  if (!data) return <LoadState error={error} />;

  const reasons = [
    ...new Set(ledger?.weeks.flatMap((week) => Object.keys(week.hiddenByReason)) ?? []),
  ];
  const reasonLabel = (reason: string) =>
    (placeholderReasons as readonly string[]).includes(reason)
      ? t(`hideReason.${reason as PlaceholderReason}`)
      : reason;

  return (
    <Page title={t('ledger.title')} width="wide">
      <p className="breadcrumb">
        <Link to={`/conversations/${data.conversation.slug}`}>
          {t('topic.back', { title: pick(data.conversation.title, locale) })}
        </Link>
      </p>
      <p className="lead-text">{t('ledger.intro')}</p>
      {failure !== null && <p role="alert">{errorMessage(t, failure)}</p>}
      {!ledger && failure === null && <p role="status">{t('common.loading')}</p>}
      {ledger?.weeks.length === 0 && <p>{t('ledger.empty')}</p>}
      {ledger && ledger.weeks.length > 0 && (
        <>
          <LedgerChart ledger={ledger} />
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t('ledger.table')}>
            <table className="table">
              <caption>{t('ledger.table')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('ledger.week')}</th>
                  {series.map((name) => (
                    <th key={name} scope="col">
                      {t(`ledger.${name}`)}
                    </th>
                  ))}
                  {reasons.map((reason) => (
                    <th key={reason} scope="col">
                      {t('ledger.hiddenAs', { reason: reasonLabel(reason) })}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {ledger.weeks.map((week) => (
                  <tr key={week.week}>
                    <th scope="row">{week.week}</th>
                    {series.map((name) => (
                      <td key={name}>{week[name]}</td>
                    ))}
                    {reasons.map((reason) => (
                      <td key={reason}>{week.hiddenByReason[reason] ?? 0}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Page>
  );
}
