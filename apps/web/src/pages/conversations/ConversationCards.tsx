import type { Conversation } from '@razgovor/contracts';
import { call } from '../../api/client';
import { Status } from '../../components/Status';
import { errorMessage } from '../../i18n/errors';
import { useI18n } from '../../i18n/i18n';
import { Markdown } from '../../markdown/Markdown';
import { Link } from '../../router/router';
import { StatusBadge } from '../../talk/StatusBadge';
import { pick } from '../../talk/text';
import { useLoad } from '../../talk/useLoad';

interface CardProps {
  conversation: Conversation;
  level: 2 | 3;
}

function ConversationCard({ conversation, level }: CardProps) {
  const Heading = level === 3 ? 'h3' : 'h2';
  const { t, locale, formatDate } = useI18n();
  const title = pick(conversation.title, locale);
  const { opensAt, closesAt } = conversation;

  return (
    <li className="card conversation-card">
      <Heading>
        <Link to={`/conversations/${conversation.slug}`}>{title}</Link>
      </Heading>
      <p className="meta">
        <StatusBadge status={conversation.status} />
        {opensAt && <span>{t('conversations.opensAt', { date: formatDate(opensAt) })}</span>}
        {closesAt && <span>{t('conversations.closesAt', { date: formatDate(closesAt) })}</span>}
      </p>
      <Markdown source={pick(conversation.description, locale)} topHeading={level + 1} />
    </li>
  );
}

/** The conversations the reader may see, open ones first (the API's order). */
export function ConversationCards({ level = 2 }: { level?: 2 | 3 }) {
  const t = useI18n().t;
  const { data, error, isLoading } = useLoad('conversations', (signal) =>
    call('listConversations', { signal }),
  );

  if (isLoading) return <Status>{t('common.loading')}</Status>;
  if (error || !data) return <p role="alert">{errorMessage(t, error)}</p>;
  if (data.items.length === 0) return <p>{t('conversations.empty')}</p>;

  return (
    <ul className="card-list">
      {data.items.map((conversation) => (
        <ConversationCard key={conversation.id} conversation={conversation} level={level} />
      ))}
    </ul>
  );
}
