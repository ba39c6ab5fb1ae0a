import 'reflect-metadata';
import { boot } from '@razgovor/core';
import { createApiApp } from './app';

void boot('api', async ({ config, logger, signal }) => {
  const app = await createApiApp({ config, logger, signal });
  await app.listen(config.port, config.host);

  logger.log(`Listening on ${config.publicUrl}`, 'Api', { port: config.port });

  return app;
});
