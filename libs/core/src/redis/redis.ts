import type { LoggerService } from '@nestjs/common';
import { Redis, type RedisOptions } from 'ioredis';
import { describeUrl } from '../database/retry';

/**
 * An ioredis client that reconnects with back-off and logs one line per failed try. BullMQ needs
 * `maxRetriesPerRequest: null`; plain clients fail commands quickly so requests do not hang.
 */
export function createRedis(
  url: string,
  logger: LoggerService,
  options: { name: string; forBullMq?: boolean } & RedisOptions,
): Redis {
  const { name, forBullMq = false, ...rest } = options;
  const target = `Redis at ${describeUrl(url)}`;
  let lastError = '';
  const client = new Redis(url, {
    lazyConnect: false,
    maxRetriesPerRequest: forBullMq ? null : 2,
    enableOfflineQueue: true,
    connectionName: name,
    retryStrategy: (times) => Math.min(500 * 2 ** Math.min(times - 1, 6), 30_000),
    ...rest,
  });
  client.on('error', (error: Error) => {
    // ioredis raises the same error for every queued command; one line per reconnect is enough.
    if (error.message === lastError) return;
    lastError = error.message;
    logger.warn(`Cannot reach ${target} (${name}): ${error.message}; retrying with back-off`, {
      target,
      client: name,
    });
  });
  client.on('ready', () => {
    if (lastError) logger.log(`Reconnected to ${target} (${name})`, { target, client: name });
    lastError = '';
  });

  return client;
}

/** Quits politely when connected; a client still trying to reconnect is simply dropped. */
export async function closeRedis(client: Redis): Promise<void> {
  if (client.status !== 'ready') {
    client.disconnect();

    return;
  }

  await client.quit().catch(() => client.disconnect());
}
