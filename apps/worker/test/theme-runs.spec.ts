import type { ThemeRun, ThemesOverview } from '@razgovor/contracts';
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

  function ensureWorker(): void {
    if (!workers.some((worker) => worker.child.exitCode === null)) startWorker();
  }

  /**
   * A real database failure while a run of one conversation writes its output: a trigger that
   * refuses the first `times` rows of its themes. Other conversations are left alone.
   */
  async function injectFault(conversationId: string, times: number) {
    const name = `fault_${conversationId.replaceAll('-', '')}`;
    await fixtures.sql(`CREATE SEQUENCE ${name}`);
    await fixtures.sql(`
      CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (SELECT conversation_id FROM theme_runs WHERE id = NEW.run_id) = '${conversationId}'
           AND nextval('${name}') <= ${times} THEN
          RAISE EXCEPTION 'injected fault: the database refused the output';
        END IF;
        RETURN NEW;
      END $$`);
    await fixtures.sql(
      `CREATE TRIGGER ${name} BEFORE INSERT ON theme_run_themes
         FOR EACH ROW EXECUTE FUNCTION ${name}()`,
    );

    return async () => {
      await fixtures.sql(`DROP TRIGGER ${name} ON theme_run_themes`);
      await fixtures.sql(`DROP FUNCTION ${name}()`);
      await fixtures.sql(`DROP SEQUENCE ${name}`);
    };
  }

  async function runEvents(conversationId: string) {
    return fixtures.sql<{ status: string; stage: string; error: string | null; at: Date }>(
      `SELECT payload -> 'run' ->> 'status' AS status, payload -> 'run' ->> 'stage' AS stage,
              payload -> 'run' ->> 'error' AS error, created_at AS at
         FROM events WHERE conversation_id = $1 AND type = 'theme_run.updated' ORDER BY seq`,
      [conversationId],
    );
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

  it('retries a run after a database fault, after a back-off, and stores its output once', async () => {
    const { facilitator, conversation, topic } = await fixtures.openTopic();
    await insertComments(fixtures, topic, facilitator, largeCorpus(300));
    const removeFault = await injectFault(conversation.id, 1);
    try {
      ensureWorker();
      const queued = await requestRun(analyst, conversation.id, { seed: 2 });

      const run = await waitForRun(analyst, queued.id, 'completed', 60_000);

      expect(run).toMatchObject({ attempts: 2, error: null, inputCount: 300 });
      const [output] = await fixtures.sql<{ assignments: number; themes: number; placed: number }>(
        `SELECT (SELECT count(*)::int FROM theme_run_assignments WHERE run_id = $1) AS assignments,
                (SELECT count(*)::int FROM theme_run_themes WHERE run_id = $1) AS themes,
                (SELECT count(*)::int FROM comment_themes WHERE conversation_id = $2) AS placed`,
        [run.id, conversation.id],
      );
      expect(output).toEqual({ assignments: 300, themes: run.themeCount, placed: 300 });
      const events = await runEvents(conversation.id);
      const retrying = events.findIndex((event) => event.stage === 'retrying');
      expect(events[retrying]).toMatchObject({ status: 'queued' });
      expect(events[retrying].error).toMatch(/^injected fault/);
      const restarted = events.slice(retrying).find((event) => event.stage === 'loading')!;
      expect(restarted.at.getTime() - events[retrying].at.getTime()).toBeGreaterThanOrEqual(1500);
      expect(events.filter((event) => event.status === 'completed')).toHaveLength(1);
    } finally {
      await removeFault();
    }
  }, 90_000);

  it('ends a run that keeps failing as failed, with its error shown to analysts', async () => {
    const { facilitator, conversation, topic } = await fixtures.openTopic();
    await insertComments(fixtures, topic, facilitator, largeCorpus(300));
    const removeFault = await injectFault(conversation.id, 1_000_000);
    try {
      ensureWorker();
      const queued = await requestRun(analyst, conversation.id, { seed: 2 });

      const run = await waitForRun(analyst, queued.id, 'failed', 60_000);

      expect(run.attempts).toBe(3);
      expect(run.error).toMatch(/^injected fault: the database refused the output/);
      const response = await analyst.client.get(`/api/conversations/${conversation.id}/themes`);
      const view = response.body as ThemesOverview;
      expect(view.currentRun).toBeNull();
      expect(view.runs[0]).toMatchObject({ id: run.id, status: 'failed', error: run.error });
      expect(view.themes).toEqual([]);
      const [written] = await fixtures.sql<{ themes: number; placed: number }>(
        `SELECT (SELECT count(*)::int FROM theme_run_themes WHERE run_id = $1) AS themes,
                (SELECT count(*)::int FROM comment_themes WHERE conversation_id = $2) AS placed`,
        [run.id, conversation.id],
      );
      expect(written).toEqual({ themes: 0, placed: 0 });
    } finally {
      await removeFault();
    }
  }, 90_000);
});
