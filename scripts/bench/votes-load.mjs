// Recording votes at a fixed arrival rate: signed-in people agree, disagree or pass on statements
// (often changing an earlier vote) and answer or change their answers to polls, through the
// compiled api over HTTP. Requests are sent on a fixed timetable whether or not earlier ones have
// been answered (open loop), and each latency is counted from the moment its request was due, so
// a slow server cannot hide its backlog by slowing the sender down. A worker process draws the
// opinion map meanwhile, as in production. Requests go through a lean client (raw-http.mjs) so
// that the load generator takes little of the processor time the server needs.
//
//   npm run build:server && node scripts/bench/votes-load.mjs [--rate 200] [--seconds 30]
//     [--people 200] [--statements 60] [--poll-share 0.2] [--no-worker] [--apis 1]
//     [--profile DIR] [--timeline FILE]
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { cpuYardstickMs, loadAverage, waitForHealth } from './bench-host.mjs';
import { httpClient, signUpPeople } from './bench-people.mjs';
import { rawClient, requestBytes } from './raw-http.mjs';

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '30' },
    warmup: { type: 'string', default: '5' },
    people: { type: 'string', default: '200' },
    statements: { type: 'string', default: '60' },
    'poll-share': { type: 'string', default: '0.2' },
    'no-worker': { type: 'boolean', default: false },
    apis: { type: 'string', default: '1' },
    port: { type: 'string', default: '3995' },
    profile: { type: 'string' },
    timeline: { type: 'string' },
  },
});
const rate = Number(values.rate);
const seconds = Number(values.seconds);
const warmupSeconds = Number(values.warmup);
const peopleCount = Number(values.people);
const statementCount = Number(values.statements);
const pollShare = Number(values['poll-share']);
const server = process.env.BENCH_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const redisPrefix = `rzbench_votes_${process.pid}`;
const databaseName = 'razgovor_bench_votes';
const databaseUrl = `${server}/${databaseName}`;
const base = `http://127.0.0.1:${values.port}`;
// Confirmation mails of the sign-ups are delivered once to a local mailbox, as in production,
// rather than failing and being retried by the worker while votes are measured.
const mailboxPort = Number(values.port) + 1;
// More api processes, as behind a load balancer: each person keeps to one of them.
const apiPorts = Array.from({ length: Number(values.apis) }, (_, i) => Number(values.port) + 2 * i);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// A fixed seed: every run sends the same requests in the same order.
let seed = 7;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const pick = (items) => items[Math.floor(random() * items.length)];

async function admin(sql) {
  const client = new pg.Client({ connectionString: `${server}/postgres` });
  await client.connect();
  await client.query(sql);
  await client.end();
}

