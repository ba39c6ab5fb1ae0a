import type { Job } from 'bullmq';

/**
 * A background job type: one queue, a typed payload, and a handler that must be safe to run again
 * (BullMQ retries failures and re-runs jobs whose worker died).
 */
export interface JobProcessor<T = unknown, R = unknown> {
  readonly queue: string;
  readonly concurrency: number;
  /** How long a job's lock lasts without renewal before another worker takes the job over. */
  readonly lockDurationMs?: number;
  process(job: Job<T>): Promise<R>;
}
