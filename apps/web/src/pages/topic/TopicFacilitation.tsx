import type { Conversation, Topic } from '@razgovor/contracts';
import { useState } from 'react';
import { call } from '../../api/client';
import { Status } from '../../components/Status';
import { errorMessage } from '../../i18n/errors';
import { useT } from '../../i18n/i18n';
import { Link } from '../../router/router';

interface TopicFacilitationProps {
  topic: Topic;
  conversation: Conversation;
  onChanged: (topic: Topic) => void;
}

export function TopicFacilitation({ topic, conversation, onChanged }: TopicFacilitationProps) {
  const t = useT();
  const [failure, setFailure] = useState<unknown>(null);
  const next = topic.status === 'open' ? 'closed' : 'open';

  const toggleStatus = async () => {
    setFailure(null);
    try {
      onChanged(await call('updateTopic', { params: { id: topic.id }, body: { status: next } }));
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <section aria-labelledby="topic-facilitate" className="card facilitate">
      <h2 id="topic-facilitate">{t('conversation.facilitate')}</h2>
      <p className="actions">
        <Link
          to={`/conversations/${conversation.slug}/topics/${topic.id}/edit`}
          className="button button--secondary"
        >
          {t('topic.edit')}
        </Link>
        <button type="button" onClick={() => void toggleStatus()}>
          {next === 'closed' ? t('topic.close') : t('topic.reopen')}
        </button>
      </p>
      <Status tone="error">{failure !== null && errorMessage(t, failure)}</Status>
    </section>
  );
}
