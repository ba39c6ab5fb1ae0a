import type { Breakdown, InsightReport, Locale } from '@razgovor/contracts';
import { useEffect } from 'react';
import { call } from '../../api/client';
import { Page } from '../../components/Page';
import { type MessageKey, useI18n } from '../../i18n/i18n';
import { Markdown } from '../../markdown/Markdown';
import { Link, useParams, useSearchParam } from '../../router/router';
import { LoadState } from '../../talk/LoadState';
import { pick } from '../../talk/text';
import { useLoad } from '../../talk/useLoad';
import { BalanceBar, BarChart, ColumnChart } from './Charts';
import { ReportPreferences, TagCounts } from './ReportPreferences';

const percent = (value: number) => `${(value * 100).toFixed(1).replace(/\.0$/, '')}%`;

/** The public insight report of a conversation; also what the PDF is printed from. */
export function ReportPage() {
  const { t, locale, setLocale, formatDate } = useI18n();
  const { id = '' } = useParams();
  const lang = useSearchParam('lang');
  const { data, error } = useLoad(`report:${id}`, (signal) =>
    call('getReport', { params: { id }, signal }),
  );

  useEffect(() => {
    if ((lang === 'bg' || lang === 'en') && lang !== locale) setLocale(lang as Locale);
  }, [lang, locale, setLocale]);

  if (!data) return <LoadState error={error} />;

  const report: InsightReport = data;
  const { participation } = report;
  const title = t('report.title', { title: pick(report.conversation.title, locale) });
  const fileBase = `/api/conversations/${report.conversation.id}/report`;
  const breakdownChart = (heading: string, breakdown: Breakdown, name: (key: string) => string) => (
    <section className="report__breakdown">
      <h3>{heading}</h3>
      <BarChart
        title={heading}
        description={t('report.breakdownDescription')}
        bars={breakdown.rows.map((row) => ({
          label: name(row.key),
          value: row.share,
          reference: row.populationShare,
        }))}
        format={percent}
        valueLabel={t('report.shareOfParticipants')}
        referenceLabel={t('report.shareOfPopulation')}
        emptyLabel={t('report.suppressed')}
      />
      <p className="meta">
        {t('report.notStated', { count: breakdown.notStated ?? t('report.suppressed') })}{' '}
        {t('report.source')}:{' '}
        <a href={breakdown.source.url}>{pick(breakdown.source.name, locale)}</a>.{' '}
        {pick(breakdown.source.note, locale)}
      </p>
    </section>
  );

  return (
    <Page title={title} width="wide">
      <div className="report" data-report-ready="">
        {!report.publishedAt && <p className="notice">{t('report.preview')}</p>}
        <p className="report__downloads no-print">
          <a href={`${fileBase}.pdf?lang=${locale}`} download>
            {t('report.downloadPdf')}
          </a>{' '}
          <a href={`${fileBase}.md?lang=${locale}`} download>
            {t('report.downloadMarkdown')}
          </a>{' '}
          <button type="button" onClick={() => window.print()}>
            {t('report.print')}
          </button>
        </p>
        {pick(report.introduction, locale) && (
          <Markdown source={pick(report.introduction, locale)} topHeading={2} />
        )}

        <section aria-labelledby="report-participation">
          <h2 id="report-participation">{t('report.participation')}</h2>
          <p>
            {t('report.totals', {
              people: participation.people,
              comments: participation.comments,
              replies: participation.replies,
            })}
          </p>
          <ColumnChart
            title={t('report.overTime')}
            description={t('report.overTimeDescription')}
            columns={participation.weekly.map((week) => ({
              label: week.week,
              values: [week.comments, week.replies],
            }))}
            seriesLabels={[t('report.comments'), t('report.replies')]}
          />
          {breakdownChart(t('report.byDistrict'), participation.byDistrict, (key) =>
            t(`district.${key}` as MessageKey),
          )}
          {breakdownChart(t('report.byAge'), participation.byAgeBand, (key) =>
            t(`ageBand.${key}` as MessageKey),
          )}
          {breakdownChart(t('report.byGender'), participation.byGender, (key) =>
            t(`gender.${key}` as MessageKey),
          )}
        </section>

        <section aria-labelledby="report-themes">
          <h2 id="report-themes">{t('report.themes')}</h2>
          {report.themes.length === 0 && <p>{t('report.noThemes')}</p>}
          {report.themes.map((theme) => {
            const decisions = report.decisions.filter((decision) =>
              theme.decisionIds.includes(decision.id),
            );
            const districts = theme.districts.filter((row) => row.comments !== null);

            return (
              <article key={theme.id} id={`theme-${theme.id}`} className="report__theme">
                <h3>{pick(theme.label, locale)}</h3>
                <p>
                  {t('report.themeSize', { count: theme.size, share: percent(theme.share) })}{' '}
                  {t('report.balance', { agree: theme.agree, disagree: theme.disagree })}
                </p>
                <BalanceBar
                  agree={theme.agree}
                  disagree={theme.disagree}
                  label={t('report.balance', { agree: theme.agree, disagree: theme.disagree })}
                />
                <ColumnChart
                  title={t('report.themeTrend')}
                  description={t('report.overTimeDescription')}
                  columns={theme.weekly.map((week) => ({
                    label: week.week,
                    values: [week.comments],
                  }))}
                  seriesLabels={[t('report.comments')]}
                />
                {districts.length > 0 && (
                  <BarChart
                    title={t('report.themeDistricts')}
                    description={t('report.themeDistrictsDescription')}
                    bars={districts.map((row) => ({
                      label: t(`district.${row.key}` as MessageKey),
                      value: row.comments,
                    }))}
                    format={(value) => String(value)}
                    valueLabel={t('report.comments')}
                    emptyLabel={t('report.suppressed')}
                  />
                )}
                <TagCounts tags={theme.tags} heading={t('report.themeTags')} />
                <h4>{t('report.quotes')}</h4>
                {theme.quotes.map((quote) => (
                  <blockquote key={quote.commentId} className="report__quote">
                    <p>{quote.text}</p>
                    <footer>
                      <Link to={quote.path}>{t('report.inThread')}</Link>
                    </footer>
                  </blockquote>
                ))}
                {decisions.length > 0 && (
                  <div className="report__decisions">
                    <h4>{t('report.weDid')}</h4>
                    <ul>
                      {decisions.map((decision) => (
                        <li key={decision.id}>{pick(decision.text, locale)}</li>
                      ))}
                    </ul>
                  </div>
                )}
              </article>
            );
          })}
        </section>

        {report.tags.length > 0 && (
          <section aria-labelledby="report-tags">
            <h2 id="report-tags">{t('report.tags')}</h2>
            <p className="meta">{t('report.tagsNote')}</p>
            <TagCounts tags={report.tags} heading={t('report.tagsOverall')} />
          </section>
        )}

        <ReportPreferences
          sections={report.preferences}
          themeIds={report.themes.map((theme) => theme.id)}
        />

        <section aria-labelledby="report-decisions">
          <h2 id="report-decisions">{t('report.youSaidWeDid')}</h2>
          <ul>
            {report.decisions.map((decision) => {
              const themes = report.themes.filter((theme) => decision.themeIds.includes(theme.id));

              return (
                <li key={decision.id}>
                  {pick(decision.text, locale)}
                  {themes.length > 0 &&
                    ` (${t('report.informedBy')}: ${themes.map((theme) => pick(theme.label, locale)).join(', ')})`}
                </li>
              );
            })}
          </ul>
        </section>

        <section aria-labelledby="report-summaries">
          <h2 id="report-summaries">{t('report.summaries')}</h2>
          {report.summaries.map((summary) => (
            <article key={summary.id} className="report__summary">
              <h3>{pick(summary.topic, locale)}</h3>
              <Markdown source={pick(summary.body, locale)} topHeading={4} />
              <p className="meta">
                {t('report.answers', { reflects: summary.reflects, misses: summary.misses })}
              </p>
              {summary.answers.map((answer, index) => (
                <blockquote key={index} className="report__quote">
                  <p>{answer.comment}</p>
                </blockquote>
              ))}
            </article>
          ))}
        </section>

        <section aria-labelledby="report-ledger">
          <h2 id="report-ledger">{t('report.ledger')}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('report.week')}</th>
                <th scope="col">{t('report.held')}</th>
                <th scope="col">{t('report.hidden')}</th>
                <th scope="col">{t('report.restored')}</th>
              </tr>
            </thead>
            <tbody>
              {report.ledger.weeks.map((week) => (
                <tr key={week.week}>
                  <th scope="row">{week.week}</th>
                  <td>{week.held}</td>
                  <td>{week.hidden}</td>
                  <td>{week.restored}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>

        <section aria-labelledby="report-run">
          <h2 id="report-run">{t('report.themeRun')}</h2>
          {report.themeRun ? (
            <>
              <p>
                {t('report.runText', {
                  number: report.themeRun.number,
                  count: report.themeRun.inputCount,
                  version: report.themeRun.codeVersion,
                })}
              </p>
              <pre>{JSON.stringify(report.themeRun.parameters, null, 2)}</pre>
            </>
          ) : (
            <p>{t('report.noRun')}</p>
          )}
          <p className="meta">{t('report.generated', { date: formatDate(report.generatedAt) })}</p>
        </section>
      </div>
    </Page>
  );
}
