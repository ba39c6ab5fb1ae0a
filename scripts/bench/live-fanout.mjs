// Live fan-out benchmark: N socket clients on one topic while comments are posted at fixed rates,
// against a bare socket.io server and then the real api (built, with Postgres and Redis), in one
// run. Latency runs from the POST's response to receipt at each client.
//
//   ulimit -n 20000 && npm run build:server && node scripts/bench/live-fanout.mjs \
//     [--clients 2000] [--seconds 60] [--rates 5,20] [--targets bare,api] [--posters 100]
//
// Needs PostgreSQL and Redis on 127.0.0.1 (DATABASE_SERVER, REDIS_URL to change); creates and
// drops the database razgovor_bench_live. Everything listens on 127.0.0.1 only.
import { fork, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { waitForHealth } from './bench-host.mjs';
import { httpClient, signUpPeople } from './bench-people.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = Object.fromEntries(
  process.argv
    .slice(2)
    .flatMap((arg, index, all) => (arg.startsWith('--') ? [[arg.slice(2), all[index + 1]]] : [])),
);
const clients = Number(args.clients ?? 2000);
const seconds = Number(args.seconds ?? 60);
const rates = (args.rates ?? '5,20').split(',').map(Number);
const targets = (args.targets ?? 'bare,api').split(',');
const posterCount = Number(args.posters ?? 100);
const databaseServer = process.env.DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const databaseName = 'razgovor_bench_live';
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
// A whole run is bounded: a stuck phase must not keep 4,000 sockets open on a shared machine.
const runLimitMs = (targets.length * (rates.length * (seconds + 40) + 120) + 60) * 1000;
setTimeout(() => {
  console.error(`Stopped after ${runLimitMs / 1000} s`);
  process.exit(1);
}, runLimitMs).unref();

const children = [];
process.on('exit', () => children.forEach((child) => child.kill('SIGTERM')));

function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');

  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
}

function startClients() {
  const child = fork(path.join(root, 'scripts/bench/live-clients.mjs'), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.push(child);
  let next = 0;
  const waiting = new Map();
  child.on('message', ({ id, result, error }) => {
    const { resolve, reject } = waiting.get(id);
    waiting.delete(id);
    if (error) reject(new Error(error));
    else resolve(result);
  });

  return (command, commandArgs) =>
    new Promise((resolve, reject) => {
      const id = ++next;
      waiting.set(id, { resolve, reject });
      child.send({ id, command, args: commandArgs });
    });
}

function startServer(script, scriptArgs, env, ready) {
  const child = spawn(process.execPath, [path.join(root, script), ...scriptArgs], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));

  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      const match = ready.exec(output);
      if (match) {
        clearInterval(timer);
        resolve({ child, match });
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`${script} stopped:\n${output}`));
      }
    }, 100);
  });
}

function commentBody(index) {
  return (
    `Коментар ${index}: предлагам част от бюджета да отиде за пешеходни пътеки и пейки ` +
    'около училищата в Младост и Люлин, с ясен срок и отчет пред жителите на квартала.'
  );
}

/** Posts `rate` comments a second for `seconds`, on a fixed schedule, and notes each answer. */
async function postAtRate(post, rate, offset) {
  const posts = [];
  let failed = 0;
  const started = now();
  const pending = [];
  const total = rate * seconds;
  for (let index = 0; index < total; index++) {
    const due = started + (index * 1000) / rate;
    const wait = due - now();
    if (wait > 0) await sleep(wait);
    const sentAt = now();
    pending.push(
      post(commentBody(offset + index)).then(
        (id) => posts.push({ id, at: now(), sentAt }),
        // A refused or timed-out POST is counted, not fatal: the run reports it next to the figures.
        () => (failed += 1),
      ),
    );
  }

  await Promise.all(pending);

  return { posts, failed };
}

async function measure(name, serverPid, url, conversationId, post) {
  const clientsProcess = startClients();
  const idleMb = rssMb(serverPid);
  const connected = await clientsProcess('connect', { url, conversationId, clients });
  await sleep(2000);
  const busyMb = rssMb(serverPid);
  console.log(
    `${name}: ${connected.connected} clients connected and joined in ` +
      `${(connected.ms / 1000).toFixed(1)} s; server RSS ${idleMb.toFixed(0)} -> ` +
      `${busyMb.toFixed(0)} MB (${(((busyMb - idleMb) * 1024) / clients).toFixed(1)} kB/conn)`,
  );

  const results = [];
  let offset = 0;
  for (const rate of rates) {
    const load = os.loadavg()[0];
    const { posts, failed } = await postAtRate(post, rate, offset);
    offset += posts.length;
    const answer = posts.map((entry) => entry.at - entry.sentAt).sort((a, b) => a - b);
    const report = await clientsProcess('report', { posts, deadlineMs: 20_000 });
    const row = {
      target: name,
      rate,
      posts: posts.length,
      failedPosts: failed,
      ...report,
      postP99: answer[Math.floor(answer.length * 0.99)],
      loadBefore: load,
      loadAfter: os.loadavg()[0],
      kbPerConnection: ((busyMb - idleMb) * 1024) / clients,
    };
    results.push(row);
    console.log(
      `${name} ${rate}/s: p50 ${report.p50.toFixed(1)} ms, p99 ${report.p99.toFixed(1)} ms, ` +
        `max ${report.max.toFixed(0)} ms, delivered ${report.delivered}/${report.expected}, ` +
        `duplicates ${report.duplicates}, failed POSTs ${failed}, POST p99 ${row.postP99.toFixed(0)} ms, ` +
        `load ${load.toFixed(1)} -> ${row.loadAfter.toFixed(1)}`,
    );
    await sleep(2000);
  }

  await clientsProcess('close');

  return results;
}

