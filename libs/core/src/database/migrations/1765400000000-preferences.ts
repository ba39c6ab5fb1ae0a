import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Polls and surveys. A survey's questions are ordinary polls tagged with the survey and the run
 * they belong to, so answering, results and breakdowns have one implementation; a new run copies
 * the questions of the first. Tables are documented for exports in docs/architecture.md.
 */
export class Preferences1765400000000 implements MigrationInterface {
  name = 'Preferences1765400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE surveys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        title_bg text NOT NULL,
        title_en text NOT NULL DEFAULT '',
        result_visibility text NOT NULL
          CHECK (result_visibility IN ('after-answer', 'after-close')),
        run_count integer NOT NULL DEFAULT 1,
        created_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX surveys_conversation_idx ON surveys (conversation_id)`);
    // closed_at is a facilitator's "close now"; closes_at the planned end. Either ends answering.
    await runner.query(`
      CREATE TABLE polls (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        topic_id uuid REFERENCES topics (id) ON DELETE CASCADE,
        survey_id uuid REFERENCES surveys (id) ON DELETE CASCADE,
        survey_run integer,
        position integer NOT NULL,
        kind text NOT NULL
          CHECK (kind IN ('single', 'multiple', 'ranking', 'scale', 'budget', 'open')),
        question_bg text NOT NULL,
        question_en text NOT NULL DEFAULT '',
        max_choices integer CHECK (max_choices > 0),
        budget_total bigint CHECK (budget_total > 0),
        result_visibility text NOT NULL
          CHECK (result_visibility IN ('after-answer', 'after-close')),
        opens_at timestamptz,
        closes_at timestamptz,
        closed_at timestamptz,
        respondents integer NOT NULL DEFAULT 0,
        created_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT polls_budget_total CHECK ((kind = 'budget') = (budget_total IS NOT NULL)),
        CONSTRAINT polls_max_choices CHECK (kind = 'multiple' OR max_choices IS NULL),
        CONSTRAINT polls_survey_run CHECK ((survey_id IS NULL) = (survey_run IS NULL)),
        CONSTRAINT polls_schedule_order CHECK (opens_at IS NULL OR closes_at IS NULL
          OR opens_at < closes_at)
      )`);
    await runner.query(`CREATE INDEX polls_conversation_idx ON polls (conversation_id, position)`);
    await runner.query(
      `CREATE UNIQUE INDEX polls_survey_question_idx ON polls (survey_id, survey_run, position)
        WHERE survey_id IS NOT NULL`,
    );
    await runner.query(`
      CREATE TABLE poll_options (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        poll_id uuid NOT NULL REFERENCES polls (id) ON DELETE CASCADE,
        position integer NOT NULL,
        label_bg text NOT NULL,
        label_en text NOT NULL DEFAULT '',
        UNIQUE (poll_id, position)
      )`);
    await this.answers(runner);
  }

  private async answers(runner: QueryRunner): Promise<void> {
    // One row per person and poll; answer is the request as given, items its parts for tallies.
    await runner.query(`
      CREATE TABLE poll_answers (
        id uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),
        poll_id uuid NOT NULL REFERENCES polls (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id),
        answer jsonb NOT NULL,
        open_text text,
        language text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (poll_id, user_id)
      )`);
    await runner.query(`CREATE INDEX poll_answers_user_idx ON poll_answers (user_id)`);
    // option_id is null for a scale answer; value is 1 (chosen), the rank, the leva or the scale.
    await runner.query(`
      CREATE TABLE poll_answer_items (
        poll_id uuid NOT NULL,
        user_id uuid NOT NULL,
        option_id uuid REFERENCES poll_options (id) ON DELETE CASCADE,
        value bigint NOT NULL,
        FOREIGN KEY (poll_id, user_id) REFERENCES poll_answers (poll_id, user_id)
          ON DELETE CASCADE
      )`);
    await runner.query(
      `CREATE INDEX poll_answer_items_poll_idx ON poll_answer_items (poll_id, user_id)`,
    );
    // The texts of open answers, for the theme jobs to read beside comments. An answer keeps its
    // id when changed; updated_at tells a reader that its text moved.
    await runner.query(`
      CREATE VIEW open_answer_texts AS
        SELECT a.id, p.conversation_id, p.topic_id, a.poll_id, a.user_id AS author_id,
               a.open_text AS body, a.language, a.created_at, a.updated_at
          FROM poll_answers a
          JOIN polls p ON p.id = a.poll_id
         WHERE p.kind = 'open' AND a.open_text IS NOT NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP VIEW open_answer_texts');
    await runner.query('DROP TABLE poll_answer_items');
    await runner.query('DROP TABLE poll_answers');
    await runner.query('DROP TABLE poll_options');
    await runner.query('DROP TABLE polls');
    await runner.query('DROP TABLE surveys');
  }
}
