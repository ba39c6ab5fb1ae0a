import { beforeAll, describe, expect, inject, it } from 'vitest';
import { buildServer, runNode } from '../../../test/support/processes';

const api = 'dist/server/apps/api/src/main.js';
const worker = 'dist/server/apps/worker/src/main.js';

function baseEnv(): Record<string, string> {
  return {
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: inject('databaseUrl'),
    REDIS_URL: inject('redisUrl'),
    REDIS_PREFIX: `${inject('redisPrefix')}_processes`,
    SMTP_URL: 'smtp://127.0.0.1:1',
  };
}

describe('processes', () => {
  beforeAll(() => buildServer());

  it.each([
    ['PORT', 'not-a-number'],
    ['DATABASE_URL', 'mysql://somewhere/db'],
    ['LOG_LEVEL', 'chatty'],
  ])('refuses to start with a malformed %s and names it', async (name, value) => {
    const process = runNode(api, [], { ...baseEnv(), [name]: value });

    const { code } = await process.exit;

    expect(code).toBe(78);
    expect(process.output()).toContain(`${name}:`);
  });

  it('refuses to start in production without a session secret', async () => {
    const process = runNode(api, [], { ...baseEnv(), NODE_ENV: 'production', SESSION_SECRET: '' });

    expect((await process.exit).code).toBe(78);
    expect(process.output()).toContain('SESSION_SECRET');
  });

  it('retries an unreachable database with back-off, one line per try, and stops on SIGTERM', async () => {
    const started = runNode(api, [], {
      ...baseEnv(),
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none',
    });

    await started.waitForOutput(/Cannot reach PostgreSQL.*try 3/);
    await new Promise((resolve) => setTimeout(resolve, 500));
    started.child.kill('SIGTERM');
    const { code } = await started.exit;

    const lines = started
      .output()
      .split('\n')
      .filter((line) => line.includes('Cannot reach'));
    expect(code).toBe(0);
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.length).toBeLessThanOrEqual(5);
    expect(lines[1]).toContain('retrying in 1000 ms');
  });

  it('keeps a worker running while Redis is away, logging a few lines, and stops on SIGTERM', async () => {
    const started = runNode(worker, [], { ...baseEnv(), REDIS_URL: 'redis://127.0.0.1:1' });

    await started.waitForOutput(/Worker started/);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    started.child.kill('SIGTERM');
    const { code } = await started.exit;

    const lines = started
      .output()
      .split('\n')
      .filter((line) => line.includes('Cannot reach Redis'));
    expect(code).toBe(0);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.length).toBeLessThanOrEqual(12);
  });

  it('serves requests and stops cleanly on SIGTERM', async () => {
    const started = runNode(api, [], { ...baseEnv(), PORT: '0' });

    await started.waitForOutput(/Listening on/);
    started.child.kill('SIGTERM');

    expect((await started.exit).code).toBe(0);
  });
});
