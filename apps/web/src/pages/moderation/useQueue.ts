import type {
  QueueItem,
  QueueQuery,
  ServerEventEnvelope,
  StatementQueueItem,
} from '@razgovor/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../../api/client';
import { followConversation } from '../../live/socket';

const liveTypes = new Set<ServerEventEnvelope['type']>([
  'moderation.queue.changed',
  'comment.hidden',
  'comment.restored',
  'comment.redacted',
  'comment.edited',
  'comment.withdrawn',
]);

export interface Queue {
  items: QueueItem[] | null;
  /** Held and reported statements of the conversation, all of them. */
  statements: StatementQueueItem[];
  total: number;
  error: unknown;
  /** Counts live reloads, so the page can announce them. */
  liveUpdates: number;
  reload: () => Promise<void>;
}

/** The review queue, reloaded whenever the conversation's moderation changes live. */
export function useQueue(conversationId: string | undefined, query: QueueQuery): Queue {
  const [items, setItems] = useState<QueueItem[] | null>(null);
  const [statements, setStatements] = useState<StatementQueueItem[]>([]);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [liveUpdates, setLiveUpdates] = useState(0);
  const latest = useRef(0);
  const { sort, reason, topicId } = query;

  const reload = useCallback(async () => {
    if (!conversationId) return;
    const ticket = ++latest.current;
    try {
      const page = await call('moderationQueue', {
        params: { id: conversationId },
        query: { sort, reason, topicId, limit: 100 },
      });
      // Answers can overtake each other; only the newest request may set the list.
      if (ticket !== latest.current) return;
      setItems(page.items);
      setStatements(page.statements);
      setTotal(page.total);
      setError(null);
    } catch (failure) {
      if (ticket === latest.current) setError(failure);
    }
  }, [conversationId, sort, reason, topicId]);

  useEffect(() => {
    void reload();
  }, [reload]);

  useEffect(() => {
    if (!conversationId) return;
    let timer: number | undefined;

    const stop = followConversation(conversationId, (envelope) => {
      if (!liveTypes.has(envelope.type)) return;
      window.clearTimeout(timer);
      // Bursts of events (a bulk decision) become one reload.
      timer = window.setTimeout(() => {
        void reload().then(() => setLiveUpdates((count) => count + 1));
      }, 150);
    });

    return () => {
      window.clearTimeout(timer);
      stop();
    };
  }, [conversationId, reload]);

  return { items, statements, total, error, liveUpdates, reload };
}
