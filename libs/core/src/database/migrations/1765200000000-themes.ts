import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Themes1765200000000 implements MigrationInterface {
  name = 'Themes1765200000000';

  async up(runner: QueryRunner): Promise<void> {
    // One row per conversation once themes are used: when to re-cluster, with what bounds, and
    // which completed run places new comments. comments_since_run drives the debounced re-run.
    await runner.query(`
      CREATE TABLE theme_settings (
        conversation_id uuid PRIMARY KEY REFERENCES conversations (id) ON DELETE CASCADE,
        rerun_after_comments integer NOT NULL DEFAULT 50 CHECK (rerun_after_comments > 0),
        rerun_after_minutes integer NOT NULL DEFAULT 30 CHECK (rerun_after_minutes > 0),
        min_k integer CHECK (min_k > 0),
        max_k integer CHECK (max_k > 0),
        seed integer NOT NULL DEFAULT 1,
        is_published boolean NOT NULL DEFAULT false,
        current_run_id uuid,
        comments_since_run integer NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL
      )`);
    await this.runs(runner);
    await this.themes(runner);
    await this.tags(runner);
  }

  private async runs(runner: QueryRunner): Promise<void> {
    // A run is immutable once completed: parameters (with the curation it honoured), code
    // version, input comment ids and output are what a report cites and reproduces.
    // input_key is a hash of all three inputs, so the same input never makes two runs.
    await runner.query(`
      CREATE TABLE theme_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        number integer NOT NULL,
        input_key text NOT NULL,
        trigger text NOT NULL CHECK (trigger IN ('manual', 'debounced', 'first')),
        status text NOT NULL DEFAULT 'queued'
          CHECK (status IN ('queued', 'running', 'completed', 'failed')),
        stage text,
        progress double precision NOT NULL DEFAULT 0,
        parameters jsonb NOT NULL,
        code_version text NOT NULL,
        input_comment_ids uuid[] NOT NULL,
        input_count integer NOT NULL,
        theme_count integer,
        other_count integer,
        model jsonb,
        scores jsonb,
        attempts integer NOT NULL DEFAULT 0,
        error text,
        requested_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL,
        started_at timestamptz,
        completed_at timestamptz,
        UNIQUE (conversation_id, number),
        UNIQUE (conversation_id, input_key)
      )`);
    await runner.query(
      `CREATE INDEX theme_runs_recent_idx ON theme_runs (conversation_id, created_at DESC)`,
    );
    await runner.query(`
      ALTER TABLE theme_settings ADD CONSTRAINT theme_settings_current_run_fk
        FOREIGN KEY (current_run_id) REFERENCES theme_runs (id)`);
  }

  private async themes(runner: QueryRunner): Promise<void> {
    // A theme outlives runs: each run matches its clusters to the themes before it, so the id,
    // the curated labels and the flags carry over. label_bg/label_en null = the run's label.
    await runner.query(`
      CREATE TABLE themes (
        id uuid PRIMARY KEY,
        conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        auto_label text NOT NULL,
        label_bg text,
        label_en text,
        terms text[] NOT NULL DEFAULT '{}',
        size integer NOT NULL DEFAULT 0,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'retired', 'merged')),
        is_pinned boolean NOT NULL DEFAULT false,
        is_hidden boolean NOT NULL DEFAULT false,
        merged_into uuid REFERENCES themes (id),
        first_run_id uuid REFERENCES theme_runs (id),
        last_run_id uuid REFERENCES theme_runs (id),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX themes_conversation_idx ON themes (conversation_id, status)`);
    // The output of one run, as it came out of the run (curation is applied to themes and
    // comment_themes, never here). position is the theme's index in the run's model.
    await runner.query(`
      CREATE TABLE theme_run_themes (
        run_id uuid NOT NULL REFERENCES theme_runs (id) ON DELETE CASCADE,
        theme_id uuid NOT NULL REFERENCES themes (id),
        position integer NOT NULL,
        label text NOT NULL,
        terms text[] NOT NULL,
        size integer NOT NULL,
        representative_ids uuid[] NOT NULL,
        match text NOT NULL CHECK (match IN ('new', 'matched', 'pinned')),
        overlap double precision,
        PRIMARY KEY (run_id, theme_id),
        UNIQUE (run_id, position)
      )`);
    await runner.query(`
      CREATE TABLE theme_run_assignments (
        run_id uuid NOT NULL REFERENCES theme_runs (id) ON DELETE CASCADE,
        comment_id uuid NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
        theme_id uuid REFERENCES themes (id),
        confidence double precision NOT NULL,
        PRIMARY KEY (run_id, comment_id)
      )`);
    await runner.query(
      `CREATE INDEX theme_run_assignments_theme_idx ON theme_run_assignments (run_id, theme_id)`,
    );
    // The current theme of every comment: from the last run, placed on arrival, or moved by a
    // person (source 'moved' survives re-clustering while its theme lives).
    await runner.query(`
      CREATE TABLE comment_themes (
        comment_id uuid PRIMARY KEY REFERENCES comments (id) ON DELETE CASCADE,
        conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        theme_id uuid REFERENCES themes (id),
        confidence double precision NOT NULL,
        source text NOT NULL CHECK (source IN ('run', 'placed', 'moved')),
        run_id uuid REFERENCES theme_runs (id),
        updated_at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX comment_themes_theme_idx ON comment_themes (theme_id)`);
    await runner.query(
      `CREATE INDEX comment_themes_conversation_idx ON comment_themes (conversation_id, theme_id)`,
    );
  }

  private async tags(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE tags (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        name_bg text NOT NULL,
        name_en text NOT NULL DEFAULT '',
        description text NOT NULL DEFAULT '',
        created_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await runner.query(
      `CREATE UNIQUE INDEX tags_name_idx ON tags (conversation_id, lower(name_bg))`,
    );
    await runner.query(`
      CREATE TABLE comment_tags (
        comment_id uuid NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
        tag_id uuid NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
        conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        source text NOT NULL CHECK (source IN ('manual', 'suggestion')),
        tagged_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL,
        PRIMARY KEY (comment_id, tag_id)
      )`);
    await runner.query(`CREATE INDEX comment_tags_tag_idx ON comment_tags (tag_id)`);
    // Suggestions from the classifier wait for a person; a rejected one is not suggested again.
    await runner.query(`
      CREATE TABLE tag_suggestions (
        comment_id uuid NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
        tag_id uuid NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
        conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        confidence double precision NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'rejected')),
        decided_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL,
        decided_at timestamptz,
        PRIMARY KEY (comment_id, tag_id)
      )`);
    await runner.query(
      `CREATE INDEX tag_suggestions_open_idx ON tag_suggestions (conversation_id, confidence DESC)
        WHERE status = 'open'`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'tag_suggestions',
      'comment_tags',
      'tags',
      'comment_themes',
      'theme_run_assignments',
      'theme_run_themes',
      'themes',
      'theme_settings',
      'theme_runs',
    ]) {
      await runner.query(`DROP TABLE ${table}`);
    }
  }
}
