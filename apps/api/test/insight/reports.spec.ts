import type {
  InsightReport,
  Poll,
  ReportDraft,
  ReportPreference,
  Statement,
  Survey,
} from '@razgovor/contracts';
import { OpinionMapService } from '@razgovor/core';
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
  let authors: Person[];
  const reportPath = () => `/api/conversations/${world.conversation.id}/report`;

  beforeAll(async () => {
    system = await startSystem({ withWorker: false });
    fixtures = new ConversationFixtures(system);
    world = await fixtures.openTopic();
    authors = [];
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

    // Bankya's two would follow from the total minus Mladost, so Mladost is hidden with them.
    expect(district('mladost')).toMatchObject({ people: null, share: null });
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

  describe('with polls, a survey and the opinion map', () => {
    let poll: Poll;
    let open: Poll;
    let survey: Survey;
    let statements: Statement[];

    beforeAll(async () => {
      const { facilitator } = world;
      const conversationId = world.conversation.id;
      poll = (
        await facilitator.client.post(`/api/conversations/${conversationId}/polls`, {
          kind: 'single',
          question: { bg: 'Кой да предлага проекти?', en: 'Who may propose projects?' },
          options: [
            { bg: 'Всеки жител', en: 'Any resident' },
            { bg: 'Само сдружения', en: 'Associations only' },
          ],
        })
      ).body as Poll;
      // The six women of Mladost choose any resident; the two men of Bankya associations.
      for (const [index, author] of authors.entries()) {
        await author.client.put(`/api/polls/${poll.id}/answer`, {
          kind: 'single',
          optionId: poll.options[index < 6 ? 0 : 1].id,
        });
      }

      open = (
        await facilitator.client.post(`/api/conversations/${conversationId}/polls`, {
          kind: 'open',
          question: { bg: 'Какво да промени програмата?', en: 'What should the programme change?' },
        })
      ).body as Poll;
      for (const author of authors.slice(0, 3)) {
        await author.client.put(`/api/polls/${open.id}/answer`, {
          kind: 'open',
          text: 'Повече зеленина в парковете',
        });
      }

      // Placed in the parks theme as the theme job places answers (its own tests cover that).
      await fixtures.sql(
        `INSERT INTO comment_themes (answer_id, conversation_id, theme_id, confidence, source,
                                     run_id, updated_at)
         SELECT a.id, $2, $3, 0.9, 'run', $4, now() FROM poll_answers a WHERE a.poll_id = $1`,
        [open.id, conversationId, seeded.themeIds[0], seeded.runId],
      );

      survey = (
        await facilitator.client.post(`/api/conversations/${conversationId}/surveys`, {
          title: { bg: 'Доверие в началото и в края', en: 'Trust at the start and the end' },
          questions: [
            { kind: 'scale', question: { bg: 'Вярвам на общината', en: 'I trust the city' } },
          ],
        })
      ).body as Survey;
      const firstRun = survey.runs[0].polls[0];
      for (const author of authors) {
        await author.client.put(`/api/polls/${firstRun.id}/answer`, { kind: 'scale', value: 2 });
      }

      survey = (await facilitator.client.post(`/api/surveys/${survey.id}/runs`, {})).body as Survey;
      const secondRun = survey.runs[1].polls[0];
      // Six answer again and trust more; a newcomer answers only the second run.
      for (const author of authors.slice(0, 6)) {
        await author.client.put(`/api/polls/${secondRun.id}/answer`, { kind: 'scale', value: 4 });
      }

      await (
        await fixtures.person()
      ).client.put(`/api/polls/${secondRun.id}/answer`, {
        kind: 'scale',
        value: 4,
      });

      // Two camps of four: each agrees with its own statements and disagrees with the others'.
      const bodies = [
        'Повече пари за паркове',
        'Повече дървета',
        'Повече пейки',
        'Повече паркинги',
        'По-широки булеварди',
        'Повече гаражи',
        'Всеки район да има глас',
      ];
      statements = [];
      for (const [index, body] of bodies.entries()) {
        const author = authors[index < 3 ? index : index < 6 ? index + 1 : 0];
        const response = await author.client.post(
          `/api/conversations/${conversationId}/statements`,
          { body },
        );
        statements.push(response.body as Statement);
      }

      for (const [personIndex, author] of authors.entries()) {
        const isGreen = personIndex < 4;
        for (const [index, statement] of statements.entries()) {
          const agrees = index === 6 || isGreen === index < 3;
          await author.client.put(`/api/statements/${statement.id}/vote`, {
            vote: agrees ? 'agree' : 'disagree',
          });
        }
      }

      await system.api.get(OpinionMapService).draw(conversationId);
    });

    it('offers the polls, the survey and the map to the editor and keeps the chosen order', async () => {
      const draft = (await world.facilitator.client.get(`${reportPath()}/draft`))
        .body as ReportDraft;

      expect(draft.preferences).toBeNull();
      expect(draft.availablePreferences.map((item) => item.choice)).toEqual([
        { type: 'poll', id: poll.id },
        { type: 'poll', id: open.id },
        { type: 'survey', id: survey.id },
        { type: 'map' },
      ]);
      const chosen = await world.facilitator.client.patch(`${reportPath()}/draft`, {
        preferences: [
          { type: 'map' },
          { type: 'survey', id: survey.id },
          { type: 'poll', id: poll.id },
          { type: 'poll', id: open.id },
        ],
        tagMode: 'theme',
      });
      expect(chosen.status).toBe(200);
      expect((chosen.body as ReportDraft).preferences).toEqual([
        { type: 'map' },
        { type: 'survey', id: survey.id },
        { type: 'poll', id: poll.id },
        { type: 'poll', id: open.id },
      ]);
      const report = (await system.client().get(reportPath())).body as InsightReport;
      expect(report.preferences.map((section) => section.type)).toEqual([
        'map',
        'survey',
        'poll',
        'poll',
      ]);
    });

    it('refuses a survey question or a poll of another conversation as a choice', async () => {
      const other = await fixtures.openTopic();
      const foreign = (
        await other.facilitator.client.post(`/api/conversations/${other.conversation.id}/polls`, {
          kind: 'scale',
          question: { bg: 'Друг', en: 'Other' },
        })
      ).body as Poll;

      for (const id of [foreign.id, survey.runs[0].polls[0].id]) {
        const refused = await world.facilitator.client.patch(`${reportPath()}/draft`, {
          preferences: [{ type: 'poll', id }],
        });
        expect(refused.status).toBe(400);
        expect((refused.body as { code: string }).code).toBe('VALIDATION_FAILED');
      }
    });

    it('carries the poll with its breakdowns, small cells suppressed', async () => {
      const report = (await system.client().get(reportPath())).body as InsightReport;
      const section = report.preferences.find(
        (item) => item.type === 'poll' && item.poll.id === poll.id,
      ) as Extract<ReportPreference, { type: 'poll' }>;

      expect(section.poll.question.bg).toBe('Кой да предлага проекти?');
      expect(section.poll.myAnswer).toBeNull();
      expect(section.results.overall.respondents).toBe(8);
      expect(section.results.overall.options.map((option) => option.count)).toEqual([6, 2]);
      const districts = section.results.breakdowns.district;
      // Mladost would give Bankya's two away by subtraction from the overall tally.
      expect(districts.find((group) => group.value === 'mladost')).toMatchObject({
        suppressed: true,
      });
      expect(districts.find((group) => group.value === 'bankya')).toMatchObject({
        suppressed: true,
        tally: null,
      });
      expect(
        section.results.breakdowns.gender.find((group) => group.value === 'man'),
      ).toMatchObject({ suppressed: true, tally: null });
    });

    it('counts open answers and names the themes they were placed in, not their texts', async () => {
      const report = (await system.client().get(reportPath())).body as InsightReport;
      const section = report.preferences.find(
        (item) => item.type === 'poll' && item.poll.id === open.id,
      ) as Extract<ReportPreference, { type: 'poll' }>;

      expect(section.results.overall.respondents).toBe(3);
      expect(section.themes).toEqual([
        {
          id: seeded.themeIds[0],
          label: { bg: 'Паркове и пейки', en: 'Parks and benches' },
          answers: 3,
        },
      ]);
      expect(JSON.stringify(section)).not.toContain('Повече зеленина');
      expect((await system.client().get(`${reportPath()}.md?lang=en`)).body).toContain(
        'Themes the answers were placed in: Parks and benches (3).',
      );
    });

    it('carries the survey shift overall and for the people who answered both runs', async () => {
      const report = (await system.client().get(reportPath())).body as InsightReport;
      const section = report.preferences.find((item) => item.type === 'survey') as Extract<
        ReportPreference,
        { type: 'survey' }
      >;

      expect(section.runs).toBe(2);
      expect(section.questions[0].results.overall).toMatchObject({ respondents: 7, mean: 4 });
      const [question] = section.shift!.questions;
      expect(question.overall).toMatchObject({ respondents: 9, meanChange: 2 });
      expect(question.overall.before).toMatchObject({ respondents: 8, mean: 2 });
      // The two who answered only the first run would follow from it minus the panel's six.
      expect(question.panel).toBeNull();
    });

    it('carries the opinion map without identities, with groups and their statements', async () => {
      const report = (await system.client().get(reportPath())).body as InsightReport;
      const { map } = report.preferences.find((item) => item.type === 'map') as Extract<
        ReportPreference,
        { type: 'map' }
      >;

      expect(map.groups.map((group) => group.size).sort()).toEqual([4, 4]);
      expect(map.points).toHaveLength(8);
      expect(map.me).toBeNull();
      expect(JSON.stringify(map)).not.toContain(authors[0].id);
      expect(map.consensus.map((item) => item.statementId)).toContain(statements[6].id);
      const bodies = map.statements.map((item) => item.body);
      expect(bodies).toContain('Всеки район да има глас');
      expect(map.groups.every((group) => group.representative.length > 0)).toBe(true);
    });

    it('shows the analysts tags per theme or overall when the facilitator asks', async () => {
      const byTheme = (await system.client().get(reportPath())).body as InsightReport;
      const parks = byTheme.themes.find((theme) => theme.id === seeded.themeIds[0])!;
      expect(parks.tags).toEqual([
        { id: seeded.tagId, name: { bg: 'Зеленина', en: 'Greenery' }, comments: 1 },
      ]);
      expect(byTheme.tags).toEqual([]);

      await world.facilitator.client.patch(`${reportPath()}/draft`, { tagMode: 'overall' });
      const overall = (await system.client().get(reportPath())).body as InsightReport;
      expect(overall.tags).toEqual([
        { id: seeded.tagId, name: { bg: 'Зеленина', en: 'Greenery' }, comments: 1 },
      ]);
      expect(overall.themes.every((theme) => theme.tags.length === 0)).toBe(true);
      expect((await system.client().get(`${reportPath()}.md?lang=en`)).body).toContain(
        '| Greenery | 1 |',
      );
    });

    it('writes the polls, the shift and the map into the Markdown', async () => {
      const english = (await system.client().get(`${reportPath()}.md?lang=en`)).body as string;
      const bulgarian = (await system.client().get(`${reportPath()}.md`)).body as string;

      expect(english).toContain('## Polls, surveys and the opinion map');
      expect(english).toContain('### Who may propose projects?');
      expect(english).toContain('| Any resident | 6 | 75% |');
      expect(english).toContain('| Mladost | hidden | – | – |');
      expect(english).toContain('| Bankya | hidden | – | – |');
      expect(english).toContain('#### Change from run 1 to run 2');
      expect(english).toContain('| I trust the city | 2 | 4 | +2 | hidden |');
      expect(english).toContain('### Opinion map');
      expect(english).toContain('- Всеки район да има глас (every group agrees)');
      expect(english.indexOf('### Opinion map')).toBeLessThan(english.indexOf('### Who may'));
      expect(bulgarian).toContain('### Кой да предлага проекти?');
      expect(bulgarian).toContain('#### Промяна от провеждане 1 до 2');
    });
  });
});