function startProcess(script, extraEnv = {}, args = []) {
  return spawn(
    process.execPath,
    [
      ...(values.profile ? ['--cpu-prof', `--cpu-prof-dir=${values.profile}`] : []),
      script,
      ...args,
    ],
    {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        SESSION_SECRET: 'benchmark-secret-benchmark-secret-benchmark',
        HOST: '127.0.0.1',
        DATABASE_URL: databaseUrl,
        REDIS_URL: redisUrl,
        REDIS_PREFIX: redisPrefix,
        SMTP_URL: `smtp://127.0.0.1:${mailboxPort}`,
        LOG_LEVEL: 'warn',
        ...extraEnv,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
}

/** An open conversation with published statements and one poll of each countable kind. */
async function seedConversation() {
  const facilitator = httpClient(base);
  await facilitator.start();
  const me = await facilitator.call('POST', '/api/auth/sign-up', {
    email: `votes-bench-${Date.now()}@razgovor.bench`,
    password: 'benchmark password',
    displayName: 'Бенчмарк',
  });
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(
    `UPDATE users SET roles = '{citizen,facilitator}', email_confirmed_at = now() WHERE id = $1`,
    [me.id],
  );
  const conversation = await facilitator.call('POST', '/api/conversations', {
    slug: `votes-${Date.now()}`,
    title: { bg: 'Гласуване', en: 'Voting' },
    description: { bg: 'Измерване на гласуването', en: 'Measuring votes' },
  });
  await facilitator.call('POST', `/api/conversations/${conversation.id}/status`, {
    status: 'open',
  });
  // Statements go straight in as published: writing them through the api is not what is measured.
  const { rows } = await client.query(
    `INSERT INTO statements (conversation_id, author_id, body, language, state, created_at)
     SELECT $1, $2, 'Твърдение номер ' || n || ' за бюджета на района', 'bg', 'published',
            now() - make_interval(secs => n)
       FROM generate_series(1, $3) AS n
     RETURNING id`,
    [conversation.id, me.id, statementCount],
  );
  await client.end();
  const label = (bg, en) => ({ bg, en });
  const polls = [
    await facilitator.call('POST', `/api/conversations/${conversation.id}/polls`, {
      kind: 'single',
      question: label('Колко пари?', 'How much money?'),
      options: [label('1 млн.', '1 million'), label('2 млн.', '2 million'), label('3', '3')],
    }),
    await facilitator.call('POST', `/api/conversations/${conversation.id}/polls`, {
      kind: 'multiple',
      maxChoices: 2,
      question: label('Кой предлага?', 'Who may propose?'),
      options: [label('Граждани', 'Citizens'), label('НПО', 'NGOs'), label('Училища', 'Schools')],
    }),
    await facilitator.call('POST', `/api/conversations/${conversation.id}/polls`, {
      kind: 'scale',
      question: label('Доволни ли сте?', 'Are you satisfied?'),
    }),
    await facilitator.call('POST', `/api/conversations/${conversation.id}/polls`, {
      kind: 'budget',
      budgetTotal: 1_500_000,
      question: label('Разпределете', 'Split the sum'),
      options: [label('Паркове', 'Parks'), label('Улици', 'Streets'), label('Училища', 'Schools')],
    }),
  ];

  return { conversation, statements: rows.map((row) => row.id), polls };
}

function answerFor(poll) {
  const ids = poll.options.map((option) => option.id);
  switch (poll.kind) {
    case 'single':
      return { kind: 'single', optionId: pick(ids) };
    case 'multiple':
      return { kind: 'multiple', optionIds: [...new Set([pick(ids), pick(ids)])] };
    case 'scale':
      return { kind: 'scale', value: 1 + Math.floor(random() * 5) };
    default: {
      const first = Math.floor(random() * 10) * 100_000;
      const second = Math.floor(random() * (15 - first / 100_000)) * 100_000;

      return {
        kind: 'budget',
        allocations: [
          { optionId: ids[0], amount: first },
          { optionId: ids[1], amount: second },
          { optionId: ids[2], amount: 1_500_000 - first - second },
        ],
      };
    }
  }
}

/** The request plan: who does what, decided before the clock starts. */
function plan(count, people, world) {
  return Array.from({ length: count }, (_, index) => {
    const person = people[index % people.length];
    if (random() < pollShare) {
      const poll = pick(world.polls);

      return { person, kind: 'poll', path: `/api/polls/${poll.id}/answer`, body: answerFor(poll) };
    }

    // A small pool per person, so that many votes change an earlier one.
    const statement =
      world.statements[(index * 7 + Math.floor(random() * 12)) % world.statements.length];
    const vote = pick(['agree', 'agree', 'disagree', 'pass']);

    return { person, kind: 'vote', path: `/api/statements/${statement}/vote`, body: { vote } };
  });
}

function percentile(sorted, share) {
  if (sorted.length === 0) return NaN;

  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)];
}

/**
 * Sends `requests` at `rate` per second on a fixed timetable and records, per request, the time
 * from when it was due until its answer arrived, its status and its kind.
 */
