import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Keeps each poll's tally added up as answers arrive: per option, or per value of a scale, how
 * many items are above 0, how many are exactly 1 and what they sum to. Every open page of a poll
 * reads its tally again a moment after answers come in, so reading it must not cost a pass over
 * every answer. An answer's statement moves these sums by what it removed and what it added,
 * and counts itself in the poll's `answer_seq`, which tells a reader whether results it added up
 * earlier still hold.
 */
export class PollItemSums1765600000000 implements MigrationInterface {
  name = 'PollItemSums1765600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE polls ADD COLUMN answer_seq bigint NOT NULL DEFAULT 0`);
    await runner.query(`
      CREATE TABLE poll_item_sums (
        poll_id uuid NOT NULL REFERENCES polls (id) ON DELETE CASCADE,
        option_id uuid REFERENCES poll_options (id) ON DELETE CASCADE,
        scale_value integer,
        positive integer NOT NULL,
        first integer NOT NULL,
        sum bigint NOT NULL,
        CONSTRAINT poll_item_sums_option_or_value
          CHECK ((option_id IS NULL) <> (scale_value IS NULL))
      )`);
    // One row per option or scale value, in expressions PostgreSQL 13 takes (it has no NULLS NOT
    // DISTINCT); an answer's upsert names the same ones.
    await runner.query(`
      CREATE UNIQUE INDEX poll_item_sums_key ON poll_item_sums (poll_id,
        coalesce(option_id, '00000000-0000-0000-0000-000000000000'::uuid),
        coalesce(scale_value, 0))`);
    await runner.query(`
      INSERT INTO poll_item_sums (poll_id, option_id, scale_value, positive, first, sum)
      SELECT poll_id, option_id, CASE WHEN option_id IS NULL THEN value END,
             count(*) FILTER (WHERE value > 0), count(*) FILTER (WHERE value = 1), sum(value)
        FROM poll_answer_items
       GROUP BY 1, 2, 3`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE poll_item_sums');
    await runner.query('ALTER TABLE polls DROP COLUMN answer_seq');
  }
}
