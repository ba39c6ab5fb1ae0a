import { NestFactory } from '@nestjs/core';
import { type CoreOptions, JsonLogger } from '@razgovor/core';
import { WorkerModule } from './worker.module';

export async function createWorkerApp(options: CoreOptions & { logger?: JsonLogger }) {
  const logger = options.logger ?? new JsonLogger(options.config.logLevel);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(options), {
    logger,
    abortOnError: false,
  });
  await app.init();

  return app;
}
