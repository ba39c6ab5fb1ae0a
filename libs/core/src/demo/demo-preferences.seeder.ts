import type { PollAnswer } from '@razgovor/contracts';
import type { Database, Sql } from '../database/sql';
import { answerItems } from '../preferences/poll-rules';
import type { PollRecord } from '../preferences/poll.records';
import { PollsRepository } from '../preferences/polls.repository';
import { SurveysRepository } from '../preferences/surveys.repository';
import { StatementsRepository } from '../preferences/statements.repository';
import { drawOpinionMap } from '../preferences/opinion-map.service';
import type { DemoPoll, DemoPreferences } from './sofia/preferences';

const dayMs = 24 * 3600 * 1000;

export interface PreferenceSeedContext {
  tx: Sql;
  database: Database;
  conversationId: string;
  topicIds: Map<string, string>;
  personaIds: string[];
  facilitatorId: string;
  start: Date;
  now: Date;
}

/** A fixed pseudo-random number in [0, 1) for a person and a question: the demo never varies. */
function pick(person: number, question: number): number {
  const value = Math.sin(person * 12.9898 + question * 78.233) * 43_758.5453;

  return value - Math.floor(value);
}

/** A plausible answer of one persona; the weights give each question a visible leaning. */
function answerOf(poll: PollRecord, person: number, question: number, shift = 0): PollAnswer {
  const ids = poll.options.map((option) => option.id);
  const draw = pick(person, question);
  const leaning = (weights: number[]) => {
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    let cumulative = 0;

    return weights.findIndex((weight) => (cumulative += weight / total) > draw);
  };

  switch (poll.kind) {
    case 'single':
      return {
        kind: 'single',
        optionId:
          ids[
            Math.max(
              0,
              leaning([5, 3, 1].slice(0, ids.length).map((w, i) => (i === 0 ? w + shift : w))),
            )
          ]!,
      };
    case 'multiple': {
      const first = Math.max(0, leaning([5, 4, 3, 1, 1]));
      const second =
        (first + 1 + Math.floor(pick(person, question + 7) * (ids.length - 1))) % ids.length;

      return { kind: 'multiple', optionIds: [ids[first]!, ids[second]!] };
    }

    case 'ranking': {
      const order = [...ids].sort(
        (a, b) =>
          pick(person, ids.indexOf(a) + question) * (ids.indexOf(a) + 1) -
          pick(person, ids.indexOf(b) + question) * (ids.indexOf(b) + 1),
      );

      return { kind: 'ranking', optionIds: order };
    }

    case 'scale': {
      // Leaning to agreement; a later run (shift 1) leans one step further.
      const weights = shift > 0 ? [1, 1, 2, 4, 4] : [1, 2, 3, 4, 2];

      return { kind: 'scale', value: Math.max(0, leaning(weights)) + 1 };
    }

    case 'budget': {
      const total = poll.budgetTotal!;
      const weights = ids.map(
        (_, index) => 1 + pick(person, question + index * 3) * (index === 0 ? 4 : 2),
      );
      const sum = weights.reduce((acc, weight) => acc + weight, 0);
      const amounts = weights.map((weight) => Math.floor((total * weight) / sum / 1000) * 1000);
      amounts[0]! += total - amounts.reduce((acc, amount) => acc + amount, 0);

      return {
        kind: 'budget',
        allocations: ids.map((optionId, index) => ({ optionId, amount: amounts[index]! })),
      };
    }

    case 'open':
      return { kind: 'open', text: '' };
  }
}

async function createPoll(
  context: PreferenceSeedContext,
  polls: PollsRepository,
  poll: DemoPoll,
  survey: { id: string; run: number; position: number } | null,
  schedule: { opensAt: Date; closesAt: Date | null },
): Promise<PollRecord> {
  const id = await polls.insert(
    context.tx,
    {
      conversationId: context.conversationId,
      topicId: poll.topic ? (context.topicIds.get(poll.topic) ?? null) : null,
      surveyId: survey?.id ?? null,
      surveyRun: survey?.run ?? null,
      position: survey?.position ?? 0,
      kind: poll.kind,
      questionBg: poll.question.bg,
      questionEn: poll.question.en,
      maxChoices: poll.maxChoices ?? null,
      budgetTotal: poll.budgetTotal ?? null,
      resultVisibility: poll.resultVisibility ?? 'after-answer',
      opensAt: schedule.opensAt,
      closesAt: schedule.closesAt,
      options: (poll.options ?? []).map(({ bg, en }) => ({ labelBg: bg, labelEn: en })),
      createdBy: context.facilitatorId,
    },
    schedule.opensAt,
  );

  return (await polls.find(id, context.tx))!;
}

