import { Logger } from '@nestjs/common';
import {
  EXPORTS_QUEUE,
  type ExportJobData,
  type ExportRunner,
  type JobProcessor,
} from '@razgovor/core';
import type { Job } from 'bullmq';

/** Writes requested exports. One at a time per worker: an export is long and memory-bounded. */
export class ExportProcessor implements JobProcessor<ExportJobData> {
  readonly queue = EXPORTS_QUEUE;
  readonly concurrency = 1;
  private readonly logger = new Logger(ExportProcessor.name);

  constructor(private readonly runner: ExportRunner) {}

  async process(job: Job<ExportJobData>): Promise<void> {
    this.logger.log(`Started export ${job.data.exportId}`, {
      jobId: job.id,
      exportId: job.data.exportId,
      attempt: job.attemptsMade,
    });
    await this.runner.run(job.data.exportId);
  }
}
