import { type RouteDefinition, routes } from '@razgovor/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem, type TestSystem } from '../../../test/support/system';
import { ConversationFixtures, type Person } from './conversations.fixtures';

const hostile = [
  "1' OR '1'='1",
  "'; DROP TABLE comments; --",
  // Longer URLs are refused by Node itself with 431 before any code of ours runs.
  'ъ'.repeat(1000),
  '../../etc/passwd',
  'a\u0000b',
  '%00',
  '\u202e\ufeffпарк',
];

const parameterised = Object.entries(routes as Record<string, RouteDefinition>).filter(
  ([, route]) => route.path.includes('/:'),
);

describe('hostile path parameters', () => {
  let system: TestSystem;
  let fixtures: ConversationFixtures;
  let admin: Person;
  let counts: () => Promise<string>;

  beforeAll(async () => {
    system = await startSystem({ withWorker: false });
    fixtures = new ConversationFixtures(system);
    admin = await fixtures.person(['citizen', 'admin']);
    await fixtures.openTopic();
    counts = async () =>
      JSON.stringify(
        await fixtures.sql(
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

  it('covers every route with path parameters', () => {
    expect(parameterised.length).toBeGreaterThan(20);
  });

  it.each(parameterised)('%s answers 400 or 404 and changes nothing', async (_name, route) => {
    const before = await counts();

    for (const value of hostile) {
      const path = route.path.replace(/:\w+/g, encodeURIComponent(value));
      const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
      const response = await admin.client[method](path, method === 'get' ? undefined : {});

      expect([400, 404], `${route.method} ${path.slice(0, 80)}`).toContain(response.status);
    }

    expect(await counts()).toBe(before);
  });
});
