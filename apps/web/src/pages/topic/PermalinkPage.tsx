import type { CommentThread, Conversation, Summary, Topic } from '@razgovor/contracts';
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
import { groupByThread } from '../summaries/ThreadSummary';
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
  summaries: Summary[];
}

async function loadPermalink(id: string, signal: AbortSignal): Promise<PermalinkData> {
  const first = await call('getComment', { params: { id }, signal });
  const { conversationId, topicId } = first.comment;
  await prepareLive(conversationId);
  const [thread, topic, conversation, summaries] = await Promise.all([
    call('getComment', { params: { id }, signal }),
    call('getTopic', { params: { id: topicId }, signal }),
    call('getConversation', { params: { id: conversationId }, signal }),
    call('listSummaries', { params: { id: topicId }, signal }),
  ]);

  return { thread, topic, conversation, summaries: summaries.items };
}

/** /comments/:id opens the thread at that comment, from its root, and highlights it. */
export function PermalinkPage() {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const { id = '' } = useParams();
  const { data, error, setData } = useLoad(`comment:${id}`, (signal) => loadPermalink(id, signal));
  const [threads, dispatch] = useReducer(threadsReducer, emptyThreads);
  const [openForm, setOpenForm] = useState<ThreadApi['openForm']>(null);
  const [topicStatus, setTopicStatus] = useState<Topic['status'] | null>(null);

  const loadedThread = data?.thread;

  // Only a newly loaded thread resets the tree; summary updates leave the reader where they are.
  useEffect(() => {
    if (!loadedThread) return;
    const { ancestors, comment, replies } = loadedThread;
    const [root = comment] = ancestors;
    dispatch({ type: 'page', page: { items: [root], nextCursor: null }, append: false });
    dispatch({ type: 'replies', replies: [...ancestors.slice(1), comment, ...replies] });
  }, [loadedThread]);

  // Once the linked comment is on screen (after the page heading took focus), move focus to it.
  const linkedId = loadedThread?.comment.id;
  const isLinkedShown = !!linkedId && !!threads.byId[linkedId];
  useEffect(() => {
    if (!isLinkedShown) return;
    const element = document.getElementById(`comment-${linkedId}`);
    element?.scrollIntoView({ block: 'center' });
    element?.focus({ preventScroll: true });
  }, [isLinkedShown, linkedId]);

  useTopicLive(data?.conversation.id, data?.topic.id ?? '', {
    dispatch,
    onTopicStatus: setTopicStatus,
    onSummary: (summary) => upsertSummary(summary),
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
    threadSummaries: groupByThread(data.summaries),
    onSummary: upsertSummary,
  };

  function upsertSummary(summary: Summary) {
    setData((previous) => {
      if (!previous) return previous;
      const others = previous.summaries.filter((item) => item.id !== summary.id);

      return { ...previous, summaries: [summary, ...others] };
    });
  }

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
