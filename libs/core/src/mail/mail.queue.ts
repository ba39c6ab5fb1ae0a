import type { Queue } from 'bullmq';
import type { MailMessage } from './templates';

export const MAIL_QUEUE = 'mail';

export interface MailJob {
  message: MailMessage;
}

/** Hands messages to the worker, which delivers them over SMTP with retries. */
export class MailOutbox {
  constructor(private readonly queue: Queue<MailJob>) {}

  /** `key` makes a retried request enqueue the message once. */
  async send(message: MailMessage, key: string): Promise<void> {
    await this.queue.add('deliver', { message }, { jobId: key });
  }
}

export const mailJobOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;
