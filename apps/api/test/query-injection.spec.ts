import { type RouteDefinition, type RouteName, routes } from '@razgovor/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem, type TestSystem } from '../../../test/support/system';
import { matrix } from './permission-table';
import { PermissionWorld } from './permission-world';

/** Values no query parameter should choke on: each must be refused clearly or read as text. */
const hostile = [
  "1' OR '1'='1",
  "'; DROP TABLE comments; --",
  '9'.repeat(400),
  '1e308',
  '-1',
  'NaN',
  '0x10',
  'a\u0000b',
  'ъ'.repeat(1000),
  '\u202e\ufeffпарк',
  '🙂'.repeat(100),
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '${7*7}',
];

/**
 * What must never reach a client: traces, driver errors, SQL, PostgreSQL's catalog names (named
 * whole: random tokens in mails the development mailbox shows may hold any three letters).
 */
const catalogs =
  'catalog|class|attribute|namespace|proc|type|stat\\w*|index|constraint|roles|toast';
const leaks = new RegExp(
  'stack|QueryFailedError|DatabaseError|syntax error|invalid input syntax|node_modules|\\bat /|' +
    `SELECT |\\bpg_(${catalogs})\\b`,
  'i',
);

const withQuery = (Object.keys(routes) as RouteName[])
  .filter((name) => (routes[name] as RouteDefinition).query)
  .map((name) => ({ name, keys: queryKeys(routes[name] as RouteDefinition) }));

function queryKeys(route: RouteDefinition): string[] {
  const schema = route.query as unknown as { shape?: Record<string, unknown> };

  return Object.keys(schema.shape ?? {});
}

describe('hostile query parameters', () => {
  let system: TestSystem;
  let world: PermissionWorld;
  let counts: () => Promise<string>;

  beforeAll(async () => {
    system = await startSystem();
    world = new PermissionWorld(system);
    await world.build();
    counts = async () =>
      JSON.stringify(
        await world.fixtures.sql(
          `SELECT (SELECT count(*) FROM comments) AS comments,
                  (SELECT count(*) FROM audit_log) AS audit,
                  (SELECT count(*) FROM users) AS users,
                  (SELECT count(*) FROM word_list_entries) AS words`,
        ),
      );
  });
  afterAll(async () => {
    await system.stop();
  });

  it('covers every route that reads a query, with every parameter it names', () => {
    expect(withQuery.map((entry) => entry.name)).toEqual(
      expect.arrayContaining(['searchConversation', 'searchAudit', 'listUsers', 'listComments']),
    );
    for (const entry of withQuery) expect(entry.keys.length, entry.name).toBeGreaterThan(0);
  });

  async function send(name: RouteName, query: string) {
    const route = routes[name] as RouteDefinition;
    const { params = {} } = (await matrix[name][0]!.request?.(world, 'admin')) ?? {};
    const path = route.path.replace(/:(\w+)/g, (_, key: string) => params[key]!);
    const admin = world.people.admin!;
    const method = route.method.toLowerCase() as 'get' | 'post';

    return admin.client[method](`${path}?${query}`, method === 'get' ? undefined : {});
  }

  function assertClear(response: { status: number; body: unknown }, what: string) {
    expect(response.status, what).toBeLessThan(500);
    expect(JSON.stringify(response.body) ?? '', what).not.toMatch(leaks);
    if (response.status >= 400) {
      expect(response.body, what).toMatchObject({
        code: expect.any(String),
        message: expect.any(String),
      });
    }
  }

  it.each(withQuery)('$name answers every hostile value clearly', async ({ name, keys }) => {
    const before = await counts();

    for (const key of keys) {
      for (const value of hostile) {
        await world.clearLimits();
        const response = await send(name, `${key}=${encodeURIComponent(value)}`);

        assertClear(response, `${name} ?${key}=${value.slice(0, 30)}`);
        // 404 only where a value reads as a number that names nothing, e.g. a survey run.
        expect([200, 400, 404], `${name} ?${key}=${value.slice(0, 30)}`).toContain(response.status);
      }

      for (const shape of [`${key}=1&${key}=2`, `${key}[]=1`, `${key}[a]=b`]) {
        const response = await send(name, shape);

        assertClear(response, `${name} ?${shape}`);
        expect(response.status, `${name} ?${shape}`).toBe(400);
      }
    }

    const unknown = await send(name, `sort%27%20OR%201=1=1&${encodeURIComponent("a'b")}=1`);
    expect(unknown.status, `${name} with an unknown parameter`).toBe(400);
    assertClear(unknown, `${name} with an unknown parameter`);
    expect(await counts()).toBe(before);
  });

  it('ignores hostile parameters on routes that read none, and never fails on them', async () => {
    const before = await counts();
    const readers = (Object.keys(routes) as RouteName[]).filter(
      (name) => routes[name].method === 'GET' && !(routes[name] as RouteDefinition).query,
    );

    for (const name of readers) {
      const plain = await send(name, '');
      const hostileQuery = await send(name, `q=${encodeURIComponent("'; DROP TABLE users; --")}`);

      assertClear(hostileQuery, name);
      expect(hostileQuery.status, name).toBe(plain.status);
    }

    expect(await counts()).toBe(before);
  });
});
