import type { NextStatement, OpinionMap, QueuePage, Statement } from '@razgovor/contracts';
import { OpinionMapService } from '@razgovor/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem, type TestSystem } from '../../../test/support/system';
import { ConversationFixtures, type Person } from './conversations.fixtures';
import { LiveClient } from './live.support';

describe('statements and the opinion map', () => {
  let system: TestSystem;
  let fixtures: ConversationFixtures;

  beforeAll(async () => {
    system = await startSystem();
    fixtures = new ConversationFixtures(system);
  });
  afterAll(async () => {
    await system.stop();
  });

  async function submit(person: Person, conversationId: string, body: string) {
    const response = await person.client.post(`/api/conversations/${conversationId}/statements`, {
      body,
    });
    expect(response.status).toBe(201);

    return response.body as Statement;
  }

  async function vote(person: Person, statementId: string, value: string) {
    const response = await person.client.put(`/api/statements/${statementId}/vote`, {
      vote: value,
    });
    expect(response.status).toBe(200);

    return response.body as Statement;
  }

  async function waitForMap(person: Person, conversationId: string, minRun = 1) {
    for (let i = 0; i < 150; i++) {
      const map = (await person.client.get(`/api/conversations/${conversationId}/opinion-map`))
        .body as OpinionMap;
      if ((map.run ?? 0) >= minRun) return map;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    throw new Error('No opinion map was drawn within 15 s');
  }

  it('finds the two camps of a vote matrix, with each person placed in their own', async () => {
    const { conversation } = await fixtures.openTopic();
    const live = await LiveClient.connect(system.url);
    await live.join(conversation.id);
    const green: Person[] = [];
    const grey: Person[] = [];
    for (let i = 0; i < 6; i++) green.push(await fixtures.person());
    for (let i = 0; i < 6; i++) grey.push(await fixtures.person());
    const bodies = [
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
    // Each statement's author is of the camp that agrees with it: authors agree with their own.
    const authors = [...green.slice(0, 4), ...grey.slice(0, 4), green[4]!];
    const statements: Statement[] = [];
    for (const [index, body] of bodies.entries()) {
      statements.push(await submit(authors[index]!, conversation.id, body));
    }

    for (const [camp, people] of [
      ['green', green],
      ['grey', grey],
    ] as const) {
      for (const person of people) {
        for (const [index, statement] of statements.entries()) {
          const isGreenStatement = index < 4;
          const agrees = index === 8 || (camp === 'green') === isGreenStatement;
          await vote(person, statement.id, agrees ? 'agree' : 'disagree');
        }
      }
    }

    await live.waitForEvent((event) => event.type === 'opinion_map.updated', 'a map event');
    // The worker draws a map per window of votes; one drawn now surely holds every vote.
    await system.api.get(OpinionMapService).draw(conversation.id);
    const latest = await waitForMap(green[0]!, conversation.id);

    expect(latest.groups).toHaveLength(2);
    const groupOf = async (person: Person) =>
      (
        (await person.client.get(`/api/conversations/${conversation.id}/opinion-map`))
          .body as OpinionMap
      ).me?.group;
    const greenGroups = new Set(await Promise.all(green.map(groupOf)));
    const greyGroups = new Set(await Promise.all(grey.map(groupOf)));
    expect(greenGroups.size).toBe(1);
    expect(greyGroups.size).toBe(1);
    expect([...greenGroups][0]).not.toBe([...greyGroups][0]);
    expect(latest.consensus.map((item) => item.statementId)).toContain(statements[8]!.id);
    const greenGroup = latest.groups.find((group) => group.id === [...greenGroups][0])!;
    const agreedByGreen = greenGroup.representative
      .filter((item) => item.direction === 'agree')
      .map((item) => item.statementId);
    expect(agreedByGreen.length).toBeGreaterThan(0);
    expect(agreedByGreen.every((id) => statements.slice(0, 4).some((s) => s.id === id))).toBe(true);
    expect(latest.points.length).toBe(latest.placed);
    expect(JSON.stringify(latest.points)).not.toContain(green[0]!.id);
    expect(latest.voters).toBe(12);
    live.close();
  });

  it('draws a map once per set of votes, however often the job runs', async () => {
    const { conversation } = await fixtures.openTopic();
    const people: Person[] = [];
    for (let i = 0; i < 3; i++) people.push(await fixtures.person());
    const statement = await submit(people[0]!, conversation.id, 'Да има повече анкети');
    await vote(people[1]!, statement.id, 'agree');
    await vote(people[2]!, statement.id, 'disagree');
    await waitForMap(people[0]!, conversation.id);
    const maps = system.api.get(OpinionMapService);

    const again = await Promise.all([maps.draw(conversation.id), maps.draw(conversation.id)]);

    expect(again).toEqual([null, null]);
    const rows = await fixtures.sql('SELECT number FROM opinion_maps WHERE conversation_id = $1', [
      conversation.id,
    ]);
    expect(rows).toHaveLength(1);
  });

  it('serves unvoted statements one at a time, fewest votes first, and counts changed votes', async () => {
    const { conversation } = await fixtures.openTopic();
    const [first, second, reader] = [
      await fixtures.person(),
      await fixtures.person(),
      await fixtures.person(),
    ];
    const popular = await submit(first!, conversation.id, 'Бюджетът да е по-голям');
    await vote(second!, popular.id, 'agree');
    const quiet = await submit(second!, conversation.id, 'Гласуването да е онлайн');

    const next = (await reader!.client.get(`/api/conversations/${conversation.id}/statements/next`))
      .body as NextStatement;
    expect(next).toMatchObject({ remaining: 2, voted: 0, statement: { id: quiet.id } });
    await vote(reader!, quiet.id, 'pass');
    const changed = await vote(reader!, quiet.id, 'disagree');
    expect(changed).toMatchObject({ agree: 1, disagree: 1, pass: 0, myVote: 'disagree' });
    const after = (
      await reader!.client.get(`/api/conversations/${conversation.id}/statements/next`)
    ).body as NextStatement;
    expect(after).toMatchObject({ remaining: 1, voted: 1, statement: { id: popular.id } });
  });

  it('counts one vote when the same person votes ten times at once, and the last one wins', async () => {
    const { conversation } = await fixtures.openTopic();
    const [author, voter] = [await fixtures.person(), await fixtures.person()];
    const statement = await submit(author, conversation.id, 'Да има повече велоалеи');
    const values = ['agree', 'disagree', 'pass', 'agree', 'disagree'];

    const responses = await Promise.all(
      [...values, ...values].map((value) =>
        voter.client.put(`/api/statements/${statement.id}/vote`, { vote: value }),
      ),
    );

    expect(responses.map((response) => response.status)).toEqual(Array(10).fill(200));
    const [stored] = await fixtures.sql<{ votes: number; vote: number }>(
      `SELECT (SELECT count(*)::int FROM statement_votes WHERE statement_id = $1) AS votes,
              (SELECT vote FROM statement_votes WHERE statement_id = $1 AND user_id = $2) AS vote`,
      [statement.id, voter.id],
    );
    expect(stored!.votes).toBe(2);
    const read = (await voter.client.get(`/api/conversations/${conversation.id}/statements`))
      .body as { items: Statement[] };
    const counted = read.items.find((item) => item.id === statement.id)!;
    // The author's own agreement and the one vote left standing, whichever came last.
    expect(counted).toMatchObject({
      agree: 1 + (stored!.vote === 1 ? 1 : 0),
      disagree: stored!.vote === -1 ? 1 : 0,
      pass: stored!.vote === 0 ? 1 : 0,
    });
    const [counter] = await fixtures.sql<{ seq: number }>(
      'SELECT sum(vote_seq)::int AS seq FROM opinion_counters WHERE conversation_id = $1',
      [conversation.id],
    );
    expect(counter!.seq).toBe(11);
  });

  it('refuses sanctioned voters and closed or unpublished statements, writing nothing', async () => {
    const { facilitator, conversation } = await fixtures.openTopic();
    const { muted, removed } = await fixtures.sanctionedPeople(facilitator, conversation.id);
    const [author, voter] = [await fixtures.person(), await fixtures.person()];
    const statement = await submit(author, conversation.id, 'Парите да стигат до всички райони');
    const attempt = (person: Person, id = statement.id) =>
      person.client.put(`/api/statements/${id}/vote`, { vote: 'disagree' });

    const mutedVote = await attempt(muted);
    const removedVote = await attempt(removed);
    const unknown = await attempt(voter, '00000000-0000-4000-8000-000000000000');
    // A facilitator is never refused by a sanction (the api would not mute one; one written
    // before they became a facilitator still stands in the table).
    await fixtures.sql(
      `INSERT INTO conversation_sanctions (conversation_id, user_id, action, reason, until,
                                           created_by, created_at)
       VALUES ($1, $2, 'mute', 'Проба', now() + interval '1 day', $2, now())`,
      [conversation.id, facilitator.id],
    );
    const facilitatorVote = await attempt(facilitator);

    const rejected = await submit(author, conversation.id, 'Това твърдение ще бъде отхвърлено');
    await facilitator.client.post(`/api/statements/${rejected.id}/decision`, {
      decision: 'reject',
    });
    const onRejected = await attempt(voter, rejected.id);
    const authorOnRejected = await attempt(author, rejected.id);
    await facilitator.client.post(`/api/conversations/${conversation.id}/status`, {
      status: 'closed',
    });
    const afterClosing = await attempt(voter);

    expect(mutedVote.status).toBe(403);
    expect(mutedVote.body).toMatchObject({ code: 'MUTED', details: { until: expect.any(String) } });
    expect(removedVote.body).toMatchObject({ code: 'REMOVED_FROM_CONVERSATION' });
    expect(unknown.status).toBe(404);
    expect(facilitatorVote.status).toBe(200);
    expect(onRejected.status).toBe(404);
    expect(authorOnRejected.body).toMatchObject({ code: 'STATEMENT_NOT_PUBLISHED' });
    expect(afterClosing.body).toMatchObject({ code: 'CONVERSATION_CLOSED' });
    const stored = await fixtures.sql<{ userId: string }>(
      'SELECT user_id AS "userId" FROM statement_votes WHERE statement_id = ANY($1)',
      [[statement.id, rejected.id]],
    );
    expect(stored.map((row) => row.userId).sort()).toEqual(
      [author.id, author.id, facilitator.id].sort(),
    );
  });

  it('holds statements under pre-moderation until a facilitator publishes them', async () => {
    const { facilitator, conversation } = await fixtures.openTopic();
    await facilitator.client.patch(`/api/conversations/${conversation.id}/moderation/settings`, {
      mode: 'pre',
    });
    const author = await fixtures.person();
    const reader = await fixtures.person();

    const held = await submit(author, conversation.id, 'Проектите да се гласуват два пъти');
    const hidden = await reader.client.get(`/api/conversations/${conversation.id}/statements/next`);
    const early = await reader.client.put(`/api/statements/${held.id}/vote`, { vote: 'agree' });
    const queue = await facilitator.client.get(
      `/api/conversations/${conversation.id}/statements?state=pending`,
    );
    const peek = await reader.client.get(
      `/api/conversations/${conversation.id}/statements?state=pending`,
    );
    const decided = await facilitator.client.post(`/api/statements/${held.id}/decision`, {
      decision: 'publish',
    });
    const shown = await reader.client.get(`/api/conversations/${conversation.id}/statements/next`);

    expect(held).toMatchObject({ state: 'pending', holdReason: 'pre-moderation' });
    expect((hidden.body as NextStatement).statement).toBeNull();
    expect(early.status).toBe(404);
    expect((queue.body as { items: Statement[] }).items.map((item) => item.id)).toEqual([held.id]);
    expect(peek.status).toBe(403);
    expect(decided.body).toMatchObject({ state: 'published' });
    expect((shown.body as NextStatement).statement?.id).toBe(held.id);
    const audit = await fixtures.sql<{ action: string }>(
      'SELECT action FROM audit_log WHERE target_id = $1 ORDER BY created_at',
      [held.id],
    );
    expect(audit.map((row) => row.action)).toEqual(['statement.held', 'statement.published']);
  });

  it('puts held and flagged statements in the moderation queue and audits the decisions', async () => {
    const { facilitator, conversation } = await fixtures.openTopic();
    const [author, flagger, other] = [
      await fixtures.person(),
      await fixtures.person(),
      await fixtures.person(),
    ];
    const kept = await submit(author, conversation.id, 'Бюджетът да е за паркове');
    const removed = await submit(author, conversation.id, 'Купете ми кола');
    await facilitator.client.patch(`/api/conversations/${conversation.id}/moderation/settings`, {
      mode: 'pre',
    });
    const held = await submit(author, conversation.id, 'Гласуване и в неделя');
    const live = await LiveClient.connect(system.url, facilitator.client.cookie('rz_session'));
    await live.join(conversation.id);

    const flagged = await flagger.client.post(`/api/statements/${removed.id}/flags`, {
      reason: 'off-topic',
    });
    const again = await flagger.client.post(`/api/statements/${removed.id}/flags`, {
      reason: 'spam',
    });
    await other.client.post(`/api/statements/${removed.id}/flags`, { reason: 'spam' });
    await flagger.client.post(`/api/statements/${kept.id}/flags`, {
      reason: 'other',
      text: 'Не ми харесва',
    });
    const onHeld = await flagger.client.post(`/api/statements/${held.id}/flags`, {
      reason: 'spam',
    });
    const queue = (
      await facilitator.client.get(`/api/conversations/${conversation.id}/moderation/queue`)
    ).body as QueuePage;
    const refused = await flagger.client.get(
      `/api/conversations/${conversation.id}/moderation/queue`,
    );

    expect(flagged.status).toBe(201);
    expect(flagged.body).toEqual({ statementId: removed.id, reason: 'off-topic' });
    expect(again.body).toMatchObject({ code: 'ALREADY_FLAGGED' });
    expect(onHeld.status).toBe(404);
    expect(refused.status).toBe(403);
    expect(
      queue.statements.map((item) => [item.statement.id, item.queueReason, item.flagCount]),
    ).toEqual([
      [held.id, 'held', 0],
      [removed.id, 'flagged', 2],
      [kept.id, 'flagged', 1],
    ]);
    expect(queue.statements[2]!.flags).toMatchObject([{ reason: 'other', text: 'Не ми харесва' }]);
    await live.waitForEvent(
      (event) =>
        event.type === 'moderation.queue.changed' &&
        (event.payload.statementIds ?? []).includes(kept.id),
      'the flag reaching the facilitators live',
    );

    const rejected = await facilitator.client.post(`/api/statements/${removed.id}/decision`, {
      decision: 'reject',
      reason: 'Извън темата',
    });
    const keptDecision = await facilitator.client.post(`/api/statements/${kept.id}/decision`, {
      decision: 'publish',
    });
    const after = (
      await facilitator.client.get(`/api/conversations/${conversation.id}/moderation/queue`)
    ).body as QueuePage;
    const vote = await other.client.put(`/api/statements/${removed.id}/vote`, { vote: 'agree' });

    expect(rejected.body).toMatchObject({ state: 'rejected' });
    expect(keptDecision.body).toMatchObject({ state: 'published' });
    expect(after.statements.map((item) => item.statement.id)).toEqual([held.id]);
    expect(vote.status).toBe(404);
    const audit = await fixtures.sql<{ target_id: string; action: string; actor_id: string }>(
      `SELECT target_id, action, actor_id FROM audit_log
        WHERE target_id = ANY($1::uuid[]) ORDER BY created_at, action`,
      [[removed.id, kept.id]],
    );
    expect(audit.map((row) => [row.target_id, row.action])).toEqual([
      [removed.id, 'statement.flagged'],
      [removed.id, 'statement.flagged'],
      [kept.id, 'statement.flagged'],
      [removed.id, 'statement.rejected'],
      [kept.id, 'statement.kept'],
    ]);
    const outcomes = await fixtures.sql<{ statement_id: string; outcome: string }>(
      `SELECT statement_id, outcome FROM statement_flags
        WHERE statement_id = ANY($1::uuid[]) ORDER BY statement_id, outcome`,
      [[removed.id, kept.id]],
    );
    expect(
      new Set(outcomes.filter((row) => row.statement_id === removed.id).map((r) => r.outcome)),
    ).toEqual(new Set(['upheld']));
    expect(outcomes.filter((row) => row.statement_id === kept.id).map((r) => r.outcome)).toEqual([
      'rejected',
    ]);
    live.close();
  });

  it('refuses an empty or overlong statement with a clear message', async () => {
    const { conversation } = await fixtures.openTopic();
    const author = await fixtures.person();

    const empty = await author.client.post(`/api/conversations/${conversation.id}/statements`, {
      body: '  ',
    });
    const long = await author.client.post(`/api/conversations/${conversation.id}/statements`, {
      body: 'а'.repeat(281),
    });

    expect(empty.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'body' }] });
    expect(long.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ path: 'body', message: expect.stringContaining('280') as string }],
    });
  });
});
