import type { Comment } from '@razgovor/contracts';
import { useT } from '../../i18n/i18n';
import { AppealForm } from './AppealForm';

/** What a reader sees of a comment's moderation: waiting, hidden with its reason, redacted. */
export function ModerationNotice({ comment, isOwn }: { comment: Comment; isOwn: boolean }) {
  const t = useT();
  const { state, reason, isRedacted } = comment.moderation;

  return (
    <>
      {state === 'pending' && (
        <p className="comment__placeholder comment__placeholder--pending">
          {isOwn ? t('moderation.pendingOwn') : t('moderation.pending')}
        </p>
      )}
      {state === 'hidden' && (
        <div className="comment__placeholder comment__placeholder--hidden">
          <p>
            {reason === 'flagged'
              ? t('moderation.hiddenFlagged')
              : t('moderation.hidden', { reason: t(`hideReason.${reason ?? 'other'}`) })}
          </p>
          {isOwn && comment.body !== null && <p className="meta">{t('moderation.onlyYou')}</p>}
          {isOwn && <AppealForm comment={comment} />}
        </div>
      )}
      {isRedacted && state !== 'hidden' && (
        <p className="meta comment__redacted">{t('moderation.redacted')}</p>
      )}
    </>
  );
}
