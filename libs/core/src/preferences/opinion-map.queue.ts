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
 * arrive while a run is under way fall in the next window and queue the next run. Each process
 * remembers the windows it has queued, so only its first vote of a window costs a call to Redis.
 */
export class OpinionMapQueue {
  private readonly queued = new Map<string, number>();

  constructor(private readonly queue: Queue<OpinionMapJob>) {}

  async request(conversationId: string, now: Date): Promise<void> {
    const window = Math.floor(now.getTime() / opinionMapWindowMs);
    if (this.queued.get(conversationId) === window) return;
    this.queued.set(conversationId, window);

    const delay = (window + 1) * opinionMapWindowMs - now.getTime();
    try {
      await this.queue.add(
        'draw',
        { conversationId },
        { jobId: `map-${conversationId}-${window}`, delay },
      );
    } catch (error) {
      // Not queued after all: the next vote of the window tries again.
      if (this.queued.get(conversationId) === window) this.queued.delete(conversationId);
      throw error;
    }
  }
}