async function runOpenLoop(requests) {
  const clients = apiPorts.map((port) => rawClient('127.0.0.1', port));
  for (const request of requests) {
    request.bytes = requestBytes(
      'PUT',
      request.path,
      {
        cookie: request.person.cookieHeader(),
        'x-csrf-token': request.person.csrf,
      },
      request.body,
    );
  }

  const results = [];
  const inFlight = [];
  const started = performance.now() + 50;
  const startedAt = Date.now() + 50;
  let lateSends = 0;
  for (const [index, request] of requests.entries()) {
    const due = started + (index * 1000) / rate;
    // Sleeping, not spinning, until the request is due: a spinning sender would take processor
    // time from the server it measures. A timer that wakes late counts against the server.
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const sentLate = performance.now() - due;
    if (sentLate > 5) lateSends += 1;
    const { kind, person } = request;
    const record = (status, error) =>
      results.push({
        kind,
        api: person.api,
        status,
        due: due - started,
        sentLate,
        error,
        ms: performance.now() - due,
      });
    inFlight.push(
      clients[person.api]
        .send(request.bytes)
        .then((status) => record(status))
        .catch((error) => record(0, error)),
    );
  }

  const sent = performance.now();
  await Promise.all(inFlight);
  for (const client of clients) client.close();

  return { results, sendSeconds: (sent - started) / 1000, lateSends, startedAt };
}

function summarise(label, outcome, loadBefore) {
  const { results, sendSeconds } = outcome;
  const ok = results.filter((result) => result.status === 200);
  const errors = results.length - ok.length;
  const byStatus = {};
  for (const result of results.filter((item) => item.status !== 200)) {
    byStatus[result.status] = (byStatus[result.status] ?? 0) + 1;
  }

  const figures = (items) => {
    const sorted = items.map((item) => item.ms).sort((a, b) => a - b);

    return {
      count: items.length,
      p50: Number(percentile(sorted, 0.5).toFixed(1)),
      p95: Number(percentile(sorted, 0.95).toFixed(1)),
      p99: Number(percentile(sorted, 0.99).toFixed(1)),
      max: Number((sorted.at(-1) ?? NaN).toFixed(1)),
    };
  };

  const summary = {
    label,
    offeredPerSecond: rate,
    answeredPerSecond: Math.round(ok.length / sendSeconds),
    all: figures(ok),
    votes: figures(ok.filter((item) => item.kind === 'vote')),
    polls: figures(ok.filter((item) => item.kind === 'poll')),
    errors,
    byStatus,
    lateSends: outcome.lateSends,
    loadBefore,
    loadAfter: loadAverage(),
  };
  const line = (name, item) =>
    `${name} ${item.count}: p50 ${item.p50} ms, p95 ${item.p95} ms, p99 ${item.p99} ms, ` +
    `max ${item.max} ms`;
  console.log(
    `${label}: offered ${rate}/s, answered ${summary.answeredPerSecond}/s, errors ${errors}` +
      `${errors ? ` ${JSON.stringify(byStatus)}` : ''}, sent late (>5 ms) ${outcome.lateSends}\n` +
      `  ${line('all', summary.all)}\n  ${line('statement votes', summary.votes)}\n` +
      `  ${line('poll answers', summary.polls)}\n  load ${loadBefore} -> ${summary.loadAfter}`,
  );
  if (errors > 0) {
    const sample = results.find((item) => item.error);
    if (sample) console.log(`  first error: ${sample.error.message}`);
  }

  return summary;
}

/**
 * One line per request: the wall-clock time it was due, its kind, the api process it went to, its
 * status, its latency, and how late the sender wrote it (a stall of the sender shows there).
 */
function writeTimeline(file, { results, startedAt }) {
  const lines = results
    .toSorted((a, b) => a.due - b.due)
    .map(
      (item) =>
        `${new Date(startedAt + item.due).toISOString()},${item.kind},${item.api},` +
        `${item.status},${item.ms.toFixed(1)},${item.sentLate.toFixed(1)}`,
    );
  writeFileSync(file, `due,kind,api,status,ms,sent_late_ms\n${lines.join('\n')}\n`);
  console.log(`Timeline of ${results.length} requests written to ${file}`);
}