async function runBare() {
  const { child, match } = await startServer(
    'scripts/bench/live-bare-server.mjs',
    ['0'],
    {},
    /listening (\d+)/,
  );
  const url = `http://127.0.0.1:${match[1]}`;
  const post = async (body) => {
    const response = await fetch(`${url}/post`, { method: 'POST', body: JSON.stringify({ body }) });

    return (await response.json()).id;
  };

  const results = await measure('bare', child.pid, url, 'room', post);
  child.kill('SIGTERM');

  return results;
}

async function admin(sql) {
  const client = new pg.Client({ connectionString: `${databaseServer}/postgres` });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

const redisPrefix = `rzbench_live_${process.pid}`;

async function runApi() {
  await admin(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${databaseName}`);
  const databaseUrl = `${databaseServer}/${databaseName}`;
  const port = 3900 + Math.floor(Math.random() * 90);
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [path.join(root, 'dist/server/apps/api/src/main.js')], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: url,
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: redisPrefix,
      SESSION_SECRET: 'bench-secret-that-is-long-enough-for-validation',
      DEV_MAILBOX: 'false',
      LOG_LEVEL: 'warn',
      // Every poster connects from 127.0.0.1, like people behind one proxy without TRUST_PROXY;
      // the per-person limit stays at its default (each poster writes at most 12 a minute).
      LIMIT_COMMENTS_PER_ADDRESS: '100000',
    },
  });
  children.push(child);
  await waitForHealth(url);
  const { topic, conversationId } = await prepareConversation(url, databaseUrl);
  const posters = await signUpPeople({
    url,
    databaseUrl,
    redisUrl,
    redisPrefix,
    count: posterCount,
    label: 'poster',
  });
  console.log(`api: ${posters.length} poster accounts signed in`);
  let next = 0;
  const post = async (body) => {
    const poster = posters[next++ % posters.length];
    const path = `/api/topics/${topic.id}/comments`;

    return (await poster.call('POST', path, { body }, { 'idempotency-key': randomUUID() })).id;
  };

  const results = await measure('api', child.pid, url, conversationId, post);
  child.kill('SIGTERM');
  await sleep(1000);
  await admin(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);

  return results;
}

async function prepareConversation(url, databaseUrl) {
  const facilitator = httpClient(url);
  await facilitator.start();
  const person = await facilitator.call('POST', '/api/auth/sign-up', {
    email: `bench.${process.pid}@example.org`,
    password: 'a password for the bench',
    displayName: 'Фасилитатор',
  });
  const database = new pg.Client({ connectionString: databaseUrl });
  await database.connect();
  await database.query(
    `UPDATE users SET roles = '{citizen,facilitator}', email_confirmed_at = now() WHERE id = $1`,
    [person.id],
  );
  await database.end();
  const conversation = await facilitator.call('POST', '/api/conversations', {
    slug: `bench-${process.pid}`,
    title: { bg: 'Бюджет', en: 'Budget' },
    description: { bg: '', en: '' },
  });
  await facilitator.call('POST', `/api/conversations/${conversation.id}/status`, {
    status: 'open',
  });
  const topic = await facilitator.call('POST', `/api/conversations/${conversation.id}/topics`, {
    slug: 'pilot',
    title: { bg: 'Колко за пилота?', en: 'How much for the pilot?' },
    description: { bg: '', en: '' },
  });

  return { facilitator, topic, conversationId: conversation.id };
}

console.log(
  `Live fan-out: ${clients} clients, ${seconds} s per rate, rates ${rates.join(', ')}/s; ` +
    `${os.cpus().length} CPUs, load ${os
      .loadavg()
      .map((value) => value.toFixed(1))
      .join(' ')}`,
);
const all = [];
for (const target of targets) all.push(...(target === 'bare' ? await runBare() : await runApi()));
console.log(JSON.stringify(all, null, 1));
process.exit(0);
