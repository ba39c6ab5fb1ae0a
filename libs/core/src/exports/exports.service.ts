import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  type CreateExportRequest,
  type DownloadQuery,
  type ExportJob,
  type ExportList,
  type ExportTable,
  exportTables,
} from '@razgovor/contracts';
import type { Queue } from 'bullmq';
import type { User } from '../accounts/user.entity';
import type { Clock } from '../common/clock';
import type { ConversationsService } from '../conversations/conversations.service';
import { AppError } from '../errors/app-error';
import type { ExportJobData } from './exports.queue';
import type { ExportRecord, ExportsRepository } from './exports.repository';

export interface ExportDownload {
  fileName: string;
  contentType: string;
  byteSize: number;
  chunks: AsyncIterable<Buffer>;
}

/** Analysts' and admins' data exports: request, follow, download through a signed link. */
export class ExportsService {
  constructor(
    private readonly conversations: ConversationsService,
    private readonly exports: ExportsRepository,
    private readonly queue: Queue<ExportJobData>,
    private readonly secret: string,
    private readonly publicUrl: string,
    private readonly clock: Clock,
  ) {}

  async create(
    user: User,
    conversationId: string,
    request: CreateExportRequest,
  ): Promise<ExportJob> {
    assertAnalyst(user);
    const conversation = await this.conversations.load(user, conversationId);
    const tables: ExportTable[] =
      request.format === 'polis'
        ? ['comments']
        : exportTables.filter((table) => (request.tables ?? exportTables).includes(table));

    const record = await this.exports.create(
      {
        conversationId: conversation.id,
        requestedBy: user.id,
        format: request.format,
        tables,
        isStableIds: request.stableIds ?? false,
      },
      this.clock.now(),
    );
    await this.queue.add('export', { exportId: record.id }, { jobId: record.id });

    return this.present(record);
  }

  async list(user: User, conversationId: string): Promise<ExportList> {
    assertAnalyst(user);
    const conversation = await this.conversations.load(user, conversationId);
    const records = await this.exports.list(conversation.id, 20);

    return { items: records.map((record) => this.present(record)) };
  }

  async get(user: User, exportId: string): Promise<ExportJob> {
    assertAnalyst(user);
    const record = await this.exports.find(exportId);
    if (!record) throw new AppError('NOT_FOUND', 'No such export');

    return this.present(record);
  }

  /** The file behind a signed link; the link and the file end together. */
  async download(exportId: string, query: DownloadQuery): Promise<ExportDownload> {
    const expires = Number(query.expires);
    if (!this.isSigned(exportId, expires, query.signature)) {
      throw new AppError('TOKEN_INVALID', 'This download link is not valid');
    }

    const record = await this.exports.find(exportId);
    if (!record) throw new AppError('NOT_FOUND', 'No such export');
    const now = this.clock.now().getTime();
    const isExpired =
      expires <= now ||
      (record.expiresAt?.getTime() ?? Infinity) <= now ||
      record.status === 'expired';
    if (isExpired) throw new AppError('EXPORT_EXPIRED', 'This export has expired; make a new one');
    if (record.status !== 'done') throw new AppError('EXPORT_NOT_READY', 'The export is not ready');

    const count = await this.exports.chunkCount(exportId);
    const exports = this.exports;

    return {
      fileName: record.fileName ?? 'export',
      contentType: record.contentType ?? 'application/octet-stream',
      byteSize: record.byteSize,
      chunks: (async function* () {
        for (let seq = 0; seq < count; seq++) {
          const chunk = await exports.chunk(exportId, seq);
          if (!chunk) throw new Error(`Export ${exportId} lost chunk ${seq}`);
          yield chunk;
        }
      })(),
    };
  }

  private present(record: ExportRecord): ExportJob {
    const isReady = record.status === 'done' && record.expiresAt !== null;
    const expires = record.expiresAt?.getTime() ?? 0;

    return {
      id: record.id,
      conversationId: record.conversationId,
      format: record.format,
      tables: record.tables,
      stableIds: record.isStableIds,
      status: record.status,
      progress:
        record.status === 'done'
          ? 1
          : record.rowsTotal > 0
            ? Math.min(1, record.rowsWritten / record.rowsTotal)
            : 0,
      rowsWritten: record.rowsWritten,
      rowsTotal: record.rowsTotal,
      byteSize: record.byteSize,
      fileName: record.fileName,
      error: record.error,
      createdAt: record.createdAt.toISOString(),
      finishedAt: record.finishedAt?.toISOString() ?? null,
      expiresAt: record.expiresAt?.toISOString() ?? null,
      downloadUrl: isReady
        ? `/api/exports/${record.id}/download?expires=${expires}` +
          `&signature=${this.sign(record.id, expires)}`
        : null,
    };
  }

  private sign(exportId: string, expires: number): string {
    return createHmac('sha256', this.secret)
      .update(`export-download:${exportId}:${expires}`)
      .digest('base64url');
  }

  private isSigned(exportId: string, expires: number, signature: string): boolean {
    const expected = Buffer.from(this.sign(exportId, expires));
    const given = Buffer.from(signature);

    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}

function assertAnalyst(user: User): void {
  if (!user.roles.includes('analyst') && !user.roles.includes('admin')) {
    throw new AppError('FORBIDDEN', 'Only analysts and admins may export data');
  }
}
