import { type DynamicModule, Module } from '@nestjs/common';
import {
  APP_CONFIG,
  type AppConfig,
  ConversationStatusService,
  ConversationsModule,
  CoreModule,
  type CoreOptions,
  ExportRunner,
  ExportsModule,
  SCHEDULE_QUEUE_TOKEN,
} from '@razgovor/core';
import type { Queue } from 'bullmq';
import { ExportProcessor } from './exports/export.processor';
import { JobsHost } from './jobs/jobs-host';
import { MailProcessor } from './mail/mail.processor';
import { ScheduleProcessor } from './schedule/schedule.processor';

@Module({})
export class WorkerModule {
  static forRoot(options: CoreOptions): DynamicModule {
    return {
      module: WorkerModule,
      imports: [CoreModule.forRoot(options), ConversationsModule, ExportsModule],
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
          provide: ExportProcessor,
          inject: [ExportRunner],
          useFactory: (runner: ExportRunner) => new ExportProcessor(runner),
        },
        {
          provide: JobsHost,
          inject: [APP_CONFIG, MailProcessor, ScheduleProcessor, ExportProcessor],
          useFactory: (
            config: AppConfig,
            mail: MailProcessor,
            schedule: ScheduleProcessor,
            exports: ExportProcessor,
          ) => new JobsHost(config, [mail, schedule, exports]),
        },
      ],
    };
  }
}
