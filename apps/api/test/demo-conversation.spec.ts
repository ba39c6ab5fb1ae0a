import type { OpinionMap, PollList, SurveyList } from '@razgovor/contracts';
import { createDataSource, type DemoComment, seedDemoConversation } from '@razgovor/core';
import { sofiaConversation } from '../../../libs/core/src/demo/sofia-conversation.data';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem, type TestSystem } from '../../../test/support/system';

function countTree(comments: DemoComment[]): number {
  return comments.reduce((sum, comment) => sum + 1 + countTree(comment.replies ?? []), 0);
}

describe('demo conversation seeder', () => {
  let system: TestSystem;
  let dataSource: DataSource;

  beforeAll(async () => {
    system = await startSystem({ withWorker: false });
    dataSource = await createDataSource(system.config.databaseUrl, 2).initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await system.stop();
  });

  it('inserts the Sofia conversation once, with every comment, and skips it the second time', async () => {
    const expected = sofiaConversation.conversation.topics.reduce(
      (sum, topic) => sum + countTree(topic.comments),
      0,
    );

    // A slug of its own: `npm run cli -- seed` may already have loaded the real one in this run.
    const slug = `sofia-test-${Date.now().toString(36)}`;
    const data = {
      ...sofiaConversation,
      conversation: { ...sofiaConversation.conversation, slug },
    };

    const first = await seedDemoConversation({ dataSource, now: new Date() }, data);
    const second = await seedDemoConversation({ dataSource, now: new Date() }, data);

    expect(first).toEqual({ isCreated: true, comments: expected });
    expect(second).toEqual({ isCreated: false, comments: 0 });
    const conversation = await system.client().get(`/api/conversations/${slug}`);
    expect(conversation.body).toMatchObject({ status: 'open' });
    const topics = await system.client().get(`/api/conversations/${slug}/topics`);
    const items = (topics.body as { items: Array<{ id: string; commentCount: number }> }).items;
    expect(items.reduce((sum, topic) => sum + topic.commentCount, 0)).toBe(expected);
    // The demo shows a thread summary pinned above its thread, not only topic summaries.
    const summaries = await system.client().get(`/api/topics/${items[0]!.id}/summaries`);
    const kinds = (summaries.body as { items: Array<{ commentId: string | null }> }).items.map(
      (summary) => (summary.commentId ? 'thread' : 'topic'),
    );
    expect(kinds.sort()).toEqual(['thread', 'topic']);
  });

  it('seeds polls, a two-run survey and a drawn opinion map, the same numbers every time', async () => {
    const seedOnce = async () => {
      const slug = `sofia-prefs-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
      const data = {
        ...sofiaConversation,
        conversation: { ...sofiaConversation.conversation, slug },
      };
      await seedDemoConversation({ dataSource, now: new Date() }, data);
      const client = system.client();
      const polls = (await client.get(`/api/conversations/${slug}/polls`)).body as PollList;
      const surveys = (await client.get(`/api/conversations/${slug}/surveys`)).body as SurveyList;
      const map = (await client.get(`/api/conversations/${slug}/opinion-map`)).body as OpinionMap;

      return { polls: polls.items, surveys: surveys.items, map };
    };

    const first = await seedOnce();
    const second = await seedOnce();

    expect(first.polls.map((poll) => poll.kind)).toEqual([
      'single',
      'multiple',
      'ranking',
      'scale',
      'budget',
      'open',
    ]);
    expect(first.polls.every((poll) => poll.respondents > 0)).toBe(true);
    expect(first.polls.map((poll) => poll.respondents)).toEqual(
      second.polls.map((poll) => poll.respondents),
    );
    expect(first.polls.find((poll) => poll.kind === 'scale')).toMatchObject({ status: 'closed' });
    expect(first.surveys[0]!.runs).toHaveLength(2);
    expect(first.map.run).toBe(1);
    expect(first.map.groups.length).toBeGreaterThanOrEqual(2);
    expect(first.map.groups.map((group) => group.size)).toEqual(
      second.map.groups.map((group) => group.size),
    );
  });
});
