import { Queue, type DefaultJobOptions } from 'bullmq';
import type { Redis } from 'ioredis';

export function bullPrefix(redisPrefix: string): string {
  return `${redisPrefix}:bull`;
}

export function createQueue<T>(
  name: string,
  connection: Redis,
  redisPrefix: string,
  defaultJobOptions: DefaultJobOptions,
): Queue<T> {
  const queue = new Queue<T>(name, {
    connection,
    prefix: bullPrefix(redisPrefix),
    defaultJobOptions,
  });
  // The shared connection already logs each failed reconnect once; BullMQ would print it again.
  queue.on('error', () => undefined);

  return queue;
}
