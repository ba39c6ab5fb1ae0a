import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Spreads a conversation's vote counter over a few rows. Every vote bumps the counter in its own
 * transaction, so one row per conversation made all votes of a conversation wait for each other's
 * commit; with rows per shard of voters they only wait for those of the same shard. The count a
 * map is drawn from is the sum over the shards.
 */
export class VoteCounterShards1765520000000 implements MigrationInterface {
  name = 'VoteCounterShards1765520000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE opinion_counters ADD COLUMN shard smallint NOT NULL DEFAULT 0`);
    await runner.query(`ALTER TABLE opinion_counters DROP CONSTRAINT opinion_counters_pkey`);
    await runner.query(`ALTER TABLE opinion_counters ADD PRIMARY KEY (conversation_id, shard)`);
    await runner.query(`ALTER TABLE opinion_counters ALTER COLUMN shard DROP DEFAULT`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TEMPORARY TABLE opinion_counter_sums AS
        SELECT conversation_id, sum(vote_seq)::bigint AS vote_seq
          FROM opinion_counters GROUP BY conversation_id`);
    await runner.query('DELETE FROM opinion_counters');
    await runner.query(`ALTER TABLE opinion_counters DROP CONSTRAINT opinion_counters_pkey`);
    await runner.query('ALTER TABLE opinion_counters DROP COLUMN shard');
    await runner.query(`ALTER TABLE opinion_counters ADD PRIMARY KEY (conversation_id)`);
    await runner.query(
      'INSERT INTO opinion_counters (conversation_id, vote_seq) SELECT * FROM opinion_counter_sums',
    );
    await runner.query('DROP TABLE opinion_counter_sums');
  }
}
