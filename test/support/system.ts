import { createApiApp } from '../../apps/api/src/app';
import { createWorkerApp } from '../../apps/worker/src/app';
import {
  type AppConfig,
  type Clock,
  createRedis,
  JsonLogger,
  loadConfig,
  readDevMailbox,
  startDevMailbox,
} from '@razgovor/core';
import type { MailboxMessage } from '@razgovor/contracts';
import type { INestApplication } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { inject } from 'vitest';
import { HttpClient } from './http-client';

export interface TestSystem {
  url: string;
  /** The api application, for tests that need one of its services directly. */
  api: INestApplication;
  config: AppConfig;
  redis: Redis;
  logs: string[];
  client(): HttpClient;
  waitForMail(to: string, subject?: RegExp): Promise<MailboxMessage>;
  stop(): Promise<void>;
}

/**
 * Starts a real api (on a free port), worker and SMTP receiver against the run's database and a
 * Redis prefix of its own, so rate limits and sessions of one system never touch another's.
 */
export async function startSystem(
  options: {
    env?: Record<string, string>;
    clock?: Clock;
    withWorker?: boolean;
    /** Another system's prefix, to run a second api process of the same installation. */
    redisPrefix?: string;
  } = {},
): Promise<TestSystem> {
  const prefix = options.redisPrefix ?? `${inject('redisPrefix')}_${randomUUID().slice(0, 8)}`;
  const logs: string[] = [];
  const logger = new JsonLogger('info', (line) => logs.push(line));
  const bootstrapRedis = createRedis(inject('redisUrl'), logger, { name: 'test' });
  const mailbox = await startDevMailbox({ port: 0, redis: bootstrapRedis, prefix, logger });
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: inject('databaseUrl'),
    REDIS_URL: inject('redisUrl'),
    REDIS_PREFIX: prefix,
    SMTP_URL: `smtp://127.0.0.1:${mailbox.port}`,
    SESSION_SECRET: 'test-secret-that-is-long-enough-for-validation',
    PUBLIC_URL: 'http://razgovor.test',
    DEV_MAILBOX: 'true',
    ...options.env,
  });

  const api = await createApiApp({ config, logger, clock: options.clock });
  await api.listen(0, '127.0.0.1');
  const { port } = api.getHttpServer().address() as AddressInfo;
  const worker =
    options.withWorker === false
      ? null
      : await createWorkerApp({ config, logger, clock: options.clock });
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    api,
    config,
    redis: bootstrapRedis,
    logs,
    client: () => new HttpClient(url),
    async waitForMail(to, subject) {
      for (let i = 0; i < 100; i++) {
        const messages = await readDevMailbox(bootstrapRedis, prefix);
        const found = messages.find(
          (message) => message.to === to && (!subject || subject.test(message.subject)),
        );
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }

      throw new Error(`No mail for ${to} arrived within 10 s`);
    },
    async stop() {
      await worker?.close();
      await api.close();
      await mailbox.close();
      await bootstrapRedis.quit();
    },
  };
}

export function linkToken(text: string): string {
  const match = /token=([\w-]+)/.exec(text);
  if (!match?.[1]) throw new Error(`No token link in: ${text}`);

  return match[1];
}

let accounts = 0;

export function uniqueEmail(label = 'person'): string {
  accounts++;

  return `${label}.${process.pid}.${Date.now().toString(36)}.${accounts}@example.org`;
}
