import type { CommentSort, Stance } from '@razgovor/contracts';
import type { Sql } from '../database/sql';
import { type CommentRecord, type NewComment, sortKeys } from './comment.records';

// The viewer's stance is joined in; $1 is always the viewer id (or null).
const select = `
  SELECT c.id, c.conversation_id AS "conversationId", c.topic_id AS "topicId",
         c.parent_id AS "parentId", c.root_id AS "rootId", c.ancestor_ids AS "ancestorIds",
         c.depth, c.path, c.author_id AS "authorId", u.display_name AS "authorName",
         u.deleted_at IS NOT NULL AS "isAuthorDeleted", c.body, c.language, c.status,
         c.agree_count AS agree, c.disagree_count AS disagree, c.controversy,
         c.reply_count AS "replyCount", c.last_activity_at AS "lastActivityAt",
         c.created_at AS "createdAt", c.edited_at AS "editedAt", s.stance AS "myStance",
         c.moderation_state AS "moderationState", c.hidden_reason AS "hiddenReason",
         c.redacted_at IS NOT NULL AS "isRedacted", ap.outcome AS "appealOutcome"
    FROM comments c
    JOIN users u ON u.id = c.author_id
    LEFT JOIN comment_stances s ON s.comment_id = c.id AND s.user_id = $1::uuid
    LEFT JOIN comment_appeals ap ON ap.comment_id = c.id`;

export interface CommentListOptions {
  topicId: string;
  parentId: string | null;
  sort: CommentSort;
  after: { value: string; id: string } | null;
  limit: number;
  viewerId: string | null;
  /** Facilitators also see held comments; others see only their own. */
  isFacilitator: boolean;
}

/** Held comments show only to their author ($1) and to facilitators (the given parameter). */
function visibleTo(isFacilitatorParam: string): string {
  return `(c.moderation_state <> 'pending' OR c.author_id = $1::uuid OR ${isFacilitatorParam})`;
}

export class CommentsRepository {
  constructor(private readonly pool: Sql) {}

  find(id: string, viewerId: string | null, tx: Sql = this.pool): Promise<CommentRecord | null> {
    return tx.row<CommentRecord>(`${select} WHERE c.id = $2`, [viewerId, id]);
  }

  /** Row-locks the comment so that counters and edits of it apply one at a time. */
  async lock(tx: Sql, id: string): Promise<CommentRecord | null> {
    await tx.rows('SELECT id FROM comments WHERE id = $1 FOR UPDATE', [id]);

    return this.find(id, null, tx);
  }

  async findIdByClientKey(tx: Sql, authorId: string, clientKey: string) {
    const row = await tx.row<{ id: string }>(
      'SELECT id FROM comments WHERE author_id = $1 AND client_key = $2',
      [authorId, clientKey],
    );

    return row?.id ?? null;
  }

  /** Inserts unless the author already used the client key; returns whether it inserted. */
  async insert(tx: Sql, comment: NewComment): Promise<boolean> {
    const rows = await tx.rows<{ id: string }>(
      `INSERT INTO comments (id, conversation_id, topic_id, author_id, parent_id, root_id,
                             ancestor_ids, depth, path, body, language, client_key,
                             search_terms, last_activity_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14)
       ON CONFLICT (author_id, client_key) WHERE client_key IS NOT NULL DO NOTHING
       RETURNING id`,
      [
        comment.id,
        comment.conversationId,
        comment.topicId,
        comment.authorId,
        comment.parentId,
        comment.rootId,
        comment.ancestorIds,
        comment.depth,
        comment.path,
        comment.body,
        comment.language,
        comment.clientKey,
        comment.searchTerms,
        comment.createdAt,
      ],
    );

    return rows.length === 1;
  }

  /** The next child number under a parent, taken under the parent's row lock. */
  async takeChildNumber(tx: Sql, parentId: string): Promise<number> {
    const row = await tx.row<{ n: number }>(
      'UPDATE comments SET child_count = child_count + 1 WHERE id = $1 RETURNING child_count AS n',
      [parentId],
    );

    return row!.n;
  }

