import type { Comment, CommentPage, ServerEventEnvelope } from '@razgovor/contracts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HttpClient } from '../../../test/support/http-client';
import { startSystem, type TestSystem } from '../../../test/support/system';
import { ConversationFixtures, type Person } from './conversations.fixtures';
import { LiveClient } from './live.support';

/**
 * Comment pages are cached per api process. Two processes of one installation: whatever is
 * written through one, the other's pages show it once the change's event has reached it, and a
 * reader's own parts (stances, held and hidden comments) never reach anyone else.
 */
describe('comment pages across two api processes', () => {
  let first: TestSystem;
  let second: TestSystem;
  let fixtures: ConversationFixtures;
  const sockets: LiveClient[] = [];

  beforeAll(async () => {
    first = await startSystem({ withWorker: false });
    second = await startSystem({ withWorker: false, redisPrefix: first.config.redisPrefix });
    fixtures = new ConversationFixtures(first);
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });
  afterAll(async () => {
    await second.stop();
    await first.stop();
  });

  async function page(client: HttpClient, topicId: string, query = '&limit=10') {
    const response = await client.get(`/api/topics/${topicId}/comments?${query.slice(1)}`);
    expect(response.status).toBe(200);

    return response.body as CommentPage;
  }

  /** A socket on the second process: once an event reaches it, the process has heard of it. */
  async function watchSecond(conversationId: string) {
    const socket = await LiveClient.connect(second.url);
    sockets.push(socket);
    expect(await socket.join(conversationId)).toMatchObject({ ok: true });

    return (type: ServerEventEnvelope['type'], commentId: string) =>
      socket.waitForEvent((event) => {
        if (event.type !== type) return false;
        const payload = event.payload as { comment?: Comment; commentId?: string };

        return (payload.comment?.id ?? payload.commentId) === commentId;
      }, `${type} of ${commentId} on the second process`);
  }

  it('shows posts, edits, withdrawals and stances made through the other process', async () => {
    const { conversation, topic } = await fixtures.openTopic();
    const author = await fixtures.person();
    const voter = await fixtures.person();
    const reader = second.client();
    const arrived = await watchSecond(conversation.id);
    const kept = await fixtures.comment(author, topic.id, 'Първият остава');
    await arrived('comment.created', kept.id);
    expect((await page(reader, topic.id)).items.map((item) => item.id)).toEqual([kept.id]);

    const posted = await fixtures.comment(author, topic.id, 'Пейки в парка');
    await arrived('comment.created', posted.id);
    expect((await page(reader, topic.id)).items.map((item) => item.id)).toEqual([
      posted.id,
      kept.id,
    ]);

    await author.client.patch(`/api/comments/${posted.id}`, { body: 'Пейки и чешми в парка' });
    await arrived('comment.edited', posted.id);
    expect((await page(reader, topic.id)).items[0]).toMatchObject({
      body: 'Пейки и чешми в парка',
    });

    await voter.client.put(`/api/comments/${kept.id}/stance`, { stance: 'agree' });
    await arrived('stance.changed', kept.id);
    expect((await page(reader, topic.id)).items[1]).toMatchObject({ agree: 1, myStance: null });

    await author.client.post(`/api/comments/${posted.id}/withdraw`);
    await arrived('comment.withdrawn', posted.id);
    expect((await page(reader, topic.id)).items[0]).toMatchObject({
      status: 'withdrawn',
      body: null,
    });
  });

  it('reads back a write through the same process at once, cursor pages included', async () => {
    const { topic } = await fixtures.openTopic();
    const author = await fixtures.person();
    const comments: Comment[] = [];
    for (let index = 0; index < 3; index++) {
      comments.push(await fixtures.comment(author, topic.id, `Коментар ${index}`));
    }

    const firstPage = await page(author.client, topic.id, '&limit=2&sort=oldest');
    const cursor = `&limit=2&sort=oldest&cursor=${firstPage.nextCursor}`;
    expect((await page(author.client, topic.id, cursor)).items).toHaveLength(1);
    const fourth = await fixtures.comment(author, topic.id, 'Четвърти');

    expect((await page(author.client, topic.id, cursor)).items.map((item) => item.id)).toEqual([
      comments[2]!.id,
      fourth.id,
    ]);
  });

  it('lists replies of a comment only under its own topic', async () => {
    const here = await fixtures.openTopic();
    const elsewhere = await fixtures.openTopic();
    const author = await fixtures.person();
    const root = await fixtures.comment(author, elsewhere.topic.id, 'Корен другаде');
    await fixtures.comment(author, elsewhere.topic.id, 'Отговор другаде', root.id);

    const under = (topicId: string) => page(first.client(), topicId, `&parentId=${root.id}`);

    expect((await under(elsewhere.topic.id)).items).toHaveLength(1);
    expect((await under(here.topic.id)).items).toEqual([]);
  });

  it("keeps a reader's stance on their own page and off everyone else's", async () => {
    const { topic } = await fixtures.openTopic();
    const author = await fixtures.person();
    const voter = await fixtures.person();
    const comment = await fixtures.comment(author, topic.id, 'Повече дървета');
    await page(second.client(), topic.id);

    await voter.client.put(`/api/comments/${comment.id}/stance`, { stance: 'disagree' });

    expect((await page(voter.client, topic.id)).items[0]).toMatchObject({
      myStance: 'disagree',
      disagree: 1,
    });
    expect((await page(first.client(), topic.id)).items[0]).toMatchObject({ myStance: null });
    expect((await page(author.client, topic.id)).items[0]).toMatchObject({ myStance: null });
  });

  it('shows held and hidden comments as they are only to their author and facilitators', async () => {
    const { facilitator, conversation, topic } = await fixtures.openTopic();
    const author = await fixtures.person();
    const other = await fixtures.person();
    const hidden = await fixtures.comment(author, topic.id, 'Скрит коментар');
    await facilitator.client.post(`/api/conversations/${conversation.id}/moderation/decisions`, {
      action: 'hide',
      commentIds: [hidden.id],
      reason: 'offensive',
    });
    await facilitator.client.patch(`/api/conversations/${conversation.id}/moderation/settings`, {
      mode: 'pre',
    });
    const held = await fixtures.comment(author, topic.id, 'Чака одобрение');
    // Warm the public page on both processes first: the cache must not carry it to the others.
    await page(first.client(), topic.id);
    await page(second.client(), topic.id);

    const seen = async (person: Person | null) =>
      (await page(person ? person.client : second.client(), topic.id)).items.map((item) => [
        item.id,
        item.body,
      ]);

    expect(await seen(null)).toEqual([[hidden.id, null]]);
    expect(await seen(other)).toEqual([[hidden.id, null]]);
    expect(await seen(author)).toEqual([
      [held.id, 'Чака одобрение'],
      [hidden.id, 'Скрит коментар'],
    ]);
    expect(await seen(facilitator)).toEqual([
      [held.id, 'Чака одобрение'],
      [hidden.id, 'Скрит коментар'],
    ]);
  });

  it('shows an author’s new name on both processes once they change it', async () => {
    const { topic } = await fixtures.openTopic();
    const author = await fixtures.person();
    await fixtures.comment(author, topic.id, 'Подписвам се');
    await page(first.client(), topic.id);
    await page(second.client(), topic.id);

    await author.client.patch('/api/me', { displayName: 'Ново име' });

    const nameOn = async (system: TestSystem) =>
      (await page(system.client(), topic.id)).items[0]?.author.displayName;
    expect(await nameOn(first)).toBe('Ново име');
    await expectSoon(async () => (await nameOn(second)) === 'Ново име');
  });

  it('answers a repeated anonymous read with 304 when the page has not changed', async () => {
    const { topic } = await fixtures.openTopic();
    const author = await fixtures.person();
    await fixtures.comment(author, topic.id, 'Кеширана страница');
    const url = `/api/topics/${topic.id}/comments`;
    const firstRead = await first.client().raw('GET', url, {});
    const etag = firstRead.headers.get('etag')!;

    // As a browser revalidates; fetch would otherwise add Cache-Control: no-cache.
    const headers = { 'if-none-match': etag, 'cache-control': 'max-age=0' };
    const again = await first.client().raw('GET', url, { headers });
    await fixtures.comment(author, topic.id, 'Нов коментар');
    const changed = await first.client().raw('GET', url, { headers });

    expect(etag).toMatch(/^W\/"/);
    expect(again.status).toBe(304);
    expect(changed.status).toBe(200);
  });
});

/** For changes that no event announces (a new name): they must arrive within Redis's delivery. */
async function expectSoon(check: () => Promise<boolean>, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Not seen within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
