import type { Summary, SummaryReaction } from '@razgovor/contracts';
import { useId, useState, type FormEvent } from 'react';
import { call } from '../../api/client';
import { Status } from '../../components/Status';
import { errorMessage } from '../../i18n/errors';
import { useI18n } from '../../i18n/i18n';
import { Markdown } from '../../markdown/Markdown';
import { pick } from '../../talk/text';
import { SummaryResponses } from './SummaryResponses';

interface SummaryCardProps {
  summary: Summary;
  canRespond: boolean;
  onChanged: (summary: Summary) => void;
}

/** One version of a summary with its tallies and the reader's answer to it. */
export function SummaryCard({ summary, canRespond, onChanged }: SummaryCardProps) {
  const { t, locale, formatDate } = useI18n();
  const id = useId();
  const [reaction, setReaction] = useState<SummaryReaction | null>(summary.myReaction);
  const [comment, setComment] = useState('');
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const author = summary.authorName ?? t('summary.facilitator');
  const meta = t('summary.meta', {
    version: summary.version,
    author,
    date: formatDate(summary.publishedAt),
  });

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!reaction) return;
    try {
      const text = comment.trim();
      const updated = await call('respondToSummary', {
        params: { id: summary.id },
        body: { reaction, comment: text === '' ? undefined : text },
      });
      onChanged(updated);
      setNotice({ ok: true, text: t('summary.thanks') });
    } catch (error) {
      setNotice({ ok: false, text: errorMessage(t, error) });
    }
  };

  const toggle = (value: SummaryReaction) => (
    <button
      type="button"
      aria-pressed={reaction === value}
      className="stance"
      disabled={!canRespond}
      onClick={() => setReaction(value)}
    >
      <span>{t(`summary.${value}`)}</span>{' '}
      <span className="stance__count">{summary.tallies[value]}</span>
    </button>
  );

  return (
    <div className="summary">
      <p className="meta">{meta}</p>
      <Markdown source={pick(summary.body, locale)} topHeading={3} />
      <form onSubmit={(event) => void handleSubmit(event)} className="summary__respond">
        <div role="group" aria-label={t('summary.reactionGroup')} className="stances">
          {toggle('reflects')}
          {toggle('misses')}
        </div>
        {canRespond && reaction && (
          <>
            <label htmlFor={id}>{t('summary.comment')}</label>
            <textarea
              id={id}
              rows={2}
              maxLength={2000}
              value={comment}
              onChange={(event) => setComment(event.target.value)}
            />
            <button type="submit">{t('summary.send')}</button>
          </>
        )}
        <Status tone={notice?.ok === false ? 'error' : 'success'}>{notice?.text}</Status>
      </form>
      {summary.tallies.reflects + summary.tallies.misses > 0 && (
        <SummaryResponses
          key={`${summary.tallies.reflects}-${summary.tallies.misses}`}
          summaryId={summary.id}
        />
      )}
    </div>
  );
}
