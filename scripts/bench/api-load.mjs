// API throughput under 50 concurrent connections on a conversation of 100,000 comments: reading a
// topic page of 50 comments. Runs the compiled api as a child process on 127.0.0.1.
//   npm run build:server && node scripts/bench/api-load.mjs [--comments 100000] [--seconds 20]
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';

const { values } = parseArgs({
  options: {
    comments: { type: 'string', default: '100000' },
    seconds: { type: 'string', default: '20' },
    connections: { type: 'string', default: '50' },
    port: { type: 'string', default: '3990' },
  },
});
const commentCount = Number(values.comments);
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const server = process.env.BENCH_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432';
const databaseName = 'razgovor_bench_api';
const databaseUrl = `${server}/${databaseName}`;
const base = `http://127.0.0.1:${values.port}`;

async function admin(sql) {
  const client = new pg.Client({ connectionString: `${server}/postgres` });
  await client.connect();
  await client.query(sql);
  await client.end();
}

async function waitForHealth() {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }

    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  throw new Error('The api did not start');
}

class Session {
  cookies = new Map();
  async call(method, path, body) {
    const headers = { cookie: this.header(), 'content-type': 'application/json' };
    if (method !== 'GET') headers['x-csrf-token'] = this.csrf;
    const response = await fetch(`${base}${path}`, {
      method,
      headers,
      body: body && JSON.stringify(body),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const index = pair.indexOf('=');
      this.cookies.set(pair.slice(0, index), pair.slice(index + 1));
    }

    return response.json().catch(() => null);
  }
  header() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
  async start() {
    this.csrf = (await this.call('GET', '/api/auth/csrf')).csrfToken;
  }
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

async function seed() {
  const session = new Session();
  await session.start();
  const email = `bench-${Date.now()}@razgovor.bench`;
  const me = await session.call('POST', '/api/auth/sign-up', {
    email,
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
  const conversation = await session.call('POST', '/api/conversations', {
    slug: `bench-${Date.now()}`,
    title: { bg: 'Натоварване', en: 'Load' },
    description: { bg: 'Измерване', en: 'Measuring' },
  });
  if (!conversation?.id)
    throw new Error(`Could not create the conversation: ${JSON.stringify(conversation)}`);
  await session.call('POST', `/api/conversations/${conversation.id}/status`, { status: 'open' });
  const topic = await session.call('POST', `/api/conversations/${conversation.id}/topics`, {
    slug: 'load',
    title: { bg: 'Тема', en: 'Topic' },
    description: { bg: 'Тема за натоварване', en: 'A topic under load' },
  });
  if (!topic?.id) throw new Error(`Could not create the topic: ${JSON.stringify(topic)}`);
  const started = Date.now();
  const batch = 5000;
  for (let offset = 0; offset < commentCount; offset += batch) {
    const size = Math.min(batch, commentCount - offset);
    const ids = Array.from({ length: size }, () => randomUUID());
    const bodies = ids.map((_, i) => sentence(offset + i));
    await client.query(
      `INSERT INTO comments (id, conversation_id, topic_id, author_id, parent_id, root_id,
                             ancestor_ids, depth, path, body, language, search_terms,
                             last_activity_at, created_at)
       SELECT id, $2, $3, $4, NULL, id, '{}', 0, '', body, 'bg', '{}',
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

  return { session, topic };
}

function run(options) {
  return new Promise((resolve, reject) => {
    autocannon({ url: base, connections, duration: seconds, ...options }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
}

function report(label, result) {
  const line =
    `${label}: ${Math.round(result.requests.average)} req/s, ` +
    `p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ` +
    `${result.non2xx} non-2xx of ${result.requests.total}, errors ${result.errors}, ` +
    `timeouts ${result.timeouts}, 2xx ${result['2xx']}`;
  console.log(line);
}

await admin(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
await admin(`CREATE DATABASE ${databaseName}`);
const api = spawn(process.execPath, ['dist/server/apps/api/src/main.js'], {
  env: {
    ...process.env,
    NODE_ENV: 'production',
    SESSION_SECRET: 'benchmark-secret-benchmark-secret-benchmark',
    PORT: values.port,
    DATABASE_URL: databaseUrl,
    REDIS_PREFIX: 'rzbench',
    LOG_LEVEL: 'warn',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
try {
  await waitForHealth();
  const { topic } = await seed();
  const page = `/api/topics/${topic.id}/comments?sort=newest&limit=50`;
  report('read a page of 50 comments', await run({ requests: [{ method: 'GET', path: page }] }));
  report(
    'read a page of 50, most agreed',
    await run({ requests: [{ method: 'GET', path: page.replace('newest', 'agreed') }] }),
  );
  // TODO: measure posting too; autocannon sent no POST at all here, cause not found yet.
} finally {
  api.kill('SIGTERM');
  await new Promise((resolve) => api.once('exit', resolve));
  await admin(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
}
