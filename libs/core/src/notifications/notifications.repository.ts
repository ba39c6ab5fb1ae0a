import type { Notification, NotificationType } from '@razgovor/contracts';
import type { Sql } from '../database/sql';

export interface NewNotification {
  userId: string;
  type: NotificationType;
  conversationId: string;
  topicId: string | null;
  commentId: string | null;
  summaryId: string | null;
  actorId: string | null;
  note?: string | null;
}

interface NotificationRow {
  id: string;
  userId: string;
  type: NotificationType;
  conversationId: string;
  topicId: string | null;
  commentId: string | null;
  summaryId: string | null;
  actorName: string | null;
  note: string | null;
  until: Date | null;
  createdAt: Date;
  readAt: Date | null;
}

// A mute's notice and its sanction are written in one transaction at the same instant; the end
// is read back from the sanction, so a mute lifted early shows when it really ended.
const muteEnd = `CASE WHEN n.type = 'moderation.muted' THEN (
    SELECT least(s.until, s.lifted_at) FROM conversation_sanctions s
     WHERE s.conversation_id = n.conversation_id AND s.user_id = n.user_id
       AND s.action = 'mute' AND s.created_at = n.created_at
     LIMIT 1) END`;

const columns = `n.id, n.user_id AS "userId", n.type, n.conversation_id AS "conversationId",
  n.topic_id AS "topicId", n.comment_id AS "commentId", n.summary_id AS "summaryId",
  a.display_name AS "actorName", n.note, n.created_at AS "createdAt", n.read_at AS "readAt",
  ${muteEnd} AS until`;

export class NotificationsRepository {
  constructor(private readonly pool: Sql) {}

  /** Inserts one notification per recipient and returns them with the user each is for. */
  async insert(
    tx: Sql,
    base: Omit<NewNotification, 'userId'>,
    userIds: string[],
    now: Date,
  ): Promise<Array<Notification & { userId: string }>> {
    if (userIds.length === 0) return [];
    const rows = await tx.rows<NotificationRow>(
      `WITH inserted AS (
         INSERT INTO notifications (user_id, type, conversation_id, topic_id, comment_id,
                                    summary_id, actor_id, created_at, note)
         SELECT u, $2, $3, $4, $5, $6, $7, $8, $9 FROM unnest($1::uuid[]) AS u
         RETURNING *)
       SELECT ${columns} FROM inserted n LEFT JOIN users a ON a.id = n.actor_id`,
      [
        userIds,
        base.type,
        base.conversationId,
        base.topicId,
        base.commentId,
        base.summaryId,
        base.actorId,
        now,
        base.note ?? null,
      ],
    );

    return rows.map((row) => ({ ...toNotification(row), userId: row.userId }));
  }

  /** People who wrote in a topic, other than `exceptId`, whose accounts still exist. */
  async topicAuthors(tx: Sql, topicId: string, exceptId: string): Promise<string[]> {
    const rows = await tx.rows<{ id: string }>(
      `SELECT DISTINCT c.author_id AS id FROM comments c JOIN users u ON u.id = c.author_id
        WHERE c.topic_id = $1 AND c.author_id <> $2 AND u.deleted_at IS NULL`,
      [topicId, exceptId],
    );

    return rows.map((row) => row.id);
  }

  async list(userId: string, limit: number): Promise<Notification[]> {
    const rows = await this.pool.rows<NotificationRow>(
      `SELECT ${columns} FROM notifications n LEFT JOIN users a ON a.id = n.actor_id
        WHERE n.user_id = $1 ORDER BY n.created_at DESC, n.id LIMIT $2`,
      [userId, limit],
    );

    return rows.map(toNotification);
  }

  async countUnread(userId: string): Promise<number> {
    const row = await this.pool.row<{ count: number }>(
      'SELECT count(*)::int AS count FROM notifications WHERE user_id = $1 AND read_at IS NULL',
      [userId],
    );

    return row?.count ?? 0;
  }

  async markRead(userId: string, ids: string[] | null, now: Date): Promise<void> {
    await this.pool.rows(
      `UPDATE notifications SET read_at = $3
        WHERE user_id = $1 AND read_at IS NULL AND ($2::uuid[] IS NULL OR id = ANY($2))`,
      [userId, ids, now],
    );
  }
}

function toNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    type: row.type,
    conversationId: row.conversationId,
    topicId: row.topicId,
    commentId: row.commentId,
    summaryId: row.summaryId,
    actorName: row.actorName,
    note: row.note,
    until: row.until?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}
