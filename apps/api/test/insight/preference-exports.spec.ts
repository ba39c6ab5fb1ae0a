import {
  type ExportTable,
  type Poll,
  preferenceExportTables,
  type Statement,
  type Survey,
} from '@razgovor/contracts';
import { OpinionMapService } from '@razgovor/core';
import { parseCommentsVotes, parseParticipantsVotes, type VoteMatrix } from '@razgovor/opinions';
import { parse } from 'csv-parse/sync';
import Ajv2020 from 'ajv/dist/2020';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem, type TestSystem } from '../../../../test/support/system';
import { ConversationFixtures, type Person } from '../conversations.fixtures';
import {
  download,
  exportAs,
  readCsv,
  readJsonTables,
  readTables,
  readWorkbook,
  type TextTable,
  unzip,
} from './export-readers';

const openAnswers = [
  'Повече пари за паркове, пейки и "зелени" площи',
  'Ред едно\nред две, с "кавички"',
  '=HYPERLINK("http://example.com")',
  'Велоалеи до всяко училище',
  'Да решават кварталите',
  'Детски площадки\r\nи пейки',
];
const statementTexts = [
  'Повече пари за паркове',
  'Повече пейки',
  'Повече дървета',
  'Повече детски площадки',
  'Повече паркинги',
  'По-широки булеварди',
  'Повече светофари',
  'Повече гаражи',
  'Всеки район да има глас',
];

interface StoredMap {
  number: number;
  result: {
    groups: Array<{
      id: number;
      size: number;
      representative: Array<{ statementId: string; direction: string; share: number }>;
    }>;
    consensus: unknown[];
    divisive: Array<{ agreeByGroup: number[] }>;
    placements: Array<[string, number, number, number | null]>;
  };
}

