import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReaderMarks1765000000000 implements MigrationInterface {
  name = 'ReaderMarks1765000000000';

  async up(runner: QueryRunner): Promise<void> {
    // Every signed-in page read asks whether the reader has held or hidden comments in the topic;
    // the index holds only those few rows.
    await runner.query(
      `CREATE INDEX comments_unpublished_idx ON comments (author_id, topic_id)
        WHERE moderation_state <> 'published'`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX comments_unpublished_idx');
  }
}
