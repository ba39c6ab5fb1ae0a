import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import {
  type AppConfig,
  bullPrefix,
  closeRedis,
  createRedis,
  type JobProcessor,
} from '@razgovor/core';
import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';

/** Runs one BullMQ worker per processor and closes them gracefully on shutdown. */
export class JobsHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobsHost.name);
  private readonly workers: Worker[] = [];
  private connection?: Redis;

  constructor(
    private readonly config: AppConfig,
    private readonly processors: JobProcessor[],
  ) {}

  onApplicationBootstrap(): void {
    this.connection = createRedis(this.config.redisUrl, this.logger, {
      name: 'worker',
      waitsForRedis: true,
    });
    for (const processor of this.processors) {
      const worker = new Worker(processor.queue, (job) => processor.process(job), {
        connection: this.connection,
        prefix: bullPrefix(this.config.redisPrefix),
        concurrency: processor.concurrency,
        ...(processor.lockDurationMs
          ? {
              lockDuration: processor.lockDurationMs,
              stalledInterval: processor.lockDurationMs,
              maxStalledCount: 3,
            }
          : {}),
      });
      worker.on('failed', (job, error) => {
        this.logger.warn(`Job ${job?.id} on ${processor.queue} failed: ${error.message}`, {
          queue: processor.queue,
          jobId: job?.id,
          attempt: job?.attemptsMade,
        });
      });
      // Connection errors are already logged once per retry by the shared connection.
      worker.on('error', () => undefined);
      this.workers.push(worker);
      this.logger.log(`Processing queue ${processor.queue}`, { queue: processor.queue });
    }
  }

  async onApplicationShutdown(): Promise<void> {
    // Without Redis a graceful close would wait for a connection that may never come.
    const force = this.connection?.status !== 'ready';
    await Promise.all(this.workers.map((worker) => worker.close(force)));
    if (this.connection) await closeRedis(this.connection);
  }
}
