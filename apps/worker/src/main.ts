import 'reflect-metadata';
import { boot } from '@razgovor/core';
import { createWorkerApp } from './app';

void boot('worker', async ({ config, logger, signal }) => {
  const app = await createWorkerApp({ config, logger, signal });

  logger.log('Worker started', 'Worker');

  return app;
});
