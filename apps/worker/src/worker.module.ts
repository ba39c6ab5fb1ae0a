import { type DynamicModule, Module } from '@nestjs/common';
import {
  APP_CONFIG,
  type AppConfig,
  ConversationStatusService,
  ConversationsModule,
  CoreModule,
  type CoreOptions,
  SCHEDULE_QUEUE_TOKEN,
} from '@razgovor/core';
import type { Queue } from 'bullmq';
import { JobsHost } from './jobs/jobs-host';
import { MailProcessor } from './mail/mail.processor';
import { ScheduleProcessor } from './schedule/schedule.processor';

@Module({})
export class WorkerModule {
  static forRoot(options: CoreOptions): DynamicModule {
    return {
      module: WorkerModule,
      imports: [CoreModule.forRoot(options), ConversationsModule],
      providers: [
        {
          provide: MailProcessor,
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => new MailProcessor(config),
        },
        {
          provide: ScheduleProcessor,
          inject: [ConversationStatusService, SCHEDULE_QUEUE_TOKEN],
          useFactory: (status: ConversationStatusService, queue: Queue) =>
            new ScheduleProcessor(status, queue),
        },
        {
          provide: JobsHost,
          inject: [APP_CONFIG, MailProcessor, ScheduleProcessor],
          useFactory: (config: AppConfig, mail: MailProcessor, schedule: ScheduleProcessor) =>
            new JobsHost(config, [mail, schedule]),
        },
      ],
    };
  }
}
