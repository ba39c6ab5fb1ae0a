import {
  breakdownDimensions,
  type ReportPoll,
  type ReportPreference,
  type ReportTag,
} from '@razgovor/contracts';
import { type MessageKey, useI18n } from '../../i18n/i18n';
import { OpinionMapChart } from '../opinions/OpinionMapChart';
import { StatementLists } from '../opinions/StatementLists';
import { BreakdownTable } from '../polls/PollBreakdown';
import { ResultBars } from '../polls/ResultBars';
import { ShiftTable } from '../polls/SurveySection';
import { pick } from '../../talk/text';

const dimensionKeys = {
  district: 'report.pollByDistrict',
  ageBand: 'report.pollByAge',
  gender: 'report.pollByGender',
} as const satisfies Record<(typeof breakdownDimensions)[number], MessageKey>;

/** One poll's chart and its breakdowns, all three shown so that the printed report has them. */
function PollResultsBlock(props: { item: ReportPoll; heading: 'h3' | 'h4'; themeIds: string[] }) {
  const { item, heading, themeIds } = props;
  const { t, locale } = useI18n();
  const { poll, results } = item;
  const Heading = heading;

  return (
    <article className="report__poll" data-poll={poll.id}>
      <Heading>{pick(poll.question, locale)}</Heading>
      <p className="meta">
        {t(`polls.kind.${poll.kind}` as MessageKey)} · {t(`polls.status.${poll.status}`)} ·{' '}
        {t('polls.respondents', { count: results.overall.respondents })}
      </p>
      <ResultBars poll={poll} tally={results.overall} />
      {poll.kind === 'open' ? (
        item.themes.length > 0 ? (
          <div className="report__answer-themes">
            <h5>{t('report.openPlaced')}</h5>
            <ul>
              {item.themes.map((theme) => (
                <li key={theme.id}>
                  {themeIds.includes(theme.id) ? (
                    <a href={`#theme-${theme.id}`}>{pick(theme.label, locale)}</a>
                  ) : (
                    pick(theme.label, locale)
                  )}{' '}
                  {t('report.openAnswers', { count: theme.answers })}
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <p>
            <a href="#report-themes">{t('report.openThemes')}</a>
          </p>
        )
      ) : (
        breakdownDimensions
          .filter((dimension) => results.breakdowns[dimension].length > 0)
          .map((dimension) => (
            <BreakdownTable
              key={dimension}
              poll={poll}
              results={results}
              dimension={dimension}
              caption={t(dimensionKeys[dimension])}
            />
          ))
      )}
    </article>
  );
}

/** The polls, surveys and opinion map a facilitator placed in the report, in their order. */
export function ReportPreferences(props: { sections: ReportPreference[]; themeIds: string[] }) {
  const { sections, themeIds } = props;
  const { t, locale } = useI18n();
  if (sections.length === 0) return null;

  return (
    <section aria-labelledby="report-preferences">
      <h2 id="report-preferences">{t('report.preferences')}</h2>
      <p className="meta">{t('report.preferencesNote')}</p>
      {sections.map((section) => {
        if (section.type === 'poll') {
          return (
            <PollResultsBlock
              key={section.poll.id}
              item={section}
              heading="h3"
              themeIds={themeIds}
            />
          );
        }

        if (section.type === 'survey') {
          return (
            <article key={section.id} className="report__survey">
              <h3>{pick(section.title, locale)}</h3>
              <p className="meta">{t('report.surveyRuns', { runs: section.runs })}</p>
              {section.questions.map((question) => (
                <PollResultsBlock
                  key={question.poll.id}
                  item={question}
                  heading="h4"
                  themeIds={themeIds}
                />
              ))}
              {section.shift && (
                <>
                  <h4>
                    {t('report.surveyShift', { from: section.shift.from, to: section.shift.to })}
                  </h4>
                  <ShiftTable shift={section.shift} />
                </>
              )}
            </article>
          );
        }

        return (
          <article key="map" className="report__map">
            <h3>{t('opinions.mapTitle')}</h3>
            <p className="meta">
              {t('report.mapMeta', { voters: section.map.voters, placed: section.map.placed })}
            </p>
            <OpinionMapChart map={section.map} isSignedIn={false} />
            <StatementLists map={section.map} />
          </article>
        );
      })}
    </section>
  );
}

/** The analysts' tags with the number of comments carrying each. */
export function TagCounts({ tags, heading }: { tags: ReportTag[]; heading: string }) {
  const { locale } = useI18n();
  if (tags.length === 0) return null;

  return (
    <div className="report__tags">
      <h4>{heading}</h4>
      <ul>
        {tags.map((tag) => (
          <li key={tag.id}>
            {pick(tag.name, locale)} <strong>{tag.comments}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}
