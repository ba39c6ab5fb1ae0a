// API throughput under 50 concurrent connections on a conversation of 100,000 comments: topic
// pages of 50 comments (first pages and cursor pages, every sort, anonymous and signed in), reads
// while comments are being posted, and posting itself. Runs the compiled api as child processes
// on 127.0.0.1; autocannon runs in this process.
//
//   npm run build:server && node scripts/bench/api-load.mjs [--comments 100000] [--seconds 20]
//     [--connections 50] [--processes 1] [--scenarios reads,cursor,signed-in,mixed,posting]
//     [--profile DIR]   (writes a CPU profile of each api process to DIR)
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { waitForHealth } from './bench-host.mjs';
import { httpClient, signUpPeople } from './bench-people.mjs';

const { values } = parseArgs({
  options: {
    comments: { type: 'string', default: '100000' },
    seconds: { type: 'string', default: '20' },
    connections: { type: 'string', default: '50' },
    port: { type: 'string', default: '3990' },
    processes: { type: 'string', default: '1' },
    posters: { type: 'string', default: '200' },
    scenarios: { type: 'string', default: 'reads,cursor,signed-in,mixed,posting' },
    profile: { type: 'string' },
  },
});
const commentCount = Number(values.comments);
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const processCount = Number(values.processes);
const scenarios = new Set(values.scenarios.split(','));
const server = process.env.BENCH_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const redisPrefix = `rzbench_api_${process.pid}`;
const databaseName = 'razgovor_bench_api';
const databaseUrl = `${server}/${databaseName}`;
const bases = Array.from(
  { length: processCount },
  (_, index) => `http://127.0.0.1:${Number(values.port) + index}`,
);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const loadAverage = () =>
  os
    .loadavg()
    .map((value) => value.toFixed(1))
    .join(' ');

async function admin(sql) {
  const client = new pg.Client({ connectionString: `${server}/postgres` });
  await client.connect();
  await client.query(sql);
  await client.end();
}

const words = [
  'парк',
  'детска площадка',
  'велоалея',
  'тротоар',
  'осветление',
  'спирка',
  'дървета',
  'училище',
  'бюджет',
  'Люлин',
  'Младост',
  'Надежда',
  'ремонт',
  'пейки',
  'достъпност',
  'гласуване',
];
function sentence(i) {
  const pick = (n) => words[(i * 7 + n * 13) % words.length];

  return `Предлагам ${pick(1)} и ${pick(2)} близо до ${pick(3)}, защото ${pick(4)} липсва (${i}).`;
}

/**
 * A conversation with one topic of `commentCount` top-level comments, inserted directly, with
 * spread-out agree, disagree and reply counts so that every sort has a real order to walk.
 */
async function seed(base) {
  const facilitator = httpClient(base);
  await facilitator.start();
  const me = await facilitator.call('POST', '/api/auth/sign-up', {
    email: `bench-${Date.now()}@razgovor.bench`,
    password: 'benchmark password',
    displayName: 'Бенчмарк',
  });
  const client = new pg.Client({ connectionString: databaseUrl });
  // The database is dropped at the end even when seeding failed half-way.
  client.on('error', () => undefined);
  await client.connect();
  await client.query(
    `UPDATE users SET roles = '{citizen,facilitator}', email_confirmed_at = now() WHERE id = $1`,
    [me.id],
  );
  const conversation = await facilitator.call('POST', '/api/conversations', {
    slug: `bench-${Date.now()}`,
    title: { bg: 'Натоварване', en: 'Load' },
    description: { bg: 'Измерване', en: 'Measuring' },
  });
  await facilitator.call('POST', `/api/conversations/${conversation.id}/status`, {
    status: 'open',
  });
  const topic = await facilitator.call('POST', `/api/conversations/${conversation.id}/topics`, {
    slug: 'load',
    title: { bg: 'Тема', en: 'Topic' },
    description: { bg: 'Тема за натоварване', en: 'A topic under load' },
  });
  const started = Date.now();
  const batch = 5000;
  for (let offset = 0; offset < commentCount; offset += batch) {
    const size = Math.min(batch, commentCount - offset);
    const ids = Array.from({ length: size }, () => randomUUID());
    const bodies = ids.map((_, i) => sentence(offset + i));
    await client.query(
      `INSERT INTO comments (id, conversation_id, topic_id, author_id, parent_id, root_id,
                             ancestor_ids, depth, path, body, language, search_terms,
                             agree_count, disagree_count, reply_count,
                             last_activity_at, created_at)
       SELECT id, $2, $3, $4, NULL, id, '{}', 0, '', body, 'bg', '{}',
              (ord * 7919) % 97, (ord * 104729) % 41, (ord * 31) % 23,
              now() - make_interval(secs => ord), now() - make_interval(secs => ord)
         FROM unnest($1::uuid[], $5::text[]) WITH ORDINALITY AS t(id, body, ord)`,
      [ids, conversation.id, topic.id, me.id, bodies],
    );
  }

  await client.query('UPDATE topics SET comment_count = $2 WHERE id = $1', [
    topic.id,
    commentCount,
  ]);
  await client.query('ANALYZE comments');
  await client.end();
  console.log(`Seeded ${commentCount} comments in ${Date.now() - started} ms`);

  return { topic };
}

