import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Moderation1764900000000 implements MigrationInterface {
  name = 'Moderation1764900000000';

  async up(runner: QueryRunner): Promise<void> {
    // queue_reason is null when nothing waits for a facilitator; it is what the queue lists.
    // is_announced: the comment has been public once (counted, replies notified); held ones not.
    await runner.query(`
      ALTER TABLE comments
        ADD COLUMN moderation_state text NOT NULL DEFAULT 'published'
          CHECK (moderation_state IN ('published', 'pending', 'hidden')),
        ADD COLUMN hidden_reason text,
        ADD COLUMN hidden_by uuid REFERENCES users (id),
        ADD COLUMN queue_reason text
          CHECK (queue_reason IN ('held', 'flagged', 'auto-hidden', 'appealed')),
        ADD COLUMN queued_at timestamptz,
        ADD COLUMN flag_count integer NOT NULL DEFAULT 0,
        ADD COLUMN flag_weight double precision NOT NULL DEFAULT 0,
        ADD COLUMN redacted_at timestamptz,
        ADD COLUMN is_announced boolean NOT NULL DEFAULT true`);
    await runner.query(
      `CREATE INDEX comments_queue_idx ON comments (conversation_id, queued_at DESC)
        WHERE queue_reason IS NOT NULL`,
    );
    await runner.query(`
      ALTER TABLE topics
        ADD COLUMN moderation_mode text CHECK (moderation_mode IN ('post', 'pre')),
        ADD COLUMN slow_mode_seconds integer,
        ADD COLUMN slow_mode_reason text,
        ADD COLUMN slow_mode_automatic boolean NOT NULL DEFAULT false,
        ADD COLUMN slow_mode_since timestamptz,
        ADD COLUMN slow_mode_until timestamptz`);
    await runner.query(`ALTER TABLE notifications ALTER COLUMN topic_id DROP NOT NULL`);
    await runner.query(`ALTER TABLE notifications ADD COLUMN note text`);
    await runner.query(`
      CREATE TABLE moderation_settings (
        conversation_id uuid PRIMARY KEY REFERENCES conversations (id) ON DELETE CASCADE,
        mode text NOT NULL DEFAULT 'post' CHECK (mode IN ('post', 'pre')),
        new_account_hold_count integer NOT NULL DEFAULT 0,
        flag_hide_weight double precision NOT NULL DEFAULT 3,
        heat_comments_per_minute integer NOT NULL DEFAULT 0,
        heat_flags_per_minute integer NOT NULL DEFAULT 0,
        auto_slow_mode_seconds integer NOT NULL DEFAULT 60,
        cool_down_minutes integer NOT NULL DEFAULT 15,
        word_list_version integer NOT NULL DEFAULT 0
      )`);
    await this.flagsAndAppeals(runner);
    await this.peopleAndWords(runner);
    await this.audit(runner);
  }

  private async flagsAndAppeals(runner: QueryRunner): Promise<void> {
    // user_id is null for flags raised by the word list; people flag a comment at most once.
    await runner.query(`
      CREATE TABLE comment_flags (
        id bigserial PRIMARY KEY,
        comment_id uuid NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
        conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        user_id uuid REFERENCES users (id),
        reason text NOT NULL,
        text text,
        weight double precision NOT NULL,
        outcome text NOT NULL DEFAULT 'open' CHECK (outcome IN ('open', 'upheld', 'rejected')),
        created_at timestamptz NOT NULL,
        decided_at timestamptz
      )`);
    await runner.query(
      `CREATE UNIQUE INDEX comment_flags_once_idx ON comment_flags (comment_id, user_id)
        WHERE user_id IS NOT NULL`,
    );
    await runner.query(`CREATE INDEX comment_flags_user_idx ON comment_flags (user_id, outcome)`);
    await runner.query(`
      CREATE TABLE comment_appeals (
        comment_id uuid PRIMARY KEY REFERENCES comments (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id),
        text text NOT NULL,
        hidden_by uuid REFERENCES users (id),
        outcome text NOT NULL DEFAULT 'open' CHECK (outcome IN ('open', 'restored', 'upheld')),
        decided_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL,
        decided_at timestamptz
      )`);
  }

  private async peopleAndWords(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE conversation_sanctions (
        id bigserial PRIMARY KEY,
        conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id),
        action text NOT NULL CHECK (action IN ('warn', 'mute', 'remove')),
        reason text NOT NULL,
        until timestamptz,
        created_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL,
        lifted_at timestamptz
      )`);
    await runner.query(
      `CREATE INDEX conversation_sanctions_idx ON conversation_sanctions (conversation_id, user_id)`,
    );
    await runner.query(`
      CREATE TABLE word_list_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        pattern text NOT NULL,
        action text NOT NULL CHECK (action IN ('block', 'hold', 'flag')),
        match_inflections boolean NOT NULL DEFAULT true,
        whole_word boolean NOT NULL DEFAULT true,
        created_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL
      )`);
    await runner.query(
      `CREATE INDEX word_list_entries_idx ON word_list_entries (conversation_id, created_at)`,
    );
  }

  private async audit(runner: QueryRunner): Promise<void> {
    // Append-only: the record of who did what is itself never edited.
    await runner.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        actor_id uuid REFERENCES users (id),
        action text NOT NULL,
        target_type text NOT NULL,
        target_id uuid,
        reason text,
        before jsonb,
        after jsonb,
        created_at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX audit_log_idx ON audit_log (conversation_id, id DESC)`);
    await runner.query(
      `CREATE INDEX audit_log_action_idx ON audit_log (conversation_id, action, created_at)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'audit_log',
      'word_list_entries',
      'conversation_sanctions',
      'comment_appeals',
      'comment_flags',
      'moderation_settings',
    ]) {
      await runner.query(`DROP TABLE ${table}`);
    }

    await runner.query(`ALTER TABLE notifications DROP COLUMN note`);
    await runner.query(`
      ALTER TABLE topics DROP COLUMN moderation_mode, DROP COLUMN slow_mode_seconds,
        DROP COLUMN slow_mode_reason, DROP COLUMN slow_mode_automatic,
        DROP COLUMN slow_mode_since, DROP COLUMN slow_mode_until`);
    await runner.query(`
      ALTER TABLE comments DROP COLUMN moderation_state, DROP COLUMN hidden_reason,
        DROP COLUMN hidden_by, DROP COLUMN queue_reason, DROP COLUMN queued_at,
        DROP COLUMN flag_count, DROP COLUMN flag_weight, DROP COLUMN redacted_at,
        DROP COLUMN is_announced`);
  }
}