describe('exports of polls, surveys, statements and the opinion map', () => {
  let system: TestSystem;
  let fixtures: ConversationFixtures;
  let analyst: Person;
  let world: Awaited<ReturnType<ConversationFixtures['openTopic']>>;
  // Six from Lozenets (a cell of 6), two from Bankya (a small cell), four who did not say.
  const lozenets: Person[] = [];
  const bankya: Person[] = [];
  const unstated: Person[] = [];
  const polls: Record<string, Poll> = {};

  beforeAll(async () => {
    system = await startSystem();
    fixtures = new ConversationFixtures(system);
    analyst = await fixtures.person(['citizen', 'analyst']);
    world = await fixtures.openTopic();
    for (const [group, district, count] of [
      [lozenets, 'lozenets', 6],
      [bankya, 'bankya', 2],
      [unstated, null, 4],
    ] as const) {
      for (let index = 0; index < count; index++) group.push(await fixtures.person());
      await fixtures.sql(
        'UPDATE users SET district = $2, age_band = $3 WHERE id = ANY($1::uuid[])',
        [group.map((person) => person.id), district, district ? '25-34' : null],
      );
    }

    await fixtures.comment(lozenets[0], world.topic.id, 'Коментар от Лозенец');
    await answerPolls();
    await runSurvey();
    await voteOnStatements();
  }, 120_000);
  afterAll(async () => {
    await system.stop();
  });

  async function createPoll(body: object): Promise<Poll> {
    const created = await world.facilitator.client.post(
      `/api/conversations/${world.conversation.id}/polls`,
      { question: { bg: 'Въпрос, с "кавички"', en: 'Question' }, ...body },
    );
    expect(created.status).toBe(201);

    return created.body as Poll;
  }

  async function answer(person: Person, poll: Poll, body: object) {
    const response = await person.client.put(`/api/polls/${poll.id}/answer`, body);
    expect(response.status).toBe(200);
  }

  const labels = (...names: string[]) => names.map((name) => ({ bg: name, en: name }));

  async function answerPolls() {
    polls.single = await createPoll({
      kind: 'single',
      topicId: world.topic.id,
      options: labels('Да', 'Не'),
    });
    polls.scale = await createPoll({ kind: 'scale' });
    polls.budget = await createPoll({
      kind: 'budget',
      options: labels('Паркове', 'Улици', 'Училища'),
      budgetTotal: 1_500_000,
    });
    polls.ranking = await createPoll({ kind: 'ranking', options: labels('А', 'Б', 'В') });
    polls.multiple = await createPoll({
      kind: 'multiple',
      options: labels('Пейки', 'Дървета', 'Чешми'),
      maxChoices: 2,
    });
    polls.open = await createPoll({ kind: 'open', resultVisibility: 'after-close' });
    const option = (poll: Poll, index: number) => poll.options[index]!.id;

    for (const person of [...lozenets, ...bankya]) {
      await answer(person, polls.single, {
        kind: 'single',
        optionId: option(polls.single, bankya.includes(person) ? 1 : 0),
      });
    }

    // Three people of Lozenets answer the scale: under 5 in this poll, though 6 in others.
    for (const [index, person] of [...lozenets.slice(0, 3), ...bankya].entries()) {
      await answer(person, polls.scale, { kind: 'scale', value: (index % 5) + 1 });
    }

    const [parks, streets, schools] = polls.budget.options.map((item) => item.id);
    await answer(lozenets[1], polls.budget, {
      kind: 'budget',
      allocations: [
        { optionId: parks, amount: 700_000 },
        { optionId: streets, amount: 300_000 },
        { optionId: schools, amount: 500_000 },
      ],
    });
    await answer(lozenets[2], polls.ranking, {
      kind: 'ranking',
      optionIds: [option(polls.ranking, 2), option(polls.ranking, 0), option(polls.ranking, 1)],
    });
    await answer(lozenets[3], polls.multiple, {
      kind: 'multiple',
      optionIds: [option(polls.multiple, 0), option(polls.multiple, 2)],
    });
    for (const [index, person] of lozenets.entries()) {
      await answer(person, polls.open, { kind: 'open', text: openAnswers[index] });
    }
  }

  async function runSurvey() {
    const created = await world.facilitator.client.post(
      `/api/conversations/${world.conversation.id}/surveys`,
      {
        title: { bg: 'В началото и в края', en: 'At the start and at the end' },
        questions: [
          { kind: 'scale', question: { bg: 'Доверие', en: 'Trust' } },
          {
            kind: 'single',
            question: { bg: 'Сума', en: 'Sum' },
            options: labels('Малка', 'Голяма'),
          },
        ],
      },
    );
    expect(created.status).toBe(201);
    const surveyId = (created.body as Survey).id;
    const answerRun = async (run: number, person: Person, value: number) => {
      const survey = (await person.client.get(`/api/surveys/${surveyId}`)).body as Survey;
      const [scale, single] = survey.runs[run - 1]!.polls;
      await answer(person, scale!, { kind: 'scale', value });
      await answer(person, single!, { kind: 'single', optionId: single!.options[0]!.id });
    };

    for (const person of [...lozenets.slice(0, 5), unstated[0]]) await answerRun(1, person, 2);
    const second = await world.facilitator.client.post(`/api/surveys/${surveyId}/runs`, {});
    expect(second.status).toBe(201);
    for (const person of lozenets.slice(0, 5)) await answerRun(2, person, 4);
  }

  async function voteOnStatements() {
    const green = lozenets;
    const grey = [...bankya, ...unstated];
    const authors = [...green.slice(0, 4), ...grey.slice(0, 4), green[4]];
    const statements: Statement[] = [];
    for (const [index, body] of statementTexts.entries()) {
      const response = await authors[index].client.post(
        `/api/conversations/${world.conversation.id}/statements`,
        { body },
      );
      expect(response.status).toBe(201);
      statements.push(response.body as Statement);
    }

    for (const [camp, people] of [
      ['green', green],
      ['grey', grey],
    ] as const) {
      for (const person of people) {
        for (const [index, statement] of statements.entries()) {
          const agrees = index === 8 || (camp === 'green') === index < 4;
          const vote = index === 7 && camp === 'green' ? 'pass' : agrees ? 'agree' : 'disagree';
          const response = await person.client.put(`/api/statements/${statement.id}/vote`, {
            vote,
          });
          expect(response.status).toBe(200);
        }
      }
    }

    await world.facilitator.client.patch(
      `/api/conversations/${world.conversation.id}/moderation/settings`,
      { mode: 'pre' },
    );
    const held = await unstated[0].client.post(
      `/api/conversations/${world.conversation.id}/statements`,
      { body: 'Твърдение, което модераторът отхвърля' },
    );
    const rejected = await world.facilitator.client.post(
      `/api/statements/${(held.body as Statement).id}/decision`,
      { decision: 'reject' },
    );
    expect(rejected.status).toBe(200);
    // After this the latest map holds every vote, whether the worker or this call drew it.
    await system.api.get(OpinionMapService).draw(world.conversation.id);
  }

  async function latestMap(): Promise<StoredMap> {
    const [map] = await fixtures.sql<StoredMap>(
      `SELECT number, result FROM opinion_maps WHERE conversation_id = $1
        ORDER BY number DESC LIMIT 1`,
      [world.conversation.id],
    );

    return map;
  }

  const pick = (rows: TextTable, ...columns: string[]) =>
    rows.map((row) => columns.map((column) => row[column]));
  const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));

  /** What the database holds, as the cells every format should show. */
  async function expectTablesMatchDatabase(tables: Record<string, TextTable>) {
    const conversationId = world.conversation.id;
    const storedPolls = await fixtures.sql(
      `SELECT id, kind, question_bg, budget_total::text, respondents::text FROM polls
        WHERE conversation_id = $1 ORDER BY created_at, id`,
      [conversationId],
    );
    expect(
      pick(tables.polls, 'poll_id', 'kind', 'question_bg', 'budget_total', 'respondents'),
    ).toEqual(storedPolls.map((row) => Object.values(row).map(text)));
    expect(tables.polls.find((row) => row.poll_id === polls.single.id)?.topic_id).toBe(
      world.topic.id,
    );

    const options = await fixtures.sql(
      `SELECT o.poll_id, o.id, o.label_bg FROM poll_options o JOIN polls p ON p.id = o.poll_id
        WHERE p.conversation_id = $1 ORDER BY p.created_at, p.id, o.position`,
      [conversationId],
    );
    expect(pick(tables['poll-options'], 'poll_id', 'option_id', 'label_bg')).toEqual(
      options.map((row) => Object.values(row).map(text)),
    );

    const responses = await fixtures.sql(
      `SELECT a.id, a.poll_id, CASE WHEN p.kind = 'scale' THEN a.answer->>'value' END,
              a.open_text
         FROM poll_answers a JOIN polls p ON p.id = a.poll_id
        WHERE p.conversation_id = $1 ORDER BY p.created_at, p.id, a.created_at, a.id`,
      [conversationId],
    );
    expect(
      pick(tables['poll-responses'], 'response_id', 'poll_id', 'scale_value', 'open_text'),
    ).toEqual(responses.map((row) => Object.values(row).map(text)));
    expect(tables['poll-responses'].map((row) => row.open_text)).toEqual(
      expect.arrayContaining(openAnswers),
    );

    const items = await fixtures.sql(
      `SELECT a.id, i.option_id, i.value::text FROM poll_answer_items i
         JOIN poll_answers a ON a.poll_id = i.poll_id AND a.user_id = i.user_id
         JOIN polls p ON p.id = i.poll_id
        WHERE p.conversation_id = $1 AND i.option_id IS NOT NULL`,
      [conversationId],
    );
    const sorted = (rows: string[][]) => rows.map((row) => row.join('|')).sort();
    expect(
      sorted(pick(tables['poll-response-items'], 'response_id', 'option_id', 'value')),
    ).toEqual(sorted(items.map((row) => Object.values(row).map(text))));
    const budget = tables['poll-response-items'].filter((row) => row.poll_id === polls.budget.id);
    expect(budget.map((row) => row.value)).toEqual(['700000', '300000', '500000']);
    const ranking = tables['poll-response-items'].filter((row) => row.poll_id === polls.ranking.id);
    expect(ranking.map((row) => row.value)).toEqual(['2', '3', '1']);

    const [survey] = await fixtures.sql<{ id: string }>(
      'SELECT id FROM surveys WHERE conversation_id = $1',
      [conversationId],
    );
    expect(pick(tables.surveys, 'survey_id', 'title_bg', 'run_count')).toEqual([
      [survey.id, 'В началото и в края', '2'],
    ]);
    expect(
      pick(
        tables['survey-runs'],
        'survey_id',
        'run',
        'question_count',
        'respondents',
        'panel_respondents',
      ),
    ).toEqual([
      [survey.id, '1', '2', '6', ''],
      [survey.id, '2', '2', '5', '5'],
    ]);

    const statements = await fixtures.sql(
      `SELECT id, body, state, agree_count::text, disagree_count::text, pass_count::text
         FROM statements WHERE conversation_id = $1 ORDER BY created_at, id`,
      [conversationId],
    );
    expect(
      pick(
        tables.statements,
        'statement_id',
        'text',
        'moderation_state',
        'agree_count',
        'disagree_count',
        'pass_count',
      ),
    ).toEqual(statements.map((row) => Object.values(row).map(text)));
    expect(tables.statements.at(-1)?.moderation_state).toBe('rejected');

    const votes = await fixtures.sql(
      `SELECT v.statement_id,
              CASE v.vote WHEN 1 THEN 'agree' WHEN -1 THEN 'disagree' ELSE 'pass' END
         FROM statement_votes v WHERE v.conversation_id = $1`,
      [conversationId],
    );
    expect(sorted(pick(tables['statement-votes'], 'statement_id', 'vote'))).toEqual(
      sorted(votes.map((row) => Object.values(row).map(text))),
    );

    const map = await latestMap();
    expect(pick(tables['opinion-map'], 'map_run', 'x', 'y', 'group_id')).toEqual(
      map.result.placements.map(([, x, y, group]) => [map.number, x, y, group].map(text)),
    );
    expect(
      pick(tables['opinion-groups'], 'group_id', 'size', 'representative_statement_ids'),
    ).toEqual(
      map.result.groups.map((group) => [
        String(group.id),
        String(group.size),
        group.representative.map((item) => item.statementId).join('; '),
      ]),
    );
    const representative = tables['opinion-statements'].filter(
      (row) => row.list === 'representative',
    );
    expect(pick(representative, 'group_id', 'statement_id', 'direction', 'share')).toEqual(
      map.result.groups.flatMap((group) =>
        group.representative.map((item) =>
          [group.id, item.statementId, item.direction, item.share].map(text),
        ),
      ),
    );
    expect(tables['opinion-statements']).toHaveLength(
      representative.length +
        map.result.consensus.length +
        map.result.divisive.length * map.result.groups.length,
    );
  }

  it('reads every new table back from CSV, JSON and XLSX as the database holds it', async () => {
    const tables = [...preferenceExportTables];
    const read: Array<Record<string, TextTable>> = [];
    for (const format of ['csv', 'json', 'xlsx'] as const) {
      const job = await exportAs(analyst, world.conversation.id, {
        format,
        tables,
        stableIds: true,
      });
      read.push(await readTables(format, await download(system, job), tables));
    }

    expect(Object.keys(read[1])).toEqual(tables);
    expect(Object.keys(read[2])).toEqual(tables);
    await expectTablesMatchDatabase(read[0]);
    expect(read[1]).toEqual(read[0]);
    expect(read[2]).toEqual(read[0]);
    const map = await latestMap();
    expect(map.result.groups).toHaveLength(2);
    expect(read[0]['opinion-map']).toHaveLength(12);
  });

  it('gives a person the same pseudonym in comments, answers, statements, votes and the map', async () => {
    const job = await exportAs(analyst, world.conversation.id, { format: 'json' });
    const tables = readJsonTables(await download(system, job));
    const [commenter] = tables.comments.map((row) => row.author_id);
    const answerer = tables['poll-responses'].find((row) => row.open_text === openAnswers[0]);
    const author = tables.statements.find((row) => row.text === statementTexts[0]);
    const voters = new Set(tables['statement-votes'].map((row) => row.voter_id));
    const placed = tables['opinion-map'].map((row) => row.participant_id);

    expect(answerer?.author_id).toBe(commenter);
    expect(author?.author_id).toBe(commenter);
    expect(voters.has(commenter)).toBe(true);
    expect(placed).toContain(commenter);
    expect(new Set(placed)).toEqual(voters);
    expect(voters.size).toBe(12);
  });

  it('leaves district and age band empty in cells of fewer than 5 people', async () => {
    const tables = ['poll-responses', 'statement-votes', 'opinion-map'] as ExportTable[];
    const job = await exportAs(analyst, world.conversation.id, { format: 'csv', tables });
    const read = await readTables('csv', await download(system, job), tables);
    const cells = (rows: TextTable) =>
      [...new Set(rows.map((row) => `${row.district}/${row.age_band}`))].sort();
    const ofPoll = (poll: Poll) => read['poll-responses'].filter((row) => row.poll_id === poll.id);

    // Six of Lozenets and Bankya's two answered the first poll: with Lozenets shown, the two empty
    // rows would point to a small group, so Lozenets is empty too; all eight share an age band.
    expect(ofPoll(polls.single).map((row) => row.district)).toEqual([
      ...lozenets.map(() => ''),
      '',
      '',
    ]);
    expect(cells(ofPoll(polls.single))).toEqual(['/25-34']);
    // Only three of Lozenets answered the scale: a small cell, empty with Bankya's two, five
    // people who share an age band.
    expect(cells(ofPoll(polls.scale))).toEqual(['/25-34']);
    expect(cells(read['statement-votes'])).toEqual(['/', 'lozenets/25-34']);
    expect(cells(read['opinion-map'])).toEqual(['/', 'lozenets/25-34']);
    expect(read['opinion-map'].filter((row) => row.district === 'lozenets')).toHaveLength(6);
  });

  it('packs the new tables into the zip with a data dictionary and schema, nothing personal', async () => {
    const job = await exportAs(analyst, world.conversation.id, { format: 'zip' });
    const entries = await unzip(await download(system, job));
    const readme = entries.get('README.md')?.toString('utf8') ?? '';
    const schema = JSON.parse(entries.get('schema.json')?.toString('utf8') ?? '{}') as {
      properties: { tables: { properties: Record<string, { items: { properties: object } }> } };
    };
    const json = readJsonTables(entries.get('razgovor.json') ?? Buffer.alloc(0));
    const workbook = await readWorkbook(entries.get('razgovor.xlsx') ?? Buffer.alloc(0));

    for (const table of preferenceExportTables) {
      const csv = readCsv(entries.get(`csv/${table}.csv`) ?? Buffer.alloc(0));
      expect(json[table], table).toEqual(csv);
      expect(workbook[table], table).toEqual(csv);
      expect(readme).toContain(`### ${table} (${csv.length} rows)`);
      const columns = Object.keys(schema.properties.tables.properties[table].items.properties);
      expect(columns.length).toBeGreaterThan(0);
      for (const column of columns) expect(readme).toMatch(new RegExp(`\\| ${column} \\| \\w`));
      if (csv.length > 0) expect(Object.keys(csv[0])).toEqual(columns);
    }

    const map = await latestMap();
    expect(readme).toContain('## Opinion map');
    expect(readme).toContain('`polis-statements/comments.csv`');
    expect([...entries.keys()].filter((name) => name.startsWith('polis-statements/'))).toEqual([
      'polis-statements/comments.csv',
      'polis-statements/votes.csv',
      'polis-statements/participants-votes.csv',
    ]);
    expect(readme).toContain(`"number": ${map.number}`);
    const document = JSON.parse(entries.get('razgovor.json')?.toString('utf8') ?? '{}') as {
      opinionMap: { number: number; parameters: object };
    };
    expect(document.opinionMap).toMatchObject({ number: map.number, parameters: { minVotes: 7 } });
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);

    const users = await fixtures.sql<{ id: string; email: string; display_name: string }>(
      'SELECT id, email, display_name FROM users WHERE email IS NOT NULL',
    );
    const personal = users.flatMap((user) => [user.email, user.display_name, user.id]);
    const inner = await unzip(entries.get('razgovor.xlsx') ?? Buffer.alloc(0));
    const everything = [...entries.values(), ...inner.values()]
      .map((content) => content.toString('utf8'))
      .join('\n');
    expect(personal.filter((value) => everything.includes(value))).toEqual([]);
    expect(everything).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
  });
  it('writes statements and votes as a Pol.is conversation that the Pol.is importer reads', async () => {
    const job = await exportAs(analyst, world.conversation.id, { format: 'zip' });
    const entries = await unzip(await download(system, job));
    const file = (name: string) => entries.get(`polis-statements/${name}`) ?? Buffer.alloc(0);
    const comments = parse(file('comments.csv'), { columns: true }) as TextTable;
    const fromVotes = parseCommentsVotes(file('comments.csv'), file('votes.csv'), {
      includeModeratedOut: true,
    });
    const fromParticipants = parseParticipantsVotes(file('participants-votes.csv'));

    const stored = await fixtures.sql<{ id: string; body: string; state: string }>(
      'SELECT id, body, state FROM statements WHERE conversation_id = $1 ORDER BY created_at, id',
      [world.conversation.id],
    );
    expect(comments.map((row) => [row['comment-id'], row['comment-body'], row.moderated])).toEqual(
      stored.map((row, index) => [String(index), row.body, row.state === 'rejected' ? '-1' : '1']),
    );
    // Each voter's votes by statement text, as the database holds them (an author agrees with
    // their own statement, the rejected one too).
    const votes = await fixtures.sql<{ user_id: string; body: string; vote: number }>(
      `SELECT v.user_id, s.body, v.vote FROM statement_votes v
         JOIN statements s ON s.id = v.statement_id WHERE v.conversation_id = $1`,
      [world.conversation.id],
    );
    const byVoter = new Map<string, string[]>();
    for (const vote of votes) {
      byVoter.set(vote.user_id, [
        ...(byVoter.get(vote.user_id) ?? []),
        `${vote.body}=${vote.vote}`,
      ]);
    }

    const textOf = new Map(comments.map((row) => [row['comment-id'], row['comment-body']]));
    const expected = [...byVoter.values()].map((list) => list.sort().join('|')).sort();
    expect(voterVotes(fromVotes.matrix, textOf)).toEqual(expected);
    expect(voterVotes(fromParticipants.matrix, textOf)).toEqual(expected);

    // Everyone with the same votes is in the same group of the map: the groups are the camps.
    const map = await latestMap();
    const groupOfVotes = new Map(
      map.result.placements.map(([userId, , , group]) => [
        (byVoter.get(userId) ?? []).sort().join('|'),
        String(group),
      ]),
    );
    const participantVotes = voterVotes(fromParticipants.matrix, textOf, false);
    expect(fromParticipants.polisGroups).toEqual(
      participantVotes.map((key) => groupOfVotes.get(key)),
    );
  });
});

/** Each participant's votes as "statement text=vote", joined; sorted unless `isSorted` is false. */
function voterVotes(matrix: VoteMatrix, textOf: Map<string, string>, isSorted = true): string[] {
  const voters = matrix.participants.map((_participant, p) => {
    const list: string[] = [];
    for (let j = matrix.rowStart[p]; j < matrix.rowStart[p + 1]; j++) {
      list.push(`${textOf.get(matrix.statements[matrix.statementIndex[j]])}=${matrix.vote[j]}`);
    }

    return list.sort().join('|');
  });

  return isSorted ? voters.sort() : voters;
}
