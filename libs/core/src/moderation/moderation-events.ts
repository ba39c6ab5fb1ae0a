import type { EventAudience } from '@razgovor/contracts';
import type { CommentRecord } from '../comments/comment.records';
import { toComment } from '../comments/presenters';
import type { NewEvent } from '../events/events.repository';

/** Pending comments reach only their author and the facilitators; the rest reach everyone. */
export function audiencesOf(record: Pick<CommentRecord, 'moderationState' | 'authorId'>) {
  const audiences: EventAudience[] =
    record.moderationState === 'pending' ? ['facilitators', `user:${record.authorId}`] : ['public'];

  return audiences;
}

/** One event per audience, each carrying the comment as that audience may see it. */
export function commentEvents(
  type: 'comment.created' | 'comment.edited' | 'comment.withdrawn',
  record: CommentRecord,
): NewEvent[] {
  return audiencesOf(record).map((audience) => ({
    type,
    payload: { comment: toComment(record, audience === 'facilitators', authorOf(audience)) },
    topicId: record.topicId,
    audience,
  }));
}

export function queueChanged(
  conversationId: string,
  commentIds: string[],
  change: 'held' | 'flagged' | 'auto-hidden' | 'appealed' | 'decided',
  topicId: string | null = null,
): NewEvent {
  return {
    type: 'moderation.queue.changed',
    payload: { conversationId, commentIds, change },
    topicId,
    audience: 'facilitators',
  };
}

function authorOf(audience: EventAudience): string | null {
  return audience.startsWith('user:') ? audience.slice('user:'.length) : null;
}
