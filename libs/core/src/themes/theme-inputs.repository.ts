import type { Sql } from '../database/sql';
import { answerInputId, splitInputs } from './theme-inputs';

export interface InputText {
  /** The input id: a comment id, or "answer:" and an answer id. */
  id: string;
  body: string;
}

/** The input of a run as it stood when the run was asked for. */
export interface InputSnapshot {
  commentIds: string[];
  /** Earlier texts of each edited comment, so the run reads the text it was asked for. */
  revisions: Record<string, number>;
  answers: InputText[];
}

export interface QuoteRow {
  id: string;
  kind: 'comment' | 'answer';
  commentId: string | null;
  topicId: string | null;
  pollId: string | null;
  questionBg: string | null;
  questionEn: string | null;
  body: string;
  language: string;
  agree: number;
  disagree: number;
  createdAt: Date;
}

const liveComment = `c.status = 'visible' AND c.moderation_state = 'published'`;

/** Columns of a quote from `comments c`, or from `open_answer_texts o` joined to `polls p`. */
export const commentQuoteColumns = `c.id::text AS id, 'comment' AS kind, c.id AS "commentId",
  c.topic_id AS "topicId", NULL::uuid AS "pollId", NULL AS "questionBg", NULL AS "questionEn",
  c.body, c.language, c.agree_count AS agree, c.disagree_count AS disagree,
  c.created_at AS "createdAt"`;
export const answerQuoteColumns = `'answer:' || o.id AS id, 'answer' AS kind,
  NULL::uuid AS "commentId", o.topic_id AS "topicId", o.poll_id AS "pollId",
  p.question_bg AS "questionBg", p.question_en AS "questionEn", o.body,
  coalesce(o.language, 'bg') AS language, 0 AS agree, 0 AS disagree, o.created_at AS "createdAt"`;

/**
 * What theme runs and placement read: published, visible comments and the texts of open poll
 * answers of a conversation, named by input id.
 */
export class ThemeInputsRepository {
  constructor(private readonly pool: Sql) {}

  async snapshot(tx: Sql, conversationId: string): Promise<InputSnapshot> {
    const comments = await tx.rows<{ id: string; revision: number }>(
      `SELECT c.id, CASE WHEN c.edited_at IS NULL THEN 0 ELSE
                (SELECT count(*)::int FROM comment_revisions r WHERE r.comment_id = c.id) END
              AS revision
         FROM comments c WHERE c.conversation_id = $1 AND ${liveComment}
        ORDER BY c.created_at, c.id`,
      [conversationId],
    );
    const answers = await tx.rows<InputText>(
      `SELECT 'answer:' || o.id AS id, o.body FROM open_answer_texts o
        WHERE o.conversation_id = $1 ORDER BY o.created_at, o.id`,
      [conversationId],
    );

    return {
      commentIds: comments.map((row) => row.id),
      revisions: Object.fromEntries(
        comments.filter((row) => row.revision > 0).map((row) => [row.id, row.revision]),
      ),
      answers,
    };
  }

  async count(tx: Sql, conversationId: string): Promise<number> {
    const row = await tx.row<{ count: number }>(
      `SELECT (SELECT count(*) FROM comments c WHERE c.conversation_id = $1 AND ${liveComment})
            + (SELECT count(*) FROM open_answer_texts o WHERE o.conversation_id = $1) AS count`,
      [conversationId],
    );

    return Number(row?.count ?? 0);
  }

  /** Comment texts at the given revisions (0, or absent, is the text as first posted). */
  async commentTexts(ids: string[], revisions: Record<string, number>) {
    const rows = await this.pool.rows<InputText>(
      `SELECT c.id, CASE WHEN c.edited_at IS NULL THEN c.body ELSE coalesce(
                (SELECT r.body FROM comment_revisions r WHERE r.comment_id = c.id
                  ORDER BY r.id OFFSET p.revision LIMIT 1), c.body) END AS body
         FROM unnest($1::uuid[], $2::int[]) AS p (id, revision) JOIN comments c ON c.id = p.id`,
      [ids, ids.map((id) => revisions[id] ?? 0)],
    );

    return new Map(rows.map((row) => [row.id, row.body]));
  }

  /** The current texts of inputs, by input id. */
  async texts(inputIds: string[], tx: Sql = this.pool): Promise<Map<string, string>> {
    const { commentIds, answerIds } = splitInputs(inputIds);
    const rows = await tx.rows<InputText>(
      `SELECT id::text AS id, body FROM comments WHERE id = ANY($1::uuid[])
       UNION ALL
       SELECT 'answer:' || id, body FROM open_answer_texts WHERE id = ANY($2::uuid[])`,
      [commentIds, answerIds],
    );

    return new Map(rows.map((row) => [row.id, row.body]));
  }

  /** Inputs with no theme yet (arrived after the run, approved late, or re-placed after edits). */
  unplaced(tx: Sql, conversationId: string, limit: number): Promise<InputText[]> {
    return tx.rows<InputText>(
      `SELECT id, body FROM (
         SELECT c.id::text AS id, c.body, c.created_at FROM comments c
          WHERE c.conversation_id = $1 AND ${liveComment}
            AND NOT EXISTS (SELECT 1 FROM comment_themes ct WHERE ct.comment_id = c.id)
         UNION ALL
         SELECT 'answer:' || o.id, o.body, o.created_at FROM open_answer_texts o
          WHERE o.conversation_id = $1
            AND NOT EXISTS (SELECT 1 FROM comment_themes ct WHERE ct.answer_id = o.id)) u
        ORDER BY created_at, id LIMIT $2`,
      [conversationId, limit],
    );
  }

  async countUnplaced(conversationId: string): Promise<number> {
    const row = await this.pool.row<{ count: number }>(
      `SELECT (SELECT count(*) FROM comments c
                WHERE c.conversation_id = $1 AND ${liveComment}
                  AND NOT EXISTS (SELECT 1 FROM comment_themes ct WHERE ct.comment_id = c.id))
            + (SELECT count(*) FROM open_answer_texts o WHERE o.conversation_id = $1
                  AND NOT EXISTS (SELECT 1 FROM comment_themes ct WHERE ct.answer_id = o.id))
              AS count`,
      [conversationId],
    );

    return Number(row?.count ?? 0);
  }

  /** Live inputs by input id, in the given order; others are left out. */
  async quotes(inputIds: string[]): Promise<QuoteRow[]> {
    if (inputIds.length === 0) return [];
    const { commentIds, answerIds } = splitInputs(inputIds);
    const rows = await this.pool.rows<QuoteRow>(
      `SELECT ${commentQuoteColumns} FROM comments c
        WHERE c.id = ANY($1::uuid[]) AND ${liveComment}
       UNION ALL
       SELECT ${answerQuoteColumns} FROM open_answer_texts o JOIN polls p ON p.id = o.poll_id
        WHERE o.id = ANY($2::uuid[])`,
      [commentIds, answerIds],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));

    return inputIds.flatMap((id) => byId.get(id) ?? []);
  }

  /** The answer ids of one person's answer to a poll, as an input id, if it has a text. */
  async answerOf(pollId: string, userId: string): Promise<string | null> {
    const row = await this.pool.row<{ id: string }>(
      'SELECT id FROM open_answer_texts WHERE poll_id = $1 AND author_id = $2',
      [pollId, userId],
    );

    return row ? answerInputId(row.id) : null;
  }
}
