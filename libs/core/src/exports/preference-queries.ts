import type { Query } from './export-tables.repository';
import type { PreferenceTable } from './preference-tables';
import { shownAgeBand, shownDistrict, smallCellJoins, smallCellTables } from './small-cell-sql';

const voters = `SELECT DISTINCT v.conversation_id AS scope, u.id, u.district, u.age_band
                  FROM statement_votes v JOIN users u ON u.id = v.user_id
                 WHERE v.conversation_id = $1`;

const latestMap = `latest AS (
  SELECT number, result FROM opinion_maps WHERE conversation_id = $1 ORDER BY number DESC LIMIT 1
)`;

// Items in the order of their list, representative ones by group first; the ordering columns
// stay inside, since every selected column becomes a cell.
const opinionStatements = `
  WITH ${latestMap}
  SELECT c0, c1, c2, c3, c4, c5, c6 FROM (
    SELECT l.number AS c0, 'representative' AS c1, r.n::int AS c2, (g.value->>'id')::int AS c3,
           r.value->>'statementId' AS c4, r.value->>'direction' AS c5,
           (r.value->>'share')::float8 AS c6, 1 AS list_order, g.n AS group_order
      FROM latest l
     CROSS JOIN jsonb_array_elements(l.result->'groups') WITH ORDINALITY AS g (value, n)
     CROSS JOIN jsonb_array_elements(g.value->'representative') WITH ORDINALITY AS r (value, n)
    UNION ALL
    SELECT l.number, 'consensus', c.n::int, NULL, c.value->>'statementId', c.value->>'direction',
           (c.value->>'score')::float8, 2, 0
      FROM latest l
     CROSS JOIN jsonb_array_elements(l.result->'consensus') WITH ORDINALITY AS c (value, n)
    UNION ALL
    SELECT l.number, 'divisive', d.n::int, (g.value->>'id')::int, d.value->>'statementId',
           'agree', (a.value #>> '{}')::float8, 3, g.n
      FROM latest l
     CROSS JOIN jsonb_array_elements(l.result->'divisive') WITH ORDINALITY AS d (value, n)
     CROSS JOIN jsonb_array_elements(d.value->'agreeByGroup') WITH ORDINALITY AS a (value, n)
     CROSS JOIN jsonb_array_elements(l.result->'groups') WITH ORDINALITY AS g (value, n)
     WHERE g.n = a.n
  ) items
  ORDER BY list_order, CASE WHEN list_order = 1 THEN group_order END, c2, group_order`;

const surveyRuns = `
  WITH runs AS (
    SELECT p.survey_id, p.survey_run AS run, count(*)::int AS questions,
           array_agg(p.id::text ORDER BY p.position) AS poll_ids, min(p.created_at) AS started_at,
           min(p.opens_at) AS opens_at,
           CASE WHEN bool_and(coalesce(p.closed_at, p.closes_at) IS NOT NULL)
                THEN max(coalesce(p.closed_at, p.closes_at)) END AS closes_at
      FROM polls p JOIN surveys s ON s.id = p.survey_id
     WHERE s.conversation_id = $1
     GROUP BY 1, 2
  ), answered AS (
    SELECT DISTINCT p.survey_id, p.survey_run AS run, a.user_id
      FROM poll_answers a
      JOIN polls p ON p.id = a.poll_id
      JOIN surveys s ON s.id = p.survey_id
     WHERE s.conversation_id = $1
  )
  SELECT r.survey_id AS c0, r.run AS c1, r.questions AS c2, r.poll_ids AS c3, r.started_at AS c4,
         r.opens_at AS c5, r.closes_at AS c6,
         (SELECT count(*) FROM answered x WHERE x.survey_id = r.survey_id AND x.run = r.run)::int
           AS c7,
         CASE WHEN r.run > 1 THEN (
           SELECT count(*) FROM answered x
             JOIN answered y ON y.survey_id = x.survey_id AND y.run = x.run - 1
                            AND y.user_id = x.user_id
            WHERE x.survey_id = r.survey_id AND x.run = r.run)::int END AS c8
    FROM runs r JOIN surveys s ON s.id = r.survey_id
   ORDER BY s.created_at, s.id, r.run`;