/** Counters and respondent counts must match the rows: nothing lost or counted twice. */
async function checkStored(world) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query(
    `SELECT count(*) FILTER (WHERE s.agree_count <> c.agree OR s.disagree_count <> c.disagree
                               OR s.pass_count <> c.pass)::int AS "statementsOff",
            (SELECT count(*)::int FROM statement_votes WHERE conversation_id = $1) AS votes,
            (SELECT count(*)::int FROM polls p WHERE p.conversation_id = $1 AND p.respondents <>
               (SELECT count(*) FROM poll_answers a WHERE a.poll_id = p.id)) AS "pollsOff",
            (SELECT count(*)::int FROM poll_answers a JOIN polls p ON p.id = a.poll_id
              WHERE p.conversation_id = $1) AS answers,
            (SELECT count(*)::int FROM opinion_maps WHERE conversation_id = $1) AS maps
       FROM statements s
       LEFT JOIN LATERAL (SELECT count(*) FILTER (WHERE vote = 1) AS agree,
                                 count(*) FILTER (WHERE vote = -1) AS disagree,
                                 count(*) FILTER (WHERE vote = 0) AS pass
                            FROM statement_votes v WHERE v.statement_id = s.id) c ON true
      WHERE s.conversation_id = $1`,
    [world.conversation.id],
  );
  await client.end();
  const [stored] = rows;
  console.log(
    `Stored: ${stored.votes} statement votes, ${stored.answers} poll answers, ${stored.maps} ` +
      `opinion maps drawn; statements whose counters disagree with their votes: ` +
      `${stored.statementsOff}, polls whose respondent count disagrees: ${stored.pollsOff}`,
  );

  return stored;
}

const yardstick = cpuYardstickMs();
await admin(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
await admin(`CREATE DATABASE ${databaseName}`);
const children = [
  startProcess('dist/server/apps/cli/src/main.js', {}, ['mailbox', '--port', String(mailboxPort)]),
  startApi(values.port),
];

function startApi(port) {
  return startProcess('dist/server/apps/api/src/main.js', {
    PORT: String(port),
    // Every benchmark request comes from 127.0.0.1, as behind a proxy without TRUST_PROXY; the
    // per-account budget stays as configured (each person votes about once a second).
    LIMIT_STANCES_PER_ADDRESS: '1000000',
  });
}

const report = [{ cpuYardstickMs: Number(yardstick) }];
try {
  await waitForHealth(base);
  // The first api has migrated the database; the others start on it as it stands.
  for (const port of apiPorts.slice(1)) {
    children.push(startApi(port));
    await waitForHealth(`http://127.0.0.1:${port}`);
  }

  // The api migrates the database on start; the worker waits until it has.
  if (!values['no-worker']) children.push(startProcess('dist/server/apps/worker/src/main.js'));
  console.log(
    `Recording votes: ${rate}/s open loop for ${seconds} s, ${peopleCount} people, ` +
      `${statementCount} statements, ${Math.round(pollShare * 100)}% poll answers, worker ` +
      `${values['no-worker'] ? 'off' : 'on'}, ${apiPorts.length} api process(es), ` +
      `${os.cpus().length} CPUs, load ${loadAverage()}, CPU yardstick ${yardstick} ms`,
  );
  const world = await seedConversation();
  const people = await signUpPeople({
    url: base,
    databaseUrl,
    redisUrl,
    redisPrefix,
    count: peopleCount,
    label: 'voter',
  });
  people.forEach((person, index) => (person.api = index % apiPorts.length));
  console.log(`Signed up ${people.length} people; load ${loadAverage()}`);

  const warmup = await runOpenLoop(plan(warmupSeconds * rate, people, world));
  summarise('warm-up (not a result)', warmup, loadAverage());
  await sleep(1000);
  const loadBefore = loadAverage();
  const measured = await runOpenLoop(plan(seconds * rate, people, world));
  report.push(summarise('recording votes', measured, loadBefore));
  if (values.timeline) writeTimeline(values.timeline, measured);
  // The last window's map is queued a few seconds after the last vote.
  if (!values['no-worker']) await sleep(4000);
  report.push({ stored: await checkStored(world) });
  console.log(JSON.stringify(report, null, 1));
} finally {
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(children.map((child) => new Promise((resolve) => child.once('exit', resolve))));
  await admin(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
}
