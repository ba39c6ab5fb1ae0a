import type { AuditEntry, AuditPage } from '@razgovor/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem, type TestSystem } from '../../../test/support/system';
import { ConversationFixtures, type Person } from './conversations.fixtures';

describe('the audit log of facilitation', () => {
  let system: TestSystem;
  let fixtures: ConversationFixtures;

  beforeAll(async () => {
    system = await startSystem();
    fixtures = new ConversationFixtures(system);
  });
  afterAll(async () => {
    await system.stop();
  });

  async function audit(reader: Person, conversationId: string, query = '') {
    const page = await reader.client.get(`/api/conversations/${conversationId}/audit${query}`);
    expect(page.status).toBe(200);

    return (page.body as AuditPage).items;
  }

  function only(entries: AuditEntry[], action: string): AuditEntry {
    const found = entries.filter((entry) => entry.action === action);
    expect(found, action).toHaveLength(1);

    return found[0]!;
  }

  it('records who created, edited and moved a conversation, with before and after', async () => {
    const facilitator = await fixtures.person(['citizen', 'facilitator']);
    const conversation = await fixtures.conversation(facilitator, { status: 'closed' });
    const path = `/api/conversations/${conversation.id}`;

    const edited = await facilitator.client.patch(path, {
      title: { bg: 'Нов бюджет', en: 'A new budget' },
    });
    const entries = await audit(facilitator, conversation.id);

    expect(edited.status).toBe(200);
    expect(only(entries, 'conversation.created')).toMatchObject({
      actorId: facilitator.id,
      actorKind: 'person',
      targetType: 'conversation',
      targetId: conversation.id,
      before: null,
      after: { slug: conversation.slug, status: 'draft', title: conversation.title },
    });
    expect(only(entries, 'conversation.updated')).toMatchObject({
      actorId: facilitator.id,
      before: { title: conversation.title },
      after: { title: { bg: 'Нов бюджет', en: 'A new budget' } },
    });
    expect(only(entries, 'conversation.updated').after).not.toHaveProperty('slug');
    const moves = entries
      .filter((entry) => entry.action === 'conversation.status_changed')
      .map((entry) => [entry.actorId, entry.before, entry.after])
      .reverse();
    expect(moves).toEqual([
      [facilitator.id, { status: 'draft' }, { status: 'open' }],
      [facilitator.id, { status: 'open' }, { status: 'closed' }],
    ]);
    expect(Date.parse(entries[0]!.createdAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('records scheduled openings and closings by the worker as the system, with the time', async () => {
    const facilitator = await fixtures.person(['citizen', 'facilitator']);
    const opensAt = new Date(Date.now() + 300);
    const closesAt = new Date(Date.now() + 600);
    const conversation = await fixtures.conversation(facilitator, {
      status: 'draft',
      extra: { opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString() },
    });

    let moves: AuditEntry[] = [];
    for (let attempt = 0; attempt < 100 && moves.length < 1; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      moves = (await audit(facilitator, conversation.id, '?action=conversation.status_changed'))
        // The worker may apply both times at once (draft straight to closed) or one by one.
        .filter((entry) => (entry.after as { status: string }).status === 'closed');
    }

    const scheduled = await audit(
      facilitator,
      conversation.id,
      '?action=conversation.status_changed',
    );
    expect(scheduled.length).toBeGreaterThan(0);
    for (const entry of scheduled) {
      expect(entry).toMatchObject({ actorId: null, actorKind: 'system' });
      expect(entry.reason).toMatch(/^Scheduled (opening|closing) at \d{4}-/);
    }

    expect(scheduled.at(-1)!.before).toEqual({ status: 'draft' });
    expect(scheduled[0]!.after).toEqual({ status: 'closed' });
  });

  it('records topics created, edited, closed and reopened, and summaries published', async () => {
    const { facilitator, conversation, topic } = await fixtures.openTopic();
    const path = `/api/topics/${topic.id}`;

    await facilitator.client.patch(path, { title: { bg: 'Кой предлага?', en: 'Who proposes?' } });
    await facilitator.client.patch(path, { status: 'closed' });
    await facilitator.client.patch(path, { status: 'open' });
    const summary = await facilitator.client.post(`${path}/summaries`, {
      body: { bg: 'Хората искат паркове', en: 'People want parks' },
    });
    const entries = await audit(facilitator, conversation.id);

    expect(summary.status).toBe(201);
    expect(only(entries, 'topic.created')).toMatchObject({
      actorId: facilitator.id,
      targetType: 'topic',
      targetId: topic.id,
      after: { slug: topic.slug, status: 'open', title: topic.title },
    });
    expect(only(entries, 'topic.updated')).toMatchObject({
      before: { title: topic.title },
      after: { title: { bg: 'Кой предлага?', en: 'Who proposes?' } },
    });
    expect(only(entries, 'topic.closed')).toMatchObject({
      before: { status: 'open' },
      after: { status: 'closed' },
    });
    expect(only(entries, 'topic.opened')).toMatchObject({
      before: { status: 'closed' },
      after: { status: 'open' },
    });
    expect(only(entries, 'summary.published')).toMatchObject({
      actorId: facilitator.id,
      targetType: 'summary',
      targetId: (summary.body as { id: string }).id,
      after: { topicId: topic.id, version: 1, body: { en: 'People want parks' } },
    });
  });

  it('records facilitators added and removed, word-list edits and settings changes', async () => {
    const { facilitator, conversation } = await fixtures.openTopic();
    const colleague = await fixtures.person(['citizen', 'facilitator']);
    const base = `/api/conversations/${conversation.id}`;

    await facilitator.client.post(`${base}/facilitators`, { userId: colleague.id });
    await facilitator.client.delete(`${base}/facilitators/${colleague.id}`);
    const entry = await facilitator.client.post(`${base}/word-list`, {
      pattern: 'измама',
      action: 'hold',
    });
    const entryId = (entry.body as { id: string }).id;
    await facilitator.client.patch(`${base}/word-list/${entryId}`, { action: 'flag' });
    await facilitator.client.delete(`${base}/word-list/${entryId}`);
    await facilitator.client.patch(`${base}/moderation/settings`, { flagHideWeight: 5 });
    const entries = await audit(facilitator, conversation.id);

    expect(only(entries, 'facilitator.added')).toMatchObject({
      actorId: facilitator.id,
      targetType: 'person',
      targetId: colleague.id,
      before: { facilitatorIds: [facilitator.id] },
      after: { facilitatorIds: [facilitator.id, colleague.id] },
    });
    expect(only(entries, 'facilitator.removed')).toMatchObject({
      targetId: colleague.id,
      before: { facilitatorIds: [facilitator.id, colleague.id] },
      after: { facilitatorIds: [facilitator.id] },
    });
    expect(entries.map((item) => item.action)).toEqual(
      expect.arrayContaining([
        'word_list.added',
        'word_list.changed',
        'word_list.removed',
        'conversation.moderation_changed',
      ]),
    );
    expect(only(entries, 'word_list.changed')).toMatchObject({
      before: expect.objectContaining({ action: 'hold' }),
      after: expect.objectContaining({ action: 'flag' }),
    });
  });

  it('records role changes by admins outside any conversation, for admins only', async () => {
    const admin = await fixtures.person(['citizen', 'admin']);
    const person = await fixtures.person();

    const changed = await admin.client.put(`/api/admin/users/${person.id}/roles`, {
      roles: ['facilitator'],
    });
    const page = await admin.client.get(`/api/admin/audit?targetId=${person.id}`);
    const refused = await person.client.get('/api/admin/audit');

    expect(changed.status).toBe(200);
    expect((page.body as AuditPage).items).toEqual([
      expect.objectContaining({
        action: 'person.roles_changed',
        actorId: admin.id,
        targetType: 'person',
        targetId: person.id,
        before: { roles: ['citizen'] },
        after: { roles: ['citizen', 'facilitator'] },
      }),
    ]);
    expect(refused.status).toBe(403);
  });
});
