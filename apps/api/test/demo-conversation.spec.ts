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
    const items = (topics.body as { items: Array<{ commentCount: number }> }).items;
    expect(items.reduce((sum, topic) => sum + topic.commentCount, 0)).toBe(expected);
  });
});
