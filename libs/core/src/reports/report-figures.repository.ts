import type { Sql } from '../database/sql';

const isPublic = `c.moderation_state = 'published' AND c.status = 'visible'`;
const week = (column: string) =>
  `to_char(date_trunc('week', ${column} AT TIME ZONE 'UTC'), 'IYYY-"W"IW')`;

/** Everyone who took part: wrote a public comment or agreed/disagreed with one. */
const participation = `
  SELECT c.author_id AS user_id, c.created_at AS at,
         CASE WHEN c.depth = 0 THEN 'comment' ELSE 'reply' END AS kind
    FROM comments c WHERE c.conversation_id = $1 AND ${isPublic}
  UNION ALL
  SELECT s.user_id, s.updated_at, 'stance'
    FROM comment_stances s JOIN comments c ON c.id = s.comment_id
   WHERE c.conversation_id = $1`;

export interface WeekRow {
  week: string;
  people: number;
  comments: number;
  replies: number;
}

export interface CountRow {
  key: string | null;
  people: number;
}

export interface ThemeFigures {
  themeId: string;
  size: number;
  agree: number;
  disagree: number;
}

export interface ThemeWeekRow {
  themeId: string;
  week: string;
  comments: number;
}

export interface ThemeDistrictRow {
  themeId: string;
  /** Null for authors who did not say. */
  district: string | null;
  comments: number;
  people: number;
}

export interface QuoteRow {
  themeId: string;
  id: string;
  topicId: string;
  body: string;
  agree: number;
  disagree: number;
  createdAt: Date;
}

export interface SummaryRow {
  id: string;
  topicBg: string;
  topicEn: string;
  version: number;
  bodyBg: string;
  bodyEn: string;
  reflects: number;
  misses: number;
}

export interface AnswerRow {
  summaryId: string;
  reaction: string;
  comment: string;
}

const breakdownColumns = { district: 'district', ageBand: 'age_band', gender: 'gender' } as const;

/** The counts behind an insight report; public comments only, people never named. */
export class ReportFiguresRepository {
  constructor(private readonly pool: Sql) {}

  async totals(conversationId: string): Promise<WeekRow> {
    const [row] = await this.pool.rows<WeekRow>(
      `SELECT 'all' AS week, count(DISTINCT user_id)::int AS people,
              count(*) FILTER (WHERE kind = 'comment')::int AS comments,
              count(*) FILTER (WHERE kind = 'reply')::int AS replies
         FROM (${participation}) p`,
      [conversationId],
    );

    return row;
  }

  weekly(conversationId: string): Promise<WeekRow[]> {
    return this.pool.rows<WeekRow>(
      `SELECT ${week('at')} AS week, count(DISTINCT user_id)::int AS people,
              count(*) FILTER (WHERE kind = 'comment')::int AS comments,
              count(*) FILTER (WHERE kind = 'reply')::int AS replies
         FROM (${participation}) p GROUP BY 1 ORDER BY 1`,
      [conversationId],
    );
  }

  breakdown(conversationId: string, by: keyof typeof breakdownColumns): Promise<CountRow[]> {
    return this.pool.rows<CountRow>(
      `SELECT u.${breakdownColumns[by]} AS key, count(*)::int AS people
         FROM users u
        WHERE u.id IN (SELECT user_id FROM (${participation}) p)
        GROUP BY 1`,
      [conversationId],
    );
  }

  /** Comments in themes (the denominator of a theme's share). */
  async themedComments(conversationId: string): Promise<number> {
    const row = await this.pool.row<{ count: number }>(
      `SELECT count(*)::int AS count FROM comment_themes ct JOIN comments c ON c.id = ct.comment_id
        WHERE ct.conversation_id = $1 AND ct.theme_id IS NOT NULL AND ${isPublic}`,
      [conversationId],
    );

    return row?.count ?? 0;
  }

