// Signed-in people for the benchmarks: each has a session cookie and a CSRF token, as a browser
// would. Accounts are made through the api (sign-up), confirmed in the database.
import { Redis } from 'ioredis';
import pg from 'pg';

/** A tiny browser-like HTTP client: cookies and the CSRF header. */
export function httpClient(baseUrl) {
  const cookies = new Map();
  const client = {
    id: null,
    csrf: null,
    cookieHeader() {
      return [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    },
    async call(method, route, body, extraHeaders = {}) {
      const headers = { cookie: client.cookieHeader(), ...extraHeaders };
      if (method !== 'GET' && client.csrf) headers['x-csrf-token'] = client.csrf;
      if (body !== undefined) headers['content-type'] = 'application/json';
      const response = await fetch(`${baseUrl}${route}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const index = pair.indexOf('=');
        cookies.set(pair.slice(0, index), pair.slice(index + 1));
      }

      const text = await response.text();
      if (response.status >= 400) throw new Error(`${method} ${route}: ${response.status} ${text}`);

      return text ? JSON.parse(text) : null;
    },
    async start() {
      client.csrf = (await client.call('GET', '/api/auth/csrf')).csrfToken;
    },
  };

  return client;
}

/**
 * Signs up `count` people (a few at a time: password hashing is deliberately slow) and confirms
 * their e-mail addresses. The api's per-address sign-up limit is reset in Redis as it goes: every
 * account of a benchmark comes from 127.0.0.1.
 */
export async function signUpPeople({
  url,
  databaseUrl,
  redisUrl,
  redisPrefix,
  count,
  label,
  roles,
}) {
  const redis = new Redis(redisUrl, { lazyConnect: true });
  await redis.connect();
  const people = [];
  const stamp = `${process.pid}.${Date.now().toString(36)}`;
  for (let start = 0; start < count; start += 4) {
    const keys = await redis.keys(`${redisPrefix}:rate:sign-up*`);
    if (keys.length > 0) await redis.del(...keys);
    const batch = Array.from({ length: Math.min(4, count - start) }, async (_, offset) => {
      const person = httpClient(url);
      await person.start();
      const me = await person.call('POST', '/api/auth/sign-up', {
        email: `${label}.${start + offset}.${stamp}@example.org`,
        password: 'a password for the bench',
        displayName: `${label === 'poster' ? 'Участник' : 'Читател'} ${start + offset + 1}`,
      });
      person.id = me.id;

      return person;
    });
    people.push(...(await Promise.all(batch)));
  }

  await redis.quit();
  const database = new pg.Client({ connectionString: databaseUrl });
  await database.connect();
  await database.query(
    `UPDATE users SET email_confirmed_at = now(), roles = $2 WHERE id = ANY($1::uuid[])`,
    [people.map((person) => person.id), roles ?? ['citizen']],
  );
  await database.end();

  return people;
}

/**
 * SQL that writes $1 confirmed people straight into the database, `${prefix}N@bench.example`,
 * spread over six districts, the age bands and both genders, for breakdowns to have groups.
 */
export function insertProfiledPeopleSql(prefix) {
  return `INSERT INTO users (email, display_name, district, age_band, gender, email_confirmed_at)
     SELECT '${prefix}' || g || '@bench.example', 'Участник ' || g,
            (ARRAY['sredets','lozenets','mladost','lyulin','bankya','vitosha'])[1 + g % 6],
            (ARRAY['18-24','25-34','35-44','45-54','55-64','65-plus'])[1 + (g / 7) % 6],
            (ARRAY['woman','man'])[1 + g % 2], now()
       FROM generate_series(1, $1) g`;
}
