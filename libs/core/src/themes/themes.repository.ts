import type { ThemeStatus } from '@razgovor/contracts';
import type { Sql } from '../database/sql';
import { inputColumns, splitInputs } from './theme-inputs';
import { answerQuoteColumns, commentQuoteColumns, type QuoteRow } from './theme-inputs.repository';

export interface ThemeRecord {
  id: string;
  conversationId: string;
  autoLabel: string;
  labelBg: string | null;
  labelEn: string | null;
  terms: string[];
  size: number;
  status: ThemeStatus;
  isPinned: boolean;
  isHidden: boolean;
  mergedInto: string | null;
  lastRunId: string | null;
}

export interface RunThemeRow {
  runId: string;
  themeId: string;
  position: number;
  label: string;
  terms: string[];
  size: number;
  /** Input ids, comments and answers, in rank order. */
  representativeIds: string[];
  match: 'new' | 'matched' | 'pinned';
  overlap: number | null;
}

export interface CommentText {
  id: string;
  body: string;
}

export interface Placement {
  /** An input id: a comment id, or "answer:" and an answer id. */
  commentId: string;
  themeId: string | null;
  confidence: number;
}

export interface ThemeCommentRow extends QuoteRow {
  themeId: string | null;
  confidence: number;
  source: 'run' | 'placed' | 'moved';
  tagIds: string[];
}

const themeColumns = `t.id, t.conversation_id AS "conversationId", t.auto_label AS "autoLabel",
  t.label_bg AS "labelBg", t.label_en AS "labelEn", t.terms, t.size, t.status,
  t.is_pinned AS "isPinned", t.is_hidden AS "isHidden", t.merged_into AS "mergedInto",
  t.last_run_id AS "lastRunId"`;

/** A membership row `ct` whose input still counts: a live comment, or an answer (gone ones cascade). */
const liveMember = `(ct.answer_id IS NOT NULL
  OR (c.status = 'visible' AND c.moderation_state = 'published'))`;

/** Themes, their membership and the output rows of runs. */
export class ThemesRepository {
  constructor(private readonly pool: Sql) {}

  find(id: string, tx: Sql = this.pool): Promise<ThemeRecord | null> {
    return tx.row<ThemeRecord>(`SELECT ${themeColumns} FROM themes t WHERE t.id = $1`, [id]);
  }

  lock(tx: Sql, ids: string[]): Promise<ThemeRecord[]> {
    return tx.rows<ThemeRecord>(
      `SELECT ${themeColumns} FROM themes t WHERE t.id = ANY($1::uuid[]) ORDER BY t.id FOR UPDATE`,
      [ids],
    );
  }

  listActive(conversationId: string, tx: Sql = this.pool): Promise<ThemeRecord[]> {
    return tx.rows<ThemeRecord>(
      `SELECT ${themeColumns} FROM themes t WHERE t.conversation_id = $1 AND t.status = 'active'
        ORDER BY t.size DESC, t.id`,
      [conversationId],
    );
  }

  /** Current members of the active themes of a conversation, per theme. */
  async members(tx: Sql, conversationId: string): Promise<Map<string, string[]>> {
    const rows = await tx.rows<{ themeId: string; ids: string[] }>(
      `SELECT ct.theme_id AS "themeId", array_agg(ct.item_id ORDER BY ct.item_id) AS ids
         FROM comment_themes ct JOIN themes t ON t.id = ct.theme_id
        WHERE ct.conversation_id = $1 AND t.status = 'active'
        GROUP BY ct.theme_id`,
      [conversationId],
    );

    return new Map(rows.map((row) => [row.themeId, row.ids]));
  }

  async moved(tx: Sql, conversationId: string) {
    return tx.rows<{ commentId: string; themeId: string | null }>(
      `SELECT item_id AS "commentId", theme_id AS "themeId" FROM comment_themes
        WHERE conversation_id = $1 AND source = 'moved' ORDER BY item_id`,
      [conversationId],
    );
  }

  async insertTheme(
    tx: Sql,
    theme: { id: string; conversationId: string; autoLabel: string; terms: string[] },
    runId: string | null,
    now: Date,
  ): Promise<void> {
    await tx.rows(
      `INSERT INTO themes (id, conversation_id, auto_label, terms, first_run_id, last_run_id,
                           created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $5, $6, $6)`,
      [theme.id, theme.conversationId, theme.autoLabel, theme.terms, runId, now],
    );
  }