/** Runs autocannon against every api process at once, connections split evenly between them. */
async function load(label, options) {
  const runs = bases.map(
    (base) =>
      new Promise((resolve, reject) => {
        autocannon(
          {
            url: base,
            connections: Math.round(connections / bases.length),
            duration: seconds,
            ...options,
          },
          (error, result) => (error ? reject(error) : resolve(result)),
        );
      }),
  );
  const loadBefore = loadAverage();
  const results = await Promise.all(runs);
  const sum = (pick) => results.reduce((total, result) => total + pick(result), 0);
  const figures = {
    label,
    requestsPerSecond: Math.round(sum((result) => result.requests.average)),
    p50: Math.max(...results.map((result) => result.latency.p50)),
    p99: Math.max(...results.map((result) => result.latency.p99)),
    total: sum((result) => result.requests.total),
    non2xx: sum((result) => result.non2xx),
    errors: sum((result) => result.errors),
    timeouts: sum((result) => result.timeouts),
    loadBefore,
    loadAfter: loadAverage(),
  };
  console.log(
    `${label}: ${figures.requestsPerSecond} req/s, p50 ${figures.p50} ms, ` +
      `p99 ${figures.p99} ms${bases.length > 1 ? ' (worse of the processes)' : ''}, ` +
      `${figures.non2xx} non-2xx of ${figures.total}, errors ${figures.errors}, ` +
      `timeouts ${figures.timeouts}; load ${figures.loadBefore} -> ${figures.loadAfter}`,
  );

  return figures;
}

/** The first page and `depth - 1` cursor pages of each sort, walked through the api. */
async function cursorPaths(base, topicId, depth) {
  const paths = [];
  for (const sort of ['newest', 'oldest', 'agreed', 'discussed', 'controversial']) {
    let path = `/api/topics/${topicId}/comments?sort=${sort}&limit=50`;
    for (let page = 0; page < depth && path; page++) {
      paths.push(path);
      const body = await (await fetch(`${base}${path}`)).json();
      path = body.nextCursor
        ? `/api/topics/${topicId}/comments?sort=${sort}&limit=50&cursor=${body.nextCursor}`
        : null;
    }
  }

  return paths;
}

/** Posts comments at a steady rate until `signal` aborts; for reads under writes. */
async function postSteadily(people, topicId, perSecond, signal) {
  let index = 0;
  let failed = 0;
  const started = Date.now();
  const pending = [];
  while (!signal.aborted) {
    const person = people[index % people.length];
    pending.push(
      person
        .call(
          'POST',
          `/api/topics/${topicId}/comments`,
          { body: sentence(1_000_000 + index) },
          {
            'idempotency-key': randomUUID(),
          },
        )
        .catch(() => (failed += 1)),
    );
    index++;
    const wait = started + (index * 1000) / perSecond - Date.now();
    if (wait > 0) await sleep(wait);
  }

  await Promise.all(pending);

  return { posted: index - failed, failed };
}

