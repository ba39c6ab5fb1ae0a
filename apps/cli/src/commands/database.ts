import { Logger } from '@nestjs/common';
import { createDataSource, describeUrl, loadConfig, retryUntilReady } from '@razgovor/core';
import type { DataSource } from 'typeorm';

/** Opens the configured database, waiting for it to answer, and closes it after `work`. */
export async function withDatabase<T>(work: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const dataSource = createDataSource(config.databaseUrl, 2);
  await retryUntilReady(() => dataSource.initialize(), {
    target: `PostgreSQL at ${describeUrl(config.databaseUrl)}`,
    logger: new Logger('Cli'),
    maxDelayMs: 4000,
  });
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
