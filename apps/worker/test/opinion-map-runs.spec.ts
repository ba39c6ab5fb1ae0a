import { OpinionMapQueue } from '@razgovor/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConversationFixtures } from '../../api/test/conversations.fixtures';
import { buildServer, type RunningProcess, runNode } from '../../../test/support/processes';
import { startSystem, type TestSystem } from '../../../test/support/system';

const workerScript = 'dist/server/apps/worker/src/main.js';
const voters = 2500;
const statementCount = 120;

describe('opinion-map jobs in worker processes', () => {
  let system: TestSystem;
  let fixtures: ConversationFixtures;
  const workers: RunningProcess[] = [];

  beforeAll(async () => {
    buildServer();
    system = await startSystem({ withWorker: false });
    fixtures = new ConversationFixtures(system);
  });

  afterAll(async () => {
    for (const worker of workers) {
      if (worker.child.exitCode === null && worker.child.signalCode === null) {
        worker.child.kill('SIGCONT');
        worker.child.kill('SIGKILL');
      }
    }

    await system.stop();
  });

  function startWorker(): RunningProcess {
    const worker = runNode(workerScript, [], {
      NODE_ENV: 'test',
      DATABASE_URL: system.config.databaseUrl,
      REDIS_URL: system.config.redisUrl,
      REDIS_PREFIX: system.config.redisPrefix,
      SMTP_URL: 'smtp://127.0.0.1:1',
      OPINION_MAP_LOCK_SECONDS: '1',
    });
    workers.push(worker);

    return worker;
  }

  /**
   * An open conversation with two camps of voters on many statements, written straight to the
   * tables (with the vote counter moved as the api would), big enough that a map takes a while.
   */
  async function votedConversation(): Promise<string> {
    const { conversation, facilitator } = await fixtures.openTopic();
    const stamp = conversation.id.slice(0, 8);
    await fixtures.sql(
      `INSERT INTO users (email, display_name, email_confirmed_at)
       SELECT 'map-' || $1 || '-' || g || '@example.org', 'Гласуващ ' || g, now()
         FROM generate_series(1, $2) g`,
      [stamp, voters],
    );
    await fixtures.sql(
      `INSERT INTO statements (conversation_id, author_id, body, language, state, created_at)
       SELECT $1, $2, 'Твърдение ' || g, 'bg', 'published', now() FROM generate_series(1, $3) g`,
      [conversation.id, facilitator.id, statementCount],
    );
    // Voters of the first half agree with the first half of the statements and disagree with
    // the rest, the others the other way round; every third vote is missing.
    const [{ count }] = await fixtures.sql<{ count: number }>(
      `WITH people AS (
         SELECT id, row_number() OVER (ORDER BY id) AS n FROM users
          WHERE email LIKE 'map-' || $2 || '-%'),
       statements AS (
         SELECT id, row_number() OVER (ORDER BY id) AS n FROM statements
          WHERE conversation_id = $1),
       stored AS (
         INSERT INTO statement_votes (statement_id, user_id, conversation_id, vote, created_at,
                                      updated_at)
         SELECT s.id, p.id, $1,
                CASE WHEN (p.n <= $3 / 2) = (s.n <= $4 / 2) THEN 1 ELSE -1 END, now(), now()
           FROM people p CROSS JOIN statements s
          WHERE (p.n + s.n) % 3 <> 0
         RETURNING 1)
       SELECT count(*)::int AS count FROM stored`,
      [conversation.id, stamp, voters, statementCount],
    );
    await fixtures.sql(
      `INSERT INTO opinion_counters (conversation_id, shard, vote_seq) VALUES ($1, 0, $2)`,
      [conversation.id, count],
    );
    await system.api.get(OpinionMapQueue).request(conversation.id, new Date());

    return conversation.id;
  }

  /** Waits until a worker's map run holds its conversation's lock: the run is under way. */
  async function waitForRunUnderWay(): Promise<void> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const [held] = await fixtures.sql<{ count: number }>(
        `SELECT count(*)::int AS count FROM pg_locks
          WHERE locktype = 'advisory' AND granted
            AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      );
      if (held!.count > 0) return;
      if (Date.now() > deadline) throw new Error('No map run took its lock within 30 s');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async function mapsOf(conversationId: string) {
    return fixtures.sql<{ number: number; voters: number; placements: number; events: number }>(
      `SELECT number, voters, jsonb_array_length(result -> 'placements') AS placements,
              (SELECT count(*)::int FROM events e WHERE e.conversation_id = m.conversation_id
                  AND e.type = 'opinion_map.updated') AS events
         FROM opinion_maps m WHERE conversation_id = $1`,
      [conversationId],
    );
  }

  async function waitForMap(conversationId: string) {
    const deadline = Date.now() + 90_000;
    for (;;) {
      const maps = await mapsOf(conversationId);
      if (maps.length > 0) return maps;
      if (Date.now() > deadline) throw new Error('No opinion map was stored within 90 s');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it('finishes a map once after its worker is killed mid-run', async () => {
    const conversationId = await votedConversation();
    const first = startWorker();
    await first.waitForOutput(
      new RegExp(`Drawing the opinion map of conversation ${conversationId}`),
    );
    await waitForRunUnderWay();

    first.child.kill('SIGKILL');
    await first.exit;
    expect(await mapsOf(conversationId)).toEqual([]);
    const second = startWorker();
    await second.waitForOutput(
      new RegExp(`Drew opinion map 1 of conversation ${conversationId}`),
      90_000,
    );

    expect(await waitForMap(conversationId)).toEqual([
      { number: 1, voters, placements: voters, events: 1 },
    ]);
    // A later job over the same votes finds the map current.
    await system.api.get(OpinionMapQueue).request(conversationId, new Date(Date.now() + 3000));
    await second.waitForOutput(
      new RegExp(`Opinion map of conversation ${conversationId} is current`),
      30_000,
    );
    expect(await mapsOf(conversationId)).toHaveLength(1);
    second.child.kill('SIGTERM');
    await second.exit;
  }, 180_000);

  it('stores one map when a stalled worker loses its job to another and then wakes up', async () => {
    const conversationId = await votedConversation();
    const first = startWorker();
    await first.waitForOutput(
      new RegExp(`Drawing the opinion map of conversation ${conversationId}`),
    );
    await waitForRunUnderWay();

    // Stopped, the worker cannot renew its lock: the job passes to the second worker, whose run
    // waits for the stalled one's transaction.
    first.child.kill('SIGSTOP');
    const second = startWorker();
    await second.waitForOutput(
      new RegExp(`Drawing the opinion map of conversation ${conversationId}`),
      60_000,
    );
    first.child.kill('SIGCONT');
    await second.waitForOutput(
      new RegExp(`Opinion map of conversation ${conversationId} is current`),
      90_000,
    );

    expect(await waitForMap(conversationId)).toEqual([
      { number: 1, voters, placements: voters, events: 1 },
    ]);
    expect(first.output()).toMatch(
      new RegExp(`Drew opinion map 1 of conversation ${conversationId}`),
    );
    for (const worker of [first, second]) {
      worker.child.kill('SIGTERM');
      await worker.exit;
    }
  }, 180_000);
});
