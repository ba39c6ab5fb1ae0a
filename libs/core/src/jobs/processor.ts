import type { Job } from 'bullmq';

/**
 * A background job type: one queue, a typed payload, and a handler that must be safe to run again
 * (BullMQ retries failures and re-runs jobs whose worker died).
 */
export interface JobProcessor<T = unknown, R = unknown> {
  readonly queue: string;
  readonly concurrency: number;
  process(job: Job<T>): Promise<R>;
}
