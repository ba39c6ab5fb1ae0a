import type { Poll, Survey, SurveyShift } from '@razgovor/contracts';
import { useState } from 'react';
import { call } from '../../api/client';
import { errorMessage } from '../../i18n/errors';
import { useI18n } from '../../i18n/i18n';
import { pick } from '../../talk/text';
import { formatNumber } from './format';
import { PollCard } from './PollCard';

interface SurveySectionProps {
  survey: Survey;
  canFacilitate: boolean;
  onPollChanged: (poll: Poll) => void;
  onSurveyChanged: (survey: Survey) => void;
}

/** The change of each question and option between two runs, overall and for the panel. */
export function ShiftTable({ shift }: { shift: SurveyShift }) {
  const { t, locale } = useI18n();
  const figure = (value: number | null) => (value === null ? '–' : formatNumber(locale, value, 2));
  const signed = (value: number | null) =>
    value === null ? '–' : `${value > 0 ? '+' : ''}${formatNumber(locale, value, 2)}`;

  return (
    <div className="table-scroll">
      <table>
        <caption>{t('surveys.shiftCaption', { from: shift.from, to: shift.to })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('surveys.item')}</th>
            <th scope="col">{t('surveys.before')}</th>
            <th scope="col">{t('surveys.after')}</th>
            <th scope="col">{t('surveys.change')}</th>
            <th scope="col">{t('surveys.panelChange')}</th>
          </tr>
        </thead>
        <tbody>
          {shift.questions.flatMap((question) => {
            const title = pick(question.question, locale);
            if (question.kind === 'scale') {
              return [
                <tr key={question.position}>
                  <th scope="row">{t('surveys.meanOf', { question: title })}</th>
                  <td>{figure(question.overall.before?.mean ?? null)}</td>
                  <td>{figure(question.overall.after?.mean ?? null)}</td>
                  <td>{signed(question.overall.meanChange)}</td>
                  <td>
                    {question.panel ? signed(question.panel.meanChange) : t('polls.hiddenGroup')}
                  </td>
                </tr>,
              ];
            }

            return question.overall.options.map((option, index) => (
              <tr key={`${question.position}-${option.optionId}`}>
                <th scope="row">
                  {title}: {pick(question.options[index]!.label, locale)}
                </th>
                <td>{figure(option.before)}</td>
                <td>{figure(option.after)}</td>
                <td>{signed(option.change)}</td>
                <td>
                  {question.panel
                    ? signed(question.panel.options[index]?.change ?? null)
                    : t('polls.hiddenGroup')}
                </td>
              </tr>
            ));
          })}
        </tbody>
      </table>
      <p className="field__hint">{t('surveys.shiftHint')}</p>
    </div>
  );
}

/** A survey's runs side by side, a facilitator's next run, and the shift between runs. */
export function SurveySection(props: SurveySectionProps) {
  const { survey, canFacilitate, onPollChanged, onSurveyChanged } = props;
  const { t, locale } = useI18n();
  const [shift, setShift] = useState<SurveyShift | null>(null);
  const [error, setError] = useState<unknown>(null);
  const lastRun = survey.runs.length;

  const run = async (action: () => Promise<void>) => {
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(failure);
    }
  };

  const handleShift = () =>
    void run(async () =>
      setShift(
        await call('getSurveyShift', {
          params: { id: survey.id },
          query: { from: 1, to: lastRun },
        }),
      ),
    );
  const handleNewRun = () =>
    void run(async () =>
      onSurveyChanged(await call('startSurveyRun', { params: { id: survey.id }, body: {} })),
    );

  return (
    <section className="survey" aria-labelledby={`survey-${survey.id}`}>
      <h2 id={`survey-${survey.id}`}>{pick(survey.title, locale)}</h2>
      {survey.runs.map((surveyRun) => (
        <details key={surveyRun.number} open={surveyRun.number === lastRun}>
          <summary>{t('surveys.run', { number: surveyRun.number })}</summary>
          {surveyRun.polls.map((poll) => (
            <PollCard
              key={poll.id}
              poll={poll}
              canFacilitate={canFacilitate}
              onChanged={onPollChanged}
            />
          ))}
        </details>
      ))}
      <p className="actions">
        {lastRun > 1 && (
          <button type="button" onClick={handleShift}>
            {t('surveys.showShift')}
          </button>
        )}
        {canFacilitate && (
          <button type="button" className="button--secondary" onClick={handleNewRun}>
            {t('surveys.newRun')}
          </button>
        )}
      </p>
      {error !== null && <p role="alert">{errorMessage(t, error)}</p>}
      {shift && <ShiftTable shift={shift} />}
    </section>
  );
}
