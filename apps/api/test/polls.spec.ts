import type { Poll, PollResults, Survey, SurveyShift } from '@razgovor/contracts';
import { PollItemSums1765600000000 } from '../../../libs/core/src/database/migrations/1765600000000-poll-item-sums';
import type { QueryRunner } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem, type TestSystem } from '../../../test/support/system';
import { ConversationFixtures, type Person } from './conversations.fixtures';
import { LiveClient } from './live.support';

const options = (...labels: string[]) => labels.map((label) => ({ bg: label, en: label }));

describe('polls', () => {
  let system: TestSystem;
  let fixtures: ConversationFixtures;

  beforeAll(async () => {
    system = await startSystem({ withWorker: false });
    fixtures = new ConversationFixtures(system);
  });
  afterAll(async () => {
    await system.stop();
  });

  async function createPoll(facilitator: Person, conversationId: string, body: object) {
    const created = await facilitator.client.post(`/api/conversations/${conversationId}/polls`, {
      question: { bg: 'Въпрос', en: 'Question' },
      ...body,
    });
    expect(created.status).toBe(201);

    return created.body as Poll;
  }

  async function people(count: number, profile: Record<string, string | null> = {}) {
    const made: Person[] = [];
    for (let i = 0; i < count; i++) made.push(await fixtures.person());
    await fixtures.sql(
      'UPDATE users SET district = $2, age_band = $3, gender = $4 WHERE id = ANY($1::uuid[])',
      [
        made.map((person) => person.id),
        profile.district ?? null,
        profile.ageBand ?? null,
        profile.gender ?? null,
      ],
    );

    return made;
  }

  it('keeps one answer per person, changeable until the poll closes', async () => {
    const { facilitator, conversation } = await fixtures.openTopic();
    const poll = await createPoll(facilitator, conversation.id, {
      kind: 'single',
      options: options('Да', 'Не'),
    });
    const [yes, no] = poll.options;
    const citizen = await fixtures.person();

    const first = await citizen.client.put(`/api/polls/${poll.id}/answer`, {
      kind: 'single',
      optionId: yes!.id,
    });
    const changed = await citizen.client.put(`/api/polls/${poll.id}/answer`, {
      kind: 'single',
      optionId: no!.id,
    });

    expect(first.status).toBe(200);
    expect(changed.status).toBe(200);
    const after = changed.body as Poll;
    expect(after.respondents).toBe(1);
    expect(after.myAnswer).toEqual({ kind: 'single', optionId: no!.id });
    expect(after.results?.options).toEqual([
      { optionId: yes!.id, count: 0, mean: null },
      { optionId: no!.id, count: 1, mean: null },
    ]);
    const rows = await fixtures.sql('SELECT * FROM poll_answers WHERE poll_id = $1', [poll.id]);
    expect(rows).toHaveLength(1);

    const closed = await facilitator.client.post(`/api/polls/${poll.id}/close`);
    expect((closed.body as Poll).status).toBe('closed');
    const late = await citizen.client.put(`/api/polls/${poll.id}/answer`, {
      kind: 'single',
      optionId: yes!.id,
    });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'POLL_CLOSED' });
    const kept = await citizen.client.get(`/api/polls/${poll.id}`);
    expect((kept.body as Poll).myAnswer).toEqual({ kind: 'single', optionId: no!.id });
  });

  it('counts one answer when the same person answers ten times at once', async () => {
    const { facilitator, conversation } = await fixtures.openTopic();
    const poll = await createPoll(facilitator, conversation.id, { kind: 'scale' });
    const citizen = await fixtures.person();

    const responses = await Promise.all(
      [1, 2, 3, 4, 5, 1, 2, 3, 4, 5].map((value) =>
        citizen.client.put(`/api/polls/${poll.id}/answer`, { kind: 'scale', value }),
      ),
    );

    expect(responses.every((response) => response.status === 200)).toBe(true);
    const read = (await citizen.client.get(`/api/polls/${poll.id}`)).body as Poll;
    expect(read.respondents).toBe(1);
    expect(read.results?.scale?.reduce((sum, count) => sum! + count!, 0)).toBe(1);
  });

  it('refuses muted and removed people and a closed conversation, storing nothing', async () => {
    const { facilitator, conversation } = await fixtures.openTopic();
    const poll = await createPoll(facilitator, conversation.id, {
      kind: 'multiple',
      maxChoices: 2,
      options: options('Паркове', 'Улици', 'Училища'),
    });
    const [parks, streets, schools] = poll.options;
    const { muted, removed } = await fixtures.sanctionedPeople(facilitator, conversation.id);
    const citizen = await fixtures.person();
    const attempt = (person: Person, optionIds: string[], id = poll.id) =>
      person.client.put(`/api/polls/${id}/answer`, { kind: 'multiple', optionIds });

    const mutedAnswer = await attempt(muted, [parks!.id]);
    const removedAnswer = await attempt(removed, [parks!.id]);
    const unknown = await attempt(citizen, [parks!.id], '00000000-0000-4000-8000-000000000000');
    const first = await attempt(citizen, [parks!.id, streets!.id]);
    const changed = await attempt(citizen, [schools!.id]);
    await facilitator.client.post(`/api/conversations/${conversation.id}/status`, {
      status: 'closed',
    });
    const afterClosing = await attempt(citizen, [parks!.id]);

    expect(mutedAnswer.status).toBe(403);
    expect(mutedAnswer.body).toMatchObject({ code: 'MUTED' });
    expect(removedAnswer.body).toMatchObject({ code: 'REMOVED_FROM_CONVERSATION' });
    expect(unknown.status).toBe(404);
    expect((first.body as Poll).respondents).toBe(1);
    expect((changed.body as Poll).myAnswer).toEqual({ kind: 'multiple', optionIds: [schools!.id] });
    expect(afterClosing.body).toMatchObject({ code: 'POLL_CLOSED' });
    const items = await fixtures.sql<{ userId: string; optionId: string }>(
      `SELECT user_id AS "userId", option_id AS "optionId" FROM poll_answer_items
        WHERE poll_id = $1`,
      [poll.id],
    );
    expect(items).toEqual([{ userId: citizen.id, optionId: schools!.id }]);
    const [stored] = await fixtures.sql<{ respondents: number; events: number }>(
      `SELECT p.respondents,
              (SELECT count(*)::int FROM events e
                WHERE e.conversation_id = p.conversation_id AND e.type = 'poll.answered') AS events
         FROM polls p WHERE p.id = $1`,
      [poll.id],
    );
    expect(stored).toEqual({ respondents: 1, events: 2 });
  });

  it('refuses a budget split that does not add up, naming the sum and the difference', async () => {
    const { facilitator, conversation } = await fixtures.openTopic();
    const poll = await createPoll(facilitator, conversation.id, {
      kind: 'budget',
      options: options('Паркове', 'Улици', 'Училища'),
      budgetTotal: 1_500_000,
    });
    const [parks, streets, schools] = poll.options.map((option) => option.id);
    const citizen = await fixtures.person();
    const allocations = (amounts: number[]) =>
      [parks, streets, schools].map((optionId, index) => ({ optionId, amount: amounts[index] }));

    const short = await citizen.client.put(`/api/polls/${poll.id}/answer`, {
      kind: 'budget',
      allocations: allocations([500_000, 500_000, 400_000]),
    });
    const fractional = await citizen.client.put(`/api/polls/${poll.id}/answer`, {
      kind: 'budget',
      allocations: allocations([500_000.5, 500_000, 499_999.5]),
    });
    const exact = await citizen.client.put(`/api/polls/${poll.id}/answer`, {
      kind: 'budget',
      allocations: allocations([700_000, 300_000, 500_000]),
    });

    expect(short.status).toBe(400);
    expect(short.body).toMatchObject({
      code: 'BUDGET_NOT_BALANCED',
      details: { total: 1_500_000, sum: 1_400_000, difference: 100_000 },
    });
    expect(fractional.status).toBe(400);
    expect(fractional.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(exact.status).toBe(200);
    expect((exact.body as Poll).results?.options.map((option) => option.mean)).toEqual([
      700_000, 300_000, 500_000,
    ]);
  });

  it.each([
    ['a single choice with one option', { kind: 'single', options: options('А') }, 'POLL_INVALID'],
    ['a budget without a sum', { kind: 'budget', options: options('А', 'Б') }, 'POLL_INVALID'],
    ['a scale with options', { kind: 'scale', options: options('А', 'Б') }, 'POLL_INVALID'],
    [
      'a maximum above the options',
      { kind: 'multiple', options: options('А', 'Б'), maxChoices: 3 },
      'POLL_INVALID',
    ],
    ['an unknown kind', { kind: 'lottery' }, 'VALIDATION_FAILED'],
  ])('refuses to create %s', async (_what, body, code) => {
    const { facilitator, conversation } = await fixtures.openTopic();

    const response = await facilitator.client.post(`/api/conversations/${conversation.id}/polls`, {
      question: { bg: 'Въпрос', en: 'Question' },
      ...body,
    });

    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code });
  });

  it('lets only facilitators create polls', async () => {
    const { conversation } = await fixtures.openTopic();
    const citizen = await fixtures.person();

    const response = await citizen.client.post(`/api/conversations/${conversation.id}/polls`, {
      question: { bg: 'Въпрос', en: '' },
      kind: 'scale',
    });

    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('checks multiple choice, ranking and the kind of an answer with their own codes', async () => {
    const { facilitator, conversation } = await fixtures.openTopic();
    const multiple = await createPoll(facilitator, conversation.id, {
      kind: 'multiple',
      options: options('А', 'Б', 'В'),
      maxChoices: 2,
    });
    const ranking = await createPoll(facilitator, conversation.id, {
      kind: 'ranking',
      options: options('А', 'Б', 'В'),
    });
    const citizen = await fixtures.person();
    const ids = (poll: Poll) => poll.options.map((option) => option.id);

    const tooMany = await citizen.client.put(`/api/polls/${multiple.id}/answer`, {
      kind: 'multiple',
      optionIds: ids(multiple),
    });
    const partial = await citizen.client.put(`/api/polls/${ranking.id}/answer`, {
      kind: 'ranking',
      optionIds: ids(ranking).slice(0, 2),
    });
    const foreign = await citizen.client.put(`/api/polls/${ranking.id}/answer`, {
      kind: 'ranking',
      optionIds: [...ids(ranking).slice(0, 2), ids(multiple)[0]],
    });
    const wrongKind = await citizen.client.put(`/api/polls/${ranking.id}/answer`, {
      kind: 'scale',
      value: 3,
    });

    expect(tooMany.body).toMatchObject({ code: 'TOO_MANY_CHOICES', details: { max: 2 } });
    expect(partial.body).toMatchObject({ code: 'RANKING_INCOMPLETE' });
    expect(foreign.body).toMatchObject({ code: 'UNKNOWN_OPTION' });
    expect(wrongKind.body).toMatchObject({ code: 'ANSWER_MISMATCH' });
  });

  it('shows results after answering, or only after closing, as the facilitator chose', async () => {
    const { facilitator, conversation } = await fixtures.openTopic();
    const afterAnswer = await createPoll(facilitator, conversation.id, { kind: 'scale' });
    const afterClose = await createPoll(facilitator, conversation.id, {
      kind: 'scale',
      resultVisibility: 'after-close',
    });
    const citizen = await fixtures.person();

    const before = await citizen.client.get(`/api/polls/${afterAnswer.id}/results`);
    await citizen.client.put(`/api/polls/${afterAnswer.id}/answer`, { kind: 'scale', value: 4 });
    await citizen.client.put(`/api/polls/${afterClose.id}/answer`, { kind: 'scale', value: 4 });
    const answered = await citizen.client.get(`/api/polls/${afterAnswer.id}/results`);
    const waiting = await citizen.client.get(`/api/polls/${afterClose.id}/results`);
    const asFacilitator = await facilitator.client.get(`/api/polls/${afterClose.id}/results`);
    await facilitator.client.post(`/api/polls/${afterClose.id}/close`);
    const closed = await citizen.client.get(`/api/polls/${afterClose.id}/results`);

    expect(before.status).toBe(403);
    expect(before.body).toMatchObject({ code: 'RESULTS_HIDDEN' });
    expect((answered.body as PollResults).overall.mean).toBe(4);
    expect(waiting.body).toMatchObject({
      code: 'RESULTS_HIDDEN',
      details: { resultVisibility: 'after-close' },
    });
    expect(asFacilitator.status).toBe(200);
    expect((closed.body as PollResults).overall.scale).toEqual([0, 0, 0, 1, 0]);
  });

  /**
   * Every figure a reader can take from published results by subtraction: what a dimension's
   * shown groups leave of everyone, what shown counts leave of an option's overall count (and of
   * those who did not pick it), and what a shown group's counts leave of its size.
   */
  function subtractions(results: PollResults): number[] {
    const { overall } = results;
    const sum = (values: (number | null)[]) =>
      values.reduce<number>((total, value) => total + (value ?? 0), 0);

    return Object.values(results.breakdowns).flatMap((groups) => {
      const shown = groups.flatMap((group) => (group.tally ? [group.tally] : []));
      const columns = overall.options.map((_, column) => column);

      return [
        overall.respondents - sum(shown.map((tally) => tally.respondents)),
        ...columns.flatMap((column) => {
          const counted = shown.filter((tally) => tally.options[column]!.count !== null);

          return [
            overall.options[column]!.count! - sum(counted.map((t) => t.options[column]!.count)),
            overall.respondents -
              overall.options[column]!.count! -
              sum(counted.map((t) => t.respondents - t.options[column]!.count!)),
          ];
        }),
        ...shown.flatMap((tally) => [
          tally.respondents - sum(tally.options.map((option) => option.count)),
          ...tally.options.flatMap((option) =>
            option.count === null ? [] : [option.count, tally.respondents - option.count],
          ),
        ]),
      ];
    });
  }

  it('breaks results down by district, age band and gender, hiding cells under 5 people and those that would give them away', async () => {
    const { facilitator, conversation } = await fixtures.openTopic();
    const poll = await createPoll(facilitator, conversation.id, {
      kind: 'single',
      options: options('Да', 'Не'),
    });
    const [yes, no] = poll.options.map((option) => option.id);
    const groups = [
      { profile: { district: 'lozenets', ageBand: '25-34', gender: 'woman' }, yes: 5, no: 5 },
      { profile: { district: 'sredets', ageBand: '35-44', gender: 'woman' }, yes: 7, no: 0 },
      { profile: { district: 'vitosha', ageBand: '35-44', gender: 'man' }, yes: 3, no: 0 },
    ];
    for (const group of groups) {
      const members = await people(group.yes + group.no, group.profile);
      for (const [index, person] of members.entries()) {
        const answered = await person.client.put(`/api/polls/${poll.id}/answer`, {
          kind: 'single',
          optionId: index < group.yes ? yes : no,
        });
        expect(answered.status).toBe(200);
      }
    }

    const response = await facilitator.client.get(`/api/polls/${poll.id}/results`);

    const results = response.body as PollResults;
    expect(results.overall.respondents).toBe(20);
    // Vitosha's three would follow from the total were Sredets not hidden with them.
    expect(results.breakdowns.district).toEqual([
      { value: 'sredets', suppressed: true, tally: null },
      {
        value: 'lozenets',
        suppressed: false,
        tally: {
          respondents: 10,
          options: [
            { optionId: yes, count: 5, mean: null },
            { optionId: no, count: 5, mean: null },
          ],
          scale: null,
          mean: null,
        },
      },
      { value: 'vitosha', suppressed: true, tally: null },
    ]);
    expect(results.breakdowns.gender.map((group) => group.suppressed)).toEqual([true, true]);
    expect(results.breakdowns.ageBand.map((group) => group.tally?.options[1]!.count)).toEqual([
      5, 0,
    ]);
    for (const figure of subtractions(results)) expect(figure).not.toBeOneOf([1, 2, 3, 4]);
  });

  it('hides every breakdown of a poll too small to hide anything in', async () => {
    const { facilitator, conversation } = await fixtures.openTopic();
    const poll = await createPoll(facilitator, conversation.id, {
      kind: 'single',
      options: options('Да', 'Не'),
    });
    for (const person of await people(4, { district: 'vitosha', gender: 'man' })) {
      await person.client.put(`/api/polls/${poll.id}/answer`, {
        kind: 'single',
        optionId: poll.options[0]!.id,
      });
    }

    const results = (await facilitator.client.get(`/api/polls/${poll.id}/results`))
      .body as PollResults;

    expect(results.overall.respondents).toBe(4);
    for (const groups of Object.values(results.breakdowns)) {
      expect(groups.every((group) => group.suppressed && group.tally === null)).toBe(true);
    }
  });

  it('announces answers live so open pages reload the results', async () => {
    const { facilitator, conversation, topic } = await fixtures.openTopic();
    const poll = await createPoll(facilitator, conversation.id, {
      kind: 'scale',
      topicId: topic.id,
    });
    const citizen = await fixtures.person();
    const live = await LiveClient.connect(system.url);
    await live.join(conversation.id);

    await citizen.client.put(`/api/polls/${poll.id}/answer`, { kind: 'scale', value: 2 });

    const event = await live.waitForEvent(
      (envelope) => envelope.type === 'poll.answered',
      'poll.answered',
    );
    expect(event).toMatchObject({
      topicId: topic.id,
      payload: { pollId: poll.id, topicId: topic.id, respondents: 1 },
    });
    live.close();
    const listed = await citizen.client.get(
      `/api/conversations/${conversation.id}/polls?topicId=${topic.id}`,
    );
    expect((listed.body as { items: Poll[] }).items.map((item) => item.id)).toEqual([poll.id]);
  });

  it('keeps each tally equal to the answers as people answer at once and change them', async () => {
    const { facilitator, conversation } = await fixtures.openTopic();
    const labels = options('А', 'Б', 'В', 'Г');
    const polls = [
      await createPoll(facilitator, conversation.id, { kind: 'multiple', options: labels }),
      await createPoll(facilitator, conversation.id, { kind: 'ranking', options: labels }),
      await createPoll(facilitator, conversation.id, { kind: 'scale' }),
      await createPoll(facilitator, conversation.id, {
        kind: 'budget',
        budgetTotal: 1_000,
        options: labels,
      }),
    ];
    const citizens = await people(9);
    let seed = 11;
    const random = (below: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;

      return seed % below;
    };

    // Each person's answer of each poll as they last gave it, and the items it stands for.
    const final = new Map<string, { optionId: string | null; value: number }[]>();
    function answerOf(poll: Poll) {
      const ids = poll.options.map((option) => option.id);
      const rotated = ids.map((_, index) => ids[(index + random(ids.length)) % ids.length]!);
      switch (poll.kind) {
        case 'multiple': {
          const chosen = [...new Set([rotated[0]!, ids[random(ids.length)]!])];

          return {
            body: { kind: 'multiple', optionIds: chosen },
            items: chosen.map((id) => ({ optionId: id, value: 1 })),
          };
        }

        case 'ranking':
          return {
            body: { kind: 'ranking', optionIds: rotated },
            items: rotated.map((id, index) => ({ optionId: id, value: index + 1 })),
          };
        case 'scale': {
          const value = 1 + random(5);

          return { body: { kind: 'scale', value }, items: [{ optionId: null, value }] };
        }

        default: {
          const first = random(11) * 100;
          const amounts = [first, 1_000 - first, 0, 0];
          const allocations = ids.map((id, index) => ({ optionId: id, amount: amounts[index]! }));

          return {
            body: { kind: 'budget', allocations },
            items: allocations.map((item) => ({ optionId: item.optionId, value: item.amount })),
          };
        }
      }
    }

    /** Every poll's tally, read with the poll and with its results, equals the answers given. */
    async function checkTallies() {
      for (const poll of polls) {
        const answers = citizens.map((citizen) => final.get(`${poll.id} ${citizen.id}`)!);
        const count = (optionId: string, counted: (value: number) => boolean) =>
          answers.filter((items) =>
            items.some((item) => item.optionId === optionId && counted(item.value)),
          ).length;
        const mean = (optionId: string) =>
          Math.round(
            (answers
              .flat()
              .filter((item) => item.optionId === optionId)
              .reduce((sum, item) => sum + item.value, 0) /
              answers.length) *
              100,
          ) / 100;
        const scaleValues = answers.flat().map((item) => item.value);
        const expected = {
          respondents: citizens.length,
          options: poll.options.map(({ id }) => ({
            optionId: id,
            count:
              poll.kind === 'scale'
                ? null
                : count(id, (value) => (poll.kind === 'ranking' ? value === 1 : value > 0)),
            mean: poll.kind === 'ranking' || poll.kind === 'budget' ? mean(id) : null,
          })),
          scale:
            poll.kind === 'scale'
              ? [1, 2, 3, 4, 5].map(
                  (value) => scaleValues.filter((given) => given === value).length,
                )
              : null,
          mean:
            poll.kind === 'scale'
              ? Math.round(
                  (scaleValues.reduce((sum, value) => sum + value, 0) / answers.length) * 100,
                ) / 100
              : null,
        };

        const read = await facilitator.client.get(`/api/polls/${poll.id}`);
        const results = await facilitator.client.get(`/api/polls/${poll.id}/results`);

        expect({ kind: poll.kind, tally: (read.body as Poll).results }).toEqual({
          kind: poll.kind,
          tally: expected,
        });
        expect((results.body as PollResults).overall).toEqual(expected);
      }
    }

    for (let round = 0; round < 3; round++) {
      // In the later rounds about two in three change their answer, all at the same moment.
      const answering = citizens.flatMap((citizen) =>
        polls
          .filter(() => round === 0 || random(3) > 0)
          .map((poll) => ({ citizen, poll, ...answerOf(poll) })),
      );
      const replies = await Promise.all(
        answering.map(({ citizen, poll, body }) =>
          citizen.client.put(`/api/polls/${poll.id}/answer`, body),
        ),
      );
      expect(replies.map((reply) => reply.status)).toEqual(answering.map(() => 200));
      for (const { citizen, poll, items } of answering)
        final.set(`${poll.id} ${citizen.id}`, items);
      await checkTallies();
    }

    // Sums added up afresh from the answers, as the migration does for answers stored before it,
    // equal those the answers kept (leaving out sums that came back to nothing).
    const kept = `SELECT poll_id, option_id, scale_value, positive, first, sum FROM poll_item_sums
                   WHERE poll_id = ANY($1::uuid[]) AND (positive, first, sum) <> (0, 0, 0)
                   ORDER BY 1, 2, 3`;
    const ids = polls.map((poll) => poll.id);
    const maintained = await fixtures.sql(kept, [ids]);
    const runner = { query: (sql: string) => fixtures.sql(sql) } as unknown as QueryRunner;
    const migration = new PollItemSums1765600000000();
    const seqs = await fixtures.sql<{ id: string; seq: string }>(
      'SELECT id, answer_seq AS seq FROM polls',
    );
    await migration.down(runner);
    await migration.up(runner);
    // The running api keeps results stamped with these counts: they go back as they were.
    await fixtures.sql(
      `UPDATE polls p SET answer_seq = s.seq
         FROM unnest($1::uuid[], $2::bigint[]) AS s (id, seq) WHERE p.id = s.id`,
      [seqs.map((row) => row.id), seqs.map((row) => row.seq)],
    );
    expect(await fixtures.sql(kept, [ids])).toEqual(maintained);
    expect(maintained.length).toBeGreaterThan(10);
  });

  it('stores open answers where the theme jobs read them, changed in place', async () => {
    const { facilitator, conversation } = await fixtures.openTopic();
    const poll = await createPoll(facilitator, conversation.id, { kind: 'open' });
    const citizen = await fixtures.person();

    await citizen.client.put(`/api/polls/${poll.id}/answer`, {
      kind: 'open',
      text: 'Повече пейки',
    });
    await citizen.client.put(`/api/polls/${poll.id}/answer`, {
      kind: 'open',
      text: 'Повече пейки и сянка в парка',
    });

    const rows = await fixtures.sql<{ body: string; author_id: string; language: string }>(
      'SELECT body, author_id, language FROM open_answer_texts WHERE poll_id = $1',
      [poll.id],
    );
    expect(rows).toEqual([
      { body: 'Повече пейки и сянка в парка', author_id: citizen.id, language: 'bg' },
    ]);
  });

  it('does not take answers before a scheduled opening', async () => {
    const { facilitator, conversation } = await fixtures.openTopic();
    const poll = await createPoll(facilitator, conversation.id, {
      kind: 'scale',
      opensAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    const citizen = await fixtures.person();

    const response = await citizen.client.put(`/api/polls/${poll.id}/answer`, {
      kind: 'scale',
      value: 3,
    });

    expect(poll.status).toBe('scheduled');
    expect(response.body).toMatchObject({ code: 'POLL_NOT_OPEN' });
  });
});

describe('surveys', () => {
  let system: TestSystem;
  let fixtures: ConversationFixtures;

  beforeAll(async () => {
    system = await startSystem({ withWorker: false });
    fixtures = new ConversationFixtures(system);
  });
  afterAll(async () => {
    await system.stop();
  });

  it('shows the shift between two runs overall and for the people who answered both', async () => {
    const { facilitator, conversation } = await fixtures.openTopic();
    const created = await facilitator.client.post(`/api/conversations/${conversation.id}/surveys`, {
      title: { bg: 'В началото и в края', en: 'At the start and at the end' },
      questions: [
        { kind: 'scale', question: { bg: 'Доверие', en: 'Trust' } },
        {
          kind: 'single',
          question: { bg: 'Сума', en: 'Sum' },
          options: options('Малка', 'Голяма'),
        },
      ],
    });
    expect(created.status).toBe(201);
    const survey = created.body as Survey;
    const panel: Person[] = [];
    for (let i = 0; i < 5; i++) panel.push(await fixtures.person());
    // Five who answered the first run only, so the panel can be told apart from the whole run.
    const firstOnly: Person[] = [];
    for (let i = 0; i < 5; i++) firstOnly.push(await fixtures.person());
    const answerRun = async (run: number, person: Person, value: number, choice: number) => {
      const current = (await person.client.get(`/api/surveys/${survey.id}`)).body as Survey;
      const [scale, single] = current.runs[run - 1]!.polls;
      await person.client.put(`/api/polls/${scale!.id}/answer`, { kind: 'scale', value });
      await person.client.put(`/api/polls/${single!.id}/answer`, {
        kind: 'single',
        optionId: single!.options[choice]!.id,
      });
    };

    for (const person of panel) await answerRun(1, person, 2, 0);
    for (const person of firstOnly) await answerRun(1, person, 5, 1);

    const second = await facilitator.client.post(`/api/surveys/${survey.id}/runs`, {});
    expect(second.status).toBe(201);
    expect((second.body as Survey).runs.map((run) => run.polls.length)).toEqual([2, 2]);
    for (const person of panel) await answerRun(2, person, 4, 1);

    const response = await facilitator.client.get(`/api/surveys/${survey.id}/shift?from=1&to=2`);

    expect(response.status).toBe(200);
    const shift = response.body as SurveyShift;
    const [trust, sum] = shift.questions;
    expect(trust!.overall.before?.mean).toBe(3.5);
    expect(trust!.overall.meanChange).toBe(0.5);
    expect(trust!.panel?.respondents).toBe(5);
    expect(trust!.panel?.meanChange).toBe(2);
    expect(sum!.panel?.options.map((option) => option.change)).toEqual([-100, 100]);
    expect(sum!.overall.options.map((option) => option.before)).toEqual([50, 50]);
  });

  it('hides the shift from citizens until they may see both runs, and names a missing run', async () => {
    const { facilitator, conversation } = await fixtures.openTopic();
    const created = await facilitator.client.post(`/api/conversations/${conversation.id}/surveys`, {
      title: { bg: 'Проучване', en: 'Survey' },
      questions: [{ kind: 'scale', question: { bg: 'Доверие', en: 'Trust' } }],
      resultVisibility: 'after-close',
    });
    const survey = created.body as Survey;
    const citizen = await fixtures.person();

    const hidden = await citizen.client.get(`/api/surveys/${survey.id}/shift`);
    const missing = await facilitator.client.get(`/api/surveys/${survey.id}/shift?from=1&to=3`);

    expect(hidden.body).toMatchObject({ code: 'RESULTS_HIDDEN' });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 'SURVEY_RUN_MISSING' });
  });
});
