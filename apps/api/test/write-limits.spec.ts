import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem, type TestSystem } from '../../../test/support/system';
import { ConversationFixtures } from './conversations.fixtures';

describe('write limits from the configuration', () => {
  let system: TestSystem;
  let fixtures: ConversationFixtures;

  beforeAll(async () => {
    system = await startSystem({
      withWorker: false,
      env: { LIMIT_COMMENTS_PER_ACCOUNT: '2', LIMIT_COMMENTS_PER_ADDRESS: '3' },
    });
    fixtures = new ConversationFixtures(system);
  });
  afterAll(async () => {
    await system.stop();
  });

  it('refuses comments over the per-person and then the per-address budget with 429', async () => {
    const { topic } = await fixtures.openTopic();
    const [one, two] = [await fixtures.person(), await fixtures.person()];
    const post = (person: typeof one, body: string) =>
      person.client.post(`/api/topics/${topic.id}/comments`, { body });

    const statuses = [
      (await post(one, 'Първи')).status,
      (await post(one, 'Втори')).status,
      (await post(one, 'Трети')).status,
      (await post(two, 'От съседа')).status,
      (await post(two, 'Пак от съседа')).status,
    ];
    const refused = await post(two, 'И още');

    // The person's third write is refused before it counts against the address.
    expect(statuses).toEqual([201, 201, 429, 201, 429]);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ code: 'RATE_LIMITED' });
  });
});
