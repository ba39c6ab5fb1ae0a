import type { BreakdownDimension, PollAnswer, PollStatus } from '@razgovor/contracts';
import { prepared, type Sql } from '../database/sql';
import {
  type Participation,
  participationSql,
  takeParticipation,
  type WithParticipation,
} from '../moderation/participation';
import { ownStatus } from './poll-rules';
import type { AnswerItem, NewPoll, PollOptionRecord, PollRecord, Respondent } from './poll.records';
import type { ResultSums, TallySums } from './tally';

const columns = `
  p.id, p.conversation_id AS "conversationId", p.topic_id AS "topicId",
  p.survey_id AS "surveyId", p.survey_run AS "surveyRun", p.position, p.kind,
  p.question_bg AS "questionBg", p.question_en AS "questionEn", p.max_choices AS "maxChoices",
  p.budget_total::float8 AS "budgetTotal", p.result_visibility AS "resultVisibility",
  p.opens_at AS "opensAt", p.closes_at AS "closesAt", p.closed_at AS "closedAt", p.respondents,
  p.answer_seq::float8 AS "answerSeq",
  p.announced_status AS "announcedStatus",
  p.created_at AS "createdAt",
  coalesce((SELECT json_agg(json_build_object('id', o.id, 'position', o.position,
                   'labelBg', o.label_bg, 'labelEn', o.label_en) ORDER BY o.position)
              FROM poll_options o WHERE o.poll_id = p.id), '[]') AS options`;

export interface PollChanges {
  questionBg?: string;
  questionEn?: string;
  opensAt?: Date | null;
  closesAt?: Date | null;
  closedAt?: Date | null;
  resultVisibility?: string;
  announcedStatus?: PollStatus;
}

const changeColumns: Record<keyof PollChanges, string> = {
  questionBg: 'question_bg',
  questionEn: 'question_en',
  opensAt: 'opens_at',
  closesAt: 'closes_at',
  closedAt: 'closed_at',
  resultVisibility: 'result_visibility',
  announcedStatus: 'announced_status',
};

const answerParticipation = participationSql('p.conversation_id', '$2', '$3');

const pollForAnswer = prepared(
  `SELECT ${columns}, ${answerParticipation.columns}
     FROM polls p ${answerParticipation.join}
    WHERE p.id = $1 FOR NO KEY UPDATE OF p`,
);

/** Each poll's respondents, and its item sums. */
const tallySums = prepared(
  `SELECT id AS "pollId", NULL::int AS dimensions, respondents, NULL::uuid AS "optionId",
          NULL::int AS "scaleValue", 0 AS positive, 0 AS first, 0::float8 AS sum
     FROM polls WHERE id = ANY($1::uuid[])
   UNION ALL
   SELECT poll_id, NULL, NULL, option_id, scale_value, positive, first, sum::float8
     FROM poll_item_sums WHERE poll_id = ANY($1::uuid[])`,
);

/** The expressions of the unique index `poll_item_sums_key`: one row per option or scale value. */
const itemKey = `coalesce(option_id, '00000000-0000-0000-0000-000000000000'::uuid),
  coalesce(scale_value, 0)`;

