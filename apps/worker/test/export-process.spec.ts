import type { ExportJob } from '@razgovor/contracts';
import {
  childScript,
  Clock,
  type ExportJobData,
  ExportProcess,
  ExportsRepository,
} from '@razgovor/core';
import type { Job } from 'bullmq';
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConversationFixtures, type Person } from '../../api/test/conversations.fixtures';
import { startSystem, type TestSystem } from '../../../test/support/system';
import { ExportProcessor } from '../src/exports/export.processor';

// Packages the export process must not load: the framework, the ORM, the queue and text analysis.
const heavyPackages = /^(@nestjs\/|typeorm$|bullmq$|ioredis$|natural$|zod$|socket\.io)/;

describe('exports in a process of their own', () => {
  let system: TestSystem;
  let fixtures: ConversationFixtures;
  let analyst: Person;
  let conversationId: string;

  beforeAll(async () => {
    system = await startSystem();
    fixtures = new ConversationFixtures(system);
    analyst = await fixtures.person(['citizen', 'analyst']);
    const world = await fixtures.openTopic();
    conversationId = world.conversation.id;
    for (const text of ['Паркове, пейки', 'Велоалеи до училищата', 'Още дървета']) {
      await fixtures.comment(world.facilitator, world.topic.id, text);
    }
  });
  afterAll(async () => {
    await system.stop();
  });

  const repository = () => system.api.get(ExportsRepository, { strict: false });
  const clock = () => system.api.get(Clock, { strict: false });

  async function statusOf(id: string) {
    const [row] = await fixtures.sql<{ status: string; error: string | null; chunks: number }>(
      `SELECT status, error,
              (SELECT count(*)::int FROM export_chunks WHERE export_id = e.id) AS chunks
         FROM exports e WHERE id = $1`,
      [id],
    );

    return row;
  }

  // Made directly, not through the api, so the system's own worker does not take them.
  async function createExport(format: ExportJob['format']) {
    return repository().create(
      { conversationId, requestedBy: null, format, tables: ['comments'], isStableIds: false },
      clock().now(),
    );
  }

  function job(exportId: string): Job<ExportJobData> {
    return { id: `test-${exportId}`, data: { exportId }, attemptsMade: 0 } as Job<ExportJobData>;
  }

  it('has the worker write each export in a child process', async () => {
    const created = await analyst.client.post(`/api/conversations/${conversationId}/exports`, {
      format: 'zip',
    });
    expect(created.status).toBe(202);
    const requested = created.body as ExportJob;

    let finished: Record<string, unknown> | undefined;
    for (let wait = 0; !finished && wait < 300; wait++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      finished = system.logs
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .find((entry) => entry.msg === `Finished export ${requested.id}`);
    }

    expect(finished).toMatchObject({ exportId: requested.id });
    expect(finished?.exportPid).toEqual(expect.any(Number));
    expect(finished?.exportPid).not.toBe(process.pid);
    expect(finished?.peakRssMb).toBeGreaterThan(0);
    expect(finished?.cpuSeconds).toEqual(expect.any(Number));
    expect(await statusOf(requested.id)).toMatchObject({ status: 'done', error: null });
  });

  it('loads pg and the writers but not the framework, the ORM or the text libraries', async () => {
    const record = await createExport('json');

    const outcome = await new ExportProcess(repository(), clock(), {
      databaseUrl: system.config.databaseUrl,
    }).run(record.id);

    expect(outcome.packages).toContain('pg');
    expect(outcome.packages.filter((name) => heavyPackages.test(name))).toEqual([]);
    expect(await statusOf(record.id)).toMatchObject({ status: 'done' });
  });

  it('fails the job and the export with the error the export process met', async () => {
    const requested = await createExport('csv');
    const missing = new URL(system.config.databaseUrl);
    missing.pathname = '/razgovor_no_such_database';
    const processor = new ExportProcessor(
      new ExportProcess(repository(), clock(), { databaseUrl: missing.toString() }),
    );

    await expect(processor.process(job(requested.id))).rejects.toThrow(
      /database "razgovor_no_such_database" does not exist/,
    );
    expect(await statusOf(requested.id)).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/does not exist/),
      chunks: 0,
    });
  });

  it('fails the job and the export clearly when the export process dies', async () => {
    const requested = await createExport('xlsx');
    // A heap far too small for anything: V8 stops the process, as it would an export that grew.
    const processor = new ExportProcessor(
      new ExportProcess(repository(), clock(), {
        databaseUrl: system.config.databaseUrl,
        heapMb: 4,
      }),
    );

    await expect(processor.process(job(requested.id))).rejects.toThrow(
      /The export process stopped \(.+\): .*heap/,
    );
    expect(await statusOf(requested.id)).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/^The export process stopped/),
    });
  });

  it('ends the export process when the worker that forked it goes away', async () => {
    const child = fork(childScript.path, [], {
      execArgv: childScript.execArgv,
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(child.exitCode).toBeNull();

    child.disconnect();

    const [code] = await once(child, 'exit');
    expect(code).toBe(1);
  });
});