  async refreshTheme(
    tx: Sql,
    id: string,
    change: { autoLabel: string; terms: string[]; runId: string },
    now: Date,
  ) {
    await tx.rows(
      `UPDATE themes SET auto_label = $2, terms = $3, last_run_id = $4, status = 'active',
              updated_at = $5 WHERE id = $1`,
      [id, change.autoLabel, change.terms, change.runId, now],
    );
  }

  async update(
    tx: Sql,
    id: string,
    change: Partial<Pick<ThemeRecord, 'labelBg' | 'labelEn' | 'isPinned' | 'isHidden'>>,
    now: Date,
  ): Promise<void> {
    const columns: Record<string, string> = {
      labelBg: 'label_bg',
      labelEn: 'label_en',
      isPinned: 'is_pinned',
      isHidden: 'is_hidden',
    };
    const entries = Object.entries(change).filter(([, value]) => value !== undefined);
    const sets = entries.map(([key], index) => `${columns[key]} = $${index + 3}`);
    await tx.rows(`UPDATE themes SET ${[...sets, 'updated_at = $2'].join(', ')} WHERE id = $1`, [
      id,
      now,
      ...entries.map(([, value]) => value),
    ]);
  }

  async retireOthers(tx: Sql, conversationId: string, keep: string[], now: Date) {
    const rows = await tx.rows<{ id: string }>(
      `UPDATE themes SET status = 'retired', updated_at = $3
        WHERE conversation_id = $1 AND status = 'active' AND NOT (id = ANY($2::uuid[]))
        RETURNING id`,
      [conversationId, keep, now],
    );

    return rows.map((row) => row.id);
  }

  async markMerged(tx: Sql, ids: string[], intoId: string, now: Date) {
    await tx.rows(
      `UPDATE themes SET status = 'merged', merged_into = $2, is_pinned = false, updated_at = $3
        WHERE id = ANY($1::uuid[])`,
      [ids, intoId, now],
    );
  }

  async insertRunThemes(tx: Sql, rows: RunThemeRow[]): Promise<void> {
    if (rows.length === 0) return;
    await tx.rows(
      `INSERT INTO theme_run_themes (run_id, theme_id, position, label, terms, size,
                                     representative_ids, representatives, match, overlap)
       SELECT r.run_id, r.theme_id, r.position, r.label,
              ARRAY(SELECT jsonb_array_elements_text(r.terms)),
              r.size, ARRAY(SELECT e FROM jsonb_array_elements_text(r.representative_ids) e
                             WHERE e NOT LIKE 'answer:%')::uuid[],
              ARRAY(SELECT jsonb_array_elements_text(r.representative_ids)),
              r.match, r.overlap
         FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::jsonb[], $6::int[],
                     $7::jsonb[], $8::text[], $9::float8[])
           AS r (run_id, theme_id, position, label, terms, size, representative_ids, match,
                 overlap)`,
      [
        rows.map((row) => row.runId),
        rows.map((row) => row.themeId),
        rows.map((row) => row.position),
        rows.map((row) => row.label),
        rows.map((row) => JSON.stringify(row.terms)),
        rows.map((row) => row.size),
        rows.map((row) => JSON.stringify(row.representativeIds)),
        rows.map((row) => row.match),
        rows.map((row) => row.overlap),
      ],
    );
  }

  async insertRunAssignments(tx: Sql, runId: string, placements: Placement[]): Promise<void> {
    if (placements.length === 0) return;
    await tx.rows(
      `INSERT INTO theme_run_assignments (run_id, comment_id, answer_id, theme_id, confidence)
       SELECT $1, k.comment_id, k.answer_id, a.theme_id, a.confidence
         FROM unnest($2::text[], $3::uuid[], $4::float8[]) AS a (item_id, theme_id, confidence)
        CROSS JOIN LATERAL (SELECT ${inputColumns('a.item_id')}) AS k (comment_id, answer_id)
        WHERE EXISTS (SELECT 1 FROM comments c WHERE c.id = k.comment_id)
           OR EXISTS (SELECT 1 FROM poll_answers p WHERE p.id = k.answer_id)`,
      [
        runId,
        placements.map((placement) => placement.commentId),
        placements.map((placement) => placement.themeId),
        placements.map((placement) => placement.confidence),
      ],
    );
  }

