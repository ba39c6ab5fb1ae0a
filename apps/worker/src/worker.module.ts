import { type DynamicModule, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, CoreModule, type CoreOptions } from '@razgovor/core';
import { JobsHost } from './jobs/jobs-host';
import { MailProcessor } from './mail/mail.processor';

@Module({})
export class WorkerModule {
  static forRoot(options: CoreOptions): DynamicModule {
    return {
      module: WorkerModule,
      imports: [CoreModule.forRoot(options)],
      providers: [
        {
          provide: MailProcessor,
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => new MailProcessor(config),
        },
        {
          provide: JobsHost,
          inject: [APP_CONFIG, MailProcessor],
          useFactory: (config: AppConfig, mail: MailProcessor) => new JobsHost(config, [mail]),
        },
      ],
    };
  }
}
