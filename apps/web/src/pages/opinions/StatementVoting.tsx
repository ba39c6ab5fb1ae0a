import type { NextStatement, StatementVote } from '@razgovor/contracts';
import { useState } from 'react';
import { call } from '../../api/client';
import { errorMessage } from '../../i18n/errors';
import { useT } from '../../i18n/i18n';
import { FlagButton } from '../moderation/FlagDialog';

interface StatementVotingProps {
  next: NextStatement | null;
  onVoted: () => void;
}

const choices: StatementVote[] = ['agree', 'disagree', 'pass'];

/** One statement at a time: agree, disagree or pass, then the next one. */
export function StatementVoting({ next, onVoted }: StatementVotingProps) {
  const t = useT();
  const [error, setError] = useState<unknown>(null);
  const [isSaving, setSaving] = useState(false);

  if (!next) return null;
  const { statement } = next;

  const handleVote = async (vote: StatementVote) => {
    if (!statement) return;
    setSaving(true);
    setError(null);
    try {
      await call('voteOnStatement', { params: { id: statement.id }, body: { vote } });
      onVoted();
    } catch (failure) {
      setError(failure);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="card voting" aria-labelledby="voting-title">
      <h2 id="voting-title">{t('opinions.voteTitle')}</h2>
      <p className="meta" aria-live="polite">
        {t('opinions.progress', { voted: next.voted, remaining: next.remaining })}
      </p>
      {statement ? (
        <>
          <blockquote className="voting__statement" data-statement-id={statement.id}>
            {statement.body}
          </blockquote>
          <div role="group" aria-label={t('opinions.yourVote')} className="voting__buttons">
            {choices.map((choice) => (
              <button
                key={choice}
                type="button"
                className={choice === 'pass' ? 'button--secondary' : undefined}
                disabled={isSaving}
                onClick={() => void handleVote(choice)}
              >
                {t(`opinions.vote.${choice}`)}
              </button>
            ))}
          </div>
          {!statement.isMine && <FlagButton key={statement.id} statementId={statement.id} />}
        </>
      ) : (
        <p>{t('opinions.allVoted')}</p>
      )}
      {error !== null && (
        <p role="alert" className="inline-error">
          {errorMessage(t, error)}
        </p>
      )}
    </section>
  );
}