  /** Sets the current theme of comments; `keepMoved` leaves comments a person moved alone. */
  async assign(
    tx: Sql,
    conversationId: string,
    placements: Placement[],
    source: 'run' | 'placed' | 'moved',
    runId: string | null,
    now: Date,
    keepMoved: boolean,
  ): Promise<number> {
    if (placements.length === 0) return 0;
    const rows = await tx.rows<{ id: string }>(
      `INSERT INTO comment_themes (comment_id, answer_id, conversation_id, theme_id, confidence,
                                   source, run_id, updated_at)
       SELECT k.comment_id, k.answer_id, $1, a.theme_id, a.confidence, $5, $6, $7
         FROM unnest($2::text[], $3::uuid[], $4::float8[]) AS a (item_id, theme_id, confidence)
        CROSS JOIN LATERAL (SELECT ${inputColumns('a.item_id')}) AS k (comment_id, answer_id)
        WHERE EXISTS (SELECT 1 FROM comments c WHERE c.id = k.comment_id AND c.conversation_id = $1)
           OR EXISTS (SELECT 1 FROM open_answer_texts o
                       WHERE o.id = k.answer_id AND o.conversation_id = $1)
       ON CONFLICT (item_id) DO UPDATE
         SET theme_id = excluded.theme_id, confidence = excluded.confidence,
             source = excluded.source, run_id = excluded.run_id, updated_at = excluded.updated_at
         WHERE NOT ($8 AND comment_themes.source = 'moved')
       RETURNING item_id AS id`,
      [
        conversationId,
        placements.map((placement) => placement.commentId),
        placements.map((placement) => placement.themeId),
        placements.map((placement) => placement.confidence),
        source,
        runId,
        now,
        keepMoved,
      ],
    );

    return rows.length;
  }

  /** Comments whose theme was retired go to "other" until the next run. */
  async releaseRetired(tx: Sql, conversationId: string, now: Date): Promise<void> {
    await tx.rows(
      `UPDATE comment_themes ct SET theme_id = NULL, source = 'run', updated_at = $2
         FROM themes t
        WHERE ct.theme_id = t.id AND ct.conversation_id = $1 AND t.status <> 'active'`,
      [conversationId, now],
    );
  }

  async moveAll(tx: Sql, fromIds: string[], toId: string, now: Date): Promise<void> {
    await tx.rows(
      `UPDATE comment_themes SET theme_id = $2, updated_at = $3 WHERE theme_id = ANY($1::uuid[])`,
      [fromIds, toId, now],
    );
  }

  /** Recounts the visible, published members of every active theme of a conversation. */
  async recount(tx: Sql, conversationId: string): Promise<void> {
    await tx.rows(
      `UPDATE themes t SET size = (
          SELECT count(*) FROM comment_themes ct LEFT JOIN comments c ON c.id = ct.comment_id
           WHERE ct.theme_id = t.id AND ${liveMember})
        WHERE t.conversation_id = $1 AND t.status = 'active'`,
      [conversationId],
    );
  }

  async countOther(conversationId: string): Promise<number> {
    const row = await this.pool.row<{ count: number }>(
      `SELECT count(*)::int AS count FROM comment_themes ct
         LEFT JOIN comments c ON c.id = ct.comment_id
        WHERE ct.conversation_id = $1 AND ct.theme_id IS NULL AND ${liveMember}`,
      [conversationId],
    );

    return row?.count ?? 0;
  }

  runThemes(runId: string, tx: Sql = this.pool): Promise<RunThemeRow[]> {
    return tx.rows<RunThemeRow>(
      `SELECT run_id AS "runId", theme_id AS "themeId", position, label, terms, size,
              coalesce(representatives, representative_ids::text[]) AS "representativeIds",
              match, overlap
         FROM theme_run_themes WHERE run_id = $1 ORDER BY position`,
      [runId],
    );
  }

  /** Follows merges to the theme that now holds a merged theme's comments. */
  async resolve(tx: Sql, ids: string[]): Promise<Map<string, string>> {
    const rows = await tx.rows<{ id: string; target: string }>(
      `WITH RECURSIVE chain (id, target, depth) AS (
         SELECT id, coalesce(merged_into, id), 0 FROM themes WHERE id = ANY($1::uuid[])
         UNION ALL
         SELECT chain.id, coalesce(t.merged_into, t.id), chain.depth + 1
           FROM chain JOIN themes t ON t.id = chain.target
          WHERE t.merged_into IS NOT NULL AND chain.depth < 20)
       SELECT DISTINCT ON (id) id, target FROM chain ORDER BY id, depth DESC`,
      [ids],
    );

    return new Map(rows.map((row) => [row.id, row.target]));
  }

  /** Stance totals, weekly counts and the most agreed comments of each theme. */
  async statistics(conversationId: string) {
    return this.pool.rows<{ themeId: string; agree: number; disagree: number }>(
      `SELECT ct.theme_id AS "themeId", coalesce(sum(c.agree_count), 0)::int AS agree,
              coalesce(sum(c.disagree_count), 0)::int AS disagree
         FROM comment_themes ct LEFT JOIN comments c ON c.id = ct.comment_id
        WHERE ct.conversation_id = $1 AND ct.theme_id IS NOT NULL AND ${liveMember}
        GROUP BY ct.theme_id`,
      [conversationId],
    );
  }

