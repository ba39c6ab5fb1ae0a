import type { Poll, ThemeCommentPage } from '@razgovor/contracts';
import { ThemeInputsRepository } from '@razgovor/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem, type TestSystem } from '../../../test/support/system';
import { ConversationFixtures, type Person } from './conversations.fixtures';
import {
  insertComments,
  mixedCorpus,
  overview,
  requestRun,
  themeOfLabel,
  waitForRun,
} from './themes.fixtures';

const parksText = 'Засадете повече дървета и сложете пейки в парка до блока';
const transportText = 'Нужни са повече трамваи и автобуси в час пик до нашия квартал';

describe('what goes into themes besides new comments', () => {
  let system: TestSystem;
  let fixtures: ConversationFixtures;
  let analyst: Person;
  const corpus = mixedCorpus();

  beforeAll(async () => {
    system = await startSystem();
    fixtures = new ConversationFixtures(system);
    analyst = await fixtures.person(['citizen', 'analyst']);
  });

  afterAll(() => system.stop());

  async function themeOf(column: 'comment_id' | 'answer_id', id: string) {
    const rows = await fixtures.sql<{ themeId: string | null; source: string }>(
      `SELECT theme_id AS "themeId", source FROM comment_themes WHERE ${column} = $1`,
      [id],
    );

    return rows[0] ?? null;
  }

  async function answer(person: Person, pollId: string, text: string): Promise<string> {
    const response = await person.client.put(`/api/polls/${pollId}/answer`, { kind: 'open', text });
    expect(response.status).toBe(200);
    const [row] = await fixtures.sql<{ id: string }>(
      'SELECT id FROM poll_answers WHERE poll_id = $1 AND user_id = $2',
      [pollId, person.id],
    );

    return row.id;
  }

  it('clusters open poll answers with the comments, shows them as answers to their poll and places new ones', async () => {
    const { facilitator, conversation, topic } = await fixtures.openTopic();
    const created = await facilitator.client.post(`/api/conversations/${conversation.id}/polls`, {
      kind: 'open',
      question: { bg: 'Какво да подобрим в квартала?', en: 'What should the district improve?' },
    });
    expect(created.status).toBe(201);
    const poll = created.body as Poll;
    const texts = [
      'Моля засадете нови дървета и пейки в парка',
      'Паркът има нужда от повече дървета и сянка',
      'Повече трамваи и автобуси в час пик',
      'Градският транспорт закъснява, нужни са още автобуси',
    ];
    const answerIds: string[] = [];
    for (const text of texts) answerIds.push(await answer(await fixtures.person(), poll.id, text));
    const ids = await insertComments(
      fixtures,
      topic,
      facilitator,
      corpus.map((item) => item.text),
    );

    const run = await waitForRun(analyst, (await requestRun(analyst, conversation.id)).id);

    expect(run.inputCount).toBe(244);
    expect(run.inputCommentIds).toHaveLength(240);
    expect([...run.inputAnswerIds].sort()).toEqual([...answerIds].sort());
    const view = await overview(analyst, conversation.id);
    expect(view.themes.reduce((sum, theme) => sum + theme.size, 0) + view.otherCount).toBe(244);
    const parks = await themeOfLabel(fixtures, ids, corpus, 'parks');
    const transport = await themeOfLabel(fixtures, ids, corpus, 'transport');
    const placed = await Promise.all(answerIds.map((id) => themeOf('answer_id', id)));
    expect(placed.map((row) => row?.themeId)).toEqual([parks, parks, transport, transport]);

    const listed = await analyst.client.get(`/api/themes/${parks}/comments?limit=100`);
    const item = (listed.body as ThemeCommentPage).items.find(
      (entry) => entry.id === `answer:${answerIds[0]}`,
    );
    expect(item).toMatchObject({
      kind: 'answer',
      commentId: null,
      body: texts[0],
      poll: { id: poll.id, question: { bg: 'Какво да подобрим в квартала?' } },
    });

    const late = await fixtures.person();
    const lateId = await answer(late, poll.id, 'Още пейки и сянка в градинката до блока');
    await waitUntil(async () => (await themeOf('answer_id', lateId))?.themeId === parks);
    expect(await themeOf('answer_id', lateId)).toEqual({ themeId: parks, source: 'placed' });
    await answer(late, poll.id, 'Нощен транспорт и повече автобуси през уикенда');
    await waitUntil(async () => (await themeOf('answer_id', lateId))?.themeId === transport);
    const after = await overview(analyst, conversation.id);
    expect(after.themes.reduce((sum, theme) => sum + theme.size, 0) + after.otherCount).toBe(245);
  });

  it('places an edited comment again and takes hidden and withdrawn comments out of their theme', async () => {
    const { facilitator, conversation, topic } = await fixtures.openTopic();
    const ids = await insertComments(
      fixtures,
      topic,
      facilitator,
      corpus.map((item) => item.text),
    );
    await waitForRun(analyst, (await requestRun(analyst, conversation.id)).id);
    const parks = await themeOfLabel(fixtures, ids, corpus, 'parks');
    const transport = await themeOfLabel(fixtures, ids, corpus, 'transport');
    const citizen = await fixtures.person();
    const comment = await fixtures.comment(citizen, topic.id, parksText);
    await waitUntil(async () => (await themeOf('comment_id', comment.id))?.themeId === parks);

    const edited = await citizen.client.patch(`/api/comments/${comment.id}`, {
      body: transportText,
    });

    expect(edited.status).toBe(200);
    await waitUntil(async () => (await themeOf('comment_id', comment.id))?.themeId === transport);
    const hiddenId = ids[corpus.findIndex((item) => item.label === 'parks')];
    const hiddenTheme = (await themeOf('comment_id', hiddenId))!.themeId;
    const sizeOf = async (themeId: string | null) =>
      (await overview(analyst, conversation.id)).themes.find((theme) => theme.id === themeId)
        ?.size ?? 0;
    const before = await sizeOf(hiddenTheme);
    const hidden = await facilitator.client.post(
      `/api/conversations/${conversation.id}/moderation/decisions`,
      { action: 'hide', commentIds: [hiddenId], reason: 'spam' },
    );
    expect(hidden.status).toBe(200);
    await waitUntil(async () => (await themeOf('comment_id', hiddenId)) === null);
    const [members] = await fixtures.sql<{ count: number }>(
      'SELECT count(*)::int AS count FROM comment_themes WHERE theme_id = $1',
      [hiddenTheme],
    );
    expect(await sizeOf(hiddenTheme)).toBe(members.count);
    expect(members.count).toBeLessThan(before);
    const withdrawn = await citizen.client.post(`/api/comments/${comment.id}/withdraw`);
    expect(withdrawn.status).toBe(200);
    await waitUntil(async () => (await themeOf('comment_id', comment.id)) === null);
  });

  it('places new arrivals into the part of a split theme they belong to', async () => {
    const { facilitator, conversation, topic } = await fixtures.openTopic();
    const ids = await insertComments(
      fixtures,
      topic,
      facilitator,
      corpus.map((item) => item.text),
    );
    const run = await waitForRun(analyst, (await requestRun(analyst, conversation.id)).id);
    const parks = await themeOfLabel(fixtures, ids, corpus, 'parks');
    const playgrounds = await themeOfLabel(fixtures, ids, corpus, 'playgrounds');
    // Two subjects in one theme, so the split has two clear parts.
    const merged = await analyst.client.post(`/api/conversations/${conversation.id}/themes/merge`, {
      themeIds: [playgrounds],
      intoId: parks,
    });
    expect(merged.status).toBe(200);

    const split = await analyst.client.post(`/api/themes/${parks}/split`, { k: 2 });

    expect(split.status).toBe(200);
    const [, part] = (split.body as { themeIds: string[] }).themeIds;
    const members = await fixtures.sql<{ body: string }>(
      `SELECT c.body FROM comment_themes ct JOIN comments c ON c.id = ct.comment_id
        WHERE ct.theme_id = $1 ORDER BY c.created_at LIMIT 3`,
      [part],
    );
    const arrival = await fixtures.comment(
      await fixtures.person(),
      topic.id,
      members.map((member) => member.body).join('. '),
    );
    await waitUntil(async () => (await themeOf('comment_id', arrival.id)) !== null);
    expect(await themeOf('comment_id', arrival.id)).toEqual({ themeId: part, source: 'placed' });
    const centroids = await fixtures.sql<{ themeId: string }>(
      'SELECT theme_id AS "themeId" FROM theme_centroids WHERE run_id = $1 ORDER BY theme_id',
      [run.id],
    );
    expect(centroids.map((row) => row.themeId)).toEqual([parks, part].sort());
  });

  it('keeps the texts a run read, so it reproduces the same words after later edits', async () => {
    const { facilitator, conversation, topic } = await fixtures.openTopic();
    await insertComments(
      fixtures,
      topic,
      facilitator,
      corpus.map((item) => item.text),
    );
    const citizen = await fixtures.person();
    const comment = await fixtures.comment(citizen, topic.id, parksText);
    const first = await waitForRun(analyst, (await requestRun(analyst, conversation.id)).id);
    await citizen.client.patch(`/api/comments/${comment.id}`, { body: transportText });

    const second = await waitForRun(analyst, (await requestRun(analyst, conversation.id)).id);
    await citizen.client.patch(`/api/comments/${comment.id}`, {
      body: 'Кофите за боклук преливат',
    });

    expect(second.id).not.toBe(first.id);
    expect(second.inputCommentIds).toEqual(first.inputCommentIds);
    const runs = await fixtures.sql<{ id: string; revisions: Record<string, number> }>(
      'SELECT id, input_revisions AS revisions FROM theme_runs WHERE id = ANY($1::uuid[])',
      [[first.id, second.id]],
    );
    const revisionsOf = (id: string) => runs.find((row) => row.id === id)!.revisions;
    expect(revisionsOf(first.id)).toEqual({});
    expect(revisionsOf(second.id)).toEqual({ [comment.id]: 1 });
    const inputs = system.api.get(ThemeInputsRepository);
    const textOf = async (revisions: Record<string, number>) =>
      (await inputs.commentTexts([comment.id], revisions)).get(comment.id);
    expect(await textOf(revisionsOf(first.id))).toBe(parksText);
    expect(await textOf(revisionsOf(second.id))).toBe(transportText);
  });
});

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('The condition did not hold in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
