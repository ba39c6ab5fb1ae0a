import type { Topic } from '@razgovor/contracts';
import { useI18n } from '../../i18n/i18n';
import { Markdown } from '../../markdown/Markdown';
import { Link } from '../../router/router';
import { StatusBadge } from '../../talk/StatusBadge';
import { pick, plural } from '../../talk/text';

function TopicCard({ topic }: { topic: Topic }) {
  const { t, locale, formatDate } = useI18n();
  const { lastActivityAt } = topic;

  return (
    <li className="card topic-card">
      <h3>
        <Link to={`/topics/${topic.id}`}>{pick(topic.title, locale)}</Link>
      </h3>
      <p className="meta">
        {topic.status === 'closed' && <StatusBadge status="closed" />}
        <span>{plural(t, 'topic.comments', topic.commentCount)}</span>
        {lastActivityAt && (
          <span>{t('topic.lastActivity', { date: formatDate(lastActivityAt) })}</span>
        )}
      </p>
      <Markdown source={pick(topic.description, locale)} topHeading={4} />
    </li>
  );
}

export function TopicList({ topics }: { topics: Topic[] }) {
  const { t } = useI18n();

  return (
    <section aria-labelledby="topics-title" className="topics">
      <h2 id="topics-title">{t('conversation.topics')}</h2>
      {topics.length === 0 ? (
        <p>{t('conversation.noTopics')}</p>
      ) : (
        <ol className="card-list">
          {topics.map((topic) => (
            <TopicCard key={topic.id} topic={topic} />
          ))}
        </ol>
      )}
    </section>
  );
}
