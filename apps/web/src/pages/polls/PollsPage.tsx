import type { Conversation, Poll, ServerEventEnvelope, Survey, Topic } from '@razgovor/contracts';
import { useEffect, useRef } from 'react';
import { call } from '../../api/client';
import { Page } from '../../components/Page';
import { useI18n } from '../../i18n/i18n';
import { followConversation, prepareLive } from '../../live/socket';
import { Link, useParams } from '../../router/router';
import { LoadState } from '../../talk/LoadState';
import { pick } from '../../talk/text';
import { useLoad } from '../../talk/useLoad';
import { PollCard } from './PollCard';
import { PollForm } from './PollForm';
import { SurveySection } from './SurveySection';

interface PollsData {
  conversation: Conversation;
  topics: Topic[];
  polls: Poll[];
  surveys: Survey[];
}

async function loadPolls(id: string, signal: AbortSignal): Promise<PollsData> {
  const conversation = await call('getConversation', { params: { id }, signal });
  await prepareLive(conversation.id);
  const params = { id: conversation.id };
  const [topics, polls, surveys] = await Promise.all([
    call('listTopics', { params, signal }),
    call('listPolls', { params, signal }),
    call('listSurveys', { params, signal }),
  ]);

  return { conversation, topics: topics.items, polls: polls.items, surveys: surveys.items };
}

function replacePoll(data: PollsData, poll: Poll): PollsData {
  const swap = (polls: Poll[]) => polls.map((item) => (item.id === poll.id ? poll : item));

  return {
    ...data,
    polls: swap(data.polls),
    surveys: data.surveys.map((survey) => ({
      ...survey,
      runs: survey.runs.map((run) => ({ ...run, polls: swap(run.polls) })),
    })),
  };
}

/** Reloads a poll shortly after answers arrive: a burst of answers costs one request. */
function usePollRefresh(onPoll: (poll: Poll) => void) {
  const timers = useRef(new Map<string, number>());
  const latest = useRef(onPoll);
  latest.current = onPoll;

  useEffect(() => {
    const pending = timers.current;

    return () => pending.forEach((timer) => window.clearTimeout(timer));
  }, []);

  return (pollId: string) => {
    if (timers.current.has(pollId)) return;
    const timer = window.setTimeout(() => {
      timers.current.delete(pollId);
      call('getPoll', { params: { id: pollId } })
        .then((poll) => latest.current(poll))
        .catch((error: unknown) => console.warn('Could not refresh poll', pollId, error));
    }, 250);
    timers.current.set(pollId, timer);
  };
}

export function PollsPage() {
  const { t, locale } = useI18n();
  const { id = '' } = useParams();
  const { data, error, setData } = useLoad(`polls:${id}`, (signal) => loadPolls(id, signal));
  const conversationId = data?.conversation.id;
  const handlePoll = (poll: Poll) => setData((previous) => previous && replacePoll(previous, poll));
  const refresh = useRef(usePollRefresh(handlePoll));
  const reload = useRef<() => void>(() => undefined);
  reload.current = () => {
    loadPolls(id, new AbortController().signal)
      .then((next) => setData(next))
      .catch((failure: unknown) => console.warn('Could not reload polls', failure));
  };

  useEffect(() => {
    if (!conversationId) return;

    return followConversation(conversationId, (envelope: ServerEventEnvelope) => {
      if (envelope.type === 'poll.answered') refresh.current(envelope.payload.pollId);
      if (envelope.type === 'poll.changed') reload.current();
    });
  }, [conversationId]);

  if (!data) return <LoadState error={error} />;

  const { conversation, topics, polls, surveys } = data;
  const topicTitle = (topicId: string | null) => {
    const topic = topics.find((item) => item.id === topicId);

    return topic ? pick(topic.title, locale) : null;
  };

  const handleSurvey = (survey: Survey) =>
    setData(
      (previous) =>
        previous && {
          ...previous,
          surveys: previous.surveys.map((item) => (item.id === survey.id ? survey : item)),
        },
    );
  const handleCreated = (poll: Poll) =>
    setData(
      (previous) =>
        previous && {
          ...previous,
          polls: previous.polls.some((item) => item.id === poll.id)
            ? previous.polls
            : [...previous.polls, poll],
        },
    );

  return (
    <Page title={t('polls.title', { title: pick(conversation.title, locale) })} width="wide">
      <p>
        <Link to={`/conversations/${conversation.slug}`}>{t('polls.back')}</Link>
      </p>
      <p className="lead-text">{t('polls.intro')}</p>
      {polls.length === 0 && surveys.length === 0 && <p>{t('polls.none')}</p>}
      {polls.map((poll) => (
        <div key={poll.id}>
          {poll.topicId && (
            <p className="meta">{t('polls.inTopic', { topic: topicTitle(poll.topicId) ?? '' })}</p>
          )}
          <PollCard poll={poll} canFacilitate={conversation.canFacilitate} onChanged={handlePoll} />
        </div>
      ))}
      {surveys.map((survey) => (
        <SurveySection
          key={survey.id}
          survey={survey}
          canFacilitate={conversation.canFacilitate}
          onPollChanged={handlePoll}
          onSurveyChanged={handleSurvey}
        />
      ))}
      {conversation.canFacilitate && (
        <details className="card">
          <summary>{t('polls.form.title')}</summary>
          <PollForm conversationId={conversation.id} topics={topics} onCreated={handleCreated} />
        </details>
      )}
    </Page>
  );
}
