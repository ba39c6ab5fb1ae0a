import {
  type JobProcessor,
  THEME_PLACEMENT_QUEUE,
  type ThemePlacementJob,
  type ThemePlacementService,
} from '@razgovor/core';
import type { Job } from 'bullmq';

/**
 * Places newly published comments and open answers in the current themes, places edited ones
 * again, and decides when a conversation is due for re-clustering. Placing is idempotent: only
 * inputs without a theme are placed.
 */
export class ThemePlacementProcessor implements JobProcessor<ThemePlacementJob> {
  readonly queue = THEME_PLACEMENT_QUEUE;
  readonly concurrency = 2;

  constructor(private readonly placement: ThemePlacementService) {}

  async process(job: Job<ThemePlacementJob>): Promise<void> {
    await this.placement.place(job.data);
  }
}
