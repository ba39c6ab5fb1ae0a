import type { SummaryReaction } from '@razgovor/contracts';
import type { Sql } from '../database/sql';

export interface SummaryRecord {
  id: string;
  conversationId: string;
  topicId: string;
  commentId: string | null;
  version: number;
  bodyBg: string;
  bodyEn: string;
  authorName: string | null;
  createdAt: Date;
  reflects: number;
  misses: number;
  myReaction: SummaryReaction | null;
}

// $1 is always the viewer id (or null).
const select = `
  SELECT s.id, s.conversation_id AS "conversationId", s.topic_id AS "topicId",
         s.comment_id AS "commentId", s.version, s.body_bg AS "bodyBg", s.body_en AS "bodyEn",
         u.display_name AS "authorName", s.created_at AS "createdAt",
         (SELECT count(*)::int FROM summary_responses r
           WHERE r.summary_id = s.id AND r.reaction = 'reflects') AS reflects,
         (SELECT count(*)::int FROM summary_responses r
           WHERE r.summary_id = s.id AND r.reaction = 'misses') AS misses,
         (SELECT r.reaction FROM summary_responses r
           WHERE r.summary_id = s.id AND r.user_id = $1::uuid) AS "myReaction"
    FROM summaries s LEFT JOIN users u ON u.id = s.author_id`;

export class SummariesRepository {
  constructor(private readonly pool: Sql) {}

  /** Adds the next version for the target; the caller holds the conversation lock. */
  async insert(
    tx: Sql,
    summary: Pick<SummaryRecord, 'conversationId' | 'topicId' | 'commentId' | 'bodyBg' | 'bodyEn'>,
    authorId: string,
    now: Date,
  ): Promise<string> {
    const row = await tx.row<{ id: string }>(
      `INSERT INTO summaries (conversation_id, topic_id, comment_id, version, body_bg, body_en,
                              author_id, created_at)
       VALUES ($1, $2, $3::uuid,
               (SELECT coalesce(max(version), 0) + 1 FROM summaries
                 WHERE topic_id = $2 AND comment_id IS NOT DISTINCT FROM $3::uuid),
               $4, $5, $6, $7)
       RETURNING id`,
      [
        summary.conversationId,
        summary.topicId,
        summary.commentId,
        summary.bodyBg,
        summary.bodyEn,
        authorId,
        now,
      ],
    );

    return row!.id;
  }

  find(id: string, viewerId: string | null, tx: Sql = this.pool) {
    return tx.row<SummaryRecord>(`${select} WHERE s.id = $2`, [viewerId, id]);
  }

  listForTopic(topicId: string, viewerId: string | null) {
    return this.pool.rows<SummaryRecord>(
      `${select} WHERE s.topic_id = $2 ORDER BY s.comment_id NULLS FIRST, s.version DESC`,
      [viewerId, topicId],
    );
  }

  async respond(
    summaryId: string,
    userId: string,
    reaction: SummaryReaction,
    comment: string | null,
    now: Date,
  ): Promise<void> {
    await this.pool.rows(
      `INSERT INTO summary_responses (summary_id, user_id, reaction, comment, created_at,
                                      updated_at)
       VALUES ($1, $2, $3, $4, $5, $5)
       ON CONFLICT (summary_id, user_id)
       DO UPDATE SET reaction = $3, comment = $4, updated_at = $5`,
      [summaryId, userId, reaction, comment, now],
    );
  }

  listResponses(summaryId: string) {
    return this.pool.rows<{ reaction: SummaryReaction; comment: string | null; createdAt: Date }>(
      `SELECT reaction, comment, created_at AS "createdAt" FROM summary_responses
        WHERE summary_id = $1 ORDER BY updated_at DESC LIMIT 500`,
      [summaryId],
    );
  }
}
