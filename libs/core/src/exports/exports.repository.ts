import { randomBytes } from 'node:crypto';
import type { ExportFormat, ExportStatus, ExportTable } from '@razgovor/contracts';
import type { Sql } from '../database/sql';

export interface ExportRecord {
  id: string;
  conversationId: string;
  requestedBy: string | null;
  format: ExportFormat;
  tables: ExportTable[];
  isStableIds: boolean;
  status: ExportStatus;
  rowsTotal: number;
  rowsWritten: number;
  byteSize: number;
  fileName: string | null;
  contentType: string | null;
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  expiresAt: Date | null;
}

const columns = `id, conversation_id AS "conversationId", requested_by AS "requestedBy", format,
  tables, is_stable_ids AS "isStableIds", status, rows_total AS "rowsTotal",
  rows_written AS "rowsWritten", byte_size::float8 AS "byteSize", file_name AS "fileName",
  content_type AS "contentType", error, created_at AS "createdAt", finished_at AS "finishedAt",
  expires_at AS "expiresAt"`;

/** Export requests, their progress, their stored file (in chunks) and the pseudonym secrets. */
export class ExportsRepository {
  constructor(private readonly pool: Sql) {}

  async create(
    request: Pick<
      ExportRecord,
      'conversationId' | 'requestedBy' | 'format' | 'tables' | 'isStableIds'
    >,
    now: Date,
  ): Promise<ExportRecord> {
    const [record] = await this.pool.rows<ExportRecord>(
      `INSERT INTO exports (conversation_id, requested_by, format, tables, is_stable_ids, created_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${columns}`,
      [
        request.conversationId,
        request.requestedBy,
        request.format,
        request.tables,
        request.isStableIds,
        now,
      ],
    );

    return record;
  }

  find(id: string): Promise<ExportRecord | null> {
    return this.pool.row<ExportRecord>(`SELECT ${columns} FROM exports WHERE id = $1`, [id]);
  }

  list(conversationId: string, limit: number): Promise<ExportRecord[]> {
    return this.pool.rows<ExportRecord>(
      `SELECT ${columns} FROM exports WHERE conversation_id = $1
        ORDER BY created_at DESC, id DESC LIMIT $2`,
      [conversationId, limit],
    );
  }

  /** Starts (or restarts after a crash) writing: earlier chunks of this export are dropped. */
  async start(id: string, rowsTotal: number, now: Date): Promise<void> {
    await this.pool.rows('DELETE FROM export_chunks WHERE export_id = $1', [id]);
    await this.pool.rows(
      `UPDATE exports SET status = 'running', rows_total = $2, rows_written = 0, byte_size = 0,
              started_at = $3, error = NULL WHERE id = $1`,
      [id, rowsTotal, now],
    );
  }

  async progress(id: string, rowsWritten: number): Promise<void> {
    await this.pool.rows('UPDATE exports SET rows_written = $2 WHERE id = $1', [id, rowsWritten]);
  }

  async addChunk(id: string, seq: number, data: Buffer): Promise<void> {
    await this.pool.rows('INSERT INTO export_chunks (export_id, seq, data) VALUES ($1, $2, $3)', [
      id,
      seq,
      data,
    ]);
  }

  async finish(
    id: string,
    file: { fileName: string; contentType: string; byteSize: number },
    now: Date,
    expiresAt: Date,
  ): Promise<void> {
    await this.pool.rows(
      `UPDATE exports SET status = 'done', rows_written = rows_total, file_name = $2,
              content_type = $3, byte_size = $4, finished_at = $5, expires_at = $6
        WHERE id = $1`,
      [id, file.fileName, file.contentType, file.byteSize, now, expiresAt],
    );
  }

  async fail(id: string, error: string, now: Date): Promise<void> {
    await this.pool.rows('DELETE FROM export_chunks WHERE export_id = $1', [id]);
    await this.pool.rows(
      `UPDATE exports SET status = 'failed', error = $2, finished_at = $3 WHERE id = $1`,
      [id, error.slice(0, 500), now],
    );
  }

  /** Drops the files of expired exports; the rows stay as a record that they were made. */
  async expire(now: Date): Promise<number> {
    const expired = await this.pool.rows<{ id: string }>(
      `UPDATE exports SET status = 'expired' WHERE status = 'done' AND expires_at <= $1
       RETURNING id`,
      [now],
    );
    if (expired.length > 0) {
      await this.pool.rows('DELETE FROM export_chunks WHERE export_id = ANY($1::uuid[])', [
        expired.map((row) => row.id),
      ]);
    }

    return expired.length;
  }

  async chunkCount(id: string): Promise<number> {
    const row = await this.pool.row<{ count: number }>(
      'SELECT count(*)::int AS count FROM export_chunks WHERE export_id = $1',
      [id],
    );

    return row?.count ?? 0;
  }

  async chunk(id: string, seq: number): Promise<Buffer | null> {
    const row = await this.pool.row<{ data: Buffer }>(
      'SELECT data FROM export_chunks WHERE export_id = $1 AND seq = $2',
      [id, seq],
    );

    return row?.data ?? null;
  }

  /** The conversation's secret for stable pseudonyms, made on first use. */
  async pseudonymSecret(conversationId: string, now: Date): Promise<Buffer> {
    await this.pool.rows(
      `INSERT INTO pseudonym_keys (conversation_id, secret, created_at) VALUES ($1, $2, $3)
       ON CONFLICT (conversation_id) DO NOTHING`,
      [conversationId, randomBytes(32), now],
    );
    const row = await this.pool.row<{ secret: Buffer }>(
      'SELECT secret FROM pseudonym_keys WHERE conversation_id = $1',
      [conversationId],
    );
    if (!row) throw new Error(`No pseudonym key for conversation ${conversationId}`);

    return row.secret;
  }
}
