import type { Conversation, ServerEventEnvelope, Topic } from '@razgovor/contracts';
import { useEffect } from 'react';
import { call } from '../../api/client';
import { Page } from '../../components/Page';
import { useI18n } from '../../i18n/i18n';
import { followConversation, prepareLive } from '../../live/socket';
import { Markdown } from '../../markdown/Markdown';
import { Link, useParams } from '../../router/router';
import { LoadState } from '../../talk/LoadState';
import { StatusBadge } from '../../talk/StatusBadge';
import { pick } from '../../talk/text';
import { useLoad } from '../../talk/useLoad';
import { ModerationLinks } from '../moderation/ModerationLinks';
import { PublicThemes } from '../themes/PublicThemes';
import { FacilitatorPanel } from './FacilitatorPanel';
import { SearchForm } from './SearchForm';
import { useSession } from '../../session/session';
import { TopicList } from './TopicList';

interface ConversationData {
  conversation: Conversation;
  topics: Topic[];
}

async function loadConversation(id: string, signal: AbortSignal): Promise<ConversationData> {
  const conversation = await call('getConversation', { params: { id }, signal });
  await prepareLive(conversation.id);
  const topics = await call('listTopics', { params: { id: conversation.id }, signal });

  return { conversation, topics: topics.items };
}

/** Keeps statuses and comment counts current while the page is open. */
function applyEvent(data: ConversationData, envelope: ServerEventEnvelope): ConversationData {
  switch (envelope.type) {
    case 'conversation.opened':
    case 'conversation.closed':
      return { ...data, conversation: { ...data.conversation, status: envelope.payload.status } };
    case 'topic.opened':
    case 'topic.closed': {
      const { topicId, status } = envelope.payload;
      const topics = data.topics.map((topic) =>
        topic.id === topicId ? { ...topic, status } : topic,
      );

      return { ...data, topics };
    }

    case 'comment.created': {
      const { topicId, createdAt } = envelope.payload.comment;
      const topics = data.topics.map((topic) =>
        topic.id === topicId
          ? { ...topic, commentCount: topic.commentCount + 1, lastActivityAt: createdAt }
          : topic,
      );

      return { ...data, topics };
    }

    default:
      return data;
  }
}

export function ConversationPage() {
  const { t, locale, formatDate } = useI18n();
  const { id = '' } = useParams();
  const { me } = useSession();
  const isAnalyst = Boolean(me?.roles.some((role) => role === 'analyst' || role === 'admin'));
  const { data, error, setData } = useLoad(`conversation:${id}`, (signal) =>
    loadConversation(id, signal),
  );
  const conversationId = data?.conversation.id;

  useEffect(() => {
    if (!conversationId) return;

    return followConversation(conversationId, (envelope) =>
      setData((previous) => previous && applyEvent(previous, envelope)),
    );
  }, [conversationId, setData]);

  if (!data) return <LoadState error={error} />;

  const { conversation, topics } = data;
  const background = pick(conversation.background, locale);
  const isClosed = conversation.status === 'closed' || conversation.status === 'archived';
  const handleChanged = (updated: Conversation) =>
    setData((previous) => previous && { ...previous, conversation: updated });

  return (
    <Page title={pick(conversation.title, locale)} width="wide">
      <p className="meta">
        <StatusBadge status={conversation.status} />
        {conversation.opensAt && (
          <span>{t('conversations.opensAt', { date: formatDate(conversation.opensAt) })}</span>
        )}
        {conversation.closesAt && (
          <span>{t('conversations.closesAt', { date: formatDate(conversation.closesAt) })}</span>
        )}
      </p>
      {conversation.coverImageUrl && (
        // The title above says what the conversation is; the picture only sets the scene.
        <img src={conversation.coverImageUrl} alt="" className="cover-image" />
      )}
      {isClosed && <p className="warning">{t('conversation.closedNotice')}</p>}
      <Markdown source={pick(conversation.description, locale)} className="lead-text" />
      {background.trim() !== '' && (
        <details className="card background">
          <summary>{t('conversation.background')}</summary>
          <Markdown source={background} topHeading={3} />
        </details>
      )}
      {conversation.canFacilitate && (
        <FacilitatorPanel conversation={conversation} onChanged={handleChanged} />
      )}
      <p className="actions">
        <Link to={`/conversations/${conversation.slug}/polls`}>{t('polls.link')}</Link>
        <Link to={`/conversations/${conversation.slug}/opinions`}>{t('opinions.link')}</Link>
        <Link to={`/conversations/${conversation.slug}/report`}>{t('conversation.report')}</Link>
        {conversation.canFacilitate && (
          <Link to={`/conversations/${conversation.slug}/report/edit`}>
            {t('conversation.editReport')}
          </Link>
        )}
        {isAnalyst && (
          <Link to={`/conversations/${conversation.slug}/exports`}>
            {t('conversation.exports')}
          </Link>
        )}
      </p>
      <PublicThemes conversationId={conversation.id} />
      <SearchForm conversationSlug={conversation.slug} />
      <TopicList topics={topics} />
      <ModerationLinks conversation={conversation} />
    </Page>
  );
}
