import type { Sql } from '../database/sql';

export interface TagRecord {
  id: string;
  conversationId: string;
  nameBg: string;
  nameEn: string;
  description: string;
  commentCount: number;
  createdAt: Date;
}

export interface SuggestionRow {
  commentId: string;
  tagId: string;
  body: string;
  topicId: string;
  confidence: number;
}

const tagColumns = `g.id, g.conversation_id AS "conversationId", g.name_bg AS "nameBg",
  g.name_en AS "nameEn", g.description, g.created_at AS "createdAt",
  (SELECT count(*)::int FROM comment_tags ct WHERE ct.tag_id = g.id) AS "commentCount"`;

/** The codebook, tags on comments and the classifier's suggestions. */
export class TagsRepository {
  constructor(private readonly pool: Sql) {}

  list(conversationId: string): Promise<TagRecord[]> {
    return this.pool.rows<TagRecord>(
      `SELECT ${tagColumns} FROM tags g WHERE g.conversation_id = $1 ORDER BY g.name_bg, g.id`,
      [conversationId],
    );
  }

  find(id: string, tx: Sql = this.pool): Promise<TagRecord | null> {
    return tx.row<TagRecord>(`SELECT ${tagColumns} FROM tags g WHERE g.id = $1`, [id]);
  }

  async insert(
    tx: Sql,
    tag: Pick<TagRecord, 'conversationId' | 'nameBg' | 'nameEn' | 'description'>,
    createdBy: string,
    now: Date,
  ): Promise<string> {
    const row = await tx.row<{ id: string }>(
      `INSERT INTO tags (conversation_id, name_bg, name_en, description, created_by, created_at,
                         updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id`,
      [tag.conversationId, tag.nameBg, tag.nameEn, tag.description, createdBy, now],
    );

    return row!.id;
  }

  async update(
    tx: Sql,
    id: string,
    change: Partial<Pick<TagRecord, 'nameBg' | 'nameEn' | 'description'>>,
    now: Date,
  ) {
    await tx.rows(
      `UPDATE tags SET name_bg = coalesce($2, name_bg), name_en = coalesce($3, name_en),
              description = coalesce($4, description), updated_at = $5 WHERE id = $1`,
      [id, change.nameBg ?? null, change.nameEn ?? null, change.description ?? null, now],
    );
  }

  async remove(tx: Sql, id: string) {
    await tx.rows('DELETE FROM tags WHERE id = $1', [id]);
  }

  async tag(
    tx: Sql,
    entry: { commentId: string; tagId: string; conversationId: string },
    source: 'manual' | 'suggestion',
    userId: string,
    now: Date,
  ): Promise<boolean> {
    const rows = await tx.rows<{ id: string }>(
      `INSERT INTO comment_tags (comment_id, tag_id, conversation_id, source, tagged_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING comment_id AS id`,
      [entry.commentId, entry.tagId, entry.conversationId, source, userId, now],
    );

    return rows.length > 0;
  }

  async untag(tx: Sql, commentId: string, tagId: string): Promise<boolean> {
    const rows = await tx.rows<{ id: string }>(
      `DELETE FROM comment_tags WHERE comment_id = $1 AND tag_id = $2 RETURNING comment_id AS id`,
      [commentId, tagId],
    );

    return rows.length > 0;
  }

  /** Published comments with the ids of their hand-given tags (empty for untagged ones). */
  training(conversationId: string) {
    return this.pool.rows<{ id: string; body: string; tagIds: string[] }>(
      `SELECT c.id, c.body,
              coalesce(array_agg(ct.tag_id) FILTER (WHERE ct.tag_id IS NOT NULL), '{}') AS "tagIds"
         FROM comments c LEFT JOIN comment_tags ct ON ct.comment_id = c.id
        WHERE c.conversation_id = $1 AND c.status = 'visible' AND c.moderation_state = 'published'
        GROUP BY c.id ORDER BY c.created_at, c.id`,
      [conversationId],
    );
  }

  /** Replaces open suggestions; rejected ones are never offered again. */
  async replaceSuggestions(
    tx: Sql,
    conversationId: string,
    rows: Array<{ commentId: string; tagId: string; confidence: number }>,
    now: Date,
  ) {
    await tx.rows(`DELETE FROM tag_suggestions WHERE conversation_id = $1 AND status = 'open'`, [
      conversationId,
    ]);
    if (rows.length === 0) return;
    await tx.rows(
      `INSERT INTO tag_suggestions (comment_id, tag_id, conversation_id, confidence, created_at)
       SELECT s.comment_id, s.tag_id, $1, s.confidence, $2
         FROM unnest($3::uuid[], $4::uuid[], $5::float8[]) AS s (comment_id, tag_id, confidence)
       ON CONFLICT (comment_id, tag_id) DO NOTHING`,
      [
        conversationId,
        now,
        rows.map((row) => row.commentId),
        rows.map((row) => row.tagId),
        rows.map((row) => row.confidence),
      ],
    );
  }

  suggestions(conversationId: string, limit: number): Promise<SuggestionRow[]> {
    return this.pool.rows<SuggestionRow>(
      `SELECT s.comment_id AS "commentId", s.tag_id AS "tagId", c.body, c.topic_id AS "topicId",
              s.confidence
         FROM tag_suggestions s JOIN comments c ON c.id = s.comment_id
        WHERE s.conversation_id = $1 AND s.status = 'open' AND c.status = 'visible'
        ORDER BY s.confidence DESC, s.comment_id LIMIT $2`,
      [conversationId, limit],
    );
  }

  async decide(
    tx: Sql,
    commentId: string,
    tagId: string,
    accept: boolean,
    userId: string,
    now: Date,
  ): Promise<{ conversationId: string } | null> {
    return tx.row<{ conversationId: string }>(
      `UPDATE tag_suggestions SET status = $3, decided_by = $4, decided_at = $5
        WHERE comment_id = $1 AND tag_id = $2 AND status = 'open'
        RETURNING conversation_id AS "conversationId"`,
      [commentId, tagId, accept ? 'accepted' : 'rejected', userId, now],
    );
  }

  async commentConversation(commentId: string): Promise<string | null> {
    const row = await this.pool.row<{ conversationId: string }>(
      'SELECT conversation_id AS "conversationId" FROM comments WHERE id = $1',
      [commentId],
    );

    return row?.conversationId ?? null;
  }
}
