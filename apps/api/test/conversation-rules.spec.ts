import type { Conversation, NotificationList, Summary } from '@razgovor/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../../test/support/fake-clock';
import { startSystem, type TestSystem } from '../../../test/support/system';
import { ConversationFixtures, type Person } from './conversations.fixtures';

type Status = 'open' | 'closed' | 'archived';
type Who = 'author' | 'citizen' | 'facilitator' | 'other facilitator' | 'admin';
type Action = 'post' | 'edit' | 'withdraw' | 'stance' | 'close' | 'summarise';

describe('conversation rules', () => {
  let system: TestSystem;
  let fixtures: ConversationFixtures;
  const clock = new FakeClock();

  beforeAll(async () => {
    system = await startSystem({ clock });
    fixtures = new ConversationFixtures(system);
  });
  afterAll(async () => {
    await system.stop();
  });

  // Each row: who tries what in which status, and the status code (or error code) they get.
  it.each<[Action, Who, Status, number | string]>([
    ['post', 'citizen', 'open', 201],
    ['post', 'citizen', 'closed', 'CONVERSATION_CLOSED'],
    ['post', 'facilitator', 'archived', 'CONVERSATION_CLOSED'],
    ['edit', 'author', 'open', 200],
    ['edit', 'citizen', 'open', 403],
    ['edit', 'facilitator', 'open', 403],
    ['edit', 'author', 'closed', 'CONVERSATION_CLOSED'],
    ['withdraw', 'author', 'open', 200],
    ['withdraw', 'author', 'closed', 200],
    ['withdraw', 'author', 'archived', 'CONVERSATION_CLOSED'],
    ['withdraw', 'admin', 'open', 403],
    ['stance', 'citizen', 'open', 200],
    ['stance', 'citizen', 'closed', 'CONVERSATION_CLOSED'],
    ['close', 'facilitator', 'open', 200],
    ['close', 'admin', 'open', 200],
    ['close', 'other facilitator', 'open', 403],
    ['close', 'citizen', 'open', 403],
    ['close', 'facilitator', 'closed', 'INVALID_TRANSITION'],
    ['summarise', 'facilitator', 'open', 201],
    ['summarise', 'facilitator', 'closed', 201],
    ['summarise', 'admin', 'open', 201],
    ['summarise', 'facilitator', 'archived', 'CONVERSATION_CLOSED'],
    ['summarise', 'other facilitator', 'open', 403],
    ['summarise', 'citizen', 'open', 403],
  ])('%s by the %s when the conversation is %s -> %s', async (action, who, status, outcome) => {
    const { facilitator, conversation, topic } = await fixtures.openTopic();
    const author = await fixtures.person();
    const comment = await fixtures.comment(author, topic.id, 'Предложение за парк');
    const people: Record<Who, Person> = {
      author,
      facilitator,
      citizen: await fixtures.person(),
      'other facilitator': await fixtures.person(['citizen', 'facilitator']),
      admin: await fixtures.person(['citizen', 'admin']),
    };
    const path: Status[] = ['closed', 'archived'];
    for (const next of path.slice(0, path.indexOf(status as never) + 1)) {
      await facilitator.client.post(`/api/conversations/${conversation.id}/status`, {
        status: next,
      });
    }

    const { client } = people[who];
    const response = await {
      post: () => client.post(`/api/topics/${topic.id}/comments`, { body: 'Още нещо' }),
      edit: () => client.patch(`/api/comments/${comment.id}`, { body: 'Поправено' }),
      withdraw: () => client.post(`/api/comments/${comment.id}/withdraw`),
      stance: () => client.put(`/api/comments/${comment.id}/stance`, { stance: 'agree' }),
      close: () =>
        client.post(`/api/conversations/${conversation.id}/status`, { status: 'closed' }),
      summarise: () =>
        client.post(`/api/topics/${topic.id}/summaries`, { body: { bg: 'Обобщение', en: '' } }),
    }[action]();

    if (typeof outcome === 'number') expect(response.status).toBe(outcome);
    else expect(response.body).toMatchObject({ code: outcome });
  });

  it('versions summaries, tallies answers per version and notifies the topic writers', async () => {
    const { facilitator, topic } = await fixtures.openTopic();
    const writer = await fixtures.person();
    const reader = await fixtures.person();
    await fixtures.comment(writer, topic.id, 'Моето мнение');

    const first = (
      await facilitator.client.post(`/api/topics/${topic.id}/summaries`, {
        body: { bg: 'Първо обобщение', en: 'First summary' },
      })
    ).body as Summary;
    const second = (
      await facilitator.client.post(`/api/topics/${topic.id}/summaries`, {
        body: { bg: 'Второ обобщение', en: 'Second summary' },
      })
    ).body as Summary;
    await writer.client.put(`/api/summaries/${second.id}/response`, { reaction: 'reflects' });
    const answered = await reader.client.put(`/api/summaries/${second.id}/response`, {
      reaction: 'misses',
      comment: 'Липсват велоалеите',
    });
    const changed = await reader.client.put(`/api/summaries/${second.id}/response`, {
      reaction: 'reflects',
    });

    expect([first.version, second.version]).toEqual([1, 2]);
    expect(answered.body).toMatchObject({ tallies: { reflects: 1, misses: 1 } });
    expect(changed.body).toMatchObject({ tallies: { reflects: 2, misses: 0 } });
    const list = (await reader.client.get(`/api/topics/${topic.id}/summaries`)).body as {
      items: Summary[];
    };
    expect(list.items.map((item) => item.version)).toEqual([2, 1]);
    const notes = (await writer.client.get('/api/me/notifications')).body as NotificationList;
    expect(notes.unread).toBe(2);
    expect(notes.items[0]).toMatchObject({ type: 'summary.published', summaryId: second.id });
    await writer.client.post('/api/me/notifications/read', {});
    const after = (await writer.client.get('/api/me/notifications')).body as NotificationList;
    expect(after.unread).toBe(0);
  });

  it('notifies the author of a comment that someone replied', async () => {
    const { topic } = await fixtures.openTopic();
    const author = await fixtures.person();
    const replier = await fixtures.person();
    const root = await fixtures.comment(author, topic.id, 'Въпрос');

    const reply = await fixtures.comment(replier, topic.id, 'Отговор', root.id);

    const notes = (await author.client.get('/api/me/notifications')).body as NotificationList;
    expect(notes.items).toMatchObject([{ type: 'comment.replied', commentId: reply.id }]);
  });

  it('shows a passed closing time at once and the worker applies it with its event', async () => {
    const facilitator = await fixtures.person(['citizen', 'facilitator']);
    const opensAt = new Date(clock.now().getTime() + 300);
    const closesAt = new Date(clock.now().getTime() + 600);
    const conversation = await fixtures.conversation(facilitator, {
      status: 'draft',
      extra: { opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString() },
    });

    // The worker's delayed jobs fire at those times; poll until both events are stored.
    let types: string[] = [];
    for (let attempt = 0; attempt < 100 && types.length < 2; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const events = await facilitator.client.get(`/api/conversations/${conversation.id}/events`);
      types = (events.body as { items: Array<{ type: string }> }).items.map((item) => item.type);
    }

    expect(types).toEqual(['conversation.opened', 'conversation.closed']);
    const stored = await fixtures.sql<{ status: string }>(
      'SELECT status FROM conversations WHERE id = $1',
      [conversation.id],
    );
    expect(stored[0]?.status).toBe('closed');
  });

  it('treats a schedule as in effect on read even before the worker applies it', async () => {
    const facilitator = await fixtures.person(['citizen', 'facilitator']);
    const hour = 3600_000;
    const conversation = await fixtures.conversation(facilitator, {
      status: 'draft',
      extra: {
        opensAt: new Date(clock.now().getTime() + hour).toISOString(),
        closesAt: new Date(clock.now().getTime() + 2 * hour).toISOString(),
      },
    });
    const path = `/api/conversations/${conversation.id}`;
    const citizen = await fixtures.person();

    expect((await citizen.client.get(path)).status).toBe(404);
    clock.advance(hour + 1000);
    expect(((await citizen.client.get(path)).body as Conversation).status).toBe('open');
    clock.advance(hour);
    expect(((await citizen.client.get(path)).body as Conversation).status).toBe('closed');
  });
});
