import { conversationLimits, type Comment } from '@razgovor/contracts';
import { useState } from 'react';
import { call } from '../../api/client';
import { errorMessage } from '../../i18n/errors';
import { useT } from '../../i18n/i18n';
import { Link } from '../../router/router';
import { FlagButton } from '../moderation/FlagDialog';
import { useThread } from './ThreadContext';

const editWindowMs = conversationLimits.editWindowMinutes * 60_000;

export function isEditable(comment: Comment, now = Date.now()): boolean {
  return now - new Date(comment.createdAt).getTime() < editWindowMs;
}

/** Reply, edit, withdraw and the permalink, each shown only to those who may use it. */
export function CommentActions({ comment }: { comment: Comment }) {
  const t = useT();
  const { me, isOpen, dispatch, openForm, setOpenForm } = useThread();
  const [error, setError] = useState<unknown>(null);
  const isOwn = !!me && comment.author.id === me.id;
  const isVisible = comment.status === 'visible';
  const isPublished = isVisible && comment.moderation.state === 'published';
  const canReply = !!me && isOpen && isPublished;
  const canFlag = !!me && me.emailConfirmed && !isOwn && isPublished;
  const canEdit = isOwn && isOpen && isVisible && isEditable(comment);
  const isReplying = openForm?.kind === 'reply' && openForm.commentId === comment.id;

  const withdraw = async () => {
    if (!window.confirm(t('comment.withdrawConfirm'))) return;
    setError(null);
    try {
      const updated = await call('withdrawComment', { params: { id: comment.id } });
      dispatch({ type: 'changed', comment: updated, own: true });
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <div className="comment__actions">
      {canReply && (
        <button
          type="button"
          className="button--link"
          aria-expanded={isReplying}
          onClick={() => setOpenForm(isReplying ? null : { kind: 'reply', commentId: comment.id })}
        >
          {t('comment.reply')}
        </button>
      )}
      {canEdit && (
        <button
          type="button"
          className="button--link"
          onClick={() => setOpenForm({ kind: 'edit', commentId: comment.id })}
        >
          {t('comment.edit')}
        </button>
      )}
      {isOwn && isVisible && (
        <button type="button" className="button--link" onClick={() => void withdraw()}>
          {t('comment.withdraw')}
        </button>
      )}
      <Link to={`/comments/${comment.id}`}>{t('comment.permalink')}</Link>
      {canFlag && <FlagButton comment={comment} />}
      {error !== null && (
        <p role="alert" className="inline-error">
          {errorMessage(t, error)}
        </p>
      )}
    </div>
  );
}
