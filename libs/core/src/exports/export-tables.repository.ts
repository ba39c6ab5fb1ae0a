import type { ExportTable } from '@razgovor/contracts';
import { ledgerActions } from '../moderation/audit.repository';
import type { ExportSnapshot } from './export-snapshot';
import { preferenceQueries } from './preference-queries';
import { shownAgeBand, shownDistrict, smallCellJoins, smallCellTables } from './small-cell-sql';
import { type Row, type TableSource, tableDefinitions } from './tables';

/** Breakdown cells (district, age band) describing fewer people than this are left empty. */
export const smallestCell = 5;

export interface Query {
  count: string;
  rows: string;
  /** Zero-based result columns holding a person's id, replaced by a pseudonym. */
  people: number[];
}

// A person's district and age band are shown only where the cell is large enough and its empty
// rows cannot point to a small group (see small-cell-sql.ts); the other tables do the same.
const queries: Record<ExportTable, Query> = {
  comments: {
    count: 'SELECT count(*)::int AS count FROM comments WHERE conversation_id = $1',
    rows: `
      WITH ${smallCellTables(
        `SELECT DISTINCT c.conversation_id AS scope, u.id, u.district, u.age_band
           FROM comments c JOIN users u ON u.id = c.author_id
          WHERE c.conversation_id = $1`,
        smallestCell,
      )}
      SELECT c.id AS c0, c.topic_id AS c1, t.slug AS c2, c.parent_id AS c3, c.depth AS c4,
             c.created_at AS c5, c.language AS c6,
             CASE WHEN c.status = 'withdrawn' THEN NULL ELSE c.body END AS c7,
             c.agree_count AS c8, c.disagree_count AS c9, c.moderation_state AS c10,
             c.status AS c11, ct.theme_id AS c12, coalesce(th.label_bg, th.auto_label) AS c13,
             coalesce(th.label_en, th.auto_label) AS c14,
             ARRAY(SELECT tg.name_bg FROM comment_tags ctg JOIN tags tg ON tg.id = ctg.tag_id
                    WHERE ctg.comment_id = c.id ORDER BY tg.name_bg) AS c15,
             c.author_id AS c16, ${shownDistrict} AS c17, ${shownAgeBand} AS c18
        FROM comments c
        JOIN topics t ON t.id = c.topic_id
        JOIN users u ON u.id = c.author_id
        LEFT JOIN comment_themes ct ON ct.comment_id = c.id
        LEFT JOIN themes th ON th.id = ct.theme_id
        ${smallCellJoins('c.conversation_id')}
       WHERE c.conversation_id = $1
       ORDER BY c.created_at, c.id`,
    people: [16],
  },
  themes: {
    count: `SELECT count(*)::int AS count FROM theme_settings s
              JOIN theme_run_themes rt ON rt.run_id = s.current_run_id
             WHERE s.conversation_id = $1`,
    rows: `
      SELECT th.id AS c0, coalesce(th.label_bg, th.auto_label) AS c1,
             coalesce(th.label_en, th.auto_label) AS c2, rt.terms AS c3,
             (SELECT count(*) FROM comment_themes ct WHERE ct.theme_id = th.id)::int AS c4,
             rt.size AS c5, rt.representative_ids::text[] AS c6,
             CASE WHEN th.is_hidden THEN 'yes' ELSE 'no' END AS c7, rt.run_id AS c8
        FROM theme_settings s
        JOIN theme_run_themes rt ON rt.run_id = s.current_run_id
        JOIN themes th ON th.id = rt.theme_id
       WHERE s.conversation_id = $1
       ORDER BY rt.position`,
    people: [],
  },
  tags: {
    count: 'SELECT count(*)::int AS count FROM tags WHERE conversation_id = $1',
    rows: `
      SELECT t.id AS c0, t.name_bg AS c1, t.name_en AS c2, t.description AS c3,
             (SELECT count(*) FROM comment_tags ct WHERE ct.tag_id = t.id)::int AS c4
        FROM tags t
       WHERE t.conversation_id = $1
       ORDER BY lower(t.name_bg), t.id`,
    people: [],
  },
  summaries: {
    count: 'SELECT count(*)::int AS count FROM summaries WHERE conversation_id = $1',
    rows: `
      SELECT s.id AS c0, s.topic_id AS c1, s.comment_id AS c2, s.version AS c3,
             s.body_bg AS c4, s.body_en AS c5, s.created_at AS c6,
             count(r.user_id) FILTER (WHERE r.reaction = 'reflects')::int AS c7,
             count(r.user_id) FILTER (WHERE r.reaction = 'misses')::int AS c8
        FROM summaries s LEFT JOIN summary_responses r ON r.summary_id = s.id
       WHERE s.conversation_id = $1
       GROUP BY s.id
       ORDER BY s.created_at, s.id`,
    people: [],
  },
  'summary-responses': {
    count: `SELECT count(*)::int AS count FROM summary_responses r
              JOIN summaries s ON s.id = r.summary_id WHERE s.conversation_id = $1`,
    rows: `
      SELECT r.summary_id AS c0, r.reaction AS c1, nullif(r.comment, '') AS c2,
             r.created_at AS c3, r.user_id AS c4
        FROM summary_responses r JOIN summaries s ON s.id = r.summary_id
       WHERE s.conversation_id = $1
       ORDER BY r.created_at, r.summary_id, r.user_id`,
    people: [4],
  },
  'moderation-ledger': {
    count: `SELECT count(*)::int AS count FROM (
              SELECT 1 FROM audit_log WHERE conversation_id = $1 AND action = ANY($2::text[])
               GROUP BY to_char(date_trunc('week', created_at AT TIME ZONE 'UTC'), 'IYYY-"W"IW'),
                        action, CASE WHEN action = 'comment.hidden' THEN reason END) weeks`,
    rows: `
      SELECT to_char(date_trunc('week', created_at AT TIME ZONE 'UTC'), 'IYYY-"W"IW') AS c0,
             action AS c1, CASE WHEN action = 'comment.hidden' THEN reason END AS c2,
             count(*)::int AS c3
        FROM audit_log
       WHERE conversation_id = $1 AND action = ANY($2::text[])
       GROUP BY 1, 2, 3
       ORDER BY 1, 2, 3`,
    people: [],
  },
  ...preferenceQueries(smallestCell),
};

