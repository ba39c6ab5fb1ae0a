import type { CommentThread, Conversation, Topic } from '@razgovor/contracts';
import { useEffect, useReducer, useState } from 'react';
import { call } from '../../api/client';
import { Page } from '../../components/Page';
import { useI18n } from '../../i18n/i18n';
import { prepareLive } from '../../live/socket';
import { Link, useParams } from '../../router/router';
import { useSession } from '../../session/session';
import { LoadState } from '../../talk/LoadState';
import { pick } from '../../talk/text';
import { useLoad } from '../../talk/useLoad';
import { authorName } from './CommentItem';
import { CommentNode } from './CommentTree';
import { NewCommentsMarker } from './NewCommentsMarker';
import { ThreadContext, type ThreadApi } from './ThreadContext';
import { emptyThreads, threadsReducer } from './threads';
import { useTopicLive } from './useTopicLive';

interface PermalinkData {
  thread: CommentThread;
  topic: Topic;
  conversation: Conversation;
}

async function loadPermalink(id: string, signal: AbortSignal): Promise<PermalinkData> {
  const first = await call('getComment', { params: { id }, signal });
  const { conversationId, topicId } = first.comment;
  await prepareLive(conversationId);
  const [thread, topic, conversation] = await Promise.all([
    call('getComment', { params: { id }, signal }),
    call('getTopic', { params: { id: topicId }, signal }),
    call('getConversation', { params: { id: conversationId }, signal }),
  ]);

  return { thread, topic, conversation };
}

/** /comments/:id opens the thread at that comment, from its root, and highlights it. */
export function PermalinkPage() {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const { id = '' } = useParams();
  const { data, error } = useLoad(`comment:${id}`, (signal) => loadPermalink(id, signal));
  const [threads, dispatch] = useReducer(threadsReducer, emptyThreads);
  const [openForm, setOpenForm] = useState<ThreadApi['openForm']>(null);
  const [topicStatus, setTopicStatus] = useState<Topic['status'] | null>(null);

  useEffect(() => {
    if (!data) return;
    const { ancestors, comment, replies } = data.thread;
    const [root = comment] = ancestors;
    dispatch({ type: 'page', page: { items: [root], nextCursor: null }, append: false });
    dispatch({ type: 'replies', replies: [...ancestors.slice(1), comment, ...replies] });
    requestAnimationFrame(() => {
      const element = document.getElementById(`comment-${comment.id}`);
      element?.scrollIntoView({ block: 'center' });
      element?.focus({ preventScroll: true });
    });
  }, [data]);

  useTopicLive(data?.conversation.id, data?.topic.id ?? '', {
    dispatch,
    onTopicStatus: setTopicStatus,
    onSummary: () => undefined,
  });

  if (!data) return <LoadState error={error} />;

  const { thread, topic, conversation } = data;
  const status = topicStatus ?? topic.status;
  const name = authorName(thread.comment, t('comment.deletedAuthor'));
  const api: ThreadApi = {
    me,
    topicId: topic.id,
    isOpen: status === 'open' && conversation.status === 'open',
    canFacilitate: conversation.canFacilitate,
    threads,
    dispatch,
    highlightId: thread.comment.id,
    // Deep enough to reach the linked comment, then a few levels of its replies.
    maxDepth: thread.ancestors.length + 3,
    openForm,
    setOpenForm,
  };

  return (
    <Page title={t('permalink.title', { name })} width="wide">
      <p className="breadcrumb">
        <Link to={`/topics/${topic.id}`}>
          {t('permalink.back', { title: pick(topic.title, locale) })}
        </Link>
      </p>
      <ThreadContext.Provider value={api}>
        <section aria-label={t('permalink.thread')} className="discussion">
          <NewCommentsMarker
            count={threads.pending.filter((item) => !!threads.byId[item.parentId ?? '']).length}
            onReveal={() => dispatch({ type: 'revealed' })}
          />
          <ul className="thread">
            {threads.roots.map((rootId) => (
              <CommentNode key={rootId} id={rootId} level={0} />
            ))}
          </ul>
        </section>
      </ThreadContext.Provider>
    </Page>
  );
}