/** See `putAnswer`. */
const storeAnswer = prepared(
  `WITH stored AS (
     INSERT INTO poll_answers (poll_id, user_id, answer, open_text, language, created_at,
                               updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $6)
     ON CONFLICT (poll_id, user_id) DO UPDATE
       SET answer = EXCLUDED.answer, open_text = EXCLUDED.open_text,
           language = EXCLUDED.language, updated_at = EXCLUDED.updated_at
     RETURNING (xmax = 0) AS is_new),
   cleared AS (
     DELETE FROM poll_answer_items WHERE poll_id = $1 AND user_id = $2
     RETURNING option_id, value, -1 AS sign),
   added AS (
     INSERT INTO poll_answer_items (poll_id, user_id, option_id, value)
     SELECT $1, $2, i.option_id, i.value
       FROM unnest($7::uuid[], $8::bigint[]) AS i (option_id, value)
     RETURNING option_id, value, 1 AS sign),
   summed AS (
     INSERT INTO poll_item_sums AS s (poll_id, option_id, scale_value, positive, first, sum)
     SELECT $1, option_id, CASE WHEN option_id IS NULL THEN value END,
            coalesce(sum(sign) FILTER (WHERE value > 0), 0),
            coalesce(sum(sign) FILTER (WHERE value = 1), 0), sum(sign * value)
       FROM (SELECT * FROM cleared UNION ALL SELECT * FROM added) AS moved
      GROUP BY 2, 3
     ON CONFLICT (poll_id, ${itemKey}) DO UPDATE
       SET positive = s.positive + EXCLUDED.positive, first = s.first + EXCLUDED.first,
           sum = s.sum + EXCLUDED.sum),
   counted AS (
     UPDATE polls SET respondents = respondents + (SELECT is_new::int FROM stored),
                      answer_seq = answer_seq + 1
      WHERE id = $1
     RETURNING respondents)
   SELECT stored.is_new AS "isNew", counted.respondents FROM stored, counted`,
);

export class PollsRepository {
  constructor(private readonly pool: Sql) {}

  async insert(tx: Sql, poll: NewPoll, now: Date): Promise<string> {
    const row = await tx.row<{ id: string }>(
      `INSERT INTO polls (conversation_id, topic_id, survey_id, survey_run, position, kind,
                          question_bg, question_en, max_choices, budget_total, result_visibility,
                          opens_at, closes_at, created_by, created_at, updated_at,
                          announced_status)
       VALUES ($1, $2, $3, $4,
               coalesce($5, (SELECT coalesce(max(position) + 1, 0) FROM polls
                              WHERE conversation_id = $1 AND survey_id IS NULL)),
               $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15, $16)
       RETURNING id`,
      [
        poll.conversationId,
        poll.topicId,
        poll.surveyId,
        poll.surveyRun,
        poll.surveyId ? poll.position : null,
        poll.kind,
        poll.questionBg,
        poll.questionEn,
        poll.maxChoices,
        poll.budgetTotal,
        poll.resultVisibility,
        poll.opensAt,
        poll.closesAt,
        poll.createdBy,
        now,
        ownStatus({ ...poll, closedAt: null }, now),
      ],
    );
    const id = row!.id;
    if (poll.options.length > 0) {
      await tx.rows(
        `INSERT INTO poll_options (poll_id, position, label_bg, label_en)
         SELECT $1, o.position - 1, o.label_bg, o.label_en
           FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS o (label_bg, label_en, position)`,
        [id, poll.options.map((option) => option.labelBg), poll.options.map((o) => o.labelEn)],
      );
    }

    return id;
  }

  async find(id: string, tx: Sql = this.pool): Promise<PollRecord | null> {
    const row = await tx.row<PollRecord>(`SELECT ${columns} FROM polls p WHERE p.id = $1`, [id]);

    return row && withOptions(row);
  }

  /**
   * Row-locks the poll: answers and closing of one poll are applied one at a time. A no-key lock
   * leaves foreign-key checks of rows that refer to the poll free to run.
   */
  async lock(tx: Sql, id: string): Promise<PollRecord | null> {
    const row = await tx.row<PollRecord>(
      `SELECT ${columns} FROM polls p WHERE p.id = $1 FOR NO KEY UPDATE OF p`,
      [id],
    );

    return row && withOptions(row);
  }

  /**
   * Row-locks the poll as `lock` does and reads, in the same round trip, whether the person may
   * take part in its conversation.
   */
  async lockForAnswer(
    tx: Sql,
    id: string,
    userId: string,
    now: Date,
  ): Promise<(Participation & { poll: PollRecord }) | null> {
    const row = await tx.row<WithParticipation<PollRecord>>(pollForAnswer, [id, userId, now]);
    if (!row) return null;
    const { participation: taken, rest } = takeParticipation(row);

    return { poll: withOptions(rest), ...taken };
  }