  async weekly(conversationId: string) {
    return this.pool.rows<{ themeId: string; week: string; count: number }>(
      `SELECT ct.theme_id AS "themeId",
              to_char(date_trunc('week', coalesce(c.created_at, a.created_at) AT TIME ZONE 'UTC'),
                      'YYYY-MM-DD') AS week,
              count(*)::int AS count
         FROM comment_themes ct LEFT JOIN comments c ON c.id = ct.comment_id
         LEFT JOIN poll_answers a ON a.id = ct.answer_id
        WHERE ct.conversation_id = $1 AND ct.theme_id IS NOT NULL AND ${liveMember}
        GROUP BY 1, 2 ORDER BY 2`,
      [conversationId],
    );
  }

  /** Comments and answers of a theme (or of "other" when themeId is null), most confident first. */
  comments(
    conversationId: string,
    themeId: string | null,
    after: { confidence: number; id: string } | null,
    limit: number,
  ): Promise<ThemeCommentRow[]> {
    const member = `ct.theme_id AS "themeId", ct.confidence, ct.source`;
    const page = `ct.conversation_id = $1 AND ct.theme_id IS NOT DISTINCT FROM $2::uuid
          AND ($3::float8 IS NULL OR (ct.confidence, ct.item_id) < ($3::float8, $4::text))`;

    return this.pool.rows<ThemeCommentRow>(
      `SELECT * FROM (
         SELECT ${commentQuoteColumns}, ${member},
                coalesce((SELECT array_agg(tag_id ORDER BY tag_id) FROM comment_tags g
                           WHERE g.comment_id = c.id), '{}') AS "tagIds"
           FROM comment_themes ct JOIN comments c ON c.id = ct.comment_id
          WHERE ${page} AND c.status = 'visible' AND c.moderation_state = 'published'
         UNION ALL
         SELECT ${answerQuoteColumns}, ${member}, '{}'::uuid[] AS "tagIds"
           FROM comment_themes ct JOIN open_answer_texts o ON o.id = ct.answer_id
           JOIN polls p ON p.id = o.poll_id
          WHERE ${page}) rows
        ORDER BY confidence DESC, id DESC
        LIMIT $5`,
      [conversationId, themeId, after?.confidence ?? null, after?.id ?? null, limit],
    );
  }

  /** The live inputs of a theme with their current texts, by input id. */
  async commentsOf(tx: Sql, themeId: string): Promise<CommentText[]> {
    return tx.rows<CommentText>(
      `SELECT ct.item_id AS id, coalesce(c.body, o.body) AS body
         FROM comment_themes ct LEFT JOIN comments c ON c.id = ct.comment_id
         LEFT JOIN open_answer_texts o ON o.id = ct.answer_id
        WHERE ct.theme_id = $1 AND ${liveMember} AND coalesce(c.body, o.body) IS NOT NULL
        ORDER BY coalesce(c.created_at, o.created_at), ct.item_id`,
      [themeId],
    );
  }

  /** Comments hidden, held or withdrawn since they were placed leave their theme. */
  async releaseGone(tx: Sql, conversationId: string): Promise<number> {
    const rows = await tx.rows<{ id: string }>(
      `DELETE FROM comment_themes ct USING comments c
        WHERE ct.conversation_id = $1 AND c.id = ct.comment_id
          AND NOT (c.status = 'visible' AND c.moderation_state = 'published')
       RETURNING ct.item_id AS id`,
      [conversationId],
    );

    return rows.length;
  }

  /** Forgets where inputs whose text changed were placed, so placement places them again. */
  async unplace(tx: Sql, conversationId: string, inputIds: string[]): Promise<number> {
    const { commentIds, answerIds } = splitInputs(inputIds);
    const rows = await tx.rows<{ id: string }>(
      `DELETE FROM comment_themes
        WHERE conversation_id = $1 AND source <> 'moved'
          AND (comment_id = ANY($2::uuid[]) OR answer_id = ANY($3::uuid[]))
       RETURNING item_id AS id`,
      [conversationId, commentIds, answerIds],
    );

    return rows.length;
  }

  async conversationOfComments(ids: string[]): Promise<string[]> {
    const rows = await this.pool.rows<{ conversationId: string }>(
      `SELECT DISTINCT conversation_id AS "conversationId" FROM comments
        WHERE id = ANY($1::uuid[])`,
      [ids],
    );

    return rows.map((row) => row.conversationId);
  }
}
