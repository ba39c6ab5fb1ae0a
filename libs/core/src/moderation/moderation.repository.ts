import type {
  FlagReason,
  ModerationState,
  PlaceholderReason,
  QueueReason,
} from '@razgovor/contracts';
import type { Sql } from '../database/sql';

/** What moderation needs of a comment, read under its row lock. */
export interface ModeratedComment {
  id: string;
  conversationId: string;
  topicId: string;
  authorId: string;
  parentId: string | null;
  ancestorIds: string[];
  body: string;
  status: 'visible' | 'withdrawn';
  moderationState: ModerationState;
  hiddenReason: PlaceholderReason | null;
  hiddenBy: string | null;
  queueReason: QueueReason | null;
  flagWeight: number;
  isAnnounced: boolean;
}

export interface NewFlag {
  commentId: string;
  conversationId: string;
  userId: string | null;
  reason: FlagReason;
  text: string | null;
  weight: number;
}

export interface QueueRow {
  id: string;
  queueReason: QueueReason;
  flagCount: number;
  flagWeight: number;
  hiddenBy: string | null;
  parentId: string | null;
  parentBody: string | null;
  rootId: string;
  rootBody: string | null;
  flags: Array<{ reason: FlagReason; text: string | null; createdAt: string }>;
  appealText: string | null;
  appealOutcome: 'open' | 'restored' | 'upheld' | null;
  appealCreatedAt: Date | null;
}

export interface QueueFilter {
  conversationId: string;
  sort: 'newest' | 'most-flagged';
  reason: QueueReason | null;
  topicId: string | null;
  limit: number;
  offset: number;
}

export interface AppealRecord {
  commentId: string;
  userId: string;
  hiddenBy: string | null;
  outcome: 'open' | 'restored' | 'upheld';
}

const moderatedColumns = `c.id, c.conversation_id AS "conversationId", c.topic_id AS "topicId",
  c.author_id AS "authorId", c.parent_id AS "parentId", c.ancestor_ids AS "ancestorIds", c.body,
  c.status, c.moderation_state AS "moderationState", c.hidden_reason AS "hiddenReason",
  c.hidden_by AS "hiddenBy", c.queue_reason AS "queueReason", c.flag_weight AS "flagWeight",
  c.is_announced AS "isAnnounced"`;

/** The moderation columns of comments, and flags and appeals. */
export class ModerationRepository {
  constructor(private readonly pool: Sql) {}

  /** Locks the comments of one conversation in id order, so that bulk actions cannot deadlock. */
  lockMany(tx: Sql, conversationId: string, ids: string[]): Promise<ModeratedComment[]> {
    return tx.rows<ModeratedComment>(
      `SELECT ${moderatedColumns} FROM comments c
        WHERE c.id = ANY($1::uuid[]) AND c.conversation_id = $2
        ORDER BY c.id FOR UPDATE`,
      [ids, conversationId],
    );
  }

  /** `isAnnounced`: false for a new comment, true for a public one sent back by an edit. */
  async hold(tx: Sql, id: string, isAnnounced: boolean, now: Date): Promise<void> {
    await tx.rows(
      `UPDATE comments SET moderation_state = 'pending', queue_reason = 'held', queued_at = $2,
              is_announced = $3
        WHERE id = $1`,
      [id, now, isAnnounced],
    );
  }

  /** Puts a comment in the queue; a stronger reason already there stays. */
  async enqueue(tx: Sql, id: string, reason: QueueReason, now: Date): Promise<void> {
    await tx.rows(
      `UPDATE comments
          SET queue_reason = CASE WHEN queue_reason IS NULL OR queue_reason = 'flagged'
                                  THEN $2 ELSE queue_reason END,
              queued_at = $3
        WHERE id = $1`,
      [id, reason, now],
    );
  }

  async setState(
    tx: Sql,
    ids: string[],
    state: ModerationState,
    hidden: { reason: PlaceholderReason; by: string | null } | null,
  ): Promise<void> {
    await tx.rows(
      `UPDATE comments
          SET moderation_state = $2, hidden_reason = $3, hidden_by = $4, queue_reason = NULL,
              queued_at = NULL
        WHERE id = ANY($1::uuid[])`,
      [ids, state, hidden?.reason ?? null, hidden?.by ?? null],
    );
  }

  async markAnnounced(tx: Sql, ids: string[]): Promise<void> {
    await tx.rows('UPDATE comments SET is_announced = true WHERE id = ANY($1::uuid[])', [ids]);
  }

  /** Hides a comment automatically; it stays in the queue until a facilitator decides. */
  async autoHide(tx: Sql, id: string, now: Date): Promise<void> {
    await tx.rows(
      `UPDATE comments SET moderation_state = 'hidden', hidden_reason = 'flagged',
              hidden_by = NULL, queue_reason = 'auto-hidden', queued_at = $2
        WHERE id = $1`,
      [id, now],
    );
  }

  async redact(tx: Sql, id: string, body: string, terms: string[], now: Date): Promise<void> {
    await tx.rows(
      `UPDATE comments SET body = $2, search_terms = $3, redacted_at = $4 WHERE id = $1`,
      [id, body, terms, now],
    );
  }

  /** Earlier comments of a person in a conversation, in any state, for the new-account hold. */
  async countByAuthor(tx: Sql, conversationId: string, authorId: string): Promise<number> {
    const row = await tx.row<{ count: number }>(
      `SELECT count(*)::int AS count FROM comments WHERE conversation_id = $1 AND author_id = $2`,
      [conversationId, authorId],
    );

    return row?.count ?? 0;
  }

