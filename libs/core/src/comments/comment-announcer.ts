import type { Sql } from '../database/sql';
import type { NewEvent } from '../events/events.repository';
import type { TopicsRepository } from '../conversations/topics.repository';
import type { NotificationsRepository } from '../notifications/notifications.repository';
import { notificationEvent } from '../notifications/notifications.service';
import type { CommentRecord } from './comment.records';
import type { CommentsRepository } from './comments.repository';

/**
 * What follows a comment becoming public: the reply counters of its thread, the topic's count
 * and the notice to the author replied to. Runs at posting, or at approval for a held comment.
 */
export class CommentAnnouncer {
  constructor(
    private readonly comments: CommentsRepository,
    private readonly topics: TopicsRepository,
    private readonly notifications: NotificationsRepository,
  ) {}

  async announce(tx: Sql, record: CommentRecord, now: Date): Promise<NewEvent[]> {
    await this.comments.countReply(tx, record.ancestorIds, now);
    await this.topics.recordComment(tx, record.topicId, now);
    const parent = record.parentId ? await this.comments.find(record.parentId, null, tx) : null;
    const parentAuthorId = parent && !parent.isAuthorDeleted ? parent.authorId : null;
    if (!parentAuthorId || parentAuthorId === record.authorId) return [];

    const notes = await this.notifications.insert(
      tx,
      {
        type: 'comment.replied',
        conversationId: record.conversationId,
        topicId: record.topicId,
        commentId: record.id,
        summaryId: null,
        actorId: record.authorId,
      },
      [parentAuthorId],
      now,
    );

    return notes.map(notificationEvent);
  }
}
