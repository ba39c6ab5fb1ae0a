import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Open poll answers join comments as the input of theme runs. Membership and run output name an
 * input by item_id: a comment's id, or "answer:" and the answer's id, so the two kinds can never
 * collide. Runs also pin the texts they read (comment revisions, answer texts) so a report's run
 * can be reproduced exactly, and split parts get centroids in the space of the run in force.
 */
export class ThemeInputs1765540000000 implements MigrationInterface {
  name = 'ThemeInputs1765540000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const table of ['comment_themes', 'theme_run_assignments']) {
      await runner.query(`
        ALTER TABLE ${table}
          DROP CONSTRAINT ${table}_pkey,
          ALTER COLUMN comment_id DROP NOT NULL,
          ADD COLUMN answer_id uuid REFERENCES poll_answers (id) ON DELETE CASCADE,
          ADD COLUMN item_id text NOT NULL GENERATED ALWAYS AS
            (coalesce(comment_id::text, 'answer:' || answer_id::text)) STORED,
          ADD CONSTRAINT ${table}_one_input CHECK (num_nonnulls(comment_id, answer_id) = 1)`);
    }

    await runner.query(`ALTER TABLE comment_themes ADD PRIMARY KEY (item_id)`);
    await runner.query(
      `CREATE UNIQUE INDEX comment_themes_comment_idx ON comment_themes (comment_id)`,
    );
    await runner.query(
      `CREATE UNIQUE INDEX comment_themes_answer_idx ON comment_themes (answer_id)`,
    );
    await runner.query(`ALTER TABLE theme_run_assignments ADD PRIMARY KEY (run_id, item_id)`);
    // representative_ids keeps the comments among them for readers that join comments.
    await runner.query(`ALTER TABLE theme_run_themes ADD COLUMN representatives text[]`);
    // input_revisions: comment id -> number of earlier texts, for comments edited before the run.
    await runner.query(`
      ALTER TABLE theme_runs
        ADD COLUMN input_answer_ids uuid[] NOT NULL DEFAULT '{}',
        ADD COLUMN input_answer_texts text[] NOT NULL DEFAULT '{}',
        ADD COLUMN input_revisions jsonb NOT NULL DEFAULT '{}'`);
    // Centroids of themes made or narrowed by a split, in the feature space of run_id's model.
    await runner.query(`
      CREATE TABLE theme_centroids (
        run_id uuid NOT NULL REFERENCES theme_runs (id) ON DELETE CASCADE,
        theme_id uuid NOT NULL REFERENCES themes (id),
        centroid jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (run_id, theme_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE theme_centroids');
    await runner.query(`
      ALTER TABLE theme_runs DROP COLUMN input_answer_ids, DROP COLUMN input_answer_texts,
        DROP COLUMN input_revisions`);
    await runner.query('ALTER TABLE theme_run_themes DROP COLUMN representatives');
    await runner.query('DELETE FROM comment_themes WHERE answer_id IS NOT NULL');
    await runner.query('DELETE FROM theme_run_assignments WHERE answer_id IS NOT NULL');
    await runner.query(`
      ALTER TABLE comment_themes DROP CONSTRAINT comment_themes_pkey, DROP COLUMN item_id,
        DROP COLUMN answer_id, ADD PRIMARY KEY (comment_id)`);
    await runner.query('DROP INDEX IF EXISTS comment_themes_comment_idx');
    await runner.query(`
      ALTER TABLE theme_run_assignments DROP CONSTRAINT theme_run_assignments_pkey,
        DROP COLUMN item_id, DROP COLUMN answer_id, ADD PRIMARY KEY (run_id, comment_id)`);
  }
}
