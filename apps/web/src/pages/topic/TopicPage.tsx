import {
  commentSorts,
  type CommentSort,
  type Conversation,
  type Summary,
  type Topic,
} from '@razgovor/contracts';
import { useEffect, useReducer, useState } from 'react';
import { call } from '../../api/client';
import { Page } from '../../components/Page';
import { useI18n } from '../../i18n/i18n';
import { prepareLive } from '../../live/socket';
import { Markdown } from '../../markdown/Markdown';
import { Link, useParams } from '../../router/router';
import { useSession } from '../../session/session';
import { LoadState } from '../../talk/LoadState';
import { StatusBadge } from '../../talk/StatusBadge';
import { pick, plural } from '../../talk/text';
import { useLoad } from '../../talk/useLoad';
import { SummaryForm } from '../summaries/SummaryForm';
import { SlowModeNotice } from '../moderation/SlowModeNotice';
import { SummaryPanel } from '../summaries/SummaryPanel';
import { groupByThread } from '../summaries/ThreadSummary';
import { CommentNode } from './CommentTree';
import { loadPage } from './loadThreads';
import { NewCommentsMarker } from './NewCommentsMarker';
import { TopComposer } from './TopComposer';
import { ThreadContext, type ThreadApi } from './ThreadContext';
import { emptyThreads, threadsReducer } from './threads';
import { TopicFacilitation } from './TopicFacilitation';
import { useTopicLive } from './useTopicLive';

interface TopicData {
  topic: Topic;
  conversation: Conversation;
  summaries: Summary[];
}

async function loadTopic(id: string, signal: AbortSignal): Promise<TopicData> {
  const topic = await call('getTopic', { params: { id }, signal });
  const [conversation] = await Promise.all([
    call('getConversation', { params: { id: topic.conversationId }, signal }),
    prepareLive(topic.conversationId),
  ]);
  const summaries = await call('listSummaries', { params: { id }, signal });

  return { topic, conversation, summaries: summaries.items };
}

export function TopicPage() {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const { id = '' } = useParams();
  const { data, error, setData } = useLoad(`topic:${id}`, (signal) => loadTopic(id, signal));
  const [threads, dispatch] = useReducer(threadsReducer, emptyThreads);
  const [sort, setSort] = useState<CommentSort>('newest');
  const [isLoadingMore, setLoadingMore] = useState(false);
  const [openForm, setOpenForm] = useState<ThreadApi['openForm']>(null);
  const isReady = !!data;

  // Comments load after the live baseline is known (in loadTopic), so nothing falls between.
  useEffect(() => {
    if (!isReady) return;
    const controller = new AbortController();
    loadPage(id, sort, undefined, controller.signal)
      .then(({ page, replies }) => {
        dispatch({ type: 'page', page, append: false });
        dispatch({ type: 'replies', replies });
      })
      .catch((failure: unknown) => {
        if (!controller.signal.aborted) console.warn('Could not load comments', failure);
      });

    return () => controller.abort();
  }, [id, sort, isReady]);

  const present = useTopicLive(data?.topic.conversationId, id, {
    dispatch,
    onTopicStatus: (status) =>
      setData((previous) => previous && { ...previous, topic: { ...previous.topic, status } }),
    onSummary: (summary) => upsertSummary(summary),
    onSlowMode: (slowMode) =>
      setData((previous) => previous && { ...previous, topic: { ...previous.topic, slowMode } }),
  });

  if (!data) return <LoadState error={error} />;

  const { topic, conversation, summaries } = data;
  const isOpen = topic.status === 'open' && conversation.status === 'open';
  const topicSummaries = summaries.filter((summary) => summary.commentId === null);
  const api: ThreadApi = {
    me,
    topicId: topic.id,
    isOpen,
    canFacilitate: conversation.canFacilitate,
    threads,
    dispatch,
    highlightId: null,
    maxDepth: 3,
    openForm,
    setOpenForm,
    threadSummaries: groupByThread(summaries),
    onSummary: upsertSummary,
  };

  function upsertSummary(summary: Summary) {
    setData((previous) => {
      if (!previous) return previous;
      const others = previous.summaries.filter((item) => item.id !== summary.id);

      return { ...previous, summaries: [summary, ...others] };
    });
  }

  const loadMore = async () => {
    if (!threads.nextCursor) return;
    setLoadingMore(true);
    try {
      const { page, replies } = await loadPage(id, sort, threads.nextCursor);
      dispatch({ type: 'page', page, append: true });
      dispatch({ type: 'replies', replies });
    } finally {
      setLoadingMore(false);
    }
  };

  const reveal = () => {
    const firstId = threads.pending[0]?.id;
    dispatch({ type: 'revealed' });
    // After the reveal, move focus to the first new comment so keyboard readers land there.
    requestAnimationFrame(() => document.getElementById(`comment-${firstId}`)?.focus());
  };

  return (
    <Page title={pick(topic.title, locale)} width="wide">
      <p className="breadcrumb">
        <Link to={`/conversations/${conversation.slug}`}>
          {t('topic.back', { title: pick(conversation.title, locale) })}
        </Link>
      </p>
      <p className="meta">
        <StatusBadge status={topic.status} />
        <span>{plural(t, 'topic.comments', topic.commentCount)}</span>
        {present !== null && <span className="presence">{plural(t, 'presence', present)}</span>}
      </p>
      <Markdown source={pick(topic.description, locale)} />
      {!isOpen && <p className="warning">{t('topic.closedNotice')}</p>}
      <SummaryPanel
        versions={topicSummaries}
        title={t('summary.title')}
        canRespond={!!me}
        onChanged={upsertSummary}
      />
      {conversation.canFacilitate && (
        <>
          <TopicFacilitation
            topic={topic}
            conversation={conversation}
            onChanged={(updated) => setData({ ...data, topic: updated })}
          />
          <SummaryForm
            topicId={topic.id}
            label={topicSummaries.length > 0 ? t('summary.newVersion') : t('summary.write')}
            onPublished={upsertSummary}
          />
        </>
      )}
      <ThreadContext.Provider value={api}>
        <section aria-labelledby="discussion-title" className="discussion">
          <h2 id="discussion-title">{t('topic.discussion')}</h2>
          {isOpen && (
            <SlowModeNotice
              slowMode={topic.slowMode}
              me={me}
              threads={threads}
              isExempt={conversation.canFacilitate}
            />
          )}
          {isOpen && <TopComposer />}
          <div className="discussion__tools">
            <label htmlFor="comment-sort">{t('sort.label')}</label>
            <select
              id="comment-sort"
              value={sort}
              onChange={(event) => setSort(event.target.value as CommentSort)}
            >
              {commentSorts.map((option) => (
                <option key={option} value={option}>
                  {t(`sort.${option}`)}
                </option>
              ))}
            </select>
          </div>
          <NewCommentsMarker count={threads.pending.length} onReveal={reveal} />
          {threads.roots.length === 0 && <p>{t('comments.empty')}</p>}
          <ul className="thread">
            {threads.roots.map((rootId) => (
              <CommentNode key={rootId} id={rootId} level={0} />
            ))}
          </ul>
          {threads.nextCursor && (
            <button
              type="button"
              className="button--secondary"
              disabled={isLoadingMore}
              onClick={() => void loadMore()}
            >
              {t('common.showMore')}
            </button>
          )}
        </section>
      </ThreadContext.Provider>
    </Page>
  );
}
