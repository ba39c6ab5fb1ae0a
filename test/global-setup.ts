import { Redis } from 'ioredis';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

const serverUrl = process.env.TEST_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432';
const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: `${serverUrl}/postgres` });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Each test run gets a database and a Redis key prefix of its own, so two runs never collide, and
 * both are removed at the end.
 */
export default async function setup(project: TestProject) {
  const runId = `${project.name}_${process.pid}_${Date.now().toString(36)}`;
  const databaseName = `razgovor_test_${runId}`;
  const databaseUrl = `${serverUrl}/${databaseName}`;
  const redisPrefix = `rzt_${runId}`.toLowerCase();

  await admin((client) => client.query(`CREATE DATABASE "${databaseName}"`));

  project.provide('databaseUrl', databaseUrl);
  project.provide('redisUrl', redisUrl);
  project.provide('redisPrefix', redisPrefix);

  return async () => {
    await admin((client) => client.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`));
    const redis = new Redis(redisUrl);
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${redisPrefix}*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');

    await redis.quit();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    redisUrl: string;
    redisPrefix: string;
  }
}
