import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { HttpClient } from '../../../test/support/http-client';
import { buildServer, root, runNode, type RunningProcess } from '../../../test/support/processes';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe('npm start', () => {
  const serverUrl = new URL(inject('databaseUrl'));
  const databaseName = `razgovor_start_${process.pid}`;
  let started: RunningProcess;
  let url: string;

  beforeAll(async () => {
    buildServer();
    expect(
      existsSync(path.join(root, 'dist/web/index.html')),
      'run `npm run build:web` first',
    ).toBe(true);
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    serverUrl.pathname = `/${databaseName}`;
    started = runNode('scripts/start.mjs', [], {
      PORT: String(port),
      PUBLIC_URL: url,
      DATABASE_URL: serverUrl.toString(),
      REDIS_URL: inject('redisUrl'),
      REDIS_PREFIX: `${inject('redisPrefix')}_start`,
      DEV_SMTP_PORT: String(await freePort()),
      RAZGOVOR_SKIP_BUILD: '1',
    });
    await started.waitForOutput(/Razgovor is running/, 60_000);
  });
  afterAll(async () => {
    started?.child.kill('SIGTERM');
    await started?.exit;
    const admin = new URL(inject('databaseUrl'));
    admin.pathname = '/postgres';
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
    await client.end();
  });

  it('prints the address and the demo sign-ins', () => {
    expect(started.output()).toContain(url);
    expect(started.output()).toContain('admin@razgovor.demo');
  });

  it('serves the web app, in Bulgarian by default', async () => {
    const response = await fetch(`${url}/profile`, { headers: { accept: 'text/html' } });

    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/<html lang="bg"/);
  });

  it('seeds demo accounts that can sign in with the printed password', async () => {
    const client = new HttpClient(url);

    const response = await client.post('/api/auth/sign-in', {
      email: 'admin@razgovor.demo',
      password: 'razgovor-demo',
    });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ roles: expect.arrayContaining(['admin']) });
  });

  it('delivers mail through the worker to the development mailbox', async () => {
    const client = new HttpClient(url);
    await client.post('/api/auth/password-reset', { email: 'citizen@razgovor.demo' });

    let subjects: string[] = [];
    for (let i = 0; i < 50 && subjects.length === 0; i++) {
      const mailbox = await client.get('/api/dev/mailbox');
      subjects = (mailbox.body as Array<{ to: string; subject: string }>)
        .filter((message) => message.to === 'citizen@razgovor.demo')
        .map((message) => message.subject);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }

    expect(subjects).toContain('Нова парола за Разговор');
  });
});
