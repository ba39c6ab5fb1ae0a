import type { DefaultJobOptions } from 'bullmq';

export const EXPORTS_QUEUE = 'exports';

export interface ExportJobData {
  exportId: string;
}

/** A retried export starts over: the runner drops what the failed try had written. */
export const exportJobOptions: DefaultJobOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: 1000,
  removeOnFail: 1000,
};
