import type { Conversation, ConversationStatus } from '@razgovor/contracts';
import { useState } from 'react';
import { call } from '../../api/client';
import { Status } from '../../components/Status';
import { errorMessage } from '../../i18n/errors';
import { useT } from '../../i18n/i18n';
import { Link } from '../../router/router';

type Target = Exclude<ConversationStatus, 'draft'>;

const nextStatuses: Record<ConversationStatus, Target[]> = {
  draft: ['open'],
  open: ['closed'],
  closed: ['archived'],
  archived: [],
};

interface FacilitatorPanelProps {
  conversation: Conversation;
  onChanged: (conversation: Conversation) => void;
}

export function FacilitatorPanel({ conversation, onChanged }: FacilitatorPanelProps) {
  const t = useT();
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [isSaving, setSaving] = useState(false);
  const base = `/conversations/${conversation.slug}`;

  const moveTo = async (status: Target) => {
    setSaving(true);
    try {
      const updated = await call('setConversationStatus', {
        params: { id: conversation.id },
        body: { status },
      });
      onChanged(updated);
      setNotice({
        ok: true,
        text: t('conversation.statusChanged', { status: t(`status.${status}`) }),
      });
    } catch (error) {
      setNotice({ ok: false, text: errorMessage(t, error) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <section aria-labelledby="facilitate-title" className="card facilitate">
      <h2 id="facilitate-title">{t('conversation.facilitate')}</h2>
      <p className="actions">
        <Link to={`${base}/edit`} className="button button--secondary">
          {t('conversation.edit')}
        </Link>
        <Link to={`${base}/topics/new`} className="button button--secondary">
          {t('conversation.addTopic')}
        </Link>
        <Link to={`${base}/moderation`} className="button button--secondary">
          {t('moderation.queueTitle')}
        </Link>
        {nextStatuses[conversation.status].map((status) => (
          <button
            key={status}
            type="button"
            disabled={isSaving}
            onClick={() => void moveTo(status)}
          >
            {t(`conversation.moveTo.${status}`)}
          </button>
        ))}
      </p>
      <Status tone={notice?.ok === false ? 'error' : 'success'}>{notice?.text}</Status>
    </section>
  );
}
