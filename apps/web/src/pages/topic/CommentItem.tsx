import type { Comment } from '@razgovor/contracts';
import { call } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { Markdown } from '../../markdown/Markdown';
import { Composer } from '../../talk/Composer';
import { ModerationNotice } from '../moderation/ModerationNotice';
import { plural } from '../../talk/text';
import { CommentActions } from './CommentActions';
import { Revisions } from './Revisions';
import { StanceButtons } from './StanceButtons';
import { useThread } from './ThreadContext';

export function authorName(comment: Comment, deleted: string): string {
  return comment.author.isDeleted || !comment.author.displayName
    ? deleted
    : comment.author.displayName;
}

/** One comment: author, time, text (or the withdrawn placeholder), stances and actions. */
export function CommentItem({ comment }: { comment: Comment }) {
  const { t, locale, formatDate } = useI18n();
  const thread = useThread();
  const { openForm, setOpenForm, dispatch, highlightId, canFacilitate, me } = thread;
  const name = authorName(comment, t('comment.deletedAuthor'));
  const headingId = `comment-${comment.id}-by`;
  const isHighlighted = highlightId === comment.id;
  const isEditing = openForm?.kind === 'edit' && openForm.commentId === comment.id;
  const isReplying = openForm?.kind === 'reply' && openForm.commentId === comment.id;
  const isWithdrawn = comment.status === 'withdrawn';
  // A thread's first comment tells how lively the thread below it is.
  const isThreadStart = comment.depth === 0 && comment.replyCount > 0;
  const className = [
    'comment',
    isHighlighted && 'comment--highlighted',
    isWithdrawn && 'comment--withdrawn',
  ]
    .filter(Boolean)
    .join(' ');

  const saveEdit = async (body: string) => {
    const updated = await call('editComment', { params: { id: comment.id }, body: { body } });
    dispatch({ type: 'changed', comment: updated, own: true });
    setOpenForm(null);
  };

  const postReply = async (body: string, clientKey: string) => {
    const posted = await call('createComment', {
      params: { id: thread.topicId },
      body: { body, parentId: comment.id, clientKey, language: locale },
    });
    dispatch({ type: 'posted', comment: posted });
    setOpenForm(null);
  };

  return (
    <article
      id={`comment-${comment.id}`}
      className={className}
      aria-labelledby={headingId}
      // Focusable from code (not by Tab): permalinks and revealed new comments move focus here.
      tabIndex={-1}
    >
      <header className="comment__header">
        <h3 id={headingId} className="comment__author">
          <span className="visually-hidden">{t('comment.by', { name: '' })}</span>
          {name}
        </h3>
        <time dateTime={comment.createdAt}>{formatDate(comment.createdAt)}</time>
        {comment.editedAt && <span className="meta">({t('comment.edited')})</span>}
        {isHighlighted && <span className="badge">{t('comment.highlighted')}</span>}
        {isThreadStart && (
          <span className="comment__activity">
            {plural(t, 'comment.replies', comment.replyCount)} ·{' '}
            {t('topic.lastActivity', { date: formatDate(comment.lastActivityAt) })}
          </span>
        )}
      </header>
      {isWithdrawn && <p className="comment__placeholder">{t('comment.withdrawn')}</p>}
      {!isWithdrawn && (
        <ModerationNotice comment={comment} isOwn={!!me && comment.author.id === me.id} />
      )}
      {!isEditing && comment.body !== null && (
        <Markdown source={comment.body} breaks className="comment__body" />
      )}
      {isEditing && comment.body !== null && (
        <Composer
          label={t('composer.editLabel')}
          submitLabel={t('composer.saveEdit')}
          initial={comment.body}
          autoFocus
          onSubmit={saveEdit}
          onCancel={() => setOpenForm(null)}
        />
      )}
      {canFacilitate && comment.editedAt && <Revisions commentId={comment.id} />}
      <StanceButtons comment={comment} />
      <CommentActions comment={comment} />
      {isReplying && (
        <Composer
          label={t('composer.replyLabel', { name })}
          submitLabel={t('composer.post')}
          autoFocus
          onSubmit={postReply}
          onCancel={() => setOpenForm(null)}
        />
      )}
    </article>
  );
}
