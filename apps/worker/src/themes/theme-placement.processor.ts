import {
  type JobProcessor,
  THEME_PLACEMENT_QUEUE,
  type ThemePlacementJob,
  type ThemeRunsService,
} from '@razgovor/core';
import type { Job } from 'bullmq';

/**
 * Places newly published comments in the current themes and decides when a conversation is due
 * for re-clustering. Placing is idempotent: only comments without a theme are placed.
 */
export class ThemePlacementProcessor implements JobProcessor<ThemePlacementJob> {
  readonly queue = THEME_PLACEMENT_QUEUE;
  readonly concurrency = 2;

  constructor(private readonly runs: ThemeRunsService) {}

  async process(job: Job<ThemePlacementJob>): Promise<void> {
    await this.runs.placeNew(job.data.conversationId, job.data.isTimer ?? false);
  }
}
