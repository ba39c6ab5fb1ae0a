import {
  breakdownDimensions,
  type BreakdownDimension,
  type Poll,
  type PollResults,
} from '@razgovor/contracts';
import { useState } from 'react';
import { call } from '../../api/client';
import { errorMessage } from '../../i18n/errors';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { pick } from '../../talk/text';
import { formatNumber } from './format';

const dimensionKeys: Record<BreakdownDimension, MessageKey> = {
  district: 'polls.byDistrict',
  ageBand: 'polls.byAgeBand',
  gender: 'polls.byGender',
};

/** Results by district, age band or gender as a table; small groups show as hidden. */
export function PollBreakdown({ poll }: { poll: Poll }) {
  const { t } = useI18n();
  const [results, setResults] = useState<PollResults | null>(null);
  const [dimension, setDimension] = useState<BreakdownDimension>('district');
  const [error, setError] = useState<unknown>(null);

  const load = async () => {
    try {
      setResults(await call('getPollResults', { params: { id: poll.id } }));
      setError(null);
    } catch (failure) {
      setError(failure);
    }
  };

  if (poll.kind === 'open') return null;
  if (!results) {
    return (
      <>
        <button type="button" className="button--link" onClick={() => void load()}>
          {t('polls.showBreakdown')}
        </button>
        {error !== null && <p role="alert">{errorMessage(t, error)}</p>}
      </>
    );
  }

  return (
    <div className="breakdown">
      <div role="group" aria-label={t('polls.breakdownBy')} className="breakdown__tabs">
        {breakdownDimensions.map((item) => (
          <button
            key={item}
            type="button"
            aria-pressed={item === dimension}
            onClick={() => setDimension(item)}
          >
            {t(dimensionKeys[item])}
          </button>
        ))}
        <button type="button" className="button--link" onClick={() => void load()}>
          {t('polls.refresh')}
        </button>
      </div>
      <BreakdownTable poll={poll} results={results} dimension={dimension} />
    </div>
  );
}

/** One breakdown of a poll's results as a table; small groups, and those that would give them away, show as hidden. */
export function BreakdownTable(props: {
  poll: Poll;
  results: PollResults;
  dimension: BreakdownDimension;
  caption?: string;
}) {
  const { poll, results, dimension } = props;
  const { t, locale } = useI18n();
  const groupName = (value: string | null) =>
    value === null ? t('polls.notStated') : t(`${dimension}.${value}` as MessageKey);
  const columns =
    poll.kind === 'scale'
      ? [{ id: 'mean', label: t('polls.mean') }]
      : poll.options.map((option) => ({ id: option.id, label: pick(option.label, locale) }));
  const cell = (tally: NonNullable<PollResults['overall']>, id: string) => {
    if (id === 'mean') return tally.mean === null ? '–' : formatNumber(locale, tally.mean, 2);
    const option = tally.options.find((item) => item.optionId === id);
    const value = poll.kind === 'single' || poll.kind === 'multiple' ? option?.count : option?.mean;

    return value === null || value === undefined
      ? t('polls.hiddenCell')
      : formatNumber(locale, value, 2);
  };

  return (
    <div className="table-scroll">
      <table>
        <caption>{props.caption ?? t('polls.breakdownCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t(dimensionKeys[dimension])}</th>
            <th scope="col">{t('polls.people')}</th>
            {columns.map((column) => (
              <th key={column.id} scope="col">
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {results.breakdowns[dimension].map((group) => (
            <tr key={group.value ?? 'none'}>
              <th scope="row">{groupName(group.value)}</th>
              <td>{group.tally ? group.tally.respondents : t('polls.hiddenGroup')}</td>
              {columns.map((column) => (
                <td key={column.id}>{group.tally ? cell(group.tally, column.id) : '–'}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
