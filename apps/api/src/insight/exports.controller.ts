import { Controller, Inject, Param, Res } from '@nestjs/common';
import {
  type CreateExportRequest,
  type DownloadQuery,
  type ExportJob,
  type ExportList,
  routes,
} from '@razgovor/contracts';
import { ExportsService, exportJsonSchema, type User } from '@razgovor/core';
import type { Response } from 'express';
import { IdParam } from '../conversations/params';
import { CurrentUser, Endpoint, ValidBody, ValidQuery } from '../http/endpoint';

/** De-identified data exports: request, follow, download. */
@Controller()
export class ExportsController {
  constructor(@Inject(ExportsService) private readonly exports: ExportsService) {}

  @Endpoint(routes.createExport)
  create(
    @CurrentUser() user: User,
    @Param('id') id: string,
    @ValidBody(routes.createExport) body: CreateExportRequest,
  ): Promise<ExportJob> {
    return this.exports.create(user, id, body);
  }

  @Endpoint(routes.listExports)
  list(@CurrentUser() user: User, @Param('id') id: string): Promise<ExportList> {
    return this.exports.list(user, id);
  }

  @Endpoint(routes.exportSchema)
  schema(): Record<string, unknown> {
    return exportJsonSchema();
  }

  @Endpoint(routes.getExport)
  get(@CurrentUser() user: User, @IdParam('export') id: string): Promise<ExportJob> {
    return this.exports.get(user, id);
  }

  @Endpoint(routes.downloadExport)
  async download(
    @IdParam('export') id: string,
    @ValidQuery(routes.downloadExport) query: DownloadQuery,
    @Res() response: Response,
  ): Promise<void> {
    const file = await this.exports.download(id, query);
    response.status(200);
    response.setHeader('content-type', file.contentType);
    response.setHeader('content-length', String(file.byteSize));
    response.setHeader(
      'content-disposition',
      `attachment; filename="${file.fileName.replace(/[^\w.-]/g, '_')}"`,
    );
    response.setHeader('cache-control', 'private, no-store');

    for await (const chunk of file.chunks) {
      if (!response.write(chunk)) {
        await new Promise<void>((resolve) => response.once('drain', resolve));
      }
    }

    response.end();
  }
}
