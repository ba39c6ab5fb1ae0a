// Poll results at city scale: how long a reader waits for a poll, its results with breakdowns
// (added up after an answer, and kept while nobody answers), and an answer (whose reply carries
// the tally), when every poll has many respondents.
// Every watcher of a poll fetches it again a moment after answers arrive, so the poll is read
// far more often than it is answered.
//
//   npm run build:server && node scripts/bench/poll-results.mjs [--respondents 20000]
//     [--repeat 30]
import { spawn } from 'node:child_process';
import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { Redis } from 'ioredis';
import { cpuYardstickMs, loadAverage, waitForHealth } from './bench-host.mjs';
import { insertProfiledPeopleSql, signUpPeople } from './bench-people.mjs';

const { values } = parseArgs({
  options: {
    respondents: { type: 'string', default: '20000' },
    repeat: { type: 'string', default: '30' },
    port: { type: 'string', default: '3985' },
  },
});
const respondents = Number(values.respondents);
const repeat = Number(values.repeat);
const server = process.env.BENCH_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const redisPrefix = `bench-polls-${process.pid}`;
const databaseName = 'razgovor_bench_polls';
const databaseUrl = `${server}/${databaseName}`;
const base = `http://127.0.0.1:${values.port}`;

async function admin(sql) {
  const client = new pg.Client({ connectionString: `${server}/postgres` });
  await client.connect();
  await client.query(sql);
  await client.end();
}

const label = (bg, en) => ({ bg, en });
const options = (...names) => names.map((name) => label(name, name));
const pollRequests = [
  { kind: 'single', question: label('Колко пари?', 'How much?'), options: options('1', '2', '3') },
  {
    kind: 'multiple',
    maxChoices: 2,
    question: label('Кой предлага?', 'Who proposes?'),
    options: options('Граждани', 'НПО', 'Училища', 'Фирми'),
  },
  {
    kind: 'ranking',
    question: label('Подредете', 'Rank'),
    options: options('Паркове', 'Улици', 'Училища'),
  },
  { kind: 'scale', question: label('Доволни ли сте?', 'Satisfied?') },
  {
    kind: 'budget',
    budgetTotal: 1_500_000,
    question: label('Разпределете', 'Split the sum'),
    options: options('Паркове', 'Улици', 'Училища'),
  },
];

/** The items of one seeded answer per kind, in SQL over a person's number g and options o. */
const o = '($2::uuid[])';
const itemsSql = {
  single: `SELECT ${o}[1 + g % 3], 1`,
  multiple: `SELECT ${o}[1 + g % 4], 1 UNION ALL SELECT ${o}[1 + (g / 4 + 1 + g) % 4], 1
              WHERE (g / 4 + 1 + g) % 4 <> g % 4`,
  ranking: `SELECT ${o}[1 + (g + r) % 3], r + 1 FROM generate_series(0, 2) r`,
  scale: `SELECT NULL::uuid, 1 + (g * 7 + g / 5) % 5`,
  budget: `SELECT ${o}[1], (g % 16) * 50000 UNION ALL SELECT ${o}[2], (15 - g % 16) * 50000
           UNION ALL SELECT ${o}[3], 750000`,
};

/** Everyone answers every poll: people with districts, age bands and genders, written in SQL. */
async function seedAnswers(client, polls) {
  await client.query(insertProfiledPeopleSql('respondent'), [respondents]);
  for (const poll of polls) {
    const ids = poll.options.map((option) => option.id);
    // The stored request is not read by what is measured; the items are.
    await client.query(
      `WITH people AS (
         SELECT u.id, row_number() OVER (ORDER BY u.email) AS g
           FROM users u WHERE u.email LIKE 'respondent%')
       INSERT INTO poll_answers (poll_id, user_id, answer, created_at, updated_at)
       SELECT $1, id, '{}', now(), now() FROM people`,
      [poll.id],
    );
    await client.query(
      `WITH people AS (
         SELECT u.id, row_number() OVER (ORDER BY u.email)::int AS g
           FROM users u WHERE u.email LIKE 'respondent%')
       INSERT INTO poll_answer_items (poll_id, user_id, option_id, value)
       SELECT $1, p.id, item.option_id, item.value
         FROM people p, LATERAL (${itemsSql[poll.kind]}) AS item (option_id, value)`,
      // A scale has no options to pass.
      poll.kind === 'scale' ? [poll.id] : [poll.id, ids],
    );
    await client.query(`UPDATE polls SET respondents = $2 WHERE id = $1`, [poll.id, respondents]);
    // What the answers' statements keep up to date, added up once for the seeded answers.
    await client.query(
      `INSERT INTO poll_item_sums (poll_id, option_id, scale_value, positive, first, sum)
       SELECT poll_id, option_id, CASE WHEN option_id IS NULL THEN value END,
              count(*) FILTER (WHERE value > 0), count(*) FILTER (WHERE value = 1), sum(value)
         FROM poll_answer_items WHERE poll_id = $1
        GROUP BY 1, 2, 3`,
      [poll.id],
    );
  }

  await client.query('ANALYZE');
}

