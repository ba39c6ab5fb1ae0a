import type { Poll, PollAnswerInput } from '@razgovor/contracts';
import { useState } from 'react';
import { call } from '../../api/client';
import { errorMessage } from '../../i18n/errors';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router/router';
import { useSession } from '../../session/session';
import { pick } from '../../talk/text';
import { PollAnswerForm } from './PollAnswerForm';
import { PollBreakdown } from './PollBreakdown';
import { ResultBars } from './ResultBars';

interface PollCardProps {
  poll: Poll;
  canFacilitate: boolean;
  onChanged: (poll: Poll) => void;
}

/** One poll: its question, the reader's answer, and the results when they may be seen. */
export function PollCard({ poll, canFacilitate, onChanged }: PollCardProps) {
  const { t, locale, formatDate } = useI18n();
  const { me } = useSession();
  const [error, setError] = useState<unknown>(null);
  const [isSaving, setSaving] = useState(false);
  const headingId = `poll-${poll.id}-question`;
  const canAnswer = poll.status === 'open' && !!me;

  const act = async (action: () => Promise<Poll>) => {
    setSaving(true);
    setError(null);
    try {
      onChanged(await action());
    } catch (failure) {
      setError(failure);
    } finally {
      setSaving(false);
    }
  };

  const handleAnswer = (body: PollAnswerInput) =>
    void act(() => call('answerPoll', { params: { id: poll.id }, body }));
  const handleClose = () => void act(() => call('closePoll', { params: { id: poll.id } }));

  return (
    <article className="card poll" aria-labelledby={headingId} data-poll-id={poll.id}>
      <h3 id={headingId}>{pick(poll.question, locale)}</h3>
      <p className="meta">
        <span className={`badge badge--${poll.status === 'open' ? 'open' : 'closed'}`}>
          {t(`polls.status.${poll.status}`)}
        </span>
        <span aria-live="polite" data-testid="respondents">
          {t('polls.respondents', { count: poll.respondents })}
        </span>
        {poll.status === 'scheduled' && poll.opensAt && (
          <span>{t('polls.opensAt', { date: formatDate(poll.opensAt) })}</span>
        )}
        {poll.status === 'open' && poll.closesAt && (
          <span>{t('polls.closesAt', { date: formatDate(poll.closesAt) })}</span>
        )}
      </p>
      {canAnswer && (
        <PollAnswerForm
          key={JSON.stringify(poll.myAnswer)}
          poll={poll}
          isSaving={isSaving}
          onSubmit={handleAnswer}
        />
      )}
      {poll.status === 'open' && !me && (
        <p>
          <Link to="/sign-in">{t('polls.signInToAnswer')}</Link>
        </p>
      )}
      {poll.myAnswer && poll.status !== 'closed' && <p className="success">{t('polls.saved')}</p>}
      {error !== null && (
        <p role="alert" className="inline-error">
          {errorMessage(t, error)}
        </p>
      )}
      <section aria-label={t('polls.results')} className="poll__results" aria-live="polite">
        {poll.results ? (
          <>
            <ResultBars poll={poll} tally={poll.results} />
            <PollBreakdown poll={poll} />
          </>
        ) : (
          <p className="meta">
            {poll.resultVisibility === 'after-close'
              ? t('polls.resultsAfterClose')
              : t('polls.resultsAfterAnswer')}
          </p>
        )}
      </section>
      {canFacilitate && poll.status !== 'closed' && (
        <button
          type="button"
          className="button--secondary"
          disabled={isSaving}
          onClick={handleClose}
        >
          {t('polls.close')}
        </button>
      )}
    </article>
  );
}
