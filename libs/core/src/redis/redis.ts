import type { LoggerService } from '@nestjs/common';
import { Redis, type RedisOptions } from 'ioredis';
import { describeUrl } from '../database/retry';

/**
 * An ioredis client that reconnects with back-off and logs one line per failed try. Clients that
 * `waitsForRedis` keep commands queued until Redis is back (BullMQ needs this, and so do
 * subscriptions made at start-up); the others fail commands quickly so requests do not hang.
 */
export function createRedis(
  url: string,
  logger: LoggerService,
  options: { name: string; waitsForRedis?: boolean } & RedisOptions,
): Redis {
  const { name, waitsForRedis = false, ...rest } = options;
  const target = `Redis at ${describeUrl(url)}`;
  let tries = 0;
  let nextDelayMs = 0;
  let loggedTry = -1;
  const client = new Redis(url, {
    lazyConnect: false,
    maxRetriesPerRequest: waitsForRedis ? null : 2,
    enableOfflineQueue: true,
    connectionName: name,
    retryStrategy: (times) => {
      tries = times;
      nextDelayMs = Math.min(500 * 2 ** Math.min(times - 1, 6), 30_000);

      return nextDelayMs;
    },
    ...rest,
  });
  client.on('error', (error: Error) => {
    // One line per reconnect attempt: ioredis may raise several errors for the same attempt.
    if (loggedTry === tries) return;
    loggedTry = tries;
    logger.warn(
      `Cannot reach ${target} (${name}, try ${tries + 1}): ${error.message}; ` +
        `retrying in ${nextDelayMs || 500} ms`,
      { target, client: name, tries: tries + 1 },
    );
  });
  client.on('ready', () => {
    if (tries > 0) logger.log(`Reconnected to ${target} (${name})`, { target, client: name });
    tries = 0;
    loggedTry = -1;
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
