import type { NotificationType } from '@razgovor/contracts';
import type { Sql } from '../database/sql';
import type { NewEvent } from '../events/events.repository';
import type { NotificationsRepository } from '../notifications/notifications.repository';
import { notificationEvent } from '../notifications/notifications.service';

export interface AuthorNotice {
  type: Extract<NotificationType, 'moderation.hidden' | 'moderation.appeal_decided'>;
  authorId: string;
  conversationId: string;
  topicId: string;
  commentId: string;
  /** The public reason of a hiding, or the outcome of an appeal. */
  note: string;
}

/**
 * Tells authors what happened to their comments, in the same transaction as the decision, and
 * returns the private events that carry each notice live to its one reader.
 */
export async function noticeAuthors(
  tx: Sql,
  notifications: NotificationsRepository,
  notices: AuthorNotice[],
  actorId: string | null,
  now: Date,
): Promise<NewEvent[]> {
  const events: NewEvent[] = [];
  for (const notice of notices) {
    if (notice.authorId === actorId) continue;
    const inserted = await notifications.insert(
      tx,
      {
        type: notice.type,
        conversationId: notice.conversationId,
        topicId: notice.topicId,
        commentId: notice.commentId,
        summaryId: null,
        actorId: null,
        note: notice.note,
      },
      [notice.authorId],
      now,
    );
    events.push(...inserted.map(notificationEvent));
  }

  return events;
}