  /** Inserts unless this person already flagged the comment; returns whether it inserted. */
  async addFlag(tx: Sql, flag: NewFlag, now: Date): Promise<boolean> {
    const rows = await tx.rows<{ id: string }>(
      `INSERT INTO comment_flags (comment_id, conversation_id, user_id, reason, text, weight,
                                  created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (comment_id, user_id) WHERE user_id IS NOT NULL DO NOTHING
       RETURNING id`,
      [flag.commentId, flag.conversationId, flag.userId, flag.reason, flag.text, flag.weight, now],
    );
    if (rows.length === 0) return false;

    await tx.rows(
      `UPDATE comments SET flag_count = flag_count + 1, flag_weight = flag_weight + $2
        WHERE id = $1`,
      [flag.commentId, flag.weight],
    );

    return true;
  }

  /** How this person's earlier flags were judged, across every conversation. */
  async flagRecord(tx: Sql, userId: string): Promise<{ upheld: number; rejected: number }> {
    const row = await tx.row<{ upheld: number; rejected: number }>(
      `SELECT count(*) FILTER (WHERE outcome = 'upheld')::int AS upheld,
              count(*) FILTER (WHERE outcome = 'rejected')::int AS rejected
         FROM comment_flags WHERE user_id = $1`,
      [userId],
    );

    return row ?? { upheld: 0, rejected: 0 };
  }

  /** Settles the open flags of comments; the weight left on a comment counts open flags only. */
  async decideFlags(
    tx: Sql,
    ids: string[],
    outcome: 'upheld' | 'rejected',
    now: Date,
  ): Promise<void> {
    await tx.rows(
      `UPDATE comment_flags SET outcome = $2, decided_at = $3
        WHERE comment_id = ANY($1::uuid[]) AND outcome = 'open'`,
      [ids, outcome, now],
    );
    await tx.rows(`UPDATE comments SET flag_weight = 0 WHERE id = ANY($1::uuid[])`, [ids]);
  }

  /** Inserts the one appeal a comment may have; returns whether it inserted. */
  async addAppeal(
    tx: Sql,
    appeal: { commentId: string; userId: string; text: string; hiddenBy: string | null },
    now: Date,
  ): Promise<boolean> {
    const rows = await tx.rows<{ id: string }>(
      `INSERT INTO comment_appeals (comment_id, user_id, text, hidden_by, created_at)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING comment_id AS id`,
      [appeal.commentId, appeal.userId, appeal.text, appeal.hiddenBy, now],
    );

    return rows.length === 1;
  }

  openAppeals(tx: Sql, ids: string[]): Promise<AppealRecord[]> {
    return tx.rows<AppealRecord>(
      `SELECT comment_id AS "commentId", user_id AS "userId", hidden_by AS "hiddenBy", outcome
         FROM comment_appeals WHERE comment_id = ANY($1::uuid[]) AND outcome = 'open'`,
      [ids],
    );
  }

  async decideAppeals(
    tx: Sql,
    ids: string[],
    outcome: 'restored' | 'upheld',
    by: string,
    now: Date,
  ): Promise<void> {
    await tx.rows(
      `UPDATE comment_appeals SET outcome = $2, decided_by = $3, decided_at = $4
        WHERE comment_id = ANY($1::uuid[]) AND outcome = 'open'`,
      [ids, outcome, by, now],
    );
  }

  async queue(filter: QueueFilter): Promise<{ rows: QueueRow[]; total: number }> {
    const order =
      filter.sort === 'most-flagged'
        ? 'c.flag_weight DESC, c.flag_count DESC, c.queued_at DESC, c.id'
        : 'c.queued_at DESC, c.id';
    const where = `c.conversation_id = $1 AND c.queue_reason IS NOT NULL
      AND ($2::text IS NULL OR c.queue_reason = $2) AND ($3::uuid IS NULL OR c.topic_id = $3)`;
    const params = [filter.conversationId, filter.reason, filter.topicId];

    const [rows, total] = await Promise.all([
      this.pool.rows<QueueRow>(
        `SELECT c.id, c.queue_reason AS "queueReason", c.flag_count AS "flagCount",
                c.flag_weight AS "flagWeight", c.hidden_by AS "hiddenBy",
                c.parent_id AS "parentId", p.body AS "parentBody", c.root_id AS "rootId",
                CASE WHEN r.id <> c.id THEN r.body END AS "rootBody",
                coalesce((SELECT json_agg(json_build_object('reason', f.reason, 'text', f.text,
                                          'createdAt', f.created_at) ORDER BY f.id)
                            FROM comment_flags f
                           WHERE f.comment_id = c.id AND f.outcome = 'open'), '[]') AS flags,
                a.text AS "appealText", a.outcome AS "appealOutcome",
                a.created_at AS "appealCreatedAt"
           FROM comments c
           LEFT JOIN comments p ON p.id = c.parent_id
           LEFT JOIN comments r ON r.id = c.root_id
           LEFT JOIN comment_appeals a ON a.comment_id = c.id
          WHERE ${where}
          ORDER BY ${order}
          LIMIT $4 OFFSET $5`,
        [...params, filter.limit, filter.offset],
      ),
      this.pool.row<{ count: number }>(
        `SELECT count(*)::int AS count FROM comments c WHERE ${where}`,
        params,
      ),
    ]);

    return { rows, total: total?.count ?? 0 };
  }
}