  /** Polls outside surveys, of the whole conversation or of one topic, in their order. */
  async list(conversationId: string, topicId?: string): Promise<PollRecord[]> {
    const rows = await this.pool.rows<PollRecord>(
      `SELECT ${columns} FROM polls p
        WHERE p.conversation_id = $1 AND p.survey_id IS NULL
          AND ($2::uuid IS NULL OR p.topic_id = $2)
        ORDER BY p.position, p.created_at`,
      [conversationId, topicId ?? null],
    );

    return rows.map(withOptions);
  }

  async listOfSurveys(surveyIds: string[]): Promise<PollRecord[]> {
    const rows = await this.pool.rows<PollRecord>(
      `SELECT ${columns} FROM polls p WHERE p.survey_id = ANY($1::uuid[])
        ORDER BY p.survey_run, p.position`,
      [surveyIds],
    );

    return rows.map(withOptions);
  }

  async update(tx: Sql, id: string, changes: PollChanges, now: Date): Promise<void> {
    const entries = Object.entries(changes).filter(([, value]) => value !== undefined);
    if (entries.length === 0) return;
    const sets = entries.map(
      ([key], index) => `${changeColumns[key as keyof PollChanges]} = $${index + 3}`,
    );

    await tx.rows(`UPDATE polls SET updated_at = $2, ${sets.join(', ')} WHERE id = $1`, [
      id,
      now,
      ...entries.map(([, value]) => value),
    ]);
  }

  /** Polls whose schedule has passed a point not yet announced, of every conversation. */
  async listDue(now: Date): Promise<string[]> {
    const rows = await this.pool.rows<{ id: string }>(
      `SELECT id FROM polls
        WHERE (announced_status = 'scheduled' AND (opens_at IS NULL OR opens_at <= $1))
           OR (announced_status <> 'closed' AND (closed_at IS NOT NULL OR closes_at <= $1))`,
      [now],
    );

    return rows.map((row) => row.id);
  }

  async answersOf(pollIds: string[], userId: string): Promise<Map<string, PollAnswer>> {
    if (pollIds.length === 0) return new Map();
    const rows = await this.pool.rows<{ pollId: string; answer: PollAnswer }>(
      `SELECT poll_id AS "pollId", answer FROM poll_answers
        WHERE poll_id = ANY($1::uuid[]) AND user_id = $2`,
      [pollIds, userId],
    );

    return new Map(rows.map((row) => [row.pollId, row.answer]));
  }

  /**
   * Stores or replaces one person's answer and its items, moves the poll's item sums by what was
   * replaced and what was added, and counts a first answer among the poll's respondents, in one
   * statement; returns whether it was their first and the count. The caller holds the poll's row
   * lock, so the answers of one poll move its sums one at a time.
   */
  async putAnswer(
    tx: Sql,
    answer: {
      pollId: string;
      userId: string;
      answer: PollAnswer;
      text: string | null;
      language: string | null;
      items: AnswerItem[];
    },
    now: Date,
  ): Promise<{ isNew: boolean; respondents: number }> {
    // The old items are deleted and the new ones inserted by one statement: the delete sees only
    // the rows that were there before it began.
    const row = await tx.row<{ isNew: boolean; respondents: number }>(storeAnswer, [
      answer.pollId,
      answer.userId,
      JSON.stringify(answer.answer),
      answer.text,
      answer.language,
      now,
      answer.items.map((item) => item.optionId),
      answer.items.map((item) => item.value),
    ]);

    return row!;
  }

  /** The sums of each poll's tally, as the answers keep them: see `tallyFromSums`. */
  async tallySums(pollIds: string[]): Promise<Map<string, TallySums>> {
    const sums = new Map<string, TallySums>();
    if (pollIds.length === 0) return sums;
    const rows = await this.pool.rows<SumRow & { pollId: string }>(tallySums, [pollIds]);
    for (const row of rows) {
      if (!sums.has(row.pollId)) sums.set(row.pollId, { respondents: 0, items: [] });
      addSumRow(sums.get(row.pollId)!, row);
    }

    return sums;
  }