await admin(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
await admin(`CREATE DATABASE ${databaseName}`);
const apis = bases.map((base) =>
  spawn(
    process.execPath,
    [
      ...(values.profile ? ['--cpu-prof', `--cpu-prof-dir=${values.profile}`] : []),
      'dist/server/apps/api/src/main.js',
    ],
    {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        SESSION_SECRET: 'benchmark-secret-benchmark-secret-benchmark',
        PORT: new URL(base).port,
        HOST: '127.0.0.1',
        DATABASE_URL: databaseUrl,
        REDIS_URL: redisUrl,
        REDIS_PREFIX: redisPrefix,
        LOG_LEVEL: 'warn',
        // Every benchmark request comes from 127.0.0.1, as behind a proxy without TRUST_PROXY;
        // posting as fast as 50 connections can is far beyond what the defaults let one person do.
        LIMIT_COMMENTS_PER_ACCOUNT: '1000000',
        LIMIT_COMMENTS_PER_ADDRESS: '1000000',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  ),
);
const report = [];
try {
  for (const base of bases) await waitForHealth(base);
  console.log(
    `API load: ${connections} connections, ${seconds} s per scenario, ${bases.length} api ` +
      `process(es), ${os.cpus().length} CPUs, load ${loadAverage()}`,
  );
  const { topic } = await seed(bases[0]);
  const page = `/api/topics/${topic.id}/comments?sort=newest&limit=50`;
  // A few seconds unmeasured first, so the first figure is not the JIT compiler's.
  await load('warm-up (not a result)', {
    requests: [{ method: 'GET', path: page }],
    duration: 5,
  });

  if (scenarios.has('reads')) {
    report.push(await load('first page, newest', { requests: [{ method: 'GET', path: page }] }));
    report.push(
      await load('first page, most agreed', {
        requests: [{ method: 'GET', path: page.replace('newest', 'agreed') }],
      }),
    );
  }

  if (scenarios.has('cursor')) {
    const paths = await cursorPaths(bases[0], topic.id, 10);
    report.push(
      await load(`${paths.length} pages: first and 9 cursor pages of each of the 5 sorts`, {
        requests: paths.map((path) => ({ method: 'GET', path })),
      }),
    );
  }

  const people = { url: bases[0], databaseUrl, redisUrl, redisPrefix };
  if (scenarios.has('signed-in')) {
    const readers = await signUpPeople({ ...people, count: connections, label: 'reader' });
    const first = await (await fetch(`${bases[0]}${page}`)).json();
    // Each reader agrees with a few comments of the first page: their page is their own.
    for (const [index, reader] of readers.entries()) {
      for (const item of first.items.slice(index % 10, (index % 10) + 5)) {
        await reader.call('PUT', `/api/comments/${item.id}/stance`, { stance: 'agree' });
      }
    }

    let next = 0;
    report.push(
      await load('first page, newest, signed in (own stances merged)', {
        requests: [
          {
            method: 'GET',
            path: page,
            setupRequest: (request) => ({
              ...request,
              headers: { cookie: readers[next++ % readers.length].cookieHeader() },
            }),
          },
        ],
      }),
    );
  }

  const posters =
    scenarios.has('mixed') || scenarios.has('posting')
      ? await signUpPeople({ ...people, count: Number(values.posters), label: 'poster' })
      : [];
  if (scenarios.has('mixed')) {
    const stop = new AbortController();
    const posting = postSteadily(posters, topic.id, 20, stop.signal);
    const figures = await load('first page, newest, while 20 comments/s are posted', {
      requests: [{ method: 'GET', path: page }],
    });
    stop.abort();
    const { posted, failed } = await posting;
    console.log(`  (posted ${posted} comments meanwhile, ${failed} failed)`);
    report.push({ ...figures, postedMeanwhile: posted, failedMeanwhile: failed });
  }

  if (scenarios.has('posting')) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const before = Number(
      (await client.query('SELECT count(*) FROM comments WHERE topic_id = $1', [topic.id])).rows[0]
        .count,
    );
    const created = [];
    const keys = new Set();
    let next = 0;
    const figures = await load('posting a comment (a new Idempotency-Key each)', {
      requests: [
        {
          method: 'POST',
          path: `/api/topics/${topic.id}/comments`,
          setupRequest: (request) => {
            const poster = posters[next % posters.length];
            const key = randomUUID();
            keys.add(key);

            return {
              ...request,
              headers: {
                cookie: poster.cookieHeader(),
                'x-csrf-token': poster.csrf,
                'content-type': 'application/json',
                'idempotency-key': key,
              },
              body: JSON.stringify({ body: sentence(2_000_000 + next++) }),
            };
          },
          onResponse: (status, body) => {
            if (status === 201) created.push(JSON.parse(body).id);
          },
        },
      ],
    });
    // Posts still in flight when autocannon stops commit a moment later: count once they settle.
    const countTopic = async () =>
      Number(
        (await client.query('SELECT count(*) FROM comments WHERE topic_id = $1', [topic.id]))
          .rows[0].count,
      );
    let after = await countTopic();
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const settled = await countTopic();
      if (settled === after) break;
      after = settled;
    }

    // Requests still in flight when the run stops are answered after autocannon stopped
    // listening: their comments exist without a 201 seen here. Per key there must be one.
    const keyed = (
      await client.query(
        `SELECT count(*)::int AS rows, count(DISTINCT client_key)::int AS keys,
                count(*) FILTER (WHERE id = ANY($2::uuid[]))::int AS answered
           FROM comments WHERE topic_id = $1 AND client_key = ANY($3)`,
        [topic.id, created, [...keys]],
      )
    ).rows[0];
    await client.end();
    const distinct = new Set(created).size;
    const stored = keyed.answered;
    const isExact =
      distinct === created.length &&
      keyed.answered === created.length &&
      keyed.rows === keyed.keys &&
      after - before === keyed.rows;
    console.log(
      `  201 responses: ${created.length} (${distinct} distinct ids), each found stored with ` +
        `its key: ${keyed.answered}; comments with the keys sent: ${keyed.rows} for ${keyed.keys} ` +
        `keys (${keyed.rows - created.length} answered after the run stopped); topic grew by ` +
        `${after - before}: ${isExact ? 'one comment per request, none twice' : 'MISMATCH'}`,
    );
    report.push({ ...figures, created: created.length, stored, grew: after - before });
  }

  console.log(JSON.stringify(report, null, 1));
} finally {
  for (const api of apis) api.kill('SIGTERM');
  await Promise.all(apis.map((api) => new Promise((resolve) => api.once('exit', resolve))));
  await admin(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
}
