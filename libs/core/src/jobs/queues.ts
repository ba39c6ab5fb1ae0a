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
  return new Queue<T>(name, { connection, prefix: bullPrefix(redisPrefix), defaultJobOptions });
}