  /**
   * The sums of a poll's tally, and of each district, age band and gender as its people give them
   * now, added up by the database in one pass over the answers.
   */
  async resultSums(pollId: string): Promise<ResultSums> {
    const rows = await this.pool.rows<
      SumRow & { district: string | null; ageBand: string | null; gender: string | null }
    >(
      `WITH answered AS (
         SELECT a.user_id, u.district, u.age_band, u.gender
           FROM poll_answers a JOIN users u ON u.id = a.user_id
          WHERE a.poll_id = $1),
       items AS (
         SELECT i.option_id, i.value, answered.district, answered.age_band, answered.gender,
                CASE WHEN i.option_id IS NULL THEN i.value END AS scale_value
           FROM poll_answer_items i JOIN answered USING (user_id)
          WHERE i.poll_id = $1)
       SELECT GROUPING(district, age_band, gender) AS dimensions, district,
              age_band AS "ageBand", gender, ${peopleColumns}
         FROM answered GROUP BY GROUPING SETS ((), (district), (age_band), (gender))
       UNION ALL
       SELECT GROUPING(district, age_band, gender), district, age_band, gender, ${itemColumns}
         FROM items
        GROUP BY GROUPING SETS ((option_id, scale_value),
                                (district, option_id, scale_value),
                                (age_band, option_id, scale_value),
                                (gender, option_id, scale_value))`,
      [pollId],
    );
    const empty = (): TallySums => ({ respondents: 0, items: [] });
    const sums: ResultSums = {
      overall: empty(),
      breakdowns: { district: new Map(), ageBand: new Map(), gender: new Map() },
    };
    for (const row of rows) {
      // GROUPING gives a bit for each of district, age band and gender left out of the group.
      const dimension = groupedBy[row.dimensions!];
      if (!dimension) {
        addSumRow(sums.overall, row);
        continue;
      }

      const groups = sums.breakdowns[dimension];
      const value = row[dimension];
      if (!groups.has(value)) groups.set(value, empty());
      addSumRow(groups.get(value)!, row);
    }

    return sums;
  }

  /** Every answer's items with the district, age band and gender its author gives now. */
  async respondents(pollId: string): Promise<Respondent[]> {
    return this.pool.rows<Respondent>(
      `SELECT a.user_id AS "userId", u.district, u.age_band AS "ageBand", u.gender,
              coalesce(json_agg(json_build_object('optionId', i.option_id, 'value', i.value))
                FILTER (WHERE i.poll_id IS NOT NULL), '[]') AS items
         FROM poll_answers a
         JOIN users u ON u.id = a.user_id
         LEFT JOIN poll_answer_items i ON i.poll_id = a.poll_id AND i.user_id = a.user_id
        WHERE a.poll_id = $1
        GROUP BY a.user_id, u.district, u.age_band, u.gender`,
      [pollId],
    );
  }
}

function withOptions(row: PollRecord): PollRecord {
  return {
    ...row,
    budgetTotal: row.budgetTotal === null ? null : Number(row.budgetTotal),
    options: row.options as PollOptionRecord[],
  };
}

interface SumRow {
  dimensions: number | null;
  /** Set on the row counting a group's people; null on the rows adding up items. */
  respondents: number | null;
  optionId: string | null;
  scaleValue: number | null;
  positive: number;
  first: number;
  sum: number;
}

const peopleColumns = `count(*)::int AS respondents, NULL::uuid AS "optionId",
  NULL::int AS "scaleValue", 0 AS positive, 0 AS first, 0::float8 AS sum`;
const itemColumns = `NULL::int, option_id, scale_value::int,
  (count(*) FILTER (WHERE value > 0))::int, (count(*) FILTER (WHERE value = 1))::int,
  sum(value)::float8`;

const groupedBy: Record<number, BreakdownDimension | undefined> = {
  0b011: 'district',
  0b101: 'ageBand',
  0b110: 'gender',
};

function addSumRow(sums: TallySums, row: SumRow): void {
  if (row.respondents !== null) {
    sums.respondents = row.respondents;

    return;
  }

  const { optionId, scaleValue, positive, first, sum } = row;
  sums.items.push({ optionId, scaleValue, positive, first, sum });
}
