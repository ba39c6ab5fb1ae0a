import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import pg from 'pg';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ensureDatabase,
  isPortOpen,
  startPrivatePostgres,
  startPrivateRedis,
} from '../../../scripts/lib/services.mjs';

describe('private services for npm start', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'razgovor-private-'));
  // PostgreSQL runs as its own user when tests run as root, so it must be able to enter the folder.
  chmodSync(dataDir, 0o755);
  const children: ChildProcess[] = [];

  afterAll(async () => {
    for (const child of children) child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts a private PostgreSQL under the data folder and creates the database', async () => {
    const url = await startPrivatePostgres(dataDir, 54391, children);
    expect(url).toBe('postgres://postgres@127.0.0.1:54391/razgovor');

    await ensureDatabase(url as string);
    const client = new pg.Client({ connectionString: url as string });
    await client.connect();
    const { rows } = await client.query('SELECT current_database() AS name');
    await client.end();

    expect(rows[0].name).toBe('razgovor');
  });

  it('starts a private Redis under the data folder', async () => {
    const url = await startPrivateRedis(dataDir, 63791, children);
    expect(url).toBe('redis://127.0.0.1:63791');

    const redis = new Redis(url as string);
    expect(await redis.ping()).toBe('PONG');
    await redis.quit();
  });

  it('leaves nothing listening once its processes are stopped', async () => {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(
      children.map(
        (child) =>
          new Promise((resolve) =>
            child.exitCode === null ? child.once('exit', resolve) : resolve(null),
          ),
      ),
    );

    expect(await isPortOpen('127.0.0.1', 54391)).toBe(false);
    expect(await isPortOpen('127.0.0.1', 63791)).toBe(false);
  });
});
