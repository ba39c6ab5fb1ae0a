import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Statements voted agree / disagree / pass, and the opinion maps drawn from those votes. A map is
 * stored per input: vote_seq counts every vote written in a conversation, and a map records the
 * count it was drawn from, so a retried job finds its map already stored and writes nothing.
 */
export class Statements1765400000001 implements MigrationInterface {
  name = 'Statements1765400000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE statements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        author_id uuid NOT NULL REFERENCES users (id),
        body text NOT NULL,
        language text NOT NULL,
        state text NOT NULL CHECK (state IN ('published', 'pending', 'rejected')),
        hold_reason text,
        agree_count integer NOT NULL DEFAULT 0,
        disagree_count integer NOT NULL DEFAULT 0,
        pass_count integer NOT NULL DEFAULT 0,
        decided_by uuid REFERENCES users (id),
        decided_at timestamptz,
        created_at timestamptz NOT NULL
      )`);
    await runner.query(
      `CREATE INDEX statements_conversation_idx ON statements (conversation_id, state, created_at)`,
    );
    // vote: 1 agree, -1 disagree, 0 pass (the encoding the opinion library reads).
    await runner.query(`
      CREATE TABLE statement_votes (
        statement_id uuid NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id),
        conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        vote smallint NOT NULL CHECK (vote IN (-1, 0, 1)),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (statement_id, user_id)
      )`);
    await runner.query(
      `CREATE INDEX statement_votes_voter_idx ON statement_votes (conversation_id, user_id)`,
    );
    await runner.query(`
      CREATE TABLE opinion_counters (
        conversation_id uuid PRIMARY KEY REFERENCES conversations (id) ON DELETE CASCADE,
        vote_seq bigint NOT NULL DEFAULT 0
      )`);
    // result holds group ids, centroids, statement lists and every placement by person id; the
    // api hands out placements without ids (except the caller's own).
    await runner.query(`
      CREATE TABLE opinion_maps (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        number integer NOT NULL,
        input_vote_seq bigint NOT NULL,
        voters integer NOT NULL,
        placed integer NOT NULL,
        statement_count integer NOT NULL,
        parameters jsonb NOT NULL,
        result jsonb NOT NULL,
        duration_ms integer NOT NULL,
        created_at timestamptz NOT NULL,
        UNIQUE (conversation_id, number),
        UNIQUE (conversation_id, input_vote_seq)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE opinion_maps');
    await runner.query('DROP TABLE opinion_counters');
    await runner.query('DROP TABLE statement_votes');
    await runner.query('DROP TABLE statements');
  }
}
