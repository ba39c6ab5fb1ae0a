import { Logger } from '@nestjs/common';
import {
  type JobProcessor,
  OPINION_MAP_QUEUE,
  type OpinionMapJob,
  type OpinionMapService,
} from '@razgovor/core';
import type { Job } from 'bullmq';

/**
 * Draws a conversation's opinion map after a window of votes. Safe to run twice or after a crash:
 * a map is drawn in one transaction (a killed worker leaves nothing), runs of a conversation wait
 * for each other, and a map is stored once per vote count, so a run that took over a job whose
 * worker only stalled finds the map stored and does nothing.
 */
export class OpinionMapProcessor implements JobProcessor<OpinionMapJob> {
  readonly queue = OPINION_MAP_QUEUE;
  // Runs of one conversation wait for each other on a lock; two cores suit two at once.
  readonly concurrency = 2;
  private readonly logger = new Logger(OpinionMapProcessor.name);

  constructor(
    private readonly maps: OpinionMapService,
    readonly lockDurationMs: number,
  ) {}

  async process(job: Job<OpinionMapJob>): Promise<number | null> {
    const { conversationId } = job.data;
    this.logger.log(`Drawing the opinion map of conversation ${conversationId}`, {
      jobId: job.id,
      conversationId,
    });
    const run = await this.maps.draw(conversationId);
    if (run === null) {
      this.logger.log(`Opinion map of conversation ${conversationId} is current`, {
        jobId: job.id,
        conversationId,
      });
    }

    return run;
  }
}
