import type { CommentRevisionList } from '@razgovor/contracts';
import { useState } from 'react';
import { call } from '../../api/client';
import { errorMessage } from '../../i18n/errors';
import { useI18n } from '../../i18n/i18n';
import { Markdown } from '../../markdown/Markdown';

/** Earlier texts of an edited comment, for facilitators; loaded when opened. */
export function Revisions({ commentId }: { commentId: string }) {
  const { t, formatDate } = useI18n();
  const [list, setList] = useState<CommentRevisionList | null>(null);
  const [error, setError] = useState<unknown>(null);

  const handleToggle = async (isOpen: boolean) => {
    if (!isOpen || list) return;
    try {
      setList(await call('listRevisions', { params: { id: commentId } }));
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <details
      className="revisions"
      onToggle={(event) => void handleToggle(event.currentTarget.open)}
    >
      <summary>{t('comment.history')}</summary>
      {error !== null && <p role="alert">{errorMessage(t, error)}</p>}
      {!list && error === null && <p>{t('common.loading')}</p>}
      {list?.items.map((revision) => (
        <div key={revision.createdAt} className="revision">
          <p className="meta">{formatDate(revision.createdAt)}</p>
          <Markdown source={revision.body} breaks />
        </div>
      ))}
    </details>
  );
}
