import type { ServerEventEnvelope, Theme } from '@razgovor/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem, type TestSystem } from '../../../test/support/system';
import { ConversationFixtures, type Person } from './conversations.fixtures';
import { LiveClient } from './live.support';
import {
  insertComments,
  mixedCorpus,
  overview,
  requestRun,
  themeOfLabel,
  waitForRun,
} from './themes.fixtures';

describe('themes', () => {
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

  async function conversationWithCorpus(texts = corpus.map((item) => item.text)) {
    const { facilitator, conversation, topic } = await fixtures.openTopic();
    const ids = await insertComments(fixtures, topic, facilitator, texts);

    return { facilitator, conversation, topic, ids };
  }

  it('runs on demand, stores the run with its input and output and streams progress to analysts', async () => {
    const { conversation, ids } = await conversationWithCorpus();
    const live = await LiveClient.connect(system.url, analyst.client.cookie('rz_session'));
    expect((await live.join(conversation.id)).ok).toBe(true);
    const citizen = await fixtures.person();
    const citizenLive = await LiveClient.connect(system.url, citizen.client.cookie('rz_session'));
    await citizenLive.join(conversation.id);

    const queued = await requestRun(analyst, conversation.id, { seed: 3 });
    const run = await waitForRun(analyst, queued.id);

    expect(run).toMatchObject({ number: 1, trigger: 'manual', inputCount: 240, attempts: 1 });
    expect(run.codeVersion).toMatch(/^themes-/);
    expect(run.parameters).toMatchObject({ seed: 3, pinned: [], moved: [] });
    expect([...run.inputCommentIds].sort()).toEqual([...ids].sort());
    expect(run.themes.length).toBeGreaterThanOrEqual(3);
    const [{ count }] = await fixtures.sql<{ count: number }>(
      'SELECT count(*)::int AS count FROM theme_run_assignments WHERE run_id = $1',
      [run.id],
    );
    expect(count).toBe(240);
    const updates = await live.waitFor(() => {
      const found = live.events.filter(
        (event): event is Extract<ServerEventEnvelope, { type: 'theme_run.updated' }> =>
          event.type === 'theme_run.updated',
      );

      return found.some((event) => event.payload.run.status === 'completed') && found;
    }, 'the completed run over the socket');
    const progress = updates.map((event) => event.payload.run.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(new Set(updates.map((event) => event.payload.run.stage)).size).toBeGreaterThan(2);
    expect(citizenLive.events.filter((event) => event.type.startsWith('theme'))).toEqual([]);
    live.close();
    citizenLive.close();

    const view = await overview(analyst, conversation.id);
    expect(view.currentRun?.id).toBe(run.id);
    const placed = view.themes.reduce((sum, theme) => sum + theme.size, 0) + view.otherCount;
    expect(placed).toBe(240);
    for (const theme of view.themes) {
      expect(theme.quotes.length).toBeGreaterThan(0);
      for (const quote of theme.quotes) {
        expect(corpus.map((item) => item.text)).toContain(quote.body);
      }
    }
  });

  it('answers a second request for the same input with the same run', async () => {
    const { conversation } = await conversationWithCorpus();

    const first = await requestRun(analyst, conversation.id);
    const second = await requestRun(analyst, conversation.id);
    await waitForRun(analyst, first.id);
    const third = await requestRun(analyst, conversation.id);

    expect(second.id).toBe(first.id);
    expect(third.id).toBe(first.id);
    const runs = await fixtures.sql('SELECT id FROM theme_runs WHERE conversation_id = $1', [
      conversation.id,
    ]);
    expect(runs).toHaveLength(1);
  });

  it('gives the same themes for the same comments and seed', async () => {
    const one = await conversationWithCorpus();
    const two = await conversationWithCorpus();

    const runs = await Promise.all(
      [one, two].map(async ({ conversation }) =>
        waitForRun(analyst, (await requestRun(analyst, conversation.id, { seed: 7 })).id),
      ),
    );

    const shape = (run: (typeof runs)[number]) =>
      run.themes.map((theme) => ({ label: theme.label, size: theme.size, terms: theme.terms }));
    expect(shape(runs[0])).toEqual(shape(runs[1]));
  });

  it('places a new comment in the current themes at once', async () => {
    const { conversation, topic, ids } = await conversationWithCorpus();
    await waitForRun(analyst, (await requestRun(analyst, conversation.id)).id);
    const parks = await themeOfLabel(fixtures, ids, corpus, 'parks');
    const citizen = await fixtures.person();

    const comment = await fixtures.comment(
      citizen,
      topic.id,
      'Засадете повече дървета и сложете пейки в парка до блока',
    );

    const placement = await waitForRow(() =>
      fixtures.sql<{ themeId: string; source: string; confidence: number }>(
        `SELECT theme_id AS "themeId", source, confidence FROM comment_themes
          WHERE comment_id = $1`,
        [comment.id],
      ),
    );
    expect(placement).toMatchObject({ themeId: parks, source: 'placed' });
    expect(placement.confidence).toBeGreaterThan(0);
  });

  it('places a held comment once a facilitator approves it, not before', async () => {
    const { facilitator, conversation, topic } = await conversationWithCorpus();
    await waitForRun(analyst, (await requestRun(analyst, conversation.id)).id);
    await facilitator.client.patch(`/api/conversations/${conversation.id}/moderation/settings`, {
      mode: 'pre',
    });
    const citizen = await fixtures.person();
    const held = await fixtures.comment(
      citizen,
      topic.id,
      'Кофите за боклук преливат всяка седмица',
    );
    const placedOf = () =>
      fixtures.sql<{ source: string }>('SELECT source FROM comment_themes WHERE comment_id = $1', [
        held.id,
      ]);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await placedOf()).toEqual([]);

    const approved = await facilitator.client.post(
      `/api/conversations/${conversation.id}/moderation/decisions`,
      { action: 'approve', commentIds: [held.id] },
    );

    expect(approved.status).toBe(200);
    expect(await waitForRow(placedOf)).toEqual({ source: 'placed' });
  });

  it('re-clusters after the set number of new comments', async () => {
    const { conversation, topic } = await conversationWithCorpus();
    await waitForRun(analyst, (await requestRun(analyst, conversation.id)).id);
    const settings = await analyst.client.patch(
      `/api/conversations/${conversation.id}/themes/settings`,
      { rerunAfterComments: 2 },
    );
    expect(settings.status).toBe(200);
    const citizen = await fixtures.person();

    await fixtures.comment(citizen, topic.id, 'Автобусите по линия 94 идват много рядко');
    await fixtures.comment(citizen, topic.id, 'Трамваите са претъпкани сутрин');

    const debounced = await waitForRow(() =>
      fixtures.sql<{ id: string }>(
        `SELECT id FROM theme_runs WHERE conversation_id = $1 AND trigger = 'debounced'`,
        [conversation.id],
      ),
    );
    const run = await waitForRun(analyst, debounced.id);
    expect(run.inputCount).toBe(242);
  });

  it('keeps theme ids, curated labels, pins and moved comments through the next run', async () => {
    const { conversation, ids } = await conversationWithCorpus();
    await waitForRun(analyst, (await requestRun(analyst, conversation.id, { seed: 1 })).id);
    const roads = await themeOfLabel(fixtures, ids, corpus, 'roads');
    const waste = await themeOfLabel(fixtures, ids, corpus, 'waste');
    const renamed = await analyst.client.patch(`/api/themes/${roads}`, {
      labelBg: 'Пътища и тротоари',
      labelEn: 'Roads and pavements',
    });
    expect(renamed.status).toBe(200);
    expect((renamed.body as Theme).label).toBe('Пътища и тротоари');
    expect((await analyst.client.patch(`/api/themes/${waste}`, { isPinned: true })).status).toBe(
      200,
    );
    const movedComment = ids[corpus.findIndex((item) => item.label === 'schools')];
    const move = await analyst.client.post(`/api/conversations/${conversation.id}/themes/moves`, {
      commentIds: [movedComment],
      themeId: roads,
    });
    expect(move.body).toEqual({ moved: 1 });
    const wasteMembers = await fixtures.sql<{ id: string }>(
      'SELECT comment_id AS id FROM comment_themes WHERE theme_id = $1',
      [waste],
    );

    const second = await waitForRun(
      analyst,
      (await requestRun(analyst, conversation.id, { seed: 2 })).id,
    );

    const view = await overview(analyst, conversation.id);
    const road = view.themes.find((theme) => theme.id === roads);
    expect(road).toMatchObject({ labelBg: 'Пътища и тротоари', status: 'active' });
    expect(second.themes.find((theme) => theme.themeId === roads)?.match).toBe('matched');
    expect(second.themes.find((theme) => theme.themeId === waste)?.match).toBe('pinned');
    const after = await fixtures.sql<{ themeId: string; source: string }>(
      `SELECT theme_id AS "themeId", source FROM comment_themes WHERE comment_id = $1`,
      [movedComment],
    );
    expect(after[0]).toEqual({ themeId: roads, source: 'moved' });
    const stillWaste = await fixtures.sql<{ count: number }>(
      `SELECT count(*)::int AS count FROM comment_themes
        WHERE theme_id = $1 AND comment_id = ANY($2::uuid[])`,
      [waste, wasteMembers.map((row) => row.id)],
    );
    expect(stillWaste[0].count).toBe(wasteMembers.length);
    const audit = await fixtures.sql<{ action: string }>(
      `SELECT action FROM audit_log WHERE conversation_id = $1 AND target_type LIKE 'theme%'
        ORDER BY id`,
      [conversation.id],
    );
    expect(audit.map((row) => row.action)).toEqual([
      'theme-run.requested',
      'theme.renamed',
      'theme.flagged',
      'theme.comments-moved',
      'theme-run.requested',
    ]);
  });

  it('merges, splits and hides themes, each in the audit log', async () => {
    const { facilitator, conversation, ids } = await conversationWithCorpus();
    await waitForRun(analyst, (await requestRun(analyst, conversation.id)).id);
    const parks = await themeOfLabel(fixtures, ids, corpus, 'parks');
    const playgrounds = await themeOfLabel(fixtures, ids, corpus, 'playgrounds');
    const before = await overview(analyst, conversation.id);
    const sizeOf = (view: typeof before, id: string) =>
      view.themes.find((theme) => theme.id === id)?.size ?? 0;
    if (parks === playgrounds) throw new Error('The fixture should separate parks and playgrounds');

    const merged = await facilitator.client.post(
      `/api/conversations/${conversation.id}/themes/merge`,
      { themeIds: [playgrounds], intoId: parks },
    );
    expect(merged.status).toBe(200);
    expect((merged.body as Theme).size).toBe(sizeOf(before, parks) + sizeOf(before, playgrounds));
    const again = await analyst.client.patch(`/api/themes/${playgrounds}`, { isHidden: true });
    expect(again.body).toMatchObject({ code: 'THEME_NOT_ACTIVE' });

    const split = await analyst.client.post(`/api/themes/${parks}/split`, { k: 2 });
    expect(split.status).toBe(200);
    const parts = (split.body as { themeIds: string[] }).themeIds;
    expect(parts).toHaveLength(2);
    const afterSplit = await overview(analyst, conversation.id);
    expect(sizeOf(afterSplit, parts[0]) + sizeOf(afterSplit, parts[1])).toBe(
      sizeOf(before, parks) + sizeOf(before, playgrounds),
    );

    const hidden = await analyst.client.patch(`/api/themes/${parts[1]}`, { isHidden: true });
    expect(hidden.body).toMatchObject({ isHidden: true });
    const actions = await fixtures.sql<{ action: string; actorId: string }>(
      `SELECT action, actor_id AS "actorId" FROM audit_log
        WHERE conversation_id = $1 AND action LIKE 'theme.%' ORDER BY id`,
      [conversation.id],
    );
    expect(actions).toEqual([
      { action: 'theme.merged', actorId: facilitator.id },
      { action: 'theme.split', actorId: analyst.id },
      { action: 'theme.flagged', actorId: analyst.id },
    ]);
  });

  it('publishes an overview for citizens only when asked, without hidden themes', async () => {
    const { conversation } = await conversationWithCorpus();
    await waitForRun(analyst, (await requestRun(analyst, conversation.id)).id);
    const anonymous = system.client();
    const url = `/api/conversations/${conversation.id}/themes/public`;

    const before = await anonymous.get(url);
    const view = await overview(analyst, conversation.id);
    await analyst.client.patch(`/api/themes/${view.themes[0].id}`, { isHidden: true });
    await analyst.client.patch(`/api/conversations/${conversation.id}/themes/settings`, {
      isPublished: true,
    });
    const after = await anonymous.get(url);

    expect(before.body).toMatchObject({ themes: [], runNumber: null });
    const shown = (after.body as { themes: Array<{ id: string; share: number }> }).themes;
    expect(shown.map((theme) => theme.id)).toEqual(view.themes.slice(1).map((theme) => theme.id));
    expect(shown.reduce((sum, theme) => sum + theme.share, 0)).toBeCloseTo(1);
  });

  it('suggests tags from hand-tagged comments for a person to accept or reject', async () => {
    const { conversation, ids } = await conversationWithCorpus();
    const created = await analyst.client.post(`/api/conversations/${conversation.id}/tags`, {
      nameBg: 'Транспорт',
      nameEn: 'Transport',
    });
    expect(created.status).toBe(201);
    const tagId = (created.body as { id: string }).id;
    const duplicate = await analyst.client.post(`/api/conversations/${conversation.id}/tags`, {
      nameBg: 'транспорт',
    });
    expect(duplicate.body).toMatchObject({ code: 'TAG_NAME_TAKEN' });
    const transport = ids.filter((_, i) => corpus[i].label === 'transport');
    const other = ids.filter((_, i) => corpus[i].label !== 'transport');
    for (const commentId of transport.slice(0, 15)) {
      expect((await analyst.client.post(`/api/comments/${commentId}/tags`, { tagId })).status).toBe(
        204,
      );
    }

    const otherTag = await analyst.client.post(`/api/conversations/${conversation.id}/tags`, {
      nameBg: 'Други',
    });
    for (const commentId of other.slice(0, 30)) {
      await analyst.client.post(`/api/comments/${commentId}/tags`, {
        tagId: (otherTag.body as { id: string }).id,
      });
    }

    const suggested = await analyst.client.post(
      `/api/conversations/${conversation.id}/tags/suggestions`,
    );
    const list = await analyst.client.get(`/api/conversations/${conversation.id}/tags/suggestions`);

    expect(suggested.body).toMatchObject({ trainedOn: 45 });
    const items = (list.body as { items: Array<{ commentId: string; tagId: string }> }).items;
    const forTransport = items.filter((item) => item.tagId === tagId);
    const hits = forTransport.filter((item) => transport.includes(item.commentId)).length;
    expect(hits).toBeGreaterThan(forTransport.length / 2);
    const decided = await analyst.client.post(
      `/api/conversations/${conversation.id}/tags/suggestions/decisions`,
      { commentId: forTransport[0].commentId, tagId, accept: true },
    );
    expect(decided.status).toBe(204);
    const tags = await analyst.client.get(`/api/conversations/${conversation.id}/tags`);
    const tag = (tags.body as { items: Array<{ id: string; commentCount: number }> }).items.find(
      (item) => item.id === tagId,
    );
    expect(tag?.commentCount).toBe(16);
  });

  describe('who may', () => {
    let conversationId: string;
    let facilitator: Person;

    beforeAll(async () => {
      const setup = await conversationWithCorpus(corpus.slice(0, 60).map((item) => item.text));
      conversationId = setup.conversation.id;
      facilitator = setup.facilitator;
    });

    it.each([
      ['an analyst', 202, ['citizen', 'analyst']],
      ['an admin', 202, ['citizen', 'admin']],
      ['a citizen', 403, ['citizen']],
      ['a facilitator of another conversation', 403, ['citizen', 'facilitator']],
    ] as const)('answers %s asking for a run with HTTP %i', async (_who, status, roles) => {
      const person = await fixtures.person([...roles]);

      const response = await person.client.post(
        `/api/conversations/${conversationId}/theme-runs`,
        {},
      );

      expect(response.status).toBe(status);
    });

    it('lets the conversation facilitator read its themes and nobody anonymous', async () => {
      expect(
        (await facilitator.client.get(`/api/conversations/${conversationId}/themes`)).status,
      ).toBe(200);
      expect(
        (await system.client().get(`/api/conversations/${conversationId}/themes`)).status,
      ).toBe(401);
    });
  });
});

async function waitForRow<T>(read: () => Promise<T[]>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await read();
    if (rows.length > 0) return rows[0];
    if (Date.now() > deadline) throw new Error('No row appeared in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
