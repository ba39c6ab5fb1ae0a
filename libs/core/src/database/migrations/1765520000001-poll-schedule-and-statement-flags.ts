import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Polls remember which of their own states (scheduled, open, closed) was last announced, so that a
 * scheduled opening or closing is announced once however often its job runs. Citizens flag
 * statements as they flag comments; a statement with open flags waits in the moderation queue.
 */
export class PollScheduleAndStatementFlags1765520000001 implements MigrationInterface {
  name = 'PollScheduleAndStatementFlags1765520000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE polls ADD COLUMN announced_status text NOT NULL DEFAULT 'open'
        CHECK (announced_status IN ('scheduled', 'open', 'closed'))`);
    await runner.query(`
      UPDATE polls SET announced_status = CASE
        WHEN closed_at IS NOT NULL OR closes_at <= now() THEN 'closed'
        WHEN opens_at > now() THEN 'scheduled'
        ELSE 'open' END`);
    await runner.query(`
      ALTER TABLE statements
        ADD COLUMN flag_weight double precision NOT NULL DEFAULT 0,
        ADD COLUMN flagged_at timestamptz`);
    await runner.query(
      `CREATE INDEX statements_queue_idx ON statements (conversation_id, flagged_at)
        WHERE flagged_at IS NOT NULL OR state = 'pending'`,
    );
    await runner.query(`
      CREATE TABLE statement_flags (
        id bigserial PRIMARY KEY,
        statement_id uuid NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
        conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id),
        reason text NOT NULL,
        text text,
        weight double precision NOT NULL,
        outcome text NOT NULL DEFAULT 'open' CHECK (outcome IN ('open', 'upheld', 'rejected')),
        created_at timestamptz NOT NULL,
        decided_at timestamptz,
        UNIQUE (statement_id, user_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE statement_flags');
    await runner.query('DROP INDEX statements_queue_idx');
    await runner.query('ALTER TABLE statements DROP COLUMN flag_weight, DROP COLUMN flagged_at');
    await runner.query('ALTER TABLE polls DROP COLUMN announced_status');
  }
}
