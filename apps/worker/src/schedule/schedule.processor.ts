import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import {
  type ConversationStatusService,
  type JobProcessor,
  SCHEDULE_QUEUE,
  type ScheduleJob,
} from '@razgovor/core';
import type { Job, Queue } from 'bullmq';

/** How often every conversation is checked, in case a delayed job was lost or is not due yet. */
const sweepEveryMs = 60_000;

/**
 * Applies scheduled openings and closings. Delayed jobs planned by the api fire at the exact time;
 * a repeating sweep catches anything they miss. Both only compare the clock with the schedule, so
 * running a job twice, or late, is harmless.
 */
export class ScheduleProcessor implements JobProcessor<ScheduleJob>, OnApplicationBootstrap {
  readonly queue = SCHEDULE_QUEUE;
  readonly concurrency = 2;
  private readonly logger = new Logger(ScheduleProcessor.name);

  constructor(
    private readonly status: ConversationStatusService,
    private readonly scheduleQueue: Queue<ScheduleJob>,
  ) {}

  onApplicationBootstrap(): void {
    // Not awaited: while Redis is away the worker must still start; the command waits for it.
    this.scheduleQueue
      .upsertJobScheduler('sweep', { every: sweepEveryMs }, { name: 'sweep', data: {} })
      .catch((error: unknown) =>
        this.logger.warn(`Could not plan the schedule sweep: ${String(error)}`),
      );
  }

  async process(job: Job<ScheduleJob>): Promise<void> {
    const { conversationId } = job.data;
    if (conversationId) {
      const status = await this.status.applySchedule(conversationId);
      this.logger.log(
        `Checked the schedule of conversation ${conversationId}: ${status ?? 'no change'}`,
        {
          jobId: job.id,
          conversationId,
        },
      );

      return;
    }

    const count = await this.status.applyAllDue();
    if (count > 0) this.logger.log(`Sweep applied ${count} scheduled changes`, { jobId: job.id });
  }
}
