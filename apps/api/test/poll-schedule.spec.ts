import type { Poll, ServerEventEnvelope } from '@razgovor/contracts';
import { PollsService } from '@razgovor/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem, type TestSystem } from '../../../test/support/system';
import { ConversationFixtures } from './conversations.fixtures';
import { LiveClient } from './live.support';

describe('scheduled polls', () => {
  let system: TestSystem;
  let fixtures: ConversationFixtures;

  beforeAll(async () => {
    system = await startSystem();
    fixtures = new ConversationFixtures(system);
  });
  afterAll(async () => {
    await system.stop();
  });

  it('announces a scheduled opening and closing live, once each', async () => {
    const { facilitator, conversation } = await fixtures.openTopic();
    const citizen = await fixtures.person();
    const live = await LiveClient.connect(system.url);
    await live.join(conversation.id);
    const opensAt = new Date(Date.now() + 1500);
    const closesAt = new Date(Date.now() + 6000);
    const created = await facilitator.client.post(`/api/conversations/${conversation.id}/polls`, {
      kind: 'scale',
      question: { bg: 'Доволни ли сте?', en: 'Are you satisfied?' },
      opensAt: opensAt.toISOString(),
      closesAt: closesAt.toISOString(),
    });
    const poll = created.body as Poll;
    const changes = (event: ServerEventEnvelope) =>
      event.type === 'poll.changed' && event.payload.pollId === poll.id;
    await live.waitFor(() => live.events.filter(changes).length === 1, 'the poll was created');

    await live.waitFor(() => live.events.filter(changes).length === 2, 'the opening', 10_000);
    const opened = (await citizen.client.get(`/api/polls/${poll.id}`)).body as Poll;
    const answered = await citizen.client.put(`/api/polls/${poll.id}/answer`, {
      kind: 'scale',
      value: 4,
    });
    await live.waitFor(() => live.events.filter(changes).length === 3, 'the closing', 10_000);
    const closed = (await citizen.client.get(`/api/polls/${poll.id}`)).body as Poll;

    expect(poll.status).toBe('scheduled');
    expect(Date.now()).toBeGreaterThanOrEqual(closesAt.getTime());
    expect(opened.status).toBe('open');
    expect(answered.status).toBe(200);
    expect(closed.status).toBe('closed');
    // Running the schedule again, as a retried job or the sweep would, announces nothing more.
    const polls = system.api.get(PollsService);
    expect(await polls.applySchedule(poll.id)).toBeNull();
    await polls.applyAllDue();
    const stored = await fixtures.sql<{ count: number }>(
      `SELECT count(*)::int AS count FROM events
        WHERE conversation_id = $1 AND type = 'poll.changed' AND payload ->> 'pollId' = $2`,
      [conversation.id, poll.id],
    );
    expect(stored[0]!.count).toBe(3);
    live.close();
  });

  it('announces an opening that passed while no job ran, through the sweep', async () => {
    const { facilitator, conversation } = await fixtures.openTopic();
    const created = await facilitator.client.post(`/api/conversations/${conversation.id}/polls`, {
      kind: 'scale',
      question: { bg: 'Въпрос', en: 'Question' },
      opensAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    const poll = created.body as Poll;
    // As if the delayed job were lost and the time had come: only the sweep can see it.
    await fixtures.sql(`UPDATE polls SET opens_at = now() - interval '1 second' WHERE id = $1`, [
      poll.id,
    ]);
    const live = await LiveClient.connect(system.url);
    await live.join(conversation.id);

    const count = await system.api.get(PollsService).applyAllDue();

    expect(count).toBeGreaterThanOrEqual(1);
    const event = await live.waitForEvent(
      (envelope) => envelope.type === 'poll.changed' && envelope.payload.pollId === poll.id,
      'the announced opening',
    );
    expect(event.payload).toEqual({ pollId: poll.id, topicId: null });
    const [row] = await fixtures.sql<{ announced_status: string }>(
      'SELECT announced_status FROM polls WHERE id = $1',
      [poll.id],
    );
    expect(row!.announced_status).toBe('open');
    live.close();
  });
});
