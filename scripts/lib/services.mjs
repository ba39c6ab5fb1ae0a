// Finds PostgreSQL and Redis for `npm start`: the configured ones, the usual local ones, or private
// instances started from locally installed binaries under .data/ (nothing system-wide changes).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';

export function isPortOpen(host, port, timeoutMs = 800) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (open) => {
      socket.destroy();
      resolve(open);
    };

    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function waitForPort(host, port, seconds) {
  for (let i = 0; i < seconds * 5; i++) {
    if (await isPortOpen(host, port)) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  return false;
}

function findBinary(name) {
  const candidates = [];
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    candidates.push(path.join(dir, name));
  }

  for (const base of ['/usr/lib/postgresql', '/opt/homebrew/opt', '/usr/local/opt']) {
    if (!existsSync(base)) continue;
    for (const version of readdirSync(base).sort().reverse()) {
      candidates.push(path.join(base, version, 'bin', name));
    }
  }

  return candidates.find((candidate) => existsSync(candidate)) ?? null;
}

/** Creates the database named in the URL when the server answers but the database is missing. */
export async function ensureDatabase(databaseUrl) {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const client = new pg.Client({
    connectionString: admin.toString(),
    connectionTimeoutMillis: 3000,
  });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

async function canConnect(databaseUrl) {
  try {
    await ensureDatabase(databaseUrl);

    return true;
  } catch {
    return false;
  }
}

function asServiceUser(command, args) {
  // PostgreSQL refuses to run as root; where we are root, run it as the system's postgres user.
  if (process.getuid?.() === 0) return ['runuser', ['-u', 'postgres', '--', command, ...args]];

  return [command, args];
}

export async function startPrivatePostgres(dataDir, port, children) {
  const initdb = findBinary('initdb');
  const postgres = findBinary('postgres');
  if (!initdb || !postgres) return null;
  const directory = path.join(dataDir, 'postgres');
  const isRoot = process.getuid?.() === 0;
  if (!existsSync(path.join(directory, 'PG_VERSION'))) {
    mkdirSync(directory, { recursive: true });
    if (isRoot) execFileSync('chown', ['-R', 'postgres', directory]);
    const [command, args] = asServiceUser(initdb, [
      '-D',
      directory,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
    ]);
    execFileSync(command, args, { stdio: 'ignore' });
  }

  const [command, args] = asServiceUser(postgres, [
    '-D',
    directory,
    '-p',
    String(port),
    '-h',
    '127.0.0.1',
    '-k',
    directory,
  ]);
  const child = spawn(command, args, { stdio: 'ignore' });
  children.push(child);
  if (!(await waitForPort('127.0.0.1', port, 20))) return null;

  return `postgres://postgres@127.0.0.1:${port}/razgovor`;
}

export async function startPrivateRedis(dataDir, port, children) {
  const redis = findBinary('redis-server');
  if (!redis) return null;
  const directory = path.join(dataDir, 'redis');
  mkdirSync(directory, { recursive: true });
  const child = spawn(
    redis,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      directory,
      '--appendonly',
      'yes',
      '--save',
      '',
    ],
    { stdio: 'ignore' },
  );
  children.push(child);
  if (!(await waitForPort('127.0.0.1', port, 10))) return null;

  return `redis://127.0.0.1:${port}`;
}

export const missingServicesHelp = `
Razgovor needs PostgreSQL (13 or newer) and Redis (6 or newer), and found neither running on
127.0.0.1 nor installed here. Any one of these gets them:

  Debian/Ubuntu:  sudo apt-get install postgresql redis-server
                  (npm start then uses them, or starts private copies under .data/)
  macOS:          brew install postgresql@16 redis
  Docker:         docker compose -f docker/compose.yml up postgres redis

Or point Razgovor at servers you already have:

  DATABASE_URL=postgres://user@host:5432/razgovor REDIS_URL=redis://host:6379 npm start
`;

/** Returns { databaseUrl, redisUrl } or null when neither configured, local nor private works. */
export async function resolveServices(root, children, log) {
  const dataDir = path.join(root, '.data');
  let databaseUrl = process.env.DATABASE_URL || null;
  let redisUrl = process.env.REDIS_URL || null;

  if (!databaseUrl) {
    const local = 'postgres://postgres@127.0.0.1:5432/razgovor';
    if (await canConnect(local)) databaseUrl = local;
    else {
      log('PostgreSQL does not answer on 127.0.0.1:5432; starting a private one under .data/');
      mkdirSync(dataDir, { recursive: true });
      databaseUrl = await startPrivatePostgres(dataDir, 54329, children);
      if (databaseUrl && !(await canConnect(databaseUrl))) databaseUrl = null;
    }
  } else {
    await ensureDatabase(databaseUrl).catch(() => undefined);
  }

  if (!redisUrl) {
    if (await isPortOpen('127.0.0.1', 6379)) redisUrl = 'redis://127.0.0.1:6379';
    else {
      log('Redis does not answer on 127.0.0.1:6379; starting a private one under .data/');
      mkdirSync(dataDir, { recursive: true });
      redisUrl = await startPrivateRedis(dataDir, 63799, children);
    }
  }

  if (existsSync(dataDir)) writeFileSync(path.join(dataDir, '.gitignore'), '*\n');

  return databaseUrl && redisUrl ? { databaseUrl, redisUrl } : null;
}