/** How each table of polls, surveys, statements and the opinion map is read, people as ids. */
export function preferenceQueries(smallestCell: number): Record<PreferenceTable, Query> {
  const shown = shownDistrict;
  const shownAge = shownAgeBand;
  const smallCells = (people: string) => smallCellTables(people, smallestCell);

  return {
    polls: {
      count: 'SELECT count(*)::int AS count FROM polls WHERE conversation_id = $1',
      rows: `
        SELECT p.id AS c0, p.topic_id AS c1, p.survey_id AS c2, p.survey_run AS c3,
               p.position AS c4, p.kind AS c5, p.question_bg AS c6, p.question_en AS c7,
               p.max_choices AS c8, p.budget_total::float8 AS c9, p.result_visibility AS c10,
               p.opens_at AS c11, p.closes_at AS c12, p.closed_at AS c13, p.created_at AS c14,
               p.respondents AS c15
          FROM polls p
         WHERE p.conversation_id = $1
         ORDER BY p.created_at, p.id`,
      people: [],
    },
    'poll-options': {
      count: `SELECT count(*)::int AS count FROM poll_options o
                JOIN polls p ON p.id = o.poll_id WHERE p.conversation_id = $1`,
      rows: `
        SELECT o.poll_id AS c0, o.id AS c1, o.position AS c2, o.label_bg AS c3, o.label_en AS c4
          FROM poll_options o JOIN polls p ON p.id = o.poll_id
         WHERE p.conversation_id = $1
         ORDER BY p.created_at, p.id, o.position`,
      people: [],
    },
    'poll-responses': {
      count: `SELECT count(*)::int AS count FROM poll_answers a
                JOIN polls p ON p.id = a.poll_id WHERE p.conversation_id = $1`,
      rows: `
        WITH ${smallCells(`
          SELECT DISTINCT a.poll_id AS scope, u.id, u.district, u.age_band
            FROM poll_answers a
            JOIN polls p ON p.id = a.poll_id
            JOIN users u ON u.id = a.user_id
           WHERE p.conversation_id = $1`)}
        SELECT a.id AS c0, a.poll_id AS c1, a.user_id AS c2, a.created_at AS c3,
               a.updated_at AS c4,
               CASE WHEN p.kind = 'scale' THEN (a.answer->>'value')::int END AS c5,
               a.open_text AS c6, a.language AS c7, ${shown} AS c8, ${shownAge} AS c9
          FROM poll_answers a
          JOIN polls p ON p.id = a.poll_id
          JOIN users u ON u.id = a.user_id
          ${smallCellJoins('a.poll_id')}
         WHERE p.conversation_id = $1
         ORDER BY p.created_at, p.id, a.created_at, a.id`,
      people: [2],
    },
    'poll-response-items': {
      count: `SELECT count(*)::int AS count FROM poll_answer_items i
                JOIN polls p ON p.id = i.poll_id
               WHERE p.conversation_id = $1 AND i.option_id IS NOT NULL`,
      rows: `
        SELECT a.id AS c0, i.poll_id AS c1, i.option_id AS c2, i.value::float8 AS c3
          FROM poll_answer_items i
          JOIN poll_answers a ON a.poll_id = i.poll_id AND a.user_id = i.user_id
          JOIN polls p ON p.id = i.poll_id
          JOIN poll_options o ON o.id = i.option_id
         WHERE p.conversation_id = $1
         ORDER BY p.created_at, p.id, a.created_at, a.id, o.position`,
      people: [],
    },
    surveys: {
      count: 'SELECT count(*)::int AS count FROM surveys WHERE conversation_id = $1',
      rows: `
        SELECT id AS c0, title_bg AS c1, title_en AS c2, result_visibility AS c3,
               run_count AS c4, created_at AS c5
          FROM surveys
         WHERE conversation_id = $1
         ORDER BY created_at, id`,
      people: [],
    },
    'survey-runs': {
      count: `SELECT count(DISTINCT (p.survey_id, p.survey_run))::int AS count
                FROM polls p JOIN surveys s ON s.id = p.survey_id WHERE s.conversation_id = $1`,
      rows: surveyRuns,
      people: [],
    },
    statements: {
      count: 'SELECT count(*)::int AS count FROM statements WHERE conversation_id = $1',
      rows: `
        SELECT id AS c0, created_at AS c1, language AS c2, body AS c3, state AS c4,
               agree_count AS c5, disagree_count AS c6, pass_count AS c7, author_id AS c8
          FROM statements
         WHERE conversation_id = $1
         ORDER BY created_at, id`,
      people: [8],
    },
    'statement-votes': {
      count: 'SELECT count(*)::int AS count FROM statement_votes WHERE conversation_id = $1',
      rows: `
        WITH ${smallCells(voters)}
        SELECT v.statement_id AS c0, v.user_id AS c1,
               CASE v.vote WHEN 1 THEN 'agree' WHEN -1 THEN 'disagree' ELSE 'pass' END AS c2,
               v.created_at AS c3, v.updated_at AS c4, ${shown} AS c5, ${shownAge} AS c6
          FROM statement_votes v
          JOIN statements s ON s.id = v.statement_id
          JOIN users u ON u.id = v.user_id
          ${smallCellJoins('v.conversation_id')}
         WHERE v.conversation_id = $1
         ORDER BY v.user_id, s.created_at, s.id`,
      people: [1],
    },
    'opinion-map': {
      count: `WITH ${latestMap}
              SELECT coalesce(sum(jsonb_array_length(result->'placements')), 0)::int AS count
                FROM latest`,
      rows: `
        WITH ${latestMap}, ${smallCells(voters)}
        SELECT l.number AS c0, e.place->>0 AS c1, (e.place->>1)::float8 AS c2,
               (e.place->>2)::float8 AS c3, (e.place->>3)::int AS c4, ${shown} AS c5,
               ${shownAge} AS c6
          FROM latest l
         CROSS JOIN jsonb_array_elements(l.result->'placements') WITH ORDINALITY AS e (place, n)
          LEFT JOIN users u ON u.id = (e.place->>0)::uuid
          ${smallCellJoins('$1::uuid')}
         ORDER BY e.n`,
      people: [1],
    },
    'opinion-groups': {
      count: `WITH ${latestMap}
              SELECT coalesce(sum(jsonb_array_length(result->'groups')), 0)::int AS count
                FROM latest`,
      rows: `
        WITH ${latestMap}
        SELECT l.number AS c0, (g.value->>'id')::int AS c1, (g.value->>'size')::int AS c2,
               ARRAY(SELECT r.value->>'statementId'
                       FROM jsonb_array_elements(g.value->'representative')
                            WITH ORDINALITY AS r (value, n)
                      ORDER BY r.n) AS c3
          FROM latest l
         CROSS JOIN jsonb_array_elements(l.result->'groups') WITH ORDINALITY AS g (value, n)
         ORDER BY g.n`,
      people: [],
    },
    'opinion-statements': {
      count: `SELECT count(*)::int AS count FROM (${opinionStatements}) items`,
      rows: opinionStatements,
      people: [],
    },
  };
}
