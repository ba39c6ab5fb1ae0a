import type { ServerEventEnvelope, SlowMode, Summary, TopicStatus } from '@razgovor/contracts';
import { useEffect, useRef, useState, type Dispatch } from 'react';
import { followConversation, watchTopic } from '../../live/socket';
import type { ThreadAction } from './threads';

interface LiveHandlers {
  dispatch: Dispatch<ThreadAction>;
  onTopicStatus: (status: TopicStatus) => void;
  onSummary: (summary: Summary) => void;
  onSlowMode?: (slowMode: SlowMode | null) => void;
}

function route(envelope: ServerEventEnvelope, topicId: string, handlers: LiveHandlers): void {
  const { dispatch } = handlers;
  switch (envelope.type) {
    case 'comment.created':
      if (envelope.payload.comment.topicId === topicId) {
        dispatch({ type: 'arrived', comment: envelope.payload.comment });
      }

      break;
    case 'comment.edited':
    case 'comment.withdrawn':
    case 'comment.hidden':
    case 'comment.restored':
    case 'comment.redacted':
      dispatch({ type: 'changed', comment: envelope.payload.comment });
      break;
    case 'stance.changed':
      dispatch({ type: 'counts', ...envelope.payload });
      break;
    case 'topic.opened':
    case 'topic.closed':
      if (envelope.payload.topicId === topicId) handlers.onTopicStatus(envelope.payload.status);
      break;
    case 'topic.slow_mode_changed':
      if (envelope.payload.topicId === topicId) handlers.onSlowMode?.(envelope.payload.slowMode);
      break;
    case 'summary.published':
      if (envelope.payload.summary.topicId === topicId)
        handlers.onSummary(envelope.payload.summary);
      break;
    default:
      break;
  }
}

/** Follows the topic's conversation live and reports how many people are in the topic now. */
export function useTopicLive(
  conversationId: string | undefined,
  topicId: string,
  handlers: LiveHandlers,
): number | null {
  const [present, setPresent] = useState<number | null>(null);
  // The socket listener outlives renders; it reads the newest handlers through this ref.
  const latest = useRef(handlers);
  latest.current = handlers;

  useEffect(() => {
    if (!conversationId) return;
    const stopFollowing = followConversation(conversationId, (envelope) =>
      route(envelope, topicId, latest.current),
    );
    const stopWatching = watchTopic(topicId, (update) => {
      if (update.topicId === topicId) setPresent(update.count);
    });

    return () => {
      stopFollowing();
      stopWatching();
    };
  }, [conversationId, topicId]);

  return present;
}
