import type { ReportPreferenceChoice, ReportTagMode } from '@razgovor/contracts';
import type { Sql } from '../database/sql';

export interface ReportRecord {
  introductionBg: string;
  introductionEn: string;
  themeIds: string[];
  themeRunId: string | null;
  publishedAt: Date | null;
  preferences: ReportPreferenceChoice[] | null;
  tagMode: ReportTagMode;
}

export interface AnswerThemeRow {
  id: string;
  labelBg: string;
  labelEn: string;
  answers: number;
}

export interface TagCountRow {
  /** Null for the count over all public comments. */
  themeId: string | null;
  id: string;
  nameBg: string;
  nameEn: string;
  comments: number;
}

export interface DecisionRecord {
  id: string;
  textBg: string;
  textEn: string;
  themeIds: string[];
}

export interface ThemeOptionRecord {
  id: string;
  labelBg: string;
  labelEn: string;
  terms: string[];
  size: number;
  isHidden: boolean;
  runId: string;
}

export interface ThemeRunRecord {
  id: string;
  number: number;
  parameters: unknown;
  codeVersion: string;
  inputCount: number;
  completedAt: Date | null;
}

/** The facilitators' report settings and decisions ("you said, we did"). */
export class ReportsRepository {
  constructor(private readonly pool: Sql) {}

  find(conversationId: string): Promise<ReportRecord | null> {
    return this.pool.row<ReportRecord>(
      `SELECT introduction_bg AS "introductionBg", introduction_en AS "introductionEn",
              theme_ids::text[] AS "themeIds", theme_run_id AS "themeRunId",
              published_at AS "publishedAt", preferences, tag_mode AS "tagMode"
         FROM reports WHERE conversation_id = $1`,
      [conversationId],
    );
  }

  async save(
    conversationId: string,
    change: Partial<Omit<ReportRecord, 'publishedAt' | 'themeRunId'>>,
    userId: string,
    now: Date,
  ): Promise<void> {
    // preferences may be set back to null (the default choice), so a flag says whether it changes.
    await this.pool.rows(
      `INSERT INTO reports (conversation_id, introduction_bg, introduction_en, theme_ids,
                            preferences, tag_mode, updated_by, updated_at)
       VALUES ($1, coalesce($2, ''), coalesce($3, ''), coalesce($4::uuid[], '{}'), $7::jsonb,
               coalesce($8, 'none'), $5, $6)
       ON CONFLICT (conversation_id) DO UPDATE SET
         introduction_bg = coalesce($2, reports.introduction_bg),
         introduction_en = coalesce($3, reports.introduction_en),
         theme_ids = coalesce($4::uuid[], reports.theme_ids),
         preferences = CASE WHEN $9 THEN $7::jsonb ELSE reports.preferences END,
         tag_mode = coalesce($8, reports.tag_mode),
         updated_by = $5, updated_at = $6`,
      [
        conversationId,
        change.introductionBg ?? null,
        change.introductionEn ?? null,
        change.themeIds ?? null,
        userId,
        now,
        change.preferences ? JSON.stringify(change.preferences) : null,
        change.tagMode ?? null,
        change.preferences !== undefined,
      ],
    );
  }

  /** Publishing pins the theme run the report is built from; unpublishing keeps it on record. */
  async setPublished(
    conversationId: string,
    publishedAt: Date | null,
    themeRunId: string | null,
    userId: string,
    now: Date,
  ): Promise<void> {
    await this.save(conversationId, {}, userId, now);
    await this.pool.rows(
      `UPDATE reports SET published_at = $2, theme_run_id = coalesce($3, theme_run_id)
        WHERE conversation_id = $1`,
      [conversationId, publishedAt, themeRunId],
    );
  }

  decisions(conversationId: string): Promise<DecisionRecord[]> {
    return this.pool.rows<DecisionRecord>(
      `SELECT id, text_bg AS "textBg", text_en AS "textEn", theme_ids::text[] AS "themeIds"
         FROM report_decisions WHERE conversation_id = $1 ORDER BY position, created_at`,
      [conversationId],
    );
  }

  async addDecision(
    conversationId: string,
    decision: Omit<DecisionRecord, 'id'>,
    userId: string,
    now: Date,
  ): Promise<void> {
    await this.pool.rows(
      `INSERT INTO report_decisions (conversation_id, position, text_bg, text_en, theme_ids,
                                     created_by, created_at, updated_at)
       SELECT $1, coalesce(max(position), 0) + 1, $2, $3, $4, $5, $6, $6
         FROM report_decisions WHERE conversation_id = $1`,
      [conversationId, decision.textBg, decision.textEn, decision.themeIds, userId, now],
    );
  }

