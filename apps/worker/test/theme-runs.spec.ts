import type { ThemeRun } from '@razgovor/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConversationFixtures, type Person } from '../../api/test/conversations.fixtures';
import {
  insertComments,
  mixedCorpus,
  requestRun,
  waitForRun,
} from '../../api/test/themes.fixtures';
import { buildServer, type RunningProcess, runNode } from '../../../test/support/processes';
import { startSystem, type TestSystem } from '../../../test/support/system';

const workerScript = 'dist/server/apps/worker/src/main.js';

/** Many distinct comments from the mixed fixture: two fragments each, picked with a fixed seed. */
function largeCorpus(count: number): string[] {
  const texts = mixedCorpus().map((item) => item.text.split(' '));
  let state = 42;
  const next = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;

  return Array.from({ length: count }, () => {
    const first = texts[Math.floor(next() * texts.length)];
    const second = texts[Math.floor(next() * texts.length)];

    return [...first.slice(0, 6), ...second.slice(-6)].join(' ');
  });
}

describe('theme runs in worker processes', () => {
  let system: TestSystem;
  let fixtures: ConversationFixtures;
  let analyst: Person;
  const workers: RunningProcess[] = [];

  beforeAll(async () => {
    buildServer();
    system = await startSystem({ withWorker: false });
    fixtures = new ConversationFixtures(system);
    analyst = await fixtures.person(['citizen', 'analyst']);
  });

  afterAll(async () => {
    for (const worker of workers) if (worker.child.exitCode === null) worker.child.kill('SIGKILL');
    await system.stop();
  });

  function startWorker(): RunningProcess {
    const worker = runNode(workerScript, [], {
      NODE_ENV: 'test',
      DATABASE_URL: system.config.databaseUrl,
      REDIS_URL: system.config.redisUrl,
      REDIS_PREFIX: system.config.redisPrefix,
      SMTP_URL: 'smtp://127.0.0.1:1',
      THEME_RUN_LOCK_SECONDS: '2',
    });
    workers.push(worker);

    return worker;
  }

  async function stageOf(runId: string): Promise<string | null> {
    const [row] = await fixtures.sql<{ stage: string | null }>(
      'SELECT stage FROM theme_runs WHERE id = $1',
      [runId],
    );

    return row.stage;
  }

  it('finishes a run exactly once after its worker is killed mid-run', async () => {
    const { facilitator, conversation, topic } = await fixtures.openTopic();
    const texts = largeCorpus(4000);
    await insertComments(fixtures, topic, facilitator, texts);
    const queued: ThemeRun = await requestRun(analyst, conversation.id, { seed: 5 });

    const first = startWorker();
    await first.waitForOutput(/Started theme run 1 /);
    const deadline = Date.now() + 20_000;
    while (!['features', 'clustering'].includes((await stageOf(queued.id)) ?? '')) {
      if (Date.now() > deadline) throw new Error('The run never reached its clustering stages');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    first.child.kill('SIGKILL');
    await first.exit;
    const [killed] = await fixtures.sql<{ status: string; count: number }>(
      `SELECT r.status, (SELECT count(*)::int FROM theme_run_assignments a WHERE a.run_id = r.id)
              AS count FROM theme_runs r WHERE r.id = $1`,
      [queued.id],
    );
    expect(killed).toEqual({ status: 'running', count: 0 });
    startWorker();

    const run = await waitForRun(analyst, queued.id, 'completed', 90_000);

    expect(run.attempts).toBe(2);
    expect(run.inputCount).toBe(4000);
    const runs = await fixtures.sql<{ id: string }>(
      'SELECT id FROM theme_runs WHERE conversation_id = $1',
      [conversation.id],
    );
    expect(runs).toHaveLength(1);
    const [output] = await fixtures.sql<{ assignments: number; themes: number; placed: number }>(
      `SELECT (SELECT count(*)::int FROM theme_run_assignments WHERE run_id = $1) AS assignments,
              (SELECT count(*)::int FROM theme_run_themes WHERE run_id = $1) AS themes,
              (SELECT count(*)::int FROM comment_themes WHERE run_id = $1) AS placed`,
      [queued.id],
    );
    expect(output).toEqual({ assignments: 4000, themes: run.themeCount, placed: 4000 });
    const completions = await fixtures.sql<{ count: number }>(
      `SELECT count(*)::int AS count FROM events
        WHERE conversation_id = $1 AND type = 'theme_run.updated'
          AND payload -> 'run' ->> 'status' = 'completed'`,
      [conversation.id],
    );
    expect(completions[0].count).toBe(1);
  }, 150_000);
});
