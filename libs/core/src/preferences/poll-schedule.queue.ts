import type { DefaultJobOptions, Queue } from 'bullmq';
import type { Clock } from '../common/clock';

export const POLL_SCHEDULE_QUEUE = 'poll-schedule';

/** A due check for one poll, or (without an id) for every poll. */
export interface PollScheduleJob {
  pollId?: string;
}

export const pollScheduleJobOptions: DefaultJobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: 1000,
  removeOnFail: 1000,
};

/**
 * Plans a delayed job at a poll's future opening and closing, as conversations do. A job only
 * compares the poll with the clock and announces a change not yet announced, so a stale job (the
 * schedule moved) or a repeated one is harmless, and the worker's sweep catches a lost one.
 */
export class PollScheduleQueue {
  constructor(
    private readonly queue: Queue<PollScheduleJob>,
    private readonly clock: Clock,
  ) {}

  async plan(polls: Array<{ id: string; opensAt: Date | null; closesAt: Date | null }>) {
    const now = this.clock.now().getTime();
    for (const poll of polls) {
      for (const at of [poll.opensAt, poll.closesAt]) {
        if (!at || at.getTime() <= now) continue;
        await this.queue.add(
          'due',
          { pollId: poll.id },
          { jobId: `poll-due-${poll.id}-${at.getTime()}`, delay: at.getTime() - now },
        );
      }
    }
  }
}
