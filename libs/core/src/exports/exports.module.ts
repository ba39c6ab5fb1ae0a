import {
  Inject,
  Injectable,
  Module,
  type OnApplicationShutdown,
  type Provider,
} from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { Clock } from '../common/clock';
import { REDIS } from '../common/tokens';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { ConversationsModule } from '../conversations/conversations.module';
import { ConversationsService } from '../conversations/conversations.service';
import { Database } from '../database/sql';
import { createQueue } from '../jobs/queues';
import { ExportProcess } from './export-process';
import { EXPORTS_QUEUE, type ExportJobData, exportJobOptions } from './exports.queue';
import { ExportsRepository } from './exports.repository';
import { ExportsService } from './exports.service';

export const EXPORTS_QUEUE_TOKEN = Symbol('EXPORTS_QUEUE');

@Injectable()
class ExportsLifecycle implements OnApplicationShutdown {
  constructor(@Inject(EXPORTS_QUEUE_TOKEN) private readonly queue: Queue) {}

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}

const providers: Provider[] = [
  {
    provide: ExportsRepository,
    inject: [Database],
    useFactory: (database: Database) => new ExportsRepository(database.pool),
  },
  {
    provide: EXPORTS_QUEUE_TOKEN,
    inject: [REDIS, APP_CONFIG],
    useFactory: (redis: Redis, config: AppConfig) =>
      createQueue<ExportJobData>(EXPORTS_QUEUE, redis, config.redisPrefix, exportJobOptions),
  },
  {
    provide: ExportsService,
    inject: [ConversationsService, ExportsRepository, EXPORTS_QUEUE_TOKEN, APP_CONFIG, Clock],
    useFactory: (
      conversations: ConversationsService,
      exports: ExportsRepository,
      queue: Queue<ExportJobData>,
      config: AppConfig,
      clock: Clock,
    ) =>
      new ExportsService(
        conversations,
        exports,
        queue,
        config.sessionSecret,
        config.publicUrl,
        clock,
      ),
  },
  {
    provide: ExportProcess,
    inject: [ExportsRepository, Clock, APP_CONFIG],
    useFactory: (exports: ExportsRepository, clock: Clock, config: AppConfig) =>
      new ExportProcess(exports, clock, { databaseUrl: config.databaseUrl }),
  },
  ExportsLifecycle,
];

/** Data exports for analysts: requests in the api, writing in the worker. */
@Module({
  imports: [ConversationsModule],
  providers,
  exports: [ExportsService, ExportProcess, ExportsRepository, EXPORTS_QUEUE_TOKEN],
})
export class ExportsModule {}
