import type { DataSource, QueryRunner } from 'typeorm';

/**
 * A read-only, repeatable-read transaction: every table of one export comes from the same moment,
 * however long the export takes. Rows are read through server-side cursors, a batch at a time.
 */
export class ExportSnapshot {
  private cursors = 0;

  private constructor(private readonly runner: QueryRunner) {}

  static async open<T>(dataSource: DataSource, work: (snapshot: ExportSnapshot) => Promise<T>) {
    const runner = dataSource.createQueryRunner('slave');
    await runner.connect();
    try {
      await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const result = await work(new ExportSnapshot(runner));
      await runner.query('COMMIT');

      return result;
    } catch (error) {
      await runner.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  async rows<T>(sql: string, params: unknown[]): Promise<T[]> {
    return (await this.runner.query(sql, params)) as T[];
  }

  async *batches<T>(sql: string, params: unknown[], size = 2000): AsyncIterable<T[]> {
    const cursor = `export_cursor_${++this.cursors}`;
    await this.runner.query(`DECLARE ${cursor} NO SCROLL CURSOR FOR ${sql}`, params);
    try {
      for (;;) {
        const rows = (await this.runner.query(`FETCH ${size} FROM ${cursor}`)) as T[];
        if (rows.length === 0) break;
        yield rows;
      }
    } finally {
      await this.runner.query(`CLOSE ${cursor}`);
    }
  }
}