  themeFigures(themeIds: string[]): Promise<ThemeFigures[]> {
    return this.pool.rows<ThemeFigures>(
      `SELECT ct.theme_id AS "themeId", count(*)::int AS size,
              coalesce(sum(c.agree_count), 0)::int AS agree,
              coalesce(sum(c.disagree_count), 0)::int AS disagree
         FROM comment_themes ct JOIN comments c ON c.id = ct.comment_id
        WHERE ct.theme_id = ANY($1::uuid[]) AND ${isPublic}
        GROUP BY 1`,
      [themeIds],
    );
  }

  themeWeeks(themeIds: string[]): Promise<ThemeWeekRow[]> {
    return this.pool.rows<ThemeWeekRow>(
      `SELECT ct.theme_id AS "themeId", ${week('c.created_at')} AS week, count(*)::int AS comments
         FROM comment_themes ct JOIN comments c ON c.id = ct.comment_id
        WHERE ct.theme_id = ANY($1::uuid[]) AND ${isPublic}
        GROUP BY 1, 2 ORDER BY 2`,
      [themeIds],
    );
  }

  themeDistricts(themeIds: string[]): Promise<ThemeDistrictRow[]> {
    return this.pool.rows<ThemeDistrictRow>(
      `SELECT ct.theme_id AS "themeId", u.district, count(*)::int AS comments,
              count(DISTINCT c.author_id)::int AS people
         FROM comment_themes ct JOIN comments c ON c.id = ct.comment_id
         JOIN users u ON u.id = c.author_id
        WHERE ct.theme_id = ANY($1::uuid[]) AND ${isPublic}
        GROUP BY 1, 2`,
      [themeIds],
    );
  }

  /** The run's representative comments first, then the most agreed; verbatim, public only. */
  quotes(themeIds: string[], runId: string | null, perTheme: number): Promise<QuoteRow[]> {
    return this.pool.rows<QuoteRow>(
      `SELECT "themeId", id, "topicId", body, agree, disagree, "createdAt" FROM (
         SELECT ct.theme_id AS "themeId", c.id, c.topic_id AS "topicId", c.body,
                c.agree_count AS agree, c.disagree_count AS disagree, c.created_at AS "createdAt",
                row_number() OVER (
                  PARTITION BY ct.theme_id
                  ORDER BY coalesce(c.id = ANY(rt.representative_ids), false) DESC,
                           c.agree_count DESC, c.created_at, c.id) AS rank
           FROM comment_themes ct JOIN comments c ON c.id = ct.comment_id
           LEFT JOIN theme_run_themes rt ON rt.theme_id = ct.theme_id AND rt.run_id = $2
          WHERE ct.theme_id = ANY($1::uuid[]) AND ${isPublic}) ranked
        WHERE rank <= $3
        ORDER BY "themeId", rank`,
      [themeIds, runId, perTheme],
    );
  }

  /** The latest version of each summary (of a topic or of a thread). */
  summaries(conversationId: string): Promise<SummaryRow[]> {
    return this.pool.rows<SummaryRow>(
      `SELECT * FROM (
         SELECT DISTINCT ON (s.topic_id, coalesce(s.comment_id::text, ''))
                s.id, t.title_bg AS "topicBg", t.title_en AS "topicEn", s.version,
                s.body_bg AS "bodyBg", s.body_en AS "bodyEn", s.created_at, t.position,
                (SELECT count(*) FROM summary_responses r
                  WHERE r.summary_id = s.id AND r.reaction = 'reflects')::int AS reflects,
                (SELECT count(*) FROM summary_responses r
                  WHERE r.summary_id = s.id AND r.reaction = 'misses')::int AS misses
           FROM summaries s JOIN topics t ON t.id = s.topic_id
          WHERE s.conversation_id = $1
          ORDER BY s.topic_id, coalesce(s.comment_id::text, ''), s.version DESC) latest
        ORDER BY position, created_at`,
      [conversationId],
    );
  }

  answers(summaryIds: string[]): Promise<AnswerRow[]> {
    return this.pool.rows<AnswerRow>(
      `SELECT summary_id AS "summaryId", reaction, comment FROM summary_responses
        WHERE summary_id = ANY($1::uuid[]) AND coalesce(comment, '') <> ''
        ORDER BY updated_at DESC`,
      [summaryIds],
    );
  }
}
