import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a report shows of polls, surveys and the opinion map, and of the analysts' tags.
 * preferences is the facilitators' ordered choice ([{"type":"poll","id":...}, {"type":"map"}]);
 * null until they choose, when the report shows every one whose results are public.
 */
export class ReportPreferences1765510000000 implements MigrationInterface {
  name = 'ReportPreferences1765510000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE reports ADD COLUMN preferences jsonb`);
    await runner.query(
      `ALTER TABLE reports ADD COLUMN tag_mode text NOT NULL DEFAULT 'none'
         CHECK (tag_mode IN ('none', 'overall', 'theme'))`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE reports DROP COLUMN tag_mode');
    await runner.query('ALTER TABLE reports DROP COLUMN preferences');
  }
}