async function answer(
  context: PreferenceSeedContext,
  polls: PollsRepository,
  poll: PollRecord,
  person: number,
  value: PollAnswer,
  at: Date,
) {
  const text = value.kind === 'open' ? value.text : null;
  await polls.putAnswer(
    context.tx,
    {
      pollId: poll.id,
      userId: context.personaIds[person]!,
      answer: value,
      text,
      language: text ? (/[а-я]/i.test(text) ? 'bg' : 'en') : null,
      items: answerItems(poll, value),
    },
    at,
  );
}

/**
 * Polls with answers, a survey with two runs and statements with votes and a drawn map, written
 * in the demo conversation's transaction. Everything follows from the persona indexes, so two
 * seeds give the same numbers.
 */
export async function seedDemoPreferences(
  context: PreferenceSeedContext,
  data: DemoPreferences,
): Promise<void> {
  const polls = new PollsRepository(context.database.pool);
  const people = context.personaIds.length;
  const day = (n: number) => new Date(context.start.getTime() + n * dayMs);

  for (const [question, demo] of data.polls.entries()) {
    const closesAt = demo.closesOnDay === undefined ? null : day(demo.closesOnDay);
    const poll = await createPoll(context, polls, demo, null, { opensAt: day(1), closesAt });
    if (demo.kind === 'open') {
      for (const [person, text] of demo.texts ?? []) {
        await answer(context, polls, poll, person, { kind: 'open', text }, day(2 + (person % 10)));
      }

      continue;
    }

    // Persona 0 facilitates; about four in five of the others answer each poll.
    for (let person = 1; person < people; person++) {
      if (pick(person, question + 40) < 0.2) continue;
      await answer(
        context,
        polls,
        poll,
        person,
        answerOf(poll, person, question),
        day(2 + (person % 15)),
      );
    }
  }

  await seedSurvey(context, polls, data.survey);
  await seedStatements(context, data.statements);
}

async function seedSurvey(
  context: PreferenceSeedContext,
  polls: PollsRepository,
  survey: DemoPreferences['survey'],
) {
  const surveys = new SurveysRepository(context.database.pool);
  const day = (n: number) => new Date(context.start.getTime() + n * dayMs);
  const id = await surveys.insert(
    context.tx,
    {
      conversationId: context.conversationId,
      titleBg: survey.title.bg,
      titleEn: survey.title.en,
      resultVisibility: 'after-answer',
      createdBy: context.facilitatorId,
    },
    day(0),
  );
  await surveys.nextRun(context.tx, id);
  const runs = [
    { run: 1, opensAt: day(0), closesAt: day(6), shift: 0 },
    { run: 2, opensAt: day(24), closesAt: null, shift: 1 },
  ];
  for (const { run, opensAt, closesAt, shift } of runs) {
    for (const [position, question] of survey.questions.entries()) {
      const poll = await createPoll(
        context,
        polls,
        question,
        { id, run, position },
        { opensAt, closesAt },
      );
      for (let person = 1; person < context.personaIds.length; person++) {
        // Most answer the first run; two in three of them come back for the second.
        const isIn = run === 1 ? person % 5 !== 0 : person % 3 !== 0;
        if (!isIn) continue;
        const value = answerOf(poll, person, 60 + position, shift);
        await answer(context, polls, poll, person, value, new Date(opensAt.getTime() + 3600_000));
      }
    }
  }
}

const camps = ['green', 'transit', 'cars'] as const;

async function seedStatements(
  context: PreferenceSeedContext,
  statements: DemoPreferences['statements'],
) {
  const repository = new StatementsRepository(context.database.pool);
  const ids: string[] = [];
  for (const [index, statement] of statements.entries()) {
    ids.push(
      await repository.insert(
        context.tx,
        {
          conversationId: context.conversationId,
          authorId: context.personaIds[statement.author]!,
          body: statement.text,
          language: 'bg',
          state: 'published',
          holdReason: null,
        },
        new Date(context.start.getTime() + (3 + index) * dayMs),
      ),
    );
  }

  const votes: Parameters<StatementsRepository['insertVotes']>[2] = [];
  for (let person = 1; person < context.personaIds.length; person++) {
    const camp = camps[person % camps.length]!;
    for (const [index, statement] of statements.entries()) {
      // Some people stop before the end; some pass. Authors agree with their own statement.
      const isAuthor = statement.author === person;
      if (!isAuthor && pick(person, index + 90) < 0.15) continue;
      const agrees =
        isAuthor ||
        statement.agreedBy.includes('all') ||
        statement.agreedBy.includes(camp as 'green' | 'transit') ||
        (camp === 'cars' && statement.agreedBy.length === 0);
      const vote =
        !isAuthor && pick(person, index + 120) < 0.08 ? 'pass' : agrees ? 'agree' : 'disagree';
      votes.push({
        statementId: ids[index]!,
        userId: context.personaIds[person]!,
        vote,
        at: new Date(context.start.getTime() + (5 + (person % 20)) * dayMs),
      });
    }
  }

  await repository.insertVotes(context.tx, context.conversationId, votes);
  await drawOpinionMap(context.tx, repository, context.conversationId, context.now);
}
