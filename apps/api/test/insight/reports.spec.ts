import type { InsightReport, ReportDraft } from '@razgovor/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem, type TestSystem } from '../../../../test/support/system';
import { ConversationFixtures, type Person } from '../conversations.fixtures';
import { type SeededThemes, seedThemeRun } from './insight.fixtures';

describe('insight reports', () => {
  let system: TestSystem;
  let fixtures: ConversationFixtures;
  let world: Awaited<ReturnType<ConversationFixtures['openTopic']>>;
  let seeded: SeededThemes;
  let commentIds: string[];
  const reportPath = () => `/api/conversations/${world.conversation.id}/report`;

  beforeAll(async () => {
    system = await startSystem({ withWorker: false });
    fixtures = new ConversationFixtures(system);
    world = await fixtures.openTopic();
    const authors: Person[] = [];
    // Six women from Mladost, two men from Bankya (a cell of fewer than 5).
    for (let index = 0; index < 8; index++) {
      const person = await fixtures.person();
      await fixtures.sql(
        'UPDATE users SET district = $2, age_band = $3, gender = $4 WHERE id = $1',
        [person.id, index < 6 ? 'mladost' : 'bankya', '35-44', index < 6 ? 'woman' : 'man'],
      );
      authors.push(person);
    }

    const texts = [
      'Повече пейки в парка, моля',
      'Дървета по тротоарите',
      'Паркът в Младост има нужда от осветление',
      'Засадете дървета до училището',
      'Пейки и чешми',
      'Тротоарите са разбити',
      'Парк и за кучетата',
      'Дървета, не паркинги',
    ];
    for (const [index, text] of texts.entries()) {
      await fixtures.comment(authors[index], world.topic.id, text);
    }

    const rows = await fixtures.sql<{ id: string }>(
      'SELECT id FROM comments WHERE conversation_id = $1 ORDER BY created_at, id',
      [world.conversation.id],
    );
    commentIds = rows.map((row) => row.id);
    await authors[1].client.put(`/api/comments/${commentIds[2]}/stance`, { stance: 'agree' });
    seeded = await seedThemeRun(fixtures, world.conversation.id, commentIds);
    const summary = await world.facilitator.client.post(`/api/topics/${world.topic.id}/summaries`, {
      body: { bg: 'Хората искат паркове и дървета', en: 'People want parks and trees' },
    });
    await authors[4].client.put(`/api/summaries/${(summary.body as { id: string }).id}/response`, {
      reaction: 'misses',
      comment: 'Забравихте велоалеите',
    });
  });
  afterAll(async () => {
    await system.stop();
  });

  it('lets facilitators edit, record decisions and publish; the public reads it after', async () => {
    const { facilitator } = world;
    const anonymous = system.client();
    expect((await anonymous.get(reportPath())).status).toBe(404);
    expect(((await anonymous.get(reportPath())).body as { code: string }).code).toBe(
      'REPORT_NOT_PUBLISHED',
    );

    const draft = (await facilitator.client.get(`${reportPath()}/draft`)).body as ReportDraft;
    expect(draft.availableThemes.map((theme) => theme.id)).toEqual(seeded.themeIds);
    const edited = await facilitator.client.patch(`${reportPath()}/draft`, {
      introduction: { bg: 'Какво чухме от вас', en: 'What we heard from you' },
      themeIds: [seeded.themeIds[1], seeded.themeIds[0]],
    });
    expect(edited.status).toBe(200);
    const decided = await facilitator.client.post(`${reportPath()}/decisions`, {
      text: {
        bg: 'Проекти може да предлага всеки жител над 16 години',
        en: 'Projects may be proposed by any resident over 16',
      },
      themeIds: [seeded.themeIds[0]],
    });
    expect(decided.status).toBe(201);
    const published = await facilitator.client.post(`${reportPath()}/publication`);
    expect((published.body as ReportDraft).publishedAt).not.toBeNull();

    const report = (await anonymous.get(reportPath())).body as InsightReport;
    expect(report.introduction.bg).toBe('Какво чухме от вас');
    expect(report.themes.map((theme) => theme.label.bg)).toEqual([
      'дървета тротоари',
      'Паркове и пейки',
    ]);
    const parks = report.themes[1];
    expect(parks).toMatchObject({ size: 4, share: 0.5, agree: 1, disagree: 0 });
    // The run's representative comments first (the more agreed one leading), then the others.
    expect(parks.quotes.map((quote) => quote.text)).toEqual([
      'Паркът в Младост има нужда от осветление',
      'Повече пейки в парка, моля',
      'Пейки и чешми',
    ]);
    expect(parks.quotes[0].path).toBe(`/comments/${commentIds[2]}`);
    expect(parks.decisionIds).toEqual([report.decisions[0].id]);
    expect(report.decisions[0].themeIds).toEqual([seeded.themeIds[0]]);
    expect(report.themeRun?.id).toBe(seeded.runId);
    expect(report.participation).toMatchObject({ people: 8, comments: 8, replies: 0 });
    expect(report.summaries[0]).toMatchObject({
      misses: 1,
      answers: [{ reaction: 'misses', comment: 'Забравихте велоалеите' }],
    });
  });

  it('compares participation with Sofia and suppresses groups of fewer than 5', async () => {
    const report = (await system.client().get(reportPath())).body as InsightReport;
    const district = (key: string) =>
      report.participation.byDistrict.rows.find((row) => row.key === key);

    expect(district('mladost')).toMatchObject({ people: 6, share: 0.75 });
    expect(district('mladost')?.populationShare).toBeCloseTo(102_899 / 1_291_591, 6);
    expect(district('bankya')).toMatchObject({ people: null, share: null });
    expect(report.participation.byDistrict.rows).toHaveLength(24);
    expect(report.participation.byDistrict.source.url).toContain('nsi.bg');
    expect(report.participation.byGender.rows.find((row) => row.key === 'man')?.people).toBeNull();
    const parks = report.themes[1];
    expect(parks.districts.find((row) => row.key === 'bankya')?.comments ?? null).toBeNull();
  });

  it('serves the report as Markdown in either language', async () => {
    const english = await system.client().get(`${reportPath()}.md?lang=en`);
    const bulgarian = await system.client().get(`${reportPath()}.md`);

    expect(english.headers.get('content-type')).toContain('text/markdown');
    expect(english.body).toContain('## You said, we did');
    expect(english.body).toContain('Parks and benches');
    expect(english.body).toContain('> Повече пейки в парка, моля');
    expect(english.body).toContain('Projects may be proposed by any resident over 16');
    expect(bulgarian.body).toContain('## Казахте, направихме');
    expect(bulgarian.body).toContain('"seed": 7');
  });

  it.each([
    ['a citizen', ['citizen']],
    ['an analyst', ['citizen', 'analyst']],
  ] as const)('refuses report editing to %s', async (_who, roles) => {
    const person = await fixtures.person([...roles]);

    expect((await person.client.patch(`${reportPath()}/draft`, { themeIds: [] })).status).toBe(403);
    expect((await person.client.post(`${reportPath()}/publication`)).status).toBe(403);
  });

  it('rejects a decision citing a theme outside the current run', async () => {
    const refused = await world.facilitator.client.post(`${reportPath()}/decisions`, {
      text: { bg: 'Нещо', en: '' },
      themeIds: ['00000000-0000-4000-8000-000000000000'],
    });

    expect(refused.status).toBe(400);
    expect((refused.body as { code: string }).code).toBe('VALIDATION_FAILED');
  });

  it('takes the report back from the public when unpublished', async () => {
    await world.facilitator.client.delete(`${reportPath()}/publication`);

    expect((await system.client().get(reportPath())).status).toBe(404);
    expect((await world.facilitator.client.get(reportPath())).status).toBe(200);
    await world.facilitator.client.post(`${reportPath()}/publication`);
  });
});
