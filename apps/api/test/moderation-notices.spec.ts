import type { Comment, NotificationList, ServerEventEnvelope, Topic } from '@razgovor/contracts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../../test/support/fake-clock';
import { startSystem, type TestSystem } from '../../../test/support/system';
import { ConversationFixtures, type Person } from './conversations.fixtures';
import { LiveClient } from './live.support';

const day = 24 * 3600_000;

describe('what moderation tells people, and when', () => {
  const clock = new FakeClock();
  let system: TestSystem;
  let fixtures: ConversationFixtures;
  const sockets: LiveClient[] = [];

  beforeAll(async () => {
    system = await startSystem({ clock, withWorker: false });
    fixtures = new ConversationFixtures(system);
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });
  afterAll(async () => {
    await system.stop();
  });

  async function live(person: Person) {
    const socket = await LiveClient.connect(system.url, person.client.cookie('rz_session'));
    sockets.push(socket);

    return socket;
  }

  const notice = (type: string, commentId: string) => (event: ServerEventEnvelope) =>
    event.type === 'notification.created' &&
    event.payload.notification.type === type &&
    event.payload.notification.commentId === commentId;

  it('tells the author live, with the public reason, when a facilitator hides the comment', async () => {
    const { facilitator, conversation, topic } = await fixtures.openTopic();
    const author = await fixtures.person();
    const comment = await fixtures.comment(author, topic.id, 'Всички сте глупаци');
    const socket = await live(author);

    await facilitator.client.post(`/api/conversations/${conversation.id}/moderation/decisions`, {
      action: 'hide',
      commentIds: [comment.id],
      reason: 'offensive',
      note: 'лична бележка за екипа',
    });

    const event = await socket.waitForEvent(
      notice('moderation.hidden', comment.id),
      'the hiding notice',
    );
    expect(event).toMatchObject({
      payload: { notification: { note: 'offensive', topicId: topic.id } },
    });
    expect(JSON.stringify(event)).not.toContain('лична бележка');
    const stored = (await author.client.get('/api/me/notifications')).body as NotificationList;
    expect(stored.items[0]).toMatchObject({ type: 'moderation.hidden', note: 'offensive' });
  });

  it('tells the author when flags hid the comment, and when the appeal was decided', async () => {
    const { facilitator, conversation, topic } = await fixtures.openTopic();
    await facilitator.client.patch(`/api/conversations/${conversation.id}/moderation/settings`, {
      flagHideWeight: 1,
    });
    const author = await fixtures.person();
    const comment = await fixtures.comment(author, topic.id, 'Продавам коли евтино');
    const socket = await live(author);

    await (
      await fixtures.person()
    ).client.post(`/api/comments/${comment.id}/flags`, {
      reason: 'spam',
    });
    await socket.waitForEvent(notice('moderation.hidden', comment.id), 'the flag notice');
    await author.client.post(`/api/comments/${comment.id}/appeal`, { text: 'Не е реклама' });
    await facilitator.client.post(`/api/conversations/${conversation.id}/moderation/decisions`, {
      action: 'restore',
      commentIds: [comment.id],
    });

    const decided = await socket.waitForEvent(
      notice('moderation.appeal_decided', comment.id),
      'the appeal notice',
    );
    expect(decided).toMatchObject({ payload: { notification: { note: 'restored' } } });
    const stored = (await author.client.get('/api/me/notifications')).body as NotificationList;
    expect(stored.items.map((item) => [item.type, item.note])).toEqual([
      ['moderation.appeal_decided', 'restored'],
      ['moderation.hidden', 'flagged'],
    ]);
  });

  it('delivers a warning live to the person, who can read it back', async () => {
    const { facilitator, conversation } = await fixtures.openTopic();
    const person = await fixtures.person();
    const socket = await live(person);

    await facilitator.client.post(
      `/api/conversations/${conversation.id}/moderation/people/${person.id}`,
      { action: 'warn', reason: 'Без обиди, моля' },
    );

    await socket.waitForEvent(
      (event) =>
        event.type === 'notification.created' &&
        event.payload.notification.type === 'moderation.warned',
      'the warning',
    );
    const stored = (await person.client.get('/api/me/notifications')).body as NotificationList;
    expect(stored.items[0]).toMatchObject({
      type: 'moderation.warned',
      note: 'Без обиди, моля',
      conversationId: conversation.id,
    });
  });

  it('gives more weight to flaggers whose earlier flags facilitators upheld', async () => {
    const { facilitator, conversation, topic } = await fixtures.openTopic();
    const decisions = `/api/conversations/${conversation.id}/moderation/decisions`;
    const trusted = await fixtures.person();
    const newcomer = await fixtures.person();
    const author = await fixtures.person();
    for (const body of ['Първа реклама', 'Втора реклама']) {
      const earlier = await fixtures.comment(author, topic.id, body);
      await trusted.client.post(`/api/comments/${earlier.id}/flags`, { reason: 'spam' });
      await facilitator.client.post(decisions, {
        action: 'hide',
        commentIds: [earlier.id],
        reason: 'spam',
      });
    }

    await facilitator.client.patch(`/api/conversations/${conversation.id}/moderation/settings`, {
      flagHideWeight: 1.4,
    });
    const byNewcomer = await fixtures.comment(author, topic.id, 'Трета реклама');
    const byTrusted = await fixtures.comment(author, topic.id, 'Четвърта реклама');

    await newcomer.client.post(`/api/comments/${byNewcomer.id}/flags`, { reason: 'spam' });
    await trusted.client.post(`/api/comments/${byTrusted.id}/flags`, { reason: 'spam' });

    const state = async (comment: Comment) =>
      ((await author.client.get(`/api/comments/${comment.id}`)).body as { comment: Comment })
        .comment.moderation.state;
    expect(await state(byNewcomer)).toBe('published');
    expect(await state(byTrusted)).toBe('hidden');
  });

  describe('slow mode by the heat of a topic, on the mocked clock', () => {
    async function heated() {
      const world = await fixtures.openTopic();
      const settings = await world.facilitator.client.patch(
        `/api/conversations/${world.conversation.id}/moderation/settings`,
        { heatCommentsPerMinute: 2, heatFlagsPerMinute: 1, autoSlowModeSeconds: 45 },
      );
      expect(settings.status).toBe(200);

      return world;
    }

    async function topicNow(topic: Topic) {
      return (await system.client().get(`/api/topics/${topic.id}`)).body as Topic;
    }

    it('switches on past the comment threshold with the clock time, and off after cooling', async () => {
      clock.advance(3 * day);
      const { facilitator, conversation, topic } = await heated();
      const watcher = await live(facilitator);
      await watcher.join(conversation.id);
      // Start at the beginning of a minute, so the three comments share one minute's count.
      clock.advance(60_000 - (clock.now().getTime() % 60_000) + 1000);
      const switchedAt = clock.now().getTime();

      for (const body of ['едно', 'две'])
        await fixtures.comment(await fixtures.person(), topic.id, body);
      expect((await topicNow(topic)).slowMode).toBeNull();
      await fixtures.comment(await fixtures.person(), topic.id, 'три');

      const on = await watcher.waitForEvent(
        (event) => event.type === 'topic.slow_mode_changed' && event.payload.slowMode !== null,
        'slow mode on',
      );
      const since = Date.parse((on.payload as { slowMode: { since: string } }).slowMode.since);
      // The fake clock runs three days ahead: a since near real time would be a wrong clock.
      expect(Math.abs(since - switchedAt)).toBeLessThan(30_000);
      expect(Math.abs(Date.parse(on.createdAt) - switchedAt)).toBeLessThan(30_000);
      expect((await topicNow(topic)).slowMode).toMatchObject({
        seconds: 45,
        isAutomatic: true,
        reason: 'More than 2 comments a minute',
        until: new Date(since + 15 * 60_000).toISOString(),
      });
      const entries = await facilitator.client.get(
        `/api/conversations/${conversation.id}/audit?action=topic.slow_mode_on`,
      );
      expect(entries.body).toMatchObject({
        items: [{ actorKind: 'system', reason: 'More than 2 comments a minute' }],
      });

      clock.advance(16 * 60_000);
      expect((await topicNow(topic)).slowMode).toBeNull();
    });

    it('switches on past the flag threshold within one minute, not across two', async () => {
      const { topic } = await heated();
      const author = await fixtures.person();
      const [first, second] = [
        await fixtures.comment(author, topic.id, 'първо'),
        await fixtures.comment(author, topic.id, 'второ'),
      ];
      clock.advance(60_000 - (clock.now().getTime() % 60_000) + 1000);

      await (
        await fixtures.person()
      ).client.post(`/api/comments/${first.id}/flags`, {
        reason: 'off-topic',
      });
      clock.advance(60_000);
      await (
        await fixtures.person()
      ).client.post(`/api/comments/${second.id}/flags`, {
        reason: 'off-topic',
      });
      expect((await topicNow(topic)).slowMode).toBeNull();
      await (
        await fixtures.person()
      ).client.post(`/api/comments/${first.id}/flags`, {
        reason: 'spam',
      });

      expect((await topicNow(topic)).slowMode).toMatchObject({
        isAutomatic: true,
        reason: 'More than 1 flags a minute',
      });
    });
  });
});
