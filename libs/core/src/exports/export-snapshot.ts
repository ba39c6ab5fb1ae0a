import type { Pool, PoolClient } from 'pg';

/**
 * A read-only, repeatable-read transaction: every table of one export comes from the same moment,
 * however long the export takes. Rows are read through server-side cursors, a batch at a time.
 */
export class ExportSnapshot {
  private cursors = 0;

  private constructor(private readonly client: PoolClient) {}

  static async open<T>(pool: Pool, work: (snapshot: ExportSnapshot) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const result = await work(new ExportSnapshot(client));
      await client.query('COMMIT');

      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async rows<T>(sql: string, params: unknown[]): Promise<T[]> {
    return (await this.client.query(sql, params)).rows as T[];
  }

  // A batch of 1,000 rows is a few megabytes of strings, small next to the export process's heap.
  async *batches<T>(sql: string, params: unknown[], size = 1000): AsyncIterable<T[]> {
    const cursor = `export_cursor_${++this.cursors}`;
    await this.client.query(`DECLARE ${cursor} NO SCROLL CURSOR FOR ${sql}`, params);
    try {
      for (;;) {
        const rows = (await this.client.query(`FETCH ${size} FROM ${cursor}`)).rows as T[];
        if (rows.length === 0) break;
        yield rows;
      }
    } finally {
      await this.client.query(`CLOSE ${cursor}`);
    }
  }
}
