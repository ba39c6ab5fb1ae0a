import type { ServerEventEnvelope } from '@razgovor/contracts';
import { Database, EventNotices, EventsRepository, type NewEvent } from '@razgovor/core';
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSystem, type TestSystem } from '../../../test/support/system';
import { ConversationFixtures, type Person } from './conversations.fixtures';
import { LiveClient, sleep } from './live.support';

/** Two api processes of one installation: same database, same Redis prefix. */
describe('live updates across two api processes', () => {
  let first: TestSystem;
  let second: TestSystem;
  let fixtures: ConversationFixtures;
  const clients: LiveClient[] = [];

  beforeAll(async () => {
    first = await startSystem({ withWorker: false });
    second = await startSystem({ withWorker: false, redisPrefix: first.config.redisPrefix });
    fixtures = new ConversationFixtures(first);
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });
  afterAll(async () => {
    await second.stop();
    await first.stop();
  });

  async function connect(system: TestSystem, person?: Person): Promise<LiveClient> {
    const client = await LiveClient.connect(system.url, person?.client.cookie('rz_session'));
    clients.push(client);

    return client;
  }

  const created = (commentId: string) => (event: ServerEventEnvelope) =>
    event.type === 'comment.created' && event.payload.comment.id === commentId;

  it('delivers a comment posted through one process to a socket on the other', async () => {
    const { conversation, topic } = await fixtures.openTopic();
    const author = await fixtures.person();
    const watcher = await connect(second);
    const neighbour = await connect(first, author);
    expect(await watcher.join(conversation.id)).toMatchObject({ ok: true, replayed: 1 });
    expect(await neighbour.join(conversation.id)).toMatchObject({ ok: true });

    const comment = await fixtures.comment(author, topic.id, 'Парк в Младост, моля');

    const arrived = await watcher.waitForEvent(created(comment.id), 'the comment on process 2');
    expect(arrived).toMatchObject({
      topicId: topic.id,
      payload: { comment: { body: comment.body } },
    });
    await neighbour.waitForEvent(created(comment.id), 'the comment on process 1');
    await sleep(200);
    expect(watcher.events.filter(created(comment.id))).toHaveLength(1);
    expect(neighbour.events.filter(created(comment.id))).toHaveLength(1);
  });

  it('replays exactly the events missed while offline, in order, then goes on live', async () => {
    const { conversation, topic } = await fixtures.openTopic();
    const author = await fixtures.person();
    const before = await connect(second);
    await before.join(conversation.id);
    const seen = await fixtures.comment(author, topic.id, 'Първи коментар');
    await before.waitForEvent(created(seen.id), 'the first comment');
    const lastSeen = Math.max(...before.seqs(conversation.id));
    before.close();

    const missed = [];
    for (const body of ['Втори', 'Трети', 'Fourth, in English', 'Peti, na latinica']) {
      missed.push(await fixtures.comment(author, topic.id, body));
    }

    const after = await connect(second);
    const reply = await after.join(conversation.id, lastSeen);
    const live = await fixtures.comment(author, topic.id, 'След завръщането');
    await after.waitForEvent(created(live.id), 'the live comment after replay');

    expect(reply).toMatchObject({ ok: true, replayed: 4, latestSeq: lastSeen + 4 });
    expect(after.seqs(conversation.id)).toEqual([1, 2, 3, 4, 5].map((n) => lastSeen + n));
    expect(
      after.events.map((event) => event.type === 'comment.created' && event.payload.comment.id),
    ).toEqual([...missed, live].map((comment) => comment.id));
  });

  it('hands over from replay to live with no gap and no repeat while comments keep coming', async () => {
    const { conversation, topic } = await fixtures.openTopic();
    const authors = await Promise.all([fixtures.person(), fixtures.person()]);
    const posting = Array.from({ length: 24 }, (_, index) =>
      fixtures.comment(authors[index % 2], topic.id, `Коментар номер ${index}`),
    );
    const clientsJoining = [await connect(first), await connect(second)];

    await sleep(30);
    await Promise.all(clientsJoining.map((client) => client.join(conversation.id, 0)));
    await Promise.all(posting);
    const last = await fixtures.comment(authors[0], topic.id, 'Последен');

    for (const client of clientsJoining) {
      await client.waitForEvent(created(last.id), 'the last comment');
      const seqs = client.seqs(conversation.id);
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, index) => index + 1));
      // The conversation's opening, then the 25 comments.
      expect(seqs.length).toBe(1 + 25);
    }
  });

  it('keeps facilitators-only events from anonymous and citizen sockets, live and in replay', async () => {
    const { facilitator, conversation, topic } = await fixtures.openTopic();
    const citizen = await fixtures.person();
    const anonymous = await connect(first);
    const citizenSocket = await connect(second, citizen);
    const facilitatorSocket = await connect(second, facilitator);
    for (const client of [anonymous, citizenSocket, facilitatorSocket]) {
      await client.join(conversation.id);
    }

    const privateSeq = await appendFacilitatorsEvent(conversation.id, topic.id);
    const comment = await fixtures.comment(citizen, topic.id, 'Публичен коментар');
    for (const client of [anonymous, citizenSocket, facilitatorSocket]) {
      await client.waitForEvent(created(comment.id), 'the public comment');
    }

    const late = await connect(first);
    await late.join(conversation.id, 0);

    expect(facilitatorSocket.seqs(conversation.id)).toContain(privateSeq);
    for (const client of [anonymous, citizenSocket, late]) {
      expect(client.seqs(conversation.id)).not.toContain(privateSeq);
    }
  });

  it("keeps a held comment off citizens' sockets until approved, and hides it live", async () => {
    const { facilitator, conversation, topic } = await fixtures.openTopic();
    const settings = await facilitator.client.patch(
      `/api/conversations/${conversation.id}/moderation/settings`,
      { mode: 'pre' },
    );
    expect(settings.status).toBe(200);
    const author = await fixtures.person();
    const citizen = await fixtures.person();
    const anonymous = await connect(first);
    const citizenSocket = await connect(second, citizen);
    const facilitatorSocket = await connect(second, facilitator);
    for (const client of [anonymous, citizenSocket, facilitatorSocket]) {
      await client.join(conversation.id);
    }

    const posted = await author.client.post(`/api/topics/${topic.id}/comments`, {
      body: 'Чака одобрение',
    });
    expect(posted.status).toBe(201);
    const held = posted.body as { id: string };
    await facilitatorSocket.waitForEvent(
      (event) => event.type === 'moderation.queue.changed',
      'the queue change',
    );
    await sleep(300);
    const mentions = (client: LiveClient) =>
      client.events.filter(
        (event) => 'comment' in event.payload && event.payload.comment.id === held.id,
      );
    expect(mentions(anonymous)).toEqual([]);
    expect(mentions(citizenSocket)).toEqual([]);

    const decisions = `/api/conversations/${conversation.id}/moderation/decisions`;
    const approved = await facilitator.client.post(decisions, {
      action: 'approve',
      commentIds: [held.id],
    });
    expect(approved.status).toBe(200);
    for (const client of [anonymous, citizenSocket]) {
      await client.waitForEvent(created(held.id), 'the approved comment');
    }

    const hidden = await facilitator.client.post(decisions, {
      action: 'hide',
      commentIds: [held.id],
      reason: 'off-topic',
    });
    expect(hidden.status).toBe(200);
    for (const client of [anonymous, citizenSocket]) {
      const event = await client.waitForEvent(
        (candidate) =>
          candidate.type === 'comment.hidden' && candidate.payload.comment.id === held.id,
        'the hiding',
      );
      expect(JSON.stringify(event.payload)).not.toContain('Чака одобрение');
    }
  });

  async function appendFacilitatorsEvent(conversationId: string, topicId: string) {
    const events = first.api.get(EventsRepository);
    const event: NewEvent = {
      type: 'stance.changed',
      payload: { commentId: randomUUID(), topicId, agree: 1, disagree: 0 },
      topicId,
      audience: 'facilitators',
    };
    const seq = await first.api
      .get(Database)
      .transaction((tx) => events.append(tx, conversationId, [event], new Date()));
    first.api.get(EventNotices).publish(conversationId, seq);

    return seq;
  }

  it('delivers a notification only to its recipient, on whichever process they are', async () => {
    const { conversation, topic } = await fixtures.openTopic();
    const [alice, bob, carol] = await Promise.all([
      fixtures.person(),
      fixtures.person(),
      fixtures.person(),
    ]);
    const aliceSocket = await connect(second, alice);
    const bobSocket = await connect(first, bob);
    const carolSocket = await connect(second, carol);
    await carolSocket.join(conversation.id);
    const root = await fixtures.comment(alice, topic.id, 'Идея: повече пейки');

    const reply = await fixtures.comment(bob, topic.id, 'Съгласен', root.id);

    const note = await aliceSocket.waitForEvent(
      (event) => event.type === 'notification.created',
      'the notification for alice',
    );
    expect(note).toMatchObject({ payload: { notification: { commentId: reply.id } } });
    await carolSocket.waitForEvent(created(reply.id), 'the reply');
    await sleep(200);
    for (const other of [bobSocket, carolSocket]) {
      expect(other.events.filter((event) => event.type === 'notification.created')).toEqual([]);
    }

    expect(
      aliceSocket.events.filter((event) => event.type === 'notification.created'),
    ).toHaveLength(1);
  });

  it('counts people present across both processes and tells the room when it changes', async () => {
    const { conversation, topic } = await fixtures.openTopic();
    const person = await fixtures.person();
    const here = await connect(first, person);
    const sameTab = await connect(second, person);
    const stranger = await connect(second);
    for (const client of [here, sameTab, stranger]) await client.join(conversation.id);
    here.socket.emit('topic.watch', { topicId: topic.id });
    stranger.socket.emit('topic.watch', { topicId: topic.id });

    const whole = (client: LiveClient, count: number) =>
      client.waitFor(
        () => client.presence.at(-1)?.count === count && client.presence.at(-1),
        `conversation presence ${count}`,
      );
    const topicCount = (client: LiveClient, count: number) =>
      client.waitFor(
        () =>
          client.presence.filter((update) => update.topicId === topic.id).at(-1)?.count === count,
        `topic presence ${count}`,
      );
    await topicCount(here, 2);
    await topicCount(sameTab, 2);
    expect(here.presence.filter((update) => update.topicId === null).at(-1)?.count).toBe(2);

    stranger.close();

    await topicCount(here, 1);
    await whole(sameTab, 1);
  });

  it('answers a malformed join or a hidden conversation with a code in the ack', async () => {
    const facilitator = await fixtures.person(['citizen', 'facilitator']);
    const draft = await fixtures.conversation(facilitator, { status: 'draft' });
    const anonymous = await connect(first);

    const malformed = await anonymous.socket
      .timeout(5000)
      .emitWithAck('conversation.join', { conversationId: 42 } as never);
    const hidden = await anonymous.join(draft.id);
    const ahead = await (await connect(first, facilitator)).join(draft.id, 10_000);

    expect(malformed).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    expect(hidden).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(ahead).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
  });
});
