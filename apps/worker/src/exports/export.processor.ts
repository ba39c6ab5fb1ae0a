import { Logger } from '@nestjs/common';
import {
  EXPORTS_QUEUE,
  type ExportJobData,
  type ExportProcess,
  type JobProcessor,
} from '@razgovor/core';
import type { Job } from 'bullmq';

/**
 * Writes requested exports, each in a process of its own so its memory is the export's alone.
 * One at a time per worker: an export is long and memory-bounded.
 */
export class ExportProcessor implements JobProcessor<ExportJobData> {
  readonly queue = EXPORTS_QUEUE;
  readonly concurrency = 1;
  private readonly logger = new Logger(ExportProcessor.name);

  constructor(private readonly exports: ExportProcess) {}

  async process(job: Job<ExportJobData>): Promise<void> {
    const { exportId } = job.data;
    this.logger.log(`Started export ${exportId}`, {
      jobId: job.id,
      exportId,
      attempt: job.attemptsMade,
    });

    const outcome = await this.exports.run(exportId);

    this.logger.log(`Finished export ${exportId}`, {
      exportId,
      exportPid: outcome.pid,
      peakRssMb: outcome.peakRssMb,
      cpuSeconds: outcome.cpuSeconds,
    });
  }
}