  async countReply(tx: Sql, ancestorIds: string[], now: Date): Promise<void> {
    await tx.rows(
      `UPDATE comments SET reply_count = reply_count + 1, last_activity_at = $2
        WHERE id = ANY($1::uuid[])`,
      [ancestorIds, now],
    );
  }

  async replaceBody(
    tx: Sql,
    id: string,
    previous: { body: string; since: Date },
    body: string,
    searchTerms: string[],
    now: Date,
  ): Promise<void> {
    await tx.rows(
      'INSERT INTO comment_revisions (comment_id, body, created_at) VALUES ($1, $2, $3)',
      [id, previous.body, previous.since],
    );
    await tx.rows(
      `UPDATE comments SET body = $2, search_terms = $3, edited_at = $4, last_activity_at = $4
        WHERE id = $1`,
      [id, body, searchTerms, now],
    );
  }

  async withdraw(tx: Sql, id: string, now: Date): Promise<void> {
    await tx.rows(
      `UPDATE comments SET status = 'withdrawn', withdrawn_at = $2, search_terms = '{}'
        WHERE id = $1`,
      [id, now],
    );
  }

  listRevisions(commentId: string) {
    return this.pool.rows<{ body: string; createdAt: Date }>(
      `SELECT body, created_at AS "createdAt" FROM comment_revisions
        WHERE comment_id = $1 ORDER BY id`,
      [commentId],
    );
  }

  async findStance(tx: Sql, commentId: string, userId: string): Promise<Stance | null> {
    const row = await tx.row<{ stance: Stance }>(
      'SELECT stance FROM comment_stances WHERE comment_id = $1 AND user_id = $2',
      [commentId, userId],
    );

    return row?.stance ?? null;
  }

  async putStance(
    tx: Sql,
    commentId: string,
    userId: string,
    stance: Stance | null,
    now: Date,
  ): Promise<void> {
    if (stance === null) {
      await tx.rows('DELETE FROM comment_stances WHERE comment_id = $1 AND user_id = $2', [
        commentId,
        userId,
      ]);

      return;
    }

    await tx.rows(
      `INSERT INTO comment_stances (comment_id, user_id, stance, updated_at)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (comment_id, user_id) DO UPDATE SET stance = $3, updated_at = $4`,
      [commentId, userId, stance, now],
    );
  }

  async shiftCounts(tx: Sql, commentId: string, agree: number, disagree: number) {
    const row = await tx.row<{ agree: number; disagree: number }>(
      `UPDATE comments SET agree_count = agree_count + $2, disagree_count = disagree_count + $3
        WHERE id = $1 RETURNING agree_count AS agree, disagree_count AS disagree`,
      [commentId, agree, disagree],
    );

    return row!;
  }

  list(options: CommentListOptions): Promise<CommentRecord[]> {
    const key = sortKeys[options.sort];
    const direction = key.descending ? 'DESC' : 'ASC';
    const params: unknown[] = [options.viewerId, options.limit + 1, options.isFacilitator];
    const where: string[] = [visibleTo('$3::boolean')];
    if (options.parentId) {
      // Replies of a comment in another topic are not this topic's, whoever may read that one.
      params.push(options.parentId, options.topicId);
      where.push(`c.parent_id = $${params.length - 1} AND c.topic_id = $${params.length}`);
    } else {
      params.push(options.topicId);
      where.push(`c.topic_id = $${params.length} AND c.depth = 0`);
    }

    if (options.after) {
      params.push(options.after.value, options.after.id);
      const comparison = key.descending ? '<' : '>';
      where.push(
        `(c.${key.column}, c.id) ${comparison} ` +
          `($${params.length - 1}::${key.cast}, $${params.length}::uuid)`,
      );
    }

    return this.pool.rows<CommentRecord>(
      `${select} WHERE ${where.join(' AND ')}
        ORDER BY c.${key.column} ${direction}, c.id ${direction} LIMIT $2`,
      params,
    );
  }

