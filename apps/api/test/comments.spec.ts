import type {
  Comment,
  CommentPage,
  CommentThread,
  LatestEvent,
  Summary,
  ThreadPage,
} from '@razgovor/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../../test/support/fake-clock';
import { startSystem, type TestSystem } from '../../../test/support/system';
import { ConversationFixtures } from './conversations.fixtures';

describe('comments', () => {
  let system: TestSystem;
  let fixtures: ConversationFixtures;
  const clock = new FakeClock();

  beforeAll(async () => {
    system = await startSystem({ withWorker: false, clock });
    fixtures = new ConversationFixtures(system);
  });
  afterAll(async () => {
    await system.stop();
  });

  it('returns the same comment for a retried key and never stores a second', async () => {
    const { topic } = await fixtures.openTopic();
    const citizen = await fixtures.person();
    const body = { body: 'Повече пейки в парка', clientKey: 'key-0001-abcdef' };

    const first = await citizen.client.post(`/api/topics/${topic.id}/comments`, body);
    const retry = await citizen.client.post(`/api/topics/${topic.id}/comments`, body);

    expect(first.status).toBe(201);
    expect(retry.status).toBe(200);
    expect((retry.body as Comment).id).toBe((first.body as Comment).id);
    const rows = await fixtures.sql('SELECT id FROM comments WHERE topic_id = $1', [topic.id]);
    expect(rows).toHaveLength(1);
  });

  it('stores one comment when ten retries with one Idempotency-Key race', async () => {
    const { topic } = await fixtures.openTopic();
    const citizen = await fixtures.person();
    await citizen.client.ensureCsrf();

    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        citizen.client.raw('POST', `/api/topics/${topic.id}/comments`, {
          headers: {
            'content-type': 'application/json',
            'idempotency-key': 'race-key-123456',
            'x-csrf-token': citizen.client.cookie('rz_csrf') ?? '',
          },
          body: JSON.stringify({ body: 'Само веднъж' }),
        }),
      ),
    );

    expect(responses.map((response) => response.status).sort()).toEqual([
      200, 200, 200, 200, 200, 200, 200, 200, 200, 201,
    ]);
    expect(new Set(responses.map((response) => (response.body as Comment).id)).size).toBe(1);
    const rows = await fixtures.sql('SELECT id FROM comments WHERE topic_id = $1', [topic.id]);
    expect(rows).toHaveLength(1);
  });

  it.each([
    ['an empty comment', '   ', 'Write something first'],
    ['a comment over 5000 characters', 'а'.repeat(5001), 'at most 5000 characters'],
  ])('refuses %s with a clear message', async (_what, body, message) => {
    const { topic } = await fixtures.openTopic();
    const citizen = await fixtures.person();

    const response = await citizen.client.post(`/api/topics/${topic.id}/comments`, { body });

    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ path: 'body', message: expect.stringContaining(message) as string }],
    });
  });

  it('refuses comments to a closed topic and to a closed conversation, with their codes', async () => {
    const { facilitator, conversation, topic } = await fixtures.openTopic();
    const citizen = await fixtures.person();
    await facilitator.client.patch(`/api/topics/${topic.id}`, { status: 'closed' });

    const toTopic = await citizen.client.post(`/api/topics/${topic.id}/comments`, { body: 'Hi' });
    await facilitator.client.patch(`/api/topics/${topic.id}`, { status: 'open' });
    await facilitator.client.post(`/api/conversations/${conversation.id}/status`, {
      status: 'closed',
    });
    const toConversation = await citizen.client.post(`/api/topics/${topic.id}/comments`, {
      body: 'Hi',
    });

    expect(toTopic.body).toMatchObject({ code: 'TOPIC_CLOSED' });
    expect(toConversation.status).toBe(409);
    expect(toConversation.body).toMatchObject({ code: 'CONVERSATION_CLOSED' });
    expect((await citizen.client.get(`/api/topics/${topic.id}/comments`)).status).toBe(200);
  });

  it('requires a confirmed e-mail to write', async () => {
    const { topic } = await fixtures.openTopic();
    const unconfirmed = await fixtures.person(['citizen'], { confirmed: false });

    const response = await unconfirmed.client.post(`/api/topics/${topic.id}/comments`, {
      body: 'Здравейте',
    });

    expect(response.body).toMatchObject({ code: 'EMAIL_NOT_CONFIRMED' });
  });

  it('keeps earlier texts of an edit for facilitators and refuses edits after 15 minutes', async () => {
    const { facilitator, topic } = await fixtures.openTopic();
    const citizen = await fixtures.person();
    const comment = await fixtures.comment(citizen, topic.id, 'Първи вариант');

    const edited = await citizen.client.patch(`/api/comments/${comment.id}`, {
      body: 'Втори вариант',
    });
    const forCitizen = await citizen.client.get(`/api/comments/${comment.id}/revisions`);
    const forFacilitator = await facilitator.client.get(`/api/comments/${comment.id}/revisions`);
    clock.advance(16 * 60_000);
    const late = await citizen.client.patch(`/api/comments/${comment.id}`, { body: 'Трети' });

    expect(edited.body).toMatchObject({ body: 'Втори вариант', editedAt: expect.any(String) });
    expect(forCitizen.status).toBe(403);
    expect(forFacilitator.body).toMatchObject({ items: [{ body: 'Първи вариант' }] });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'EDIT_WINDOW_PASSED' });
  });

  it('keeps a withdrawn comment as a placeholder whose text only facilitators see', async () => {
    const { facilitator, topic } = await fixtures.openTopic();
    const author = await fixtures.person();
    const other = await fixtures.person();
    const root = await fixtures.comment(author, topic.id, 'Ще го оттегля');
    const reply = await fixtures.comment(other, topic.id, 'Отговор', root.id);

    const withdrawn = await author.client.post(`/api/comments/${root.id}/withdraw`);
    const byOther = await other.client.post(`/api/comments/${reply.id}/withdraw`);
    const thread = (await other.client.get(`/api/comments/${root.id}`)).body as CommentThread;
    const asFacilitator = (await facilitator.client.get(`/api/comments/${root.id}`))
      .body as CommentThread;

    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', body: null });
    expect(byOther.status).toBe(200);
    expect(thread.comment).toMatchObject({ status: 'withdrawn', body: null, replyCount: 1 });
    expect(thread.replies.map((item) => item.id)).toEqual([reply.id]);
    expect(asFacilitator.comment.body).toBe('Ще го оттегля');
  });

  it('refuses to let anyone but the author edit or withdraw', async () => {
    const { facilitator, topic } = await fixtures.openTopic();
    const author = await fixtures.person();
    const comment = await fixtures.comment(author, topic.id, 'Мое');

    const edit = await facilitator.client.patch(`/api/comments/${comment.id}`, { body: 'Чуждо' });
    const withdraw = await facilitator.client.post(`/api/comments/${comment.id}/withdraw`);

    expect([edit.status, withdraw.status]).toEqual([403, 403]);
  });

  it('keeps exact counts when twenty people change their stances at once', async () => {
    const { topic } = await fixtures.openTopic();
    const author = await fixtures.person();
    const comment = await fixtures.comment(author, topic.id, 'Спорно предложение');
    const people = await Promise.all(Array.from({ length: 20 }, () => fixtures.person()));
    await Promise.all(people.map((person) => person.client.ensureCsrf()));

    await Promise.all(
      people.map((person, index) =>
        person.client.put(`/api/comments/${comment.id}/stance`, {
          stance: index % 2 === 0 ? 'agree' : 'disagree',
        }),
      ),
    );
    const responses = await Promise.all(
      people.map((person, index) =>
        index < 5
          ? person.client.delete(`/api/comments/${comment.id}/stance`)
          : person.client.put(`/api/comments/${comment.id}/stance`, { stance: 'agree' }),
      ),
    );

    expect(responses.every((response) => response.status === 200)).toBe(true);
    const thread = (await people[19]!.client.get(`/api/comments/${comment.id}`))
      .body as CommentThread;
    expect(thread.comment).toMatchObject({ agree: 15, disagree: 0, myStance: 'agree' });
    const stored = await fixtures.sql<{ stance: string; count: string }>(
      'SELECT stance, count(*) FROM comment_stances WHERE comment_id = $1 GROUP BY stance',
      [comment.id],
    );
    expect(stored).toEqual([{ stance: 'agree', count: '15' }]);
  });

  it('pages threads with opaque cursors in each sort order', async () => {
    const { topic } = await fixtures.openTopic();
    const author = await fixtures.person();
    const voters = await Promise.all(Array.from({ length: 4 }, () => fixtures.person()));
    const comments: Comment[] = [];
    for (const body of ['едно', 'две', 'три', 'четири', 'пет']) {
      comments.push(await fixtures.comment(author, topic.id, body));
      clock.advance(1000);
    }

    const [one, two, three, four, five] = comments.map((comment) => comment.id) as string[];
    // two: 3 agree; three: 2 agree 2 disagree; four: 1 agree 1 disagree; five: 2 replies.
    const stances: Array<[string, number, 'agree' | 'disagree']> = [
      [two!, 0, 'agree'],
      [two!, 1, 'agree'],
      [two!, 2, 'agree'],
      [three!, 0, 'agree'],
      [three!, 1, 'agree'],
      [three!, 2, 'disagree'],
      [three!, 3, 'disagree'],
      [four!, 0, 'agree'],
      [four!, 1, 'disagree'],
    ];
    for (const [id, voter, stance] of stances) {
      await voters[voter]!.client.put(`/api/comments/${id}/stance`, { stance });
    }

    const reply = await fixtures.comment(author, topic.id, 'отговор', five);
    await fixtures.comment(author, topic.id, 'още', reply.id);

    async function all(sort: string): Promise<string[]> {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const query = `sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
        const page = (await author.client.get(`/api/topics/${topic.id}/comments?${query}`))
          .body as CommentPage;
        ids.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor;
      } while (cursor);

      return ids;
    }

    expect(await all('newest')).toEqual([five, four, three, two, one]);
    expect(await all('oldest')).toEqual([one, two, three, four, five]);
    expect((await all('agreed')).slice(0, 2)).toEqual([two, three]);
    expect((await all('discussed'))[0]).toBe(five);
    expect((await all('controversial')).slice(0, 2)).toEqual([three, four]);
    const bad = await author.client.get(`/api/topics/${topic.id}/comments?cursor=nonsense`);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('opens a permalink with its ancestors and replies in thread order', async () => {
    const { topic } = await fixtures.openTopic();
    const a = await fixtures.person();
    const b = await fixtures.person();
    const root = await fixtures.comment(a, topic.id, 'корен');
    const child = await fixtures.comment(b, topic.id, 'дете', root.id);
    const grandchild = await fixtures.comment(a, topic.id, 'внуче', child.id);
    const second = await fixtures.comment(b, topic.id, 'второ дете', root.id);

    const atChild = (await b.client.get(`/api/comments/${child.id}`)).body as CommentThread;
    const atRoot = (await b.client.get(`/api/comments/${root.id}`)).body as CommentThread;

    expect(atChild.ancestors.map((item) => item.id)).toEqual([root.id]);
    expect(atChild.replies.map((item) => item.id)).toEqual([grandchild.id]);
    expect(atRoot.replies.map((item) => [item.id, item.depth])).toEqual([
      [child.id, 1],
      [grandchild.id, 2],
      [second.id, 1],
    ]);
    expect(atRoot.comment).toMatchObject({ replyCount: 3 });
  });

  it('lists a page of threads with their first replies in thread order, in one request', async () => {
    const { topic } = await fixtures.openTopic();
    const a = await fixtures.person();
    const b = await fixtures.person();
    const quiet = await fixtures.comment(a, topic.id, 'без отговори');
    clock.advance(1000);
    const busy = await fixtures.comment(a, topic.id, 'с много отговори');
    const first = await fixtures.comment(b, topic.id, 'първи', busy.id);
    const deep = await fixtures.comment(a, topic.id, 'под първия', first.id);
    const second = await fixtures.comment(b, topic.id, 'втори', busy.id);
    await fixtures.comment(b, topic.id, 'трети', busy.id);
    clock.advance(1000);
    const small = await fixtures.comment(b, topic.id, 'малка нишка');
    const only = await fixtures.comment(a, topic.id, 'единствен', small.id);
    await b.client.put(`/api/comments/${second.id}/stance`, { stance: 'agree' });

    const response = await b.client.get(`/api/topics/${topic.id}/threads?replies=3&limit=2`);
    const page = response.body as ThreadPage;
    const next = (
      await b.client.get(
        `/api/topics/${topic.id}/threads?replies=3&limit=2&cursor=${page.nextCursor}`,
      )
    ).body as ThreadPage;

    expect(response.status).toBe(200);
    expect(page.items.map((item) => item.comment.id)).toEqual([small.id, busy.id]);
    expect(page.items[0]).toMatchObject({ hasMoreReplies: false });
    expect(page.items[0]!.replies.map((reply) => reply.id)).toEqual([only.id]);
    expect(page.items[1]!.replies.map((reply) => [reply.id, reply.depth])).toEqual([
      [first.id, 1],
      [deep.id, 2],
      [second.id, 1],
    ]);
    expect(page.items[1]).toMatchObject({ hasMoreReplies: true });
    expect(page.items[1]!.replies[2]).toMatchObject({ agree: 1, myStance: 'agree' });
    expect(next.items.map((item) => [item.comment.id, item.replies.length])).toEqual([
      [quiet.id, 0],
    ]);
    expect(next.nextCursor).toBeNull();
    const bad = await b.client.get(`/api/topics/${topic.id}/threads?replies=1000`);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('answers the latest event seq of a conversation without sending any event', async () => {
    const { conversation, topic } = await fixtures.openTopic();
    const author = await fixtures.person();
    const before = (
      await system.client().get(`/api/conversations/${conversation.slug}/events/latest`)
    ).body as LatestEvent;
    await fixtures.comment(author, topic.id, 'ново събитие');

    const after = (await system.client().get(`/api/conversations/${conversation.id}/events/latest`))
      .body as LatestEvent;

    expect(before.conversationId).toBe(conversation.id);
    const rows = await fixtures.sql<{ seq: string }>(
      'SELECT max(seq) AS seq FROM events WHERE conversation_id = $1',
      [conversation.id],
    );
    expect(after).toEqual({ conversationId: conversation.id, lastSeq: Number(rows[0]!.seq) });
    expect(after.lastSeq).toBeGreaterThan(before.lastSeq);
    const missing = await system.client().get('/api/conversations/no-such-talk/events/latest');
    expect(missing.status).toBe(404);
  });

  it('versions a thread summary apart from the topic summary and refuses a reply as target', async () => {
    const { facilitator, topic } = await fixtures.openTopic();
    const citizen = await fixtures.person();
    const root = await fixtures.comment(citizen, topic.id, 'Нишка за пейките');
    const reply = await fixtures.comment(facilitator, topic.id, 'Отговор', root.id);
    const publish = (body: string, commentId?: string) =>
      facilitator.client.post(`/api/topics/${topic.id}/summaries`, {
        body: { bg: body, en: '' },
        ...(commentId && { commentId }),
      });

    const topicSummary = (await publish('За цялата тема')).body as Summary;
    const threadFirst = (await publish('Нишката, първо', root.id)).body as Summary;
    const threadSecond = (await publish('Нишката, второ', root.id)).body as Summary;
    const onReply = await publish('Не може', reply.id);
    const answered = await citizen.client.put(`/api/summaries/${threadFirst.id}/response`, {
      reaction: 'misses',
      comment: 'Забравихте тротоарите',
    });

    expect([topicSummary.version, threadFirst.version, threadSecond.version]).toEqual([1, 1, 2]);
    expect(threadSecond).toMatchObject({ commentId: root.id, topicId: topic.id });
    expect(onReply.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(answered.body).toMatchObject({
      tallies: { reflects: 0, misses: 1 },
      myReaction: 'misses',
    });
    const list = (await citizen.client.get(`/api/topics/${topic.id}/summaries`)).body as {
      items: Summary[];
    };
    expect(list.items.map((item) => [item.commentId, item.version])).toEqual([
      [null, 1],
      [root.id, 2],
      [root.id, 1],
    ]);
    const responses = await citizen.client.get(`/api/summaries/${threadFirst.id}/responses`);
    expect(responses.body).toMatchObject({
      items: [{ reaction: 'misses', comment: 'Забравихте тротоарите' }],
    });
  });

  it('shows comments of an erased account as from a deleted participant', async () => {
    const { topic } = await fixtures.openTopic();
    const author = await fixtures.person();
    const comment = await fixtures.comment(author, topic.id, 'Ще си изтрия профила');
    await fixtures.sql(
      'UPDATE users SET deleted_at = now(), display_name = NULL, email = NULL WHERE id = $1',
      [author.id],
    );

    const thread = (await system.client().get(`/api/comments/${comment.id}`)).body as CommentThread;

    expect(thread.comment.author).toEqual({ id: null, displayName: null, isDeleted: true });
  });

  it('finds Bulgarian words in any inflection and across scripts', async () => {
    const { conversation, topic } = await fixtures.openTopic();
    const author = await fixtures.person();
    const cyrillic = await fixtures.comment(author, topic.id, 'Искаме повече паркове в Люлин');
    const latin = await fixtures.comment(author, topic.id, 'Trqbva ni park do uchilishteto');
    const english = await fixtures.comment(author, topic.id, 'More parks and bike lanes please');
    await fixtures.comment(author, topic.id, 'Нещо съвсем различно за пътищата');

    async function search(q: string): Promise<string[]> {
      const response = await system
        .client()
        .get(`/api/conversations/${conversation.id}/search?q=${encodeURIComponent(q)}`);

      return (response.body as { items: Array<{ comment: Comment }> }).items
        .map((item) => item.comment.id)
        .sort();
    }

    const parks = [cyrillic.id, latin.id, english.id].sort();
    expect(await search('парковете')).toEqual(parks);
    expect(await search('park')).toEqual(parks);
    expect(await search('паркът')).toEqual(parks);
    expect(await search('училище')).toEqual([latin.id]);
  });

  it('writes gap-free event seqs with the change, and none for a refused write', async () => {
    const { facilitator, conversation, topic } = await fixtures.openTopic();
    const citizen = await fixtures.person();
    const root = await fixtures.comment(citizen, topic.id, 'Първи');
    await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        fixtures.comment(facilitator, topic.id, `Отговор ${index}`, root.id),
      ),
    );
    const refused = await citizen.client.post(`/api/topics/${topic.id}/comments`, {
      body: 'x',
      parentId: '00000000-0000-4000-8000-000000000000',
    });

    expect(refused.status).toBe(400);
    const anonymous = await system.client().get(`/api/conversations/${conversation.id}/events`);
    const mine = await citizen.client.get(`/api/conversations/${conversation.id}/events?after=2`);
    const rows = await fixtures.sql<{ seq: string; type: string }>(
      'SELECT seq, type FROM events WHERE conversation_id = $1 ORDER BY seq',
      [conversation.id],
    );
    expect(rows.map((row) => Number(row.seq))).toEqual(
      Array.from({ length: rows.length }, (_, index) => index + 1),
    );
    // conversation.opened, the root, and for each reply a comment and a notification.
    expect(rows).toHaveLength(1 + 1 + 8 * 2);
    const publicTypes = (anonymous.body as { items: Array<{ type: string }> }).items.map(
      (item) => item.type,
    );
    expect(publicTypes).not.toContain('notification.created');
    expect((mine.body as { items: Array<{ type: string }> }).items).toHaveLength(16);
  });
});
