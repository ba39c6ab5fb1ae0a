import type { AuditPage, Comment, Ledger, NotificationList, QueuePage } from '@razgovor/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem, type TestSystem } from '../../../test/support/system';
import { ConversationFixtures, type Person } from './conversations.fixtures';

describe('moderation', () => {
  let system: TestSystem;
  let fixtures: ConversationFixtures;

  beforeAll(async () => {
    system = await startSystem({ withWorker: false });
    fixtures = new ConversationFixtures(system);
  });
  afterAll(async () => {
    await system.stop();
  });

  async function preModerated() {
    const world = await fixtures.openTopic();
    const settings = await world.facilitator.client.patch(
      `/api/conversations/${world.conversation.id}/moderation/settings`,
      { mode: 'pre' },
    );
    expect(settings.status).toBe(200);

    return world;
  }

  async function post(author: Person, topicId: string, body: string) {
    const posted = await author.client.post(`/api/topics/${topicId}/comments`, { body });
    expect(posted.status).toBe(201);

    return posted.body as Comment;
  }

  async function events(person: Person, conversationId: string) {
    const replay = await person.client.get(`/api/conversations/${conversationId}/events`);

    return (replay.body as { items: Array<{ type: string; payload: { comment?: Comment } }> })
      .items;
  }

  it('keeps a pre-moderated comment from other citizens over REST, search and replay', async () => {
    const { facilitator, conversation, topic } = await preModerated();
    const author = await fixtures.person();
    const citizen = await fixtures.person();

    const held = await post(author, topic.id, 'Паркове навсякъде');

    expect(held.moderation).toEqual({
      state: 'pending',
      reason: null,
      isRedacted: false,
      appeal: null,
    });
    const listed = await citizen.client.get(`/api/topics/${topic.id}/comments`);
    expect((listed.body as { items: Comment[] }).items).toEqual([]);
    expect((await citizen.client.get(`/api/comments/${held.id}`)).status).toBe(404);
    const found = await citizen.client.get(`/api/conversations/${conversation.id}/search?q=парк`);
    expect((found.body as { items: unknown[] }).items).toEqual([]);
    const seen = await events(citizen, conversation.id);
    expect(seen.some((event) => event.payload.comment?.id === held.id)).toBe(false);
    const own = await author.client.get(`/api/topics/${topic.id}/comments`);
    expect((own.body as { items: Comment[] }).items.map((item) => item.id)).toEqual([held.id]);
    const queue = await facilitator.client.get(
      `/api/conversations/${conversation.id}/moderation/queue`,
    );
    expect((queue.body as QueuePage).items[0]).toMatchObject({ queueReason: 'held' });
  });

  it('publishes an approved comment with a public event and counts it', async () => {
    const { facilitator, conversation, topic } = await preModerated();
    const author = await fixtures.person();
    const citizen = await fixtures.person();
    const held = await post(author, topic.id, 'Повече пейки');

    const approved = await facilitator.client.post(
      `/api/conversations/${conversation.id}/moderation/decisions`,
      { action: 'approve', commentIds: [held.id] },
    );

    expect(approved.status).toBe(200);
    const listed = await citizen.client.get(`/api/topics/${topic.id}/comments`);
    expect((listed.body as { items: Comment[] }).items.map((item) => item.id)).toEqual([held.id]);
    const seen = await events(citizen, conversation.id);
    expect(seen.filter((event) => event.payload.comment?.id === held.id)).toEqual([
      expect.objectContaining({ type: 'comment.created' }),
    ]);
    const topicNow = await citizen.client.get(`/api/topics/${topic.id}`);
    expect(topicNow.body).toMatchObject({ commentCount: 1 });
  });

  it('hides a comment automatically once flag weight passes the threshold', async () => {
    const { facilitator, conversation, topic } = await fixtures.openTopic();
    await facilitator.client.patch(`/api/conversations/${conversation.id}/moderation/settings`, {
      flagHideWeight: 2,
    });
    const author = await fixtures.person();
    const comment = await post(author, topic.id, 'Купете сега евтини часовници');
    const [first, second] = [await fixtures.person(), await fixtures.person()];

    expect(
      (await first!.client.post(`/api/comments/${comment.id}/flags`, { reason: 'spam' })).status,
    ).toBe(201);
    const again = await first!.client.post(`/api/comments/${comment.id}/flags`, { reason: 'spam' });
    expect(again.body).toMatchObject({ code: 'ALREADY_FLAGGED' });
    await second!.client.post(`/api/comments/${comment.id}/flags`, { reason: 'spam' });

    const seen = await first!.client.get(`/api/comments/${comment.id}`);
    expect(seen.body).toMatchObject({
      comment: { body: null, moderation: { state: 'hidden', reason: 'flagged' } },
    });
    const queue = await facilitator.client.get(
      `/api/conversations/${conversation.id}/moderation/queue?sort=most-flagged`,
    );
    expect((queue.body as QueuePage).items[0]).toMatchObject({
      queueReason: 'auto-hidden',
      flagCount: 2,
    });
  });

  it('hears one appeal only, and not from the facilitator who hid the comment', async () => {
    const { facilitator, conversation, topic } = await fixtures.openTopic();
    const colleague = await fixtures.person(['citizen', 'facilitator']);
    await facilitator.client.post(`/api/conversations/${conversation.id}/facilitators`, {
      userId: colleague.id,
    });
    const author = await fixtures.person();
    const comment = await post(author, topic.id, 'Обидни думи');
    const decisions = `/api/conversations/${conversation.id}/moderation/decisions`;
    await facilitator.client.post(decisions, {
      action: 'hide',
      commentIds: [comment.id],
      reason: 'offensive',
      note: 'лично нападение',
    });

    const appealed = await author.client.post(`/api/comments/${comment.id}/appeal`, {
      text: 'Не беше обидно',
    });
    const second = await author.client.post(`/api/comments/${comment.id}/appeal`, {
      text: 'Пак',
    });
    const bySame = await facilitator.client.post(decisions, {
      action: 'restore',
      commentIds: [comment.id],
    });
    const byOther = await colleague.client.post(decisions, {
      action: 'restore',
      commentIds: [comment.id],
    });

    expect(appealed.status).toBe(201);
    expect(second.body).toMatchObject({ code: 'ALREADY_APPEALED' });
    expect(bySame.body).toMatchObject({ code: 'APPEAL_NEEDS_ANOTHER_FACILITATOR' });
    expect(byOther.status).toBe(200);
    const seen = await events(await fixtures.person(), conversation.id);
    expect(seen.map((event) => event.type)).toEqual(
      expect.arrayContaining(['comment.hidden', 'comment.restored']),
    );
  });

  it('shows the author where their appeal stands on every later read, and no one else', async () => {
    const { facilitator, conversation, topic } = await fixtures.openTopic();
    const colleague = await fixtures.person(['citizen', 'facilitator']);
    await facilitator.client.post(`/api/conversations/${conversation.id}/facilitators`, {
      userId: colleague.id,
    });
    const author = await fixtures.person();
    const reader = await fixtures.person();
    const comment = await post(author, topic.id, 'Остри думи');
    const decisions = `/api/conversations/${conversation.id}/moderation/decisions`;
    await facilitator.client.post(decisions, {
      action: 'hide',
      commentIds: [comment.id],
      reason: 'offensive',
    });
    const appealOf = async (person: Person) => {
      const read = await person.client.get(`/api/comments/${comment.id}`);

      return (read.body as { comment: Comment }).comment.moderation.appeal;
    };

    const listed = async (person: Person) => {
      const page = await person.client.get(`/api/topics/${topic.id}/comments`);

      return (page.body as { items: Comment[] }).items.find((item) => item.id === comment.id)
        ?.moderation.appeal;
    };

    const before = await appealOf(author);
    await author.client.post(`/api/comments/${comment.id}/appeal`, { text: 'Не беше обидно' });
    const open = [await appealOf(author), await listed(author), await appealOf(facilitator)];
    const forReader = await appealOf(reader);
    const restored = await colleague.client.post(decisions, {
      action: 'restore',
      commentIds: [comment.id],
    });

    expect(before).toBeNull();
    expect(open).toEqual(['open', 'open', 'open']);
    expect(forReader).toBeNull();
    expect(restored.status).toBe(200);
    expect(await appealOf(author)).toBe('restored');
  });

  it('applies a bulk decision to all comments or to none', async () => {
    const { facilitator, conversation, topic } = await fixtures.openTopic();
    const author = await fixtures.person();
    const first = await post(author, topic.id, 'Първи');
    const second = await post(author, topic.id, 'Втори');
    const decisions = `/api/conversations/${conversation.id}/moderation/decisions`;

    const refused = await facilitator.client.post(decisions, {
      action: 'restore',
      commentIds: [first.id, second.id],
    });
    await facilitator.client.post(decisions, {
      action: 'hide',
      commentIds: [first.id],
      reason: 'spam',
    });
    const mixed = await facilitator.client.post(decisions, {
      action: 'restore',
      commentIds: [first.id, second.id],
    });
    const both = await facilitator.client.post(decisions, {
      action: 'hide',
      commentIds: [first.id, second.id].reverse(),
      reason: 'duplicate',
    });

    expect(refused.body).toMatchObject({ code: 'INVALID_DECISION' });
    expect(mixed.body).toMatchObject({ code: 'INVALID_DECISION' });
    const firstNow = await author.client.get(`/api/comments/${first.id}`);
    expect(firstNow.body).toMatchObject({ comment: { moderation: { state: 'hidden' } } });
    expect(both.body).toMatchObject({ code: 'INVALID_DECISION' });
  });

  it('blocks, holds and flags by the word list on posting and editing', async () => {
    const { facilitator, conversation, topic } = await fixtures.openTopic();
    const words = `/api/conversations/${conversation.id}/word-list`;
    for (const [pattern, action] of [
      ['идиот', 'block'],
      ['реклама', 'hold'],
      ['кмет', 'flag'],
    ]) {
      expect((await facilitator.client.post(words, { pattern, action })).status).toBe(201);
    }

    const author = await fixtures.person();

    const blocked = await author.client.post(`/api/topics/${topic.id}/comments`, {
      body: 'Ти си 1d10t',
    });
    const held = await post(author, topic.id, 'Това е реклама');
    const flagged = await post(author, topic.id, 'Кметът да реши');
    const fine = await post(author, topic.id, 'Добре');
    const edited = await author.client.patch(`/api/comments/${fine.id}`, { body: 'идиоти' });
    const tested = await facilitator.client.post(`${words}/test`, { text: 'идиоти' });

    expect(blocked.status).toBe(422);
    expect(blocked.body).toMatchObject({ code: 'CONTENT_BLOCKED' });
    expect(JSON.stringify(blocked.body)).not.toContain('идиот');
    expect(held.moderation.state).toBe('pending');
    expect(flagged.moderation.state).toBe('published');
    expect(edited.body).toMatchObject({ code: 'CONTENT_BLOCKED' });
    expect(tested.body).toMatchObject({ action: 'block', matches: [{ action: 'block' }] });
    const queue = await facilitator.client.get(
      `/api/conversations/${conversation.id}/moderation/queue`,
    );
    const reasons = (queue.body as QueuePage).items.map((item) => item.queueReason).sort();
    expect(reasons).toEqual(['flagged', 'held']);
  });

  it('refuses muted people with MUTED and its end date, and tells a warned person', async () => {
    const { facilitator, conversation, topic } = await fixtures.openTopic();
    const person = await fixtures.person();
    const people = `/api/conversations/${conversation.id}/moderation/people/${person.id}`;

    await facilitator.client.post(people, { action: 'warn', reason: 'Моля, без обиди' });
    await facilitator.client.post(people, { action: 'mute', reason: 'Обиди', days: 3 });
    const refused = await person.client.post(`/api/topics/${topic.id}/comments`, {
      body: 'Пак аз',
    });

    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'MUTED', details: { until: expect.any(String) } });
    const notes = await person.client.get('/api/me/notifications');
    expect(notes.body).toMatchObject({
      items: expect.arrayContaining([
        expect.objectContaining({ type: 'moderation.warned', note: 'Моля, без обиди' }),
      ]),
    });
  });

  it('tells a muted person when the mute ends, and the earlier end once it is lifted', async () => {
    const { facilitator, conversation, topic } = await fixtures.openTopic();
    const person = await fixtures.person();
    const people = `/api/conversations/${conversation.id}/moderation/people/${person.id}`;
    const muteNotice = async () => {
      const notes = await person.client.get('/api/me/notifications');

      return (notes.body as NotificationList).items.find(
        (item) => item.type === 'moderation.muted',
      );
    };

    const muted = await facilitator.client.post(people, {
      action: 'mute',
      reason: 'Обиди',
      days: 3,
    });
    const refused = await person.client.post(`/api/topics/${topic.id}/comments`, { body: 'Аз' });
    const notice = await muteNotice();
    await facilitator.client.post(people, { action: 'unmute', reason: 'Извини се' });
    const lifted = await muteNotice();

    const until = (muted.body as { until: string }).until;
    expect(Date.parse(until) - Date.parse(notice!.createdAt)).toBe(3 * 24 * 3600 * 1000);
    expect(notice!.until).toBe(until);
    expect((refused.body as { details: { until: string } }).details.until).toBe(until);
    expect(Date.parse(lifted!.until!)).toBeLessThan(Date.parse(until));
  });

  it('answers 429 SLOW_MODE with Retry-After, by hand and when a topic heats up', async () => {
    const { facilitator, conversation, topic } = await fixtures.openTopic();
    const person = await fixtures.person();
    await facilitator.client.put(`/api/topics/${topic.id}/slow-mode`, {
      seconds: 30,
      reason: 'Нека помислим',
    });

    await post(person, topic.id, 'Едно');
    const second = await person.client.post(`/api/topics/${topic.id}/comments`, { body: 'Две' });

    expect(second.status).toBe(429);
    expect(second.body).toMatchObject({ code: 'SLOW_MODE' });
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await person.client.get(`/api/topics/${topic.id}`)).body).toMatchObject({
      slowMode: { seconds: 30, reason: 'Нека помислим', isAutomatic: false },
    });

    const hot = await fixtures.topic(facilitator, conversation.id);
    await facilitator.client.patch(`/api/conversations/${conversation.id}/moderation/settings`, {
      heatCommentsPerMinute: 2,
      autoSlowModeSeconds: 60,
    });
    for (const body of ['а', 'б', 'в']) await post(await fixtures.person(), hot.id, body);
    expect((await person.client.get(`/api/topics/${hot.id}`)).body).toMatchObject({
      slowMode: { isAutomatic: true, seconds: 60 },
    });
  });

  it('records each action in the audit log with before and after, and counts the ledger', async () => {
    const { facilitator, conversation, topic } = await preModerated();
    const author = await fixtures.person();
    const held = await post(author, topic.id, 'Тел. 0888 123 456');
    const decisions = `/api/conversations/${conversation.id}/moderation/decisions`;

    await facilitator.client.post(`/api/comments/${held.id}/redact`, { start: 5, end: 17 });
    await facilitator.client.post(decisions, { action: 'approve', commentIds: [held.id] });
    await facilitator.client.post(decisions, {
      action: 'hide',
      commentIds: [held.id],
      reason: 'personal-data',
    });
    await facilitator.client.post(decisions, { action: 'restore', commentIds: [held.id] });

    const audit = await facilitator.client.get(`/api/conversations/${conversation.id}/audit`);
    const actions = (audit.body as AuditPage).items.map((entry) => entry.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'conversation.moderation_changed',
        'comment.held',
        'comment.redacted',
        'comment.approved',
        'comment.hidden',
        'comment.restored',
      ]),
    );
    const redaction = (audit.body as AuditPage).items.find(
      (entry) => entry.action === 'comment.redacted',
    );
    expect(redaction).toMatchObject({
      before: { body: 'Тел. 0888 123 456' },
      after: { body: 'Тел. [редактирано]' },
    });
    const csv = await facilitator.client.get(
      `/api/conversations/${conversation.id}/audit/export?action=comment.hidden`,
    );
    expect(String(csv.body)).toContain('personal-data');
    const ledger = await system
      .client()
      .get(`/api/conversations/${conversation.id}/moderation/ledger`);
    expect((ledger.body as Ledger).weeks).toEqual([
      {
        week: expect.stringMatching(/^\d{4}-W\d{2}$/),
        held: 1,
        hidden: 1,
        restored: 1,
        hiddenByReason: { 'personal-data': 1 },
      },
    ]);
    expect(JSON.stringify(ledger.body)).not.toContain(author.id);
    const citizen = await fixtures.person();
    const refused = await citizen.client.get(`/api/conversations/${conversation.id}/audit`);
    expect(refused.status).toBe(403);
  });
});
