import type { Role } from '@razgovor/contracts';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpClient } from '../../../test/support/http-client';
import { startSystem, type TestSystem, uniqueEmail } from '../../../test/support/system';

const password = 'a password for roles';

describe('roles', () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await startSystem({ withWorker: false });
  });
  afterAll(async () => {
    await system.stop();
  });

  async function personWith(roles: Role[]): Promise<{ client: HttpClient; id: string }> {
    const email = uniqueEmail(roles.join('-'));
    const client = system.client();
    const signUp = await client.post('/api/auth/sign-up', { email, password, displayName: 'Роля' });
    const id = (signUp.body as { id: string }).id;
    const database = new pg.Client({ connectionString: system.config.databaseUrl });
    await database.connect();
    await database.query('UPDATE users SET roles = $2 WHERE id = $1', [id, roles]);
    await database.end();

    return { client, id };
  }

  it.each<[string, Role[], number]>([
    ['a citizen', ['citizen'], 403],
    ['a facilitator', ['citizen', 'facilitator'], 403],
    ['an analyst', ['citizen', 'analyst'], 403],
    ['an admin', ['citizen', 'admin'], 200],
  ])('lets %s list accounts only if an admin (%j -> %i)', async (_who, roles, status) => {
    const { client } = await personWith(roles);

    const response = await client.get('/api/admin/users?limit=5');

    expect(response.status).toBe(status);
    if (status === 403) expect(response.body).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses anonymous callers with 401', async () => {
    expect((await system.client().get('/api/admin/users')).status).toBe(401);
  });

  it('refuses a citizen who tries to grant roles, and changes nothing', async () => {
    const citizen = await personWith(['citizen']);
    const target = await personWith(['citizen']);

    const response = await citizen.client.put(`/api/admin/users/${target.id}/roles`, {
      roles: ['admin'],
    });

    expect(response.status).toBe(403);
    expect((await target.client.get('/api/me')).body).toMatchObject({ roles: ['citizen'] });
  });

  it('lets an admin grant and withdraw roles, always keeping citizen', async () => {
    const admin = await personWith(['citizen', 'admin']);
    const target = await personWith(['citizen']);

    const granted = await admin.client.put(`/api/admin/users/${target.id}/roles`, {
      roles: ['facilitator', 'analyst'],
    });
    expect(granted.body).toMatchObject({ roles: ['citizen', 'facilitator', 'analyst'] });
    const withdrawn = await admin.client.put(`/api/admin/users/${target.id}/roles`, { roles: [] });

    expect(withdrawn.body).toMatchObject({ roles: ['citizen'] });
    expect((await target.client.get('/api/me')).body).toMatchObject({ roles: ['citizen'] });
  });

  it('keeps an admin from removing their own admin role', async () => {
    const admin = await personWith(['citizen', 'admin']);

    const response = await admin.client.put(`/api/admin/users/${admin.id}/roles`, { roles: [] });

    expect(response.status).toBe(403);
  });

  it('answers 404 for a role change on a malformed or unknown id', async () => {
    const admin = await personWith(['citizen', 'admin']);

    for (const id of ["1' OR '1'='1", '00000000-0000-0000-0000-000000000000']) {
      const response = await admin.client.put(`/api/admin/users/${encodeURIComponent(id)}/roles`, {
        roles: [],
      });
      expect(response.status).toBe(404);
    }
  });

  it('pages through accounts with a cursor and filters by search', async () => {
    const admin = await personWith(['citizen', 'admin']);
    const marker = `pager${Date.now()}`;
    for (let i = 0; i < 3; i++) {
      await system.client().post('/api/auth/sign-up', {
        email: `${marker}.${i}@example.org`,
        password,
        displayName: `Страница ${i}`,
      });
    }

    const first = await admin.client.get(`/api/admin/users?search=${marker}&limit=2`);
    const page = first.body as { items: Array<{ email: string }>; nextCursor: string };
    expect(page.items.map((item) => item.email)).toEqual([
      `${marker}.2@example.org`,
      `${marker}.1@example.org`,
    ]);
    const second = await admin.client.get(
      `/api/admin/users?search=${marker}&limit=2&cursor=${page.nextCursor}`,
    );
    expect(second.body).toEqual({
      items: [expect.objectContaining({ email: `${marker}.0@example.org` })],
      nextCursor: null,
    });
  });
});
