import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Reports1765300000000 implements MigrationInterface {
  name = 'Reports1765300000000';

  async up(runner: QueryRunner): Promise<void> {
    // An export is written once by a job into export_chunks (so every api node can serve it) and
    // removed when it expires. tables and format are what the analyst asked for.
    await runner.query(`
      CREATE TABLE exports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        requested_by uuid REFERENCES users (id),
        format text NOT NULL CHECK (format IN ('csv', 'json', 'xlsx', 'polis', 'zip')),
        tables text[] NOT NULL,
        is_stable_ids boolean NOT NULL DEFAULT false,
        status text NOT NULL DEFAULT 'queued'
          CHECK (status IN ('queued', 'running', 'done', 'failed', 'expired')),
        rows_total integer NOT NULL DEFAULT 0,
        rows_written integer NOT NULL DEFAULT 0,
        byte_size bigint NOT NULL DEFAULT 0,
        file_name text,
        content_type text,
        error text,
        created_at timestamptz NOT NULL,
        started_at timestamptz,
        finished_at timestamptz,
        expires_at timestamptz
      )`);
    await runner.query(
      `CREATE INDEX exports_conversation_idx ON exports (conversation_id, created_at DESC)`,
    );
    await runner.query(`
      CREATE TABLE export_chunks (
        export_id uuid NOT NULL REFERENCES exports (id) ON DELETE CASCADE,
        seq integer NOT NULL,
        data bytea NOT NULL,
        PRIMARY KEY (export_id, seq)
      )`);
    // The key behind "stable" pseudonymous ids: the same person gets the same id in every export
    // of this conversation that asks for stable ids, and ids of two conversations never match.
    await runner.query(`
      CREATE TABLE pseudonym_keys (
        conversation_id uuid PRIMARY KEY REFERENCES conversations (id) ON DELETE CASCADE,
        secret bytea NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE reports (
        conversation_id uuid PRIMARY KEY REFERENCES conversations (id) ON DELETE CASCADE,
        introduction_bg text NOT NULL DEFAULT '',
        introduction_en text NOT NULL DEFAULT '',
        theme_ids uuid[] NOT NULL DEFAULT '{}',
        theme_run_id uuid,
        published_at timestamptz,
        updated_by uuid REFERENCES users (id),
        updated_at timestamptz NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE report_decisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        position integer NOT NULL,
        text_bg text NOT NULL,
        text_en text NOT NULL DEFAULT '',
        theme_ids uuid[] NOT NULL DEFAULT '{}',
        created_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await runner.query(
      `CREATE INDEX report_decisions_idx ON report_decisions (conversation_id, position)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'report_decisions',
      'reports',
      'pseudonym_keys',
      'export_chunks',
      'exports',
    ]) {
      await runner.query(`DROP TABLE ${table}`);
    }
  }
}
