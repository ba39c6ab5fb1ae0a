import { type DynamicModule, Module } from '@nestjs/common';
import {
  APP_CONFIG,
  type AppConfig,
  ConversationStatusService,
  ConversationsModule,
  CoreModule,
  type CoreOptions,
  ExportProcess,
  ExportsModule,
  OpinionMapService,
  POLL_SCHEDULE_QUEUE_TOKEN,
  PollsService,
  PreferencesModule,
  SCHEDULE_QUEUE_TOKEN,
  ThemePlacementService,
  ThemeRunsService,
  ThemesModule,
} from '@razgovor/core';
import type { Queue } from 'bullmq';
import { ExportProcessor } from './exports/export.processor';
import { JobsHost } from './jobs/jobs-host';
import { MailProcessor } from './mail/mail.processor';
import { OpinionMapProcessor } from './opinions/opinion-map.processor';
import { PollScheduleProcessor } from './schedule/poll-schedule.processor';
import { ScheduleProcessor } from './schedule/schedule.processor';
import { ThemePlacementProcessor } from './themes/theme-placement.processor';
import { ThemeRunProcessor } from './themes/theme-run.processor';

@Module({})
export class WorkerModule {
  static forRoot(options: CoreOptions): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        CoreModule.forRoot(options),
        ConversationsModule,
        ExportsModule,
        ThemesModule,
        PreferencesModule,
      ],
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
          provide: PollScheduleProcessor,
          inject: [PollsService, POLL_SCHEDULE_QUEUE_TOKEN],
          useFactory: (polls: PollsService, queue: Queue) =>
            new PollScheduleProcessor(polls, queue),
        },
        {
          provide: ExportProcessor,
          inject: [ExportProcess],
          useFactory: (exports: ExportProcess) => new ExportProcessor(exports),
        },
        {
          provide: ThemeRunProcessor,
          inject: [ThemeRunsService, APP_CONFIG],
          useFactory: (runs: ThemeRunsService, config: AppConfig) =>
            new ThemeRunProcessor(runs, config.themeRunLockMs),
        },
        {
          provide: ThemePlacementProcessor,
          inject: [ThemePlacementService],
          useFactory: (placement: ThemePlacementService) => new ThemePlacementProcessor(placement),
        },
        {
          provide: OpinionMapProcessor,
          inject: [OpinionMapService, APP_CONFIG],
          useFactory: (maps: OpinionMapService, config: AppConfig) =>
            new OpinionMapProcessor(maps, config.opinionMapLockMs),
        },
        {
          provide: JobsHost,
          inject: [
            APP_CONFIG,
            MailProcessor,
            ScheduleProcessor,
            ThemeRunProcessor,
            ThemePlacementProcessor,
            ExportProcessor,
            OpinionMapProcessor,
            PollScheduleProcessor,
          ],
          useFactory: (
            config: AppConfig,
            mail: MailProcessor,
            schedule: ScheduleProcessor,
            themeRuns: ThemeRunProcessor,
            themePlacement: ThemePlacementProcessor,
            exports: ExportProcessor,
            maps: OpinionMapProcessor,
            pollSchedule: PollScheduleProcessor,
          ) =>
            new JobsHost(config, [
              mail,
              schedule,
              themeRuns,
              themePlacement,
              exports,
              maps,
              pollSchedule,
            ]),
        },
      ],
    };
  }
}
