import { Logger } from '@nestjs/common';
import {
  type JobProcessor,
  THEME_RUNS_QUEUE,
  type ThemeRunJob,
  type ThemeRunsService,
} from '@razgovor/core';
import type { Job } from 'bullmq';

/**
 * Full re-clustering of a conversation. Retries with back-off; a job whose worker died is taken
 * over once its lock lapses. Running a run again is harmless: the service stores one output.
 */
export class ThemeRunProcessor implements JobProcessor<ThemeRunJob> {
  readonly queue = THEME_RUNS_QUEUE;
  readonly concurrency = 1;
  private readonly logger = new Logger(ThemeRunProcessor.name);

  constructor(
    private readonly runs: ThemeRunsService,
    readonly lockDurationMs: number,
  ) {}

  async process(job: Job<ThemeRunJob>): Promise<string> {
    const isLastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const outcome = await this.runs.execute(job.data.runId, isLastAttempt);
    if (outcome === 'already') {
      this.logger.log(`Theme run ${job.data.runId} was already completed`, {
        jobId: job.id,
        runId: job.data.runId,
      });
    }

    return outcome;
  }
}
