import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Conversations1764800000000 implements MigrationInterface {
  name = 'Conversations1764800000000';

  async up(runner: QueryRunner): Promise<void> {
    // event_seq is the per-conversation event counter: incrementing it row-locks the conversation,
    // so the events of one conversation commit in seq order with no gaps.
    await runner.query(`
      CREATE TABLE conversations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE,
        title_bg text NOT NULL,
        title_en text NOT NULL DEFAULT '',
        description_bg text NOT NULL DEFAULT '',
        description_en text NOT NULL DEFAULT '',
        background_bg text NOT NULL DEFAULT '',
        background_en text NOT NULL DEFAULT '',
        cover_image_url text,
        status text NOT NULL DEFAULT 'draft'
          CHECK (status IN ('draft', 'open', 'closed', 'archived')),
        opens_at timestamptz,
        closes_at timestamptz,
        created_by uuid REFERENCES users (id),
        event_seq bigint NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT conversations_schedule_order CHECK (opens_at IS NULL OR closes_at IS NULL
          OR opens_at < closes_at)
      )`);
    await runner.query(`
      CREATE TABLE conversation_facilitators (
        conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id),
        added_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL,
        PRIMARY KEY (conversation_id, user_id)
      )`);
    await runner.query(`
      CREATE TABLE topics (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        slug text NOT NULL,
        position integer NOT NULL,
        title_bg text NOT NULL,
        title_en text NOT NULL DEFAULT '',
        description_bg text NOT NULL DEFAULT '',
        description_en text NOT NULL DEFAULT '',
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
        comment_count integer NOT NULL DEFAULT 0,
        last_activity_at timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        UNIQUE (conversation_id, slug)
      )`);
    await runner.query(`CREATE INDEX topics_order_idx ON topics (conversation_id, position)`);
    await this.comments(runner);
    await this.summaries(runner);
    await this.eventsAndNotifications(runner);
  }

  private async comments(runner: QueryRunner): Promise<void> {
    // path orders a thread depth-first by posting order: each level adds a fixed-width segment
    // (the comment's number among its parent's children), so a plain text sort is the tree order.
    await runner.query(`
      CREATE TABLE comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        topic_id uuid NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
        author_id uuid NOT NULL REFERENCES users (id),
        parent_id uuid REFERENCES comments (id),
        root_id uuid NOT NULL,
        ancestor_ids uuid[] NOT NULL DEFAULT '{}',
        depth integer NOT NULL,
        path text NOT NULL,
        child_count integer NOT NULL DEFAULT 0,
        body text NOT NULL,
        language text NOT NULL,
        status text NOT NULL DEFAULT 'visible' CHECK (status IN ('visible', 'withdrawn')),
        client_key text,
        search_terms text[] NOT NULL DEFAULT '{}',
        agree_count integer NOT NULL DEFAULT 0 CHECK (agree_count >= 0),
        disagree_count integer NOT NULL DEFAULT 0 CHECK (disagree_count >= 0),
        controversy bigint GENERATED ALWAYS AS (
          least(agree_count, disagree_count)::bigint * (agree_count + disagree_count)
        ) STORED,
        reply_count integer NOT NULL DEFAULT 0,
        last_activity_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL,
        edited_at timestamptz,
        withdrawn_at timestamptz
      )`);
    await runner.query(
      `CREATE UNIQUE INDEX comments_client_key_idx ON comments (author_id, client_key)
        WHERE client_key IS NOT NULL`,
    );
    for (const [name, key] of [
      ['newest', 'created_at DESC, id DESC'],
      ['agreed', 'agree_count DESC, id DESC'],
      ['discussed', 'reply_count DESC, id DESC'],
      ['controversial', 'controversy DESC, id DESC'],
    ]) {
      await runner.query(
        `CREATE INDEX comments_roots_${name}_idx ON comments (topic_id, ${key}) WHERE depth = 0`,
      );
    }

    await runner.query(`CREATE INDEX comments_children_idx ON comments (parent_id, created_at)`);
    await runner.query(`CREATE INDEX comments_thread_idx ON comments (root_id, path)`);
    await runner.query(`CREATE INDEX comments_author_idx ON comments (author_id)`);
    await runner.query(`CREATE INDEX comments_search_idx ON comments USING gin (search_terms)`);
    await runner.query(`
      CREATE TABLE comment_revisions (
        id bigserial PRIMARY KEY,
        comment_id uuid NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
        body text NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX comment_revisions_idx ON comment_revisions (comment_id, id)`);
    await runner.query(`
      CREATE TABLE comment_stances (
        comment_id uuid NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id),
        stance text NOT NULL CHECK (stance IN ('agree', 'disagree')),
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (comment_id, user_id)
      )`);
  }

  private async summaries(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE summaries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        topic_id uuid NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
        comment_id uuid REFERENCES comments (id),
        version integer NOT NULL,
        body_bg text NOT NULL,
        body_en text NOT NULL DEFAULT '',
        author_id uuid REFERENCES users (id),
        created_at timestamptz NOT NULL
      )`);
    await runner.query(
      `CREATE UNIQUE INDEX summaries_version_idx ON summaries
        (topic_id, coalesce(comment_id, '00000000-0000-0000-0000-000000000000'), version)`,
    );
    await runner.query(`
      CREATE TABLE summary_responses (
        summary_id uuid NOT NULL REFERENCES summaries (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id),
        reaction text NOT NULL CHECK (reaction IN ('reflects', 'misses')),
        comment text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (summary_id, user_id)
      )`);
  }

  private async eventsAndNotifications(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE events (
        id bigserial PRIMARY KEY,
        conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        seq bigint NOT NULL,
        topic_id uuid,
        type text NOT NULL,
        payload jsonb NOT NULL,
        audience text NOT NULL,
        created_at timestamptz NOT NULL,
        UNIQUE (conversation_id, seq)
      )`);
    await runner.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        type text NOT NULL,
        conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        topic_id uuid NOT NULL,
        comment_id uuid,
        summary_id uuid,
        actor_id uuid REFERENCES users (id),
        read_at timestamptz,
        created_at timestamptz NOT NULL
      )`);
    await runner.query(
      `CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC, id)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'notifications',
      'events',
      'summary_responses',
      'summaries',
      'comment_stances',
      'comment_revisions',
      'comments',
      'topics',
      'conversation_facilitators',
      'conversations',
    ]) {
      await runner.query(`DROP TABLE ${table}`);
    }
  }
}