  async updateDecision(
    conversationId: string,
    decision: DecisionRecord,
    now: Date,
  ): Promise<boolean> {
    const rows = await this.pool.rows<{ id: string }>(
      `UPDATE report_decisions SET text_bg = $3, text_en = $4, theme_ids = $5, updated_at = $6
        WHERE conversation_id = $1 AND id = $2 RETURNING id`,
      [conversationId, decision.id, decision.textBg, decision.textEn, decision.themeIds, now],
    );

    return rows.length > 0;
  }

  async removeDecision(conversationId: string, id: string): Promise<boolean> {
    const rows = await this.pool.rows<{ id: string }>(
      'DELETE FROM report_decisions WHERE conversation_id = $1 AND id = $2 RETURNING id',
      [conversationId, id],
    );

    return rows.length > 0;
  }

  /** Themes of a run (the conversation's current one when runId is null), in the run's order. */
  themes(conversationId: string, runId: string | null): Promise<ThemeOptionRecord[]> {
    return this.pool.rows<ThemeOptionRecord>(
      `SELECT th.id, coalesce(th.label_bg, th.auto_label) AS "labelBg",
              coalesce(th.label_en, th.auto_label) AS "labelEn", rt.terms,
              (SELECT count(*) FROM comment_themes ct WHERE ct.theme_id = th.id)::int AS size,
              th.is_hidden AS "isHidden", rt.run_id AS "runId"
         FROM theme_run_themes rt JOIN themes th ON th.id = rt.theme_id
        WHERE th.conversation_id = $1
          AND rt.run_id = coalesce($2::uuid,
                (SELECT current_run_id FROM theme_settings WHERE conversation_id = $1))
        ORDER BY rt.position`,
      [conversationId, runId],
    );
  }

  async currentRunId(conversationId: string): Promise<string | null> {
    const row = await this.pool.row<{ id: string | null }>(
      'SELECT current_run_id AS id FROM theme_settings WHERE conversation_id = $1',
      [conversationId],
    );

    return row?.id ?? null;
  }

  /**
   * The codebook's tags with the public comments carrying them: over the conversation (themeId
   * null) and within each of the given themes. Tags on no public comment are left out.
   */
  tagCounts(conversationId: string, themeIds: string[]): Promise<TagCountRow[]> {
    return this.pool.rows<TagCountRow>(
      `SELECT NULL::uuid AS "themeId", g.id, g.name_bg AS "nameBg", g.name_en AS "nameEn",
              count(*)::int AS comments
         FROM tags g JOIN comment_tags t ON t.tag_id = g.id JOIN comments c ON c.id = t.comment_id
        WHERE g.conversation_id = $1 AND c.moderation_state = 'published' AND c.status = 'visible'
        GROUP BY g.id
       UNION ALL
       SELECT ct.theme_id, g.id, g.name_bg, g.name_en, count(*)::int
         FROM tags g JOIN comment_tags t ON t.tag_id = g.id JOIN comments c ON c.id = t.comment_id
         JOIN comment_themes ct ON ct.comment_id = c.id
        WHERE g.conversation_id = $1 AND c.moderation_state = 'published' AND c.status = 'visible'
          AND ct.theme_id = ANY($2::uuid[])
        GROUP BY ct.theme_id, g.id
        ORDER BY 5 DESC, 3, 2`,
      [conversationId, themeIds],
    );
  }

  /** The visible themes that an open poll's answers were placed in, the largest first. */
  answerThemes(pollId: string): Promise<AnswerThemeRow[]> {
    return this.pool.rows<AnswerThemeRow>(
      `SELECT th.id, coalesce(th.label_bg, th.auto_label) AS "labelBg",
              coalesce(th.label_en, th.auto_label) AS "labelEn", count(*)::int AS answers
         FROM comment_themes ct JOIN poll_answers a ON a.id = ct.answer_id
         JOIN themes th ON th.id = ct.theme_id
        WHERE a.poll_id = $1 AND NOT th.is_hidden
        GROUP BY th.id ORDER BY 4 DESC, 2`,
      [pollId],
    );
  }

  themeRun(runId: string): Promise<ThemeRunRecord | null> {
    return this.pool.row<ThemeRunRecord>(
      `SELECT id, number, parameters, code_version AS "codeVersion",
              input_count AS "inputCount", completed_at AS "completedAt"
         FROM theme_runs WHERE id = $1`,
      [runId],
    );
  }
}
