import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import {
  type JobProcessor,
  POLL_SCHEDULE_QUEUE,
  type PollScheduleJob,
  type PollsService,
} from '@razgovor/core';
import type { Job, Queue } from 'bullmq';

/** How often every poll is checked, in case a delayed job was lost. */
const sweepEveryMs = 60_000;

/**
 * Announces scheduled poll openings and closings to open pages. Delayed jobs planned by the api
 * fire at the exact time; a repeating sweep catches anything they miss. A poll remembers what it
 * announced, so running a job twice, or late, announces nothing twice.
 */
export class PollScheduleProcessor
  implements JobProcessor<PollScheduleJob>, OnApplicationBootstrap
{
  readonly queue = POLL_SCHEDULE_QUEUE;
  readonly concurrency = 2;
  private readonly logger = new Logger(PollScheduleProcessor.name);

  constructor(
    private readonly polls: PollsService,
    private readonly scheduleQueue: Queue<PollScheduleJob>,
  ) {}

  onApplicationBootstrap(): void {
    // Not awaited: while Redis is away the worker must still start.
    this.scheduleQueue
      .upsertJobScheduler('sweep', { every: sweepEveryMs }, { name: 'sweep', data: {} })
      .catch((error: unknown) =>
        this.logger.warn(`Could not plan the poll schedule sweep: ${String(error)}`),
      );
  }

  async process(job: Job<PollScheduleJob>): Promise<void> {
    const { pollId } = job.data;
    if (pollId) {
      const status = await this.polls.applySchedule(pollId);
      this.logger.log(`Checked the schedule of poll ${pollId}: ${status ?? 'no change'}`, {
        jobId: job.id,
        pollId,
      });

      return;
    }

    const count = await this.polls.applyAllDue();
    if (count > 0) this.logger.log(`Sweep announced ${count} poll changes`, { jobId: job.id });
  }
}
