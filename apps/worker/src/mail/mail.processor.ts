import { Logger } from '@nestjs/common';
import { type AppConfig, MAIL_QUEUE, type JobProcessor, type MailJob } from '@razgovor/core';
import type { Job } from 'bullmq';
import nodemailer, { type Transporter } from 'nodemailer';

/** Delivers queued mail over SMTP; BullMQ retries with back-off while the server is unreachable. */
export class MailProcessor implements JobProcessor<MailJob> {
  readonly queue = MAIL_QUEUE;
  readonly concurrency = 4;
  private readonly logger = new Logger(MailProcessor.name);
  private readonly transport: Transporter;

  constructor(private readonly config: AppConfig) {
    this.transport = nodemailer.createTransport(config.smtpUrl);
  }

  async process(job: Job<MailJob>): Promise<void> {
    const { message } = job.data;

    await this.transport.sendMail({
      from: this.config.mailFrom,
      to: message.to,
      subject: message.subject,
      text: message.text,
    });

    this.logger.log(`Delivered mail job ${job.id}`, {
      jobId: job.id,
      attempt: job.attemptsMade + 1,
    });
  }

  close(): void {
    this.transport.close();
  }
}
