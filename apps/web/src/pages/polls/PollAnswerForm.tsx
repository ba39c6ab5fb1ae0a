import type { Poll, PollAnswerInput } from '@razgovor/contracts';
import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/i18n';
import { pick } from '../../talk/text';
import { formatNumber } from './format';

interface PollAnswerFormProps {
  poll: Poll;
  isSaving: boolean;
  onSubmit: (answer: PollAnswerInput) => void;
}

function initialRanking(poll: Poll): string[] {
  const ids = poll.options.map((option) => option.id);
  if (poll.myAnswer?.kind === 'ranking') return poll.myAnswer.optionIds;

  return ids;
}

function initialAmounts(poll: Poll): Record<string, string> {
  const given =
    poll.myAnswer?.kind === 'budget'
      ? Object.fromEntries(poll.myAnswer.allocations.map((a) => [a.optionId, String(a.amount)]))
      : {};

  return Object.fromEntries(poll.options.map((option) => [option.id, given[option.id] ?? '']));
}

/** The answer form of one poll, shaped by its kind; it starts from the reader's own answer. */
export function PollAnswerForm({ poll, isSaving, onSubmit }: PollAnswerFormProps) {
  const { t, locale } = useI18n();
  const mine = poll.myAnswer;
  const [single, setSingle] = useState(mine?.kind === 'single' ? mine.optionId : '');
  const [multiple, setMultiple] = useState<string[]>(
    mine?.kind === 'multiple' ? mine.optionIds : [],
  );
  const [ranking, setRanking] = useState(() => initialRanking(poll));
  const [scale, setScale] = useState(mine?.kind === 'scale' ? mine.value : 0);
  const [amounts, setAmounts] = useState(() => initialAmounts(poll));
  const [text, setText] = useState(mine?.kind === 'open' ? mine.text : '');
  const name = `poll-${poll.id}`;
  const labelOf = (id: string) =>
    pick(poll.options.find((option) => option.id === id)?.label ?? { bg: '', en: '' }, locale);
  const spent = Object.values(amounts).reduce((sum, value) => sum + (Number(value) || 0), 0);
  const remaining = (poll.budgetTotal ?? 0) - spent;
  const isOverMax = poll.kind === 'multiple' && multiple.length > (poll.maxChoices ?? 0);

  const build = (): PollAnswerInput | null => {
    switch (poll.kind) {
      case 'single':
        return single ? { kind: 'single', optionId: single } : null;
      case 'multiple':
        return multiple.length > 0 ? { kind: 'multiple', optionIds: multiple } : null;
      case 'ranking':
        return { kind: 'ranking', optionIds: ranking };
      case 'scale':
        return scale > 0 ? { kind: 'scale', value: scale } : null;
      case 'budget':
        return {
          kind: 'budget',
          allocations: poll.options.map((option) => ({
            optionId: option.id,
            amount: Number(amounts[option.id]) || 0,
          })),
        };
      case 'open':
        return text.trim() ? { kind: 'open', text } : null;
    }
  };

  const answer = build();

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (answer) onSubmit(answer);
  };

  const move = (index: number, step: number) => {
    const next = [...ranking];
    const [item] = next.splice(index, 1);
    next.splice(index + step, 0, item!);
    setRanking(next);
  };

  const toggle = (id: string) =>
    setMultiple((previous) =>
      previous.includes(id) ? previous.filter((item) => item !== id) : [...previous, id],
    );

  return (
    <form onSubmit={handleSubmit} className="poll-form" aria-label={t('polls.answerForm')}>
      <fieldset>
        <legend className="visually-hidden">{pick(poll.question, locale)}</legend>
        {poll.kind === 'single' &&
          poll.options.map((option) => (
            <label key={option.id} className="choice">
              <input
                type="radio"
                name={name}
                checked={single === option.id}
                onChange={() => setSingle(option.id)}
              />{' '}
              {pick(option.label, locale)}
            </label>
          ))}
        {poll.kind === 'multiple' && (
          <>
            <p className="field__hint">{t('polls.chooseAtMost', { max: poll.maxChoices ?? 0 })}</p>
            {poll.options.map((option) => (
              <label key={option.id} className="choice">
                <input
                  type="checkbox"
                  checked={multiple.includes(option.id)}
                  onChange={() => toggle(option.id)}
                />{' '}
                {pick(option.label, locale)}
              </label>
            ))}
          </>
        )}
        {poll.kind === 'ranking' && (
          <>
            <p className="field__hint">{t('polls.rankHint')}</p>
            <ol className="ranking">
              {ranking.map((id, index) => (
                <li key={id}>
                  <span>{labelOf(id)}</span>
                  <button
                    type="button"
                    disabled={index === 0}
                    aria-label={t('polls.moveUp', { option: labelOf(id) })}
                    onClick={() => move(index, -1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    disabled={index === ranking.length - 1}
                    aria-label={t('polls.moveDown', { option: labelOf(id) })}
                    onClick={() => move(index, 1)}
                  >
                    ↓
                  </button>
                </li>
              ))}
            </ol>
          </>
        )}
        {poll.kind === 'scale' && (
          <div className="scale" role="radiogroup" aria-label={t('polls.scaleLabel')}>
            {[1, 2, 3, 4, 5].map((value) => (
              <label key={value} className="choice choice--scale">
                <input
                  type="radio"
                  name={name}
                  checked={scale === value}
                  onChange={() => setScale(value)}
                />{' '}
                {value}{' '}
                <span className="field__hint">{t(`polls.scale.${value}` as 'polls.scale.1')}</span>
              </label>
            ))}
          </div>
        )}
        {poll.kind === 'budget' && (
          <>
            <p className="field__hint">
              {t('polls.budgetHint', { total: formatNumber(locale, poll.budgetTotal ?? 0) })}
            </p>
            {poll.options.map((option) => (
              <label key={option.id} className="budget-line">
                <span>{pick(option.label, locale)}</span>
                <input
                  type="number"
                  inputMode="numeric"
                  min={0}
                  step={1}
                  value={amounts[option.id]}
                  onChange={(event) =>
                    setAmounts((previous) => ({ ...previous, [option.id]: event.target.value }))
                  }
                />{' '}
                {t('polls.leva')}
              </label>
            ))}
            <p aria-live="polite" className={remaining === 0 ? 'budget-ok' : 'budget-off'}>
              {remaining === 0
                ? t('polls.budgetBalanced')
                : t('polls.budgetRemaining', { amount: formatNumber(locale, remaining) })}
            </p>
          </>
        )}
        {poll.kind === 'open' && (
          <label className="field">
            <span className="visually-hidden">{t('polls.openLabel')}</span>
            <textarea
              value={text}
              maxLength={2000}
              rows={3}
              onChange={(event) => setText(event.target.value)}
            />
          </label>
        )}
      </fieldset>
      <button
        type="submit"
        disabled={isSaving || !answer || isOverMax || (poll.kind === 'budget' && remaining !== 0)}
      >
        {mine ? t('polls.change') : t('polls.send')}
      </button>
    </form>
  );
}