/** Reads the export tables of one conversation from a snapshot, people already pseudonymous. */
export class ExportTablesRepository {
  /** The run the conversation's themes come from, with what it takes to run it again. */
  async themeRun(
    snapshot: ExportSnapshot,
    conversationId: string,
  ): Promise<Record<string, unknown> | null> {
    const [run] = await snapshot.rows<Record<string, unknown>>(
      `SELECT r.id, r.number, r.trigger, r.parameters, r.code_version AS "codeVersion",
              r.input_key AS "inputKey", r.input_count AS "inputCount",
              r.theme_count AS "themeCount", r.other_count AS "otherCount",
              r.created_at AS "createdAt", r.completed_at AS "completedAt"
         FROM theme_settings s JOIN theme_runs r ON r.id = s.current_run_id
        WHERE s.conversation_id = $1`,
      [conversationId],
    );

    return run ? (JSON.parse(JSON.stringify(run)) as Record<string, unknown>) : null;
  }

  /** The opinion map the opinion tables come from, with the settings it was drawn with. */
  async opinionMap(
    snapshot: ExportSnapshot,
    conversationId: string,
  ): Promise<Record<string, unknown> | null> {
    const [map] = await snapshot.rows<Record<string, unknown>>(
      `SELECT number, created_at AS "createdAt", input_vote_seq::float8 AS "inputVoteCount",
              voters, placed, statement_count AS "statementCount", parameters,
              duration_ms AS "durationMs"
         FROM opinion_maps WHERE conversation_id = $1 ORDER BY number DESC LIMIT 1`,
      [conversationId],
    );

    return map ? (JSON.parse(JSON.stringify(map)) as Record<string, unknown>) : null;
  }

  async sources(
    snapshot: ExportSnapshot,
    conversationId: string,
    tables: readonly ExportTable[],
    pseudonym: (personId: string) => string,
  ): Promise<TableSource[]> {
    const sources: TableSource[] = [];
    for (const name of tables) {
      const query = queries[name];
      const params =
        name === 'moderation-ledger' ? [conversationId, ledgerActions] : [conversationId];
      const [{ count }] = await snapshot.rows<{ count: number }>(query.count, params);

      sources.push({
        table: tableDefinitions[name],
        count,
        batches: async function* () {
          for await (const batch of snapshot.batches<Record<string, unknown>>(query.rows, params)) {
            yield batch.map((record) => toRow(record, query.people, pseudonym));
          }
        },
      });
    }

    return sources;
  }
}

function toRow(
  record: Record<string, unknown>,
  people: number[],
  pseudonym: (personId: string) => string,
): Row {
  const row = Object.values(record) as Row;
  for (const index of people) row[index] = pseudonym(row[index] as string);

  return row;
}
