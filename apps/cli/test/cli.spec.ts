import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { buildServer, runNode } from '../../../test/support/processes';
import { uniqueEmail } from '../../../test/support/system';

const cli = 'dist/server/apps/cli/src/main.js';

function env(): Record<string, string> {
  return { DATABASE_URL: inject('databaseUrl'), REDIS_URL: inject('redisUrl'), LOG_LEVEL: 'warn' };
}

async function run(args: string[]) {
  const process = runNode(cli, args, env());
  const { code } = await process.exit;

  return { code, output: process.output() };
}

async function rolesOf(email: string): Promise<string[] | undefined> {
  const client = new pg.Client({ connectionString: inject('databaseUrl') });
  await client.connect();
  try {
    return (await client.query('SELECT roles FROM users WHERE email = $1', [email])).rows[0]?.roles;
  } finally {
    await client.end();
  }
}

describe('npm run cli', () => {
  beforeAll(() => buildServer());

  it('creates the first admin, confirmed and with the admin role', async () => {
    const email = uniqueEmail('admin');

    const result = await run([
      'admin:create',
      '--email',
      email,
      '--password',
      'a long admin password',
    ]);

    expect(result.code).toBe(0);
    expect(result.output).toContain(`Created admin ${email}`);
    expect(await rolesOf(email)).toEqual(['citizen', 'admin']);
  });

  it('refuses a short password and names the option, creating nothing', async () => {
    const email = uniqueEmail('weak');

    const result = await run(['admin:create', '--email', email, '--password', 'short']);

    expect(result.code).toBe(64);
    expect(result.output).toContain('--password');
    expect(await rolesOf(email)).toBeUndefined();
  });

  it('refuses an unknown option with the usage line', async () => {
    const result = await run(['admin:create', '--mail', 'x@y.bg']);

    expect(result.code).toBe(64);
    expect(result.output).toContain('Usage: npm run cli -- admin:create');
  });

  it('loads the demo accounts once, however often it runs', async () => {
    const first = await run(['seed']);
    const second = await run(['seed']);

    expect(first.code).toBe(0);
    expect(second.code).toBe(0);
    expect(second.output).toMatch(/0 created/);
    expect(await rolesOf('admin@razgovor.demo')).toContain('admin');
  });

  it('finds themes in a CSV and writes one assignment per data row', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'razgovor-cli-'));
    const input = path.join(directory, 'answers.csv');
    const output = path.join(directory, 'themes.json');
    const rows = [
      ...Array.from(
        { length: 12 },
        (_, i) => `"Детска площадка в парка номер ${i}, люлки и пясък"`,
      ),
      ...Array.from({ length: 12 }, (_, i) => `"Велоалея по булеварда, ${i} км за колела"`),
      ...Array.from({ length: 12 }, (_, i) => `"Автобусна спирка ${i} с навес и пейка"`),
    ];
    writeFileSync(input, `\uFEFFid,answer\n${rows.map((row, i) => `${i},${row}`).join('\n')}\n`);

    const result = await run([
      'themes',
      input,
      '--text-column',
      'answer',
      '--seed',
      '7',
      '--out',
      output,
    ]);

    expect(result.code).toBe(0);
    const written = JSON.parse(readFileSync(output, 'utf8')) as {
      themes: Array<{ id: number; size: number }>;
      assignments: Array<{ row: number; theme: number | null }>;
    };
    expect(written.assignments.map((assignment) => assignment.row)).toEqual(rows.map((_, i) => i));
    expect(written.themes.length).toBeGreaterThanOrEqual(2);
  });

  it('finds opinion groups in a Pol.is participants-votes export', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'razgovor-cli-'));
    const input = path.join(directory, 'participants-votes.csv');
    const output = path.join(directory, 'groups.json');
    const statements = Array.from({ length: 10 }, (_, i) => i);
    const header = ['participant', 'group-id', 'n-comments', 'n-votes', 'n-agree', 'n-disagree'];
    const rows = Array.from({ length: 30 }, (_, participant) => {
      // Two camps that vote opposite ways on every statement, and one person with two votes.
      const side = participant < 15 ? 1 : -1;
      const votes = statements.map((s) =>
        participant === 29 && s > 1 ? '' : String(side * (s % 3 === 0 ? -1 : 1)),
      );

      return [participant, '', 0, 10, 0, 0, ...votes].join(',');
    });
    writeFileSync(input, `${[...header, ...statements].join(',')}\n${rows.join('\n')}\n`);

    const result = await run(['opinion-groups', input, '--seed', '3', '--out', output]);

    expect(result.code).toBe(0);
    const written = JSON.parse(readFileSync(output, 'utf8')) as {
      assignments: Array<{ participant: number; group: number | null }>;
    };
    const groupOf = (id: number) => written.assignments.find((a) => a.participant === id)?.group;
    expect(new Set([0, 1, 2, 14].map(groupOf)).size).toBe(1);
    expect(new Set([15, 16, 28].map(groupOf)).size).toBe(1);
    expect(groupOf(0)).not.toBe(groupOf(15));
    expect(groupOf(29)).toBeNull();
  });

  it('stops with a clear message when the text column is missing', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'razgovor-cli-'));
    const input = path.join(directory, 'answers.csv');
    writeFileSync(input, 'id,answer\n1,hello\n');

    const result = await run([
      'themes',
      input,
      '--text-column',
      'comment',
      '--out',
      path.join(directory, 'o.json'),
    ]);

    expect(result.code).not.toBe(0);
    expect(result.output).toContain('comment');
  });
});
