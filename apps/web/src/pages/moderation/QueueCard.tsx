import {
  hideReasons,
  moderationLimits,
  type CommentDecision,
  type HideReason,
  type Me,
  type QueueItem,
} from '@razgovor/contracts';
import { useId, useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router/router';
import { authorName } from '../topic/CommentItem';
import { PersonForm } from './PersonForm';
import { RedactForm, selectionIn, type Span } from './RedactForm';

export interface Decision {
  action: CommentDecision;
  commentIds: string[];
  reason?: HideReason;
  note?: string;
}

interface QueueCardProps {
  item: QueueItem;
  me: Me;
  topicTitle: string;
  /** Another facilitator exists who can hear an appeal against this person's own decision. */
  hasColleague: boolean;
  isSelected: boolean;
  onSelect: (selected: boolean) => void;
  onDecide: (decision: Decision) => Promise<boolean>;
  onChanged: () => void;
}

/** One comment waiting for a decision, with its thread, flags, appeal and every action. */
export function QueueCard(props: QueueCardProps) {
  const { item, me, topicTitle, hasColleague, isSelected, onSelect, onDecide, onChanged } = props;
  const { t, formatDate } = useI18n();
  const id = useId();
  const bodyRef = useRef<HTMLParagraphElement>(null);
  const [reason, setReason] = useState<HideReason>('offensive');
  const [note, setNote] = useState('');
  const [span, setSpan] = useState<Span | null>(null);
  const [isRedacting, setRedacting] = useState(false);
  const { comment, appeal } = item;
  const name = authorName(comment, t('comment.deletedAuthor'));
  const state = comment.moderation.state;
  const isOpenAppeal = appeal?.outcome === 'open';
  const isForColleague = isOpenAppeal && item.hiddenBy === me.id && hasColleague;
  const canHide = state !== 'hidden' && !isForColleague;
  const canRestore = state === 'hidden' && !isForColleague;
  const canApprove = state !== 'hidden' && !isForColleague;
  const headingId = `${id}-title`;

  const decide = async (action: CommentDecision) => {
    const trimmed = note.trim();
    const isDone = await onDecide({
      action,
      commentIds: [comment.id],
      ...(action === 'hide' && { reason }),
      ...(trimmed && { note: trimmed }),
    });
    if (isDone) setNote('');
  };

  const captureSelection = () => {
    const selected = selectionIn(bodyRef.current);
    if (!selected) return;
    setSpan(selected);
    setRedacting(true);
  };

  return (
    <article
      className={`queue__item queue__item--${item.queueReason}`}
      aria-labelledby={headingId}
      data-comment-id={comment.id}
      tabIndex={-1}
    >
      <header className="queue__header">
        <input
          type="checkbox"
          className="queue__select"
          checked={isSelected}
          aria-label={t('queue.select', { name })}
          onChange={(event) => onSelect(event.target.checked)}
        />
        <h3 id={headingId} className="queue__title">
          <span className={`badge badge--${item.queueReason}`}>
            {t(`queueReason.${item.queueReason}`)}
          </span>{' '}
          {name}
        </h3>
        <p className="meta">
          <time dateTime={comment.createdAt}>{formatDate(comment.createdAt)}</time>
          <span>{topicTitle}</span>
          <span>{t(`commentState.${state}`)}</span>
          {item.flagCount > 0 && (
            <span>{t('queue.flags', { count: item.flagCount, weight: item.flagWeight })}</span>
          )}
          <Link to={`/comments/${comment.id}`}>{t('comment.permalink')}</Link>
        </p>
      </header>
      {item.root && item.root.id !== item.parent?.id && (
        <blockquote className="queue__context">
          <p className="meta">{t('queue.thread')}</p>
          <p>{item.root.body ?? t('comment.withdrawn')}</p>
        </blockquote>
      )}
      {item.parent && (
        <blockquote className="queue__context">
          <p className="meta">{t('queue.inReplyTo')}</p>
          <p>{item.parent.body ?? t('comment.withdrawn')}</p>
        </blockquote>
      )}
      <p
        ref={bodyRef}
        className="queue__body"
        onMouseUp={captureSelection}
        onKeyUp={captureSelection}
      >
        {comment.body ?? t('comment.withdrawn')}
      </p>
      {comment.moderation.reason && (
        <p className="meta">
          {t('queue.hiddenAs', { reason: t(`hideReason.${comment.moderation.reason}`) })}
        </p>
      )}
      {item.flags.length > 0 && (
        <ul className="queue__flags" aria-label={t('queue.flagList')}>
          {item.flags.map((flag, index) => (
            <li key={index}>
              {t(`flagReason.${flag.reason}`)}
              {flag.text && `: ${flag.text}`}
            </li>
          ))}
        </ul>
      )}
      {appeal && (
        <div className="queue__appeal">
          <p>
            <strong>{t('queue.appeal', { outcome: t(`appealOutcome.${appeal.outcome}`) })}</strong>
          </p>
          <p className="queue__body">{appeal.text}</p>
          {isForColleague && <p className="notice notice--info">{t('queue.forColleague')}</p>}
        </div>
      )}
      <div className="queue__decide">
        <div className="field">
          <label htmlFor={`${id}-reason`}>{t('moderation.publicReason')}</label>
          <select
            id={`${id}-reason`}
            data-shortcut="hide"
            value={reason}
            onChange={(event) => setReason(event.target.value as HideReason)}
          >
            {hideReasons.map((option) => (
              <option key={option} value={option}>
                {t(`hideReason.${option}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-note`}>{t('moderation.privateNote')}</label>
          <input
            id={`${id}-note`}
            value={note}
            maxLength={moderationLimits.noteMax}
            onChange={(event) => setNote(event.target.value)}
          />
        </div>
        <p className="actions">
          {canApprove && (
            <button type="button" onClick={() => void decide('approve')}>
              {t('decision.approve')}
            </button>
          )}
          {canHide && (
            <button type="button" className="button--danger" onClick={() => void decide('hide')}>
              {t('decision.hide')}
            </button>
          )}
          {canRestore && (
            <button type="button" onClick={() => void decide('restore')}>
              {t('decision.restore')}
            </button>
          )}
          <button
            type="button"
            className="button--secondary"
            aria-expanded={isRedacting}
            onClick={() => setRedacting(!isRedacting)}
          >
            {t('redact.open')}
          </button>
        </p>
      </div>
      {isRedacting && comment.body !== null && (
        <RedactForm
          commentId={comment.id}
          body={comment.body}
          span={span}
          onSpan={setSpan}
          onDone={() => {
            setRedacting(false);
            onChanged();
          }}
        />
      )}
      {comment.author.id && comment.author.id !== me.id && (
        <details className="queue__person">
          <summary>{t('person.title', { name })}</summary>
          <PersonForm
            conversationId={comment.conversationId}
            userId={comment.author.id}
            name={name}
            commentId={comment.id}
          />
        </details>
      )}
    </article>
  );
}
