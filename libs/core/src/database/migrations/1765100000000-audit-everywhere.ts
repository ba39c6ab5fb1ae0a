import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditEverywhere1765100000000 implements MigrationInterface {
  name = 'AuditEverywhere1765100000000';

  async up(runner: QueryRunner): Promise<void> {
    // Role changes belong to no conversation; they are the admins' own record.
    await runner.query(`ALTER TABLE audit_log ALTER COLUMN conversation_id DROP NOT NULL`);
    await runner.query(
      `CREATE INDEX audit_log_global_idx ON audit_log (id DESC) WHERE conversation_id IS NULL`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX audit_log_global_idx`);
    await runner.query(`DELETE FROM audit_log WHERE conversation_id IS NULL`);
    await runner.query(`ALTER TABLE audit_log ALTER COLUMN conversation_id SET NOT NULL`);
  }
}