  /**
   * What makes a page the viewer's own: their stances on the listed comments, and whether they
   * have held or hidden comments in the topic (which only they see as they are).
   */
  async viewerMarks(
    viewerId: string,
    topicId: string,
    commentIds: string[],
  ): Promise<{ stances: Record<string, Stance>; hasUnpublished: boolean }> {
    const row = await this.pool.row<{ stances: Record<string, Stance>; hasUnpublished: boolean }>(
      `SELECT coalesce((SELECT json_object_agg(comment_id, stance) FROM comment_stances
                         WHERE user_id = $1 AND comment_id = ANY($3::uuid[])), '{}') AS stances,
              EXISTS (SELECT 1 FROM comments
                       WHERE author_id = $1 AND topic_id = $2
                         AND moderation_state <> 'published') AS "hasUnpublished"`,
      [viewerId, topicId, commentIds],
    );

    return row!;
  }

  ancestors(
    comment: CommentRecord,
    viewerId: string | null,
    isFacilitator = false,
  ): Promise<CommentRecord[]> {
    return this.pool.rows<CommentRecord>(
      `${select} WHERE c.id = ANY($2::uuid[]) AND ${visibleTo('$3::boolean')} ORDER BY c.depth`,
      [viewerId, comment.ancestorIds, isFacilitator],
    );
  }

  /** Everything below a comment in thread order (depth-first, oldest first at each level). */
  descendants(
    comment: CommentRecord,
    viewerId: string | null,
    limit: number,
    isFacilitator = false,
  ) {
    return this.pool.rows<CommentRecord>(
      `${select} WHERE c.root_id = $2 AND c.path LIKE $3 AND ${visibleTo('$5::boolean')}
        ORDER BY c.path LIMIT $4`,
      [viewerId, comment.rootId, `${comment.path}/%`, limit, isFacilitator],
    );
  }

  /**
   * The first replies of each listed thread in thread order, at most `perThread` each, read
   * through the (root_id, path) index one thread at a time inside a single query.
   */
  firstReplies(
    rootIds: string[],
    viewerId: string | null,
    perThread: number,
    isFacilitator: boolean,
  ): Promise<CommentRecord[]> {
    return this.pool.rows<CommentRecord>(
      `SELECT thread.* FROM unnest($2::uuid[]) WITH ORDINALITY AS t (root_id, n)
        CROSS JOIN LATERAL (
          ${select} WHERE c.root_id = t.root_id AND c.depth > 0 AND ${visibleTo('$4::boolean')}
           ORDER BY c.path LIMIT $3
        ) thread
        ORDER BY t.n, thread.path`,
      [viewerId, rootIds, perThread, isFacilitator],
    );
  }

  /** Several comments by id, in no particular order (the review queue). */
  findMany(ids: string[], tx: Sql = this.pool): Promise<CommentRecord[]> {
    return tx.rows<CommentRecord>(`${select} WHERE c.id = ANY($2::uuid[])`, [null, ids]);
  }

  /** Visible comments holding any of the terms, scored by how many query words they match. */
  search(
    conversationId: string,
    terms: string[],
    wordOfTerm: number[],
    limit: number,
    viewerId: string | null,
  ) {
    return this.pool.rows<CommentRecord & { score: number }>(
      `SELECT * FROM (
         ${select.replace(
           'SELECT c.id,',
           `SELECT (SELECT count(DISTINCT q.word)::int FROM unnest($3::text[], $4::int[])
                      AS q (term, word) WHERE q.term = ANY(c.search_terms)) AS score, c.id,`,
         )}
          WHERE c.conversation_id = $2 AND c.status = 'visible'
            AND c.moderation_state = 'published' AND c.search_terms && $3::text[]
       ) found
       ORDER BY score DESC, "createdAt" DESC, id DESC
       LIMIT $5`,
      [viewerId, conversationId, terms, wordOfTerm, limit],
    );
  }
}
