import {
  hideReasons,
  queueReasons,
  type HideReason,
  type Me,
  type QueueReason,
} from '@razgovor/contracts';
import { useState, type KeyboardEvent } from 'react';
import { call } from '../../api/client';
import { Page } from '../../components/Page';
import { RequireSignIn } from '../../components/RequireSignIn';
import { Status } from '../../components/Status';
import { errorMessage } from '../../i18n/errors';
import { useI18n } from '../../i18n/i18n';
import { useParams } from '../../router/router';
import { LoadState } from '../../talk/LoadState';
import { pick, plural } from '../../talk/text';
import { FacilitatorOnly } from './FacilitatorOnly';
import { ModerationNav } from './ModerationNav';
import { QueueCard, type Decision } from './QueueCard';
import { StatementQueue } from './StatementQueue';
import { useConversation, type ConversationWithTopics } from './useConversation';
import { useQueue } from './useQueue';

type Sort = 'newest' | 'most-flagged';

const shortcutKeys: Record<string, 'approve' | 'restore' | 'hide' | 'select'> = {
  a: 'approve',
  r: 'restore',
  h: 'hide',
  x: 'select',
};

function isTyping(target: EventTarget): boolean {
  return target instanceof HTMLElement && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
}

function Console({ data, me }: { data: ConversationWithTopics; me: Me }) {
  const { t, locale } = useI18n();
  const { conversation, topics } = data;
  const [sort, setSort] = useState<Sort>('newest');
  const [reason, setReason] = useState<QueueReason | ''>('');
  const [topicId, setTopicId] = useState('');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [bulkReason, setBulkReason] = useState<HideReason>('spam');
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const queue = useQueue(conversation.id, {
    sort,
    reason: reason || undefined,
    topicId: topicId || undefined,
  });
  const items = queue.items ?? [];
  const titles = new Map(topics.map((topic) => [topic.id, pick(topic.title, locale)]));
  const hasColleague = conversation.facilitatorIds.some((id) => id !== me.id);
  const visibleSelection = items.filter((item) => selected.has(item.comment.id));

  const decide = async (decision: Decision): Promise<boolean> => {
    setNotice(null);
    try {
      await call('decideComments', { params: { id: conversation.id }, body: decision });
      setNotice({
        ok: true,
        text: plural(t, `decided.${decision.action}`, decision.commentIds.length),
      });
      setSelected(new Set());
      await queue.reload();

      return true;
    } catch (error) {
      setNotice({ ok: false, text: errorMessage(t, error) });

      return false;
    }
  };

  const select = (commentId: string, isOn: boolean) => {
    const next = new Set(selected);
    if (isOn) next.add(commentId);
    else next.delete(commentId);
    setSelected(next);
  };

  const bulk = (action: Decision['action']) =>
    void decide({
      action,
      commentIds: visibleSelection.map((item) => item.comment.id),
      ...(action === 'hide' && { reason: bulkReason }),
    });

  // j/k move between items; a, h, r and x act on the item that holds the focus.
  const handleKey = (event: KeyboardEvent<HTMLUListElement>) => {
    if (isTyping(event.target) || event.altKey || event.ctrlKey || event.metaKey) return;
    const article = (event.target as HTMLElement).closest<HTMLElement>('[data-comment-id]');
    const articles = Array.from(
      event.currentTarget.querySelectorAll<HTMLElement>('[data-comment-id]'),
    );
    const index = article ? articles.indexOf(article) : -1;
    if (event.key === 'j' || event.key === 'k') {
      event.preventDefault();
      const next = articles[event.key === 'j' ? index + 1 : Math.max(0, index - 1)];
      next?.focus();

      return;
    }

    const action = shortcutKeys[event.key];
    const commentId = article?.dataset.commentId;
    if (!action || !article || !commentId) return;
    event.preventDefault();
    if (action === 'select') select(commentId, !selected.has(commentId));
    else if (action === 'hide')
      article.querySelector<HTMLElement>('[data-shortcut="hide"]')?.focus();
    else void decide({ action, commentIds: [commentId] });
  };

  return (
    <Page title={t('moderation.queueTitle')} width="wide">
      <ModerationNav conversation={conversation} />
      <form className="filters" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor="queue-sort">{t('sort.label')}</label>
          <select
            id="queue-sort"
            value={sort}
            onChange={(event) => setSort(event.target.value as Sort)}
          >
            <option value="newest">{t('sort.newest')}</option>
            <option value="most-flagged">{t('queue.mostFlagged')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="queue-reason">{t('queue.show')}</label>
          <select
            id="queue-reason"
            value={reason}
            onChange={(event) => setReason(event.target.value as QueueReason | '')}
          >
            <option value="">{t('queue.all')}</option>
            {queueReasons.map((option) => (
              <option key={option} value={option}>
                {t(`queueReason.${option}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="queue-topic">{t('queue.topic')}</label>
          <select
            id="queue-topic"
            value={topicId}
            onChange={(event) => setTopicId(event.target.value)}
          >
            <option value="">{t('queue.allTopics')}</option>
            {topics.map((topic) => (
              <option key={topic.id} value={topic.id}>
                {titles.get(topic.id)}
              </option>
            ))}
          </select>
        </div>
      </form>
      <details className="shortcuts">
        <summary>{t('queue.shortcuts')}</summary>
        <p>{t('queue.shortcutsHelp')}</p>
      </details>
      <p aria-live="polite" className="meta">
        {queue.items && plural(t, 'queue.count', queue.total)}
        {queue.liveUpdates > 0 && <span className="visually-hidden">{t('queue.updated')}</span>}
      </p>
      <Status tone={notice?.ok === false ? 'error' : 'success'}>{notice?.text}</Status>
      {queue.error !== null && <p role="alert">{errorMessage(t, queue.error)}</p>}
      {items.length > 0 && (
        <section className="bulk" aria-label={t('bulk.label')}>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={visibleSelection.length === items.length}
              onChange={(event) =>
                setSelected(
                  event.target.checked ? new Set(items.map((item) => item.comment.id)) : new Set(),
                )
              }
            />
            {t('bulk.all')}
          </label>
          <span className="meta">{t('bulk.selected', { count: visibleSelection.length })}</span>
          <button
            type="button"
            disabled={visibleSelection.length === 0}
            onClick={() => bulk('approve')}
          >
            {t('bulk.approve')}
          </button>
          <label htmlFor="bulk-reason" className="visually-hidden">
            {t('moderation.publicReason')}
          </label>
          <select
            id="bulk-reason"
            value={bulkReason}
            onChange={(event) => setBulkReason(event.target.value as HideReason)}
          >
            {hideReasons.map((option) => (
              <option key={option} value={option}>
                {t(`hideReason.${option}`)}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button--danger"
            disabled={visibleSelection.length === 0}
            onClick={() => bulk('hide')}
          >
            {t('bulk.hide')}
          </button>
          <button
            type="button"
            className="button--secondary"
            disabled={visibleSelection.length === 0}
            onClick={() => bulk('restore')}
          >
            {t('bulk.restore')}
          </button>
        </section>
      )}
      <StatementQueue items={queue.statements} onDecided={queue.reload} />
      {queue.items && items.length === 0 && queue.statements.length === 0 && (
        <p>{t('queue.empty')}</p>
      )}
      <ul className="queue" onKeyDown={handleKey}>
        {items.map((item) => (
          <li key={item.comment.id}>
            <QueueCard
              item={item}
              me={me}
              topicTitle={titles.get(item.comment.topicId) ?? ''}
              hasColleague={hasColleague}
              isSelected={selected.has(item.comment.id)}
              onSelect={(isOn) => select(item.comment.id, isOn)}
              onDecide={decide}
              onChanged={() => void queue.reload()}
            />
          </li>
        ))}
      </ul>
    </Page>
  );
}

export function ModerationPage() {
  const { id = '' } = useParams();
  const { data, error } = useConversation(id, { live: true });

  return (
    <RequireSignIn>
      {(me) =>
        data ? (
          <FacilitatorOnly conversation={data.conversation}>
            <Console data={data} me={me} />
          </FacilitatorOnly>
        ) : (
          <LoadState error={error} />
        )
      }
    </RequireSignIn>
  );
}
