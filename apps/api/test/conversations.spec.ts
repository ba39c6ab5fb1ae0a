import type { Conversation, Topic } from '@razgovor/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem, type TestSystem } from '../../../test/support/system';
import { ConversationFixtures } from './conversations.fixtures';

describe('conversations and topics', () => {
  let system: TestSystem;
  let fixtures: ConversationFixtures;

  beforeAll(async () => {
    system = await startSystem({ withWorker: false });
    fixtures = new ConversationFixtures(system);
  });
  afterAll(async () => {
    await system.stop();
  });

  it('creates a draft that only its facilitators can see, then opens it for everyone', async () => {
    const facilitator = await fixtures.person(['citizen', 'facilitator']);
    const citizen = await fixtures.person();
    const draft = await fixtures.conversation(facilitator, { status: 'draft' });

    expect(draft).toMatchObject({ status: 'draft', canFacilitate: true });
    expect((await citizen.client.get(`/api/conversations/${draft.id}`)).status).toBe(404);
    expect((await facilitator.client.get(`/api/conversations/${draft.slug}`)).status).toBe(200);
    await facilitator.client.post(`/api/conversations/${draft.id}/status`, { status: 'open' });

    const seen = await citizen.client.get(`/api/conversations/${draft.slug}`);
    expect(seen.body).toMatchObject({ id: draft.id, status: 'open', canFacilitate: false });
    const list = (await citizen.client.get('/api/conversations')).body as { items: Conversation[] };
    expect(list.items.map((item) => item.id)).toContain(draft.id);
  });

  it('refuses a second conversation with the same slug', async () => {
    const facilitator = await fixtures.person(['citizen', 'facilitator']);
    const first = await fixtures.conversation(facilitator, { status: 'draft' });

    const second = await facilitator.client.post('/api/conversations', {
      slug: first.slug,
      title: { bg: 'Друг', en: 'Other' },
      description: { bg: '', en: '' },
    });

    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'SLUG_TAKEN' });
  });

  it.each([
    ['draft', 'closed'],
    ['draft', 'archived'],
    ['open', 'draft'],
    ['open', 'archived'],
    ['closed', 'open'],
    ['archived', 'closed'],
  ] as const)('refuses to move a %s conversation to %s', async (from, to) => {
    const facilitator = await fixtures.person(['citizen', 'facilitator']);
    const conversation = await fixtures.conversation(facilitator, { status: from });

    const moved = await facilitator.client.post(`/api/conversations/${conversation.id}/status`, {
      status: to,
    });

    expect(moved.status).toBe(409);
    expect(moved.body).toMatchObject({ code: 'INVALID_TRANSITION' });
  });

  it('keeps topics in order and opens and closes each on its own, with events', async () => {
    const { facilitator, conversation, topic } = await fixtures.openTopic();
    const second = await fixtures.topic(facilitator, conversation.id);

    const closed = await facilitator.client.patch(`/api/topics/${topic.id}`, { status: 'closed' });
    expect(closed.body).toMatchObject({ status: 'closed' });
    const topics = (await facilitator.client.get(`/api/conversations/${conversation.id}/topics`))
      .body as { items: Topic[] };

    expect(topics.items.map((item) => [item.id, item.status])).toEqual([
      [topic.id, 'closed'],
      [second.id, 'open'],
    ]);
    const events = await system
      .client()
      .get(`/api/conversations/${conversation.id}/events?after=0`);
    expect(events.body).toMatchObject({
      items: [
        { seq: 1, type: 'conversation.opened' },
        { seq: 2, type: 'topic.closed', payload: { topicId: topic.id, status: 'closed' } },
      ],
      lastSeq: 2,
    });
  });

  it('lets the creator add a facilitator, who may then see and run the draft', async () => {
    const creator = await fixtures.person(['citizen', 'facilitator']);
    const colleague = await fixtures.person(['citizen', 'facilitator']);
    const conversation = await fixtures.conversation(creator, { status: 'draft' });
    const refused = await colleague.client.patch(`/api/conversations/${conversation.id}`, {
      title: { bg: 'Нов', en: 'New' },
    });
    expect(refused.status).toBe(404);

    const added = await creator.client.post(`/api/conversations/${conversation.id}/facilitators`, {
      userId: colleague.id,
    });

    expect(added.body).toMatchObject({ facilitatorIds: [creator.id, colleague.id] });
    const edited = await colleague.client.patch(`/api/conversations/${conversation.id}`, {
      title: { bg: 'Нов', en: 'New' },
    });
    expect(edited.body).toMatchObject({ title: { bg: 'Нов', en: 'New' } });
  });
});