function answerFor(poll, round) {
  const ids = poll.options.map((option) => option.id);
  const turn = (offset) => ids[(round + offset) % ids.length];
  switch (poll.kind) {
    case 'single':
      return { kind: 'single', optionId: turn(0) };
    case 'multiple':
      return { kind: 'multiple', optionIds: [turn(0), turn(1)] };
    case 'ranking':
      return { kind: 'ranking', optionIds: [turn(0), turn(1), turn(2)] };
    case 'scale':
      return { kind: 'scale', value: 1 + (round % 5) };
    default:
      return {
        kind: 'budget',
        allocations: [
          { optionId: turn(0), amount: 1_000_000 },
          { optionId: turn(1), amount: 500_000 },
          { optionId: turn(2), amount: 0 },
        ],
      };
  }
}

/** Times `work` a number of times; a work that returns a number has timed itself. */
async function timed(times, work) {
  const timings = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    const own = await work(i);
    timings.push(typeof own === 'number' ? own : performance.now() - started);
  }

  timings.sort((a, b) => a - b);
  const at = (share) => timings[Math.min(timings.length - 1, Math.floor(share * timings.length))];

  return { median: Number(at(0.5).toFixed(1)), p95: Number(at(0.95).toFixed(1)) };
}

const yardstick = cpuYardstickMs();
await admin(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
await admin(`CREATE DATABASE ${databaseName}`);
const api = spawn(process.execPath, ['dist/server/apps/api/src/main.js'], {
  env: {
    ...process.env,
    NODE_ENV: 'production',
    SESSION_SECRET: 'benchmark-secret-benchmark-secret-benchmark',
    HOST: '127.0.0.1',
    PORT: values.port,
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: redisPrefix,
    LOG_LEVEL: 'warn',
    // One person answers every poll many times over while it is measured.
    LIMIT_STANCES_PER_ACCOUNT: '100000',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
try {
  await waitForHealth(base);
  const [facilitator] = await signUpPeople({
    url: base,
    databaseUrl,
    redisUrl,
    redisPrefix,
    count: 1,
    label: 'facilitator',
    roles: ['citizen', 'facilitator'],
  });
  const conversation = await facilitator.call('POST', '/api/conversations', {
    slug: `polls-${Date.now()}`,
    title: label('Анкети', 'Polls'),
    description: label('Резултати на анкети', 'Poll results'),
  });
  await facilitator.call('POST', `/api/conversations/${conversation.id}/status`, {
    status: 'open',
  });
  const polls = [];
  for (const request of pollRequests) {
    polls.push(
      await facilitator.call('POST', `/api/conversations/${conversation.id}/polls`, request),
    );
  }

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  client.on('error', () => undefined);
  const seeding = performance.now();
  await seedAnswers(client, polls);
  await client.end();
  console.log(
    `Polls with ${respondents} respondents each, seeded in ` +
      `${((performance.now() - seeding) / 1000).toFixed(1)} s; ${os.cpus().length} CPUs, ` +
      `load ${loadAverage()}, CPU yardstick ${yardstick} ms`,
  );

  const report = [];
  for (const poll of polls) {
    await facilitator.call('PUT', `/api/polls/${poll.id}/answer`, answerFor(poll, 0));
    const read = await timed(repeat, () => facilitator.call('GET', `/api/polls/${poll.id}`));
    const answer = await timed(repeat, (round) =>
      facilitator.call('PUT', `/api/polls/${poll.id}/answer`, answerFor(poll, round + 1)),
    );
    // Results after each answer are added up afresh; while nobody answers, they are kept.
    const results = await timed(repeat, async (round) => {
      await facilitator.call('PUT', `/api/polls/${poll.id}/answer`, answerFor(poll, round));
      const started = performance.now();
      await facilitator.call('GET', `/api/polls/${poll.id}/results`);

      return performance.now() - started;
    });
    const kept = await timed(repeat, () =>
      facilitator.call('GET', `/api/polls/${poll.id}/results`),
    );
    report.push({ kind: poll.kind, read, results, kept, answer });
  }

  const list = await timed(repeat, () =>
    facilitator.call('GET', `/api/conversations/${conversation.id}/polls`),
  );
  report.push({ kind: 'all five, listed', read: list });
  console.log('milliseconds (median / p95) per request, one at a time:');
  for (const row of report) {
    const cell = (timing) => (timing ? `${timing.median} / ${timing.p95}` : '');
    console.log(
      `  ${row.kind.padEnd(17)} read ${cell(row.read).padEnd(12)} results ` +
        `${cell(row.results).padEnd(14)} kept ${cell(row.kept).padEnd(12)} ` +
        `answer ${cell(row.answer)}`,
    );
  }
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  api.kill('SIGTERM');
  await new Promise((resolve) => api.once('exit', resolve));
  await admin(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
  const redis = new Redis(redisUrl);
  const keys = await redis.keys(`${redisPrefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
}
