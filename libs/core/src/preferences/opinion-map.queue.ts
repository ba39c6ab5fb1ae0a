import type { DefaultJobOptions, Queue } from 'bullmq';

export const OPINION_MAP_QUEUE = 'opinion-map';

export interface OpinionMapJob {
  conversationId: string;
}

export const opinionMapJobOptions: DefaultJobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: 1000,
  removeOnFail: 1000,
};

/** Votes are gathered in windows of this length; each window with votes draws one map. */
export const opinionMapWindowMs = 3000;

/**
 * Debounces map runs: every vote asks for the run of its time window, which starts when the
 * window ends. The job id names the window, so a burst of votes queues one job, and votes that
 * arrive while a run is under way fall in the next window and queue the next run.
 */
export class OpinionMapQueue {
  constructor(private readonly queue: Queue<OpinionMapJob>) {}

  async request(conversationId: string, now: Date): Promise<void> {
    const window = Math.floor(now.getTime() / opinionMapWindowMs);
    const delay = (window + 1) * opinionMapWindowMs - now.getTime();
    await this.queue.add(
      'draw',
      { conversationId },
      { jobId: `map-${conversationId}-${window}`, delay },
    );
  }
}
