import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem, type TestSystem, uniqueEmail } from '../../../test/support/system';

const valid = () => ({
  email: uniqueEmail('bad'),
  password: 'long enough password',
  displayName: 'Тест',
});

describe('bad input', () => {
  let system: TestSystem;
  let database: pg.Client;

  beforeAll(async () => {
    system = await startSystem({ withWorker: false });
    database = new pg.Client({ connectionString: system.config.databaseUrl });
    await database.connect();
  });
  afterAll(async () => {
    await database.end();
    await system.stop();
  });

  async function userCount(): Promise<number> {
    return Number((await database.query('SELECT count(*) FROM users')).rows[0].count);
  }

  async function postRaw(body: string, headers: Record<string, string> = {}) {
    const client = system.client();
    const csrf = await client.ensureCsrf();

    return client.raw('POST', '/api/auth/sign-up', {
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf, ...headers },
      body,
    });
  }

  it.each([
    ['malformed JSON', '{"email": "a@b.bg", "password": ', 400, 'MALFORMED_JSON'],
    [
      'a body over the size limit',
      JSON.stringify({ ...valid(), displayName: 'я'.repeat(200_000) }),
      413,
      'PAYLOAD_TOO_LARGE',
    ],
    [
      'wrong types',
      JSON.stringify({ ...valid(), password: 1234567890123 }),
      400,
      'VALIDATION_FAILED',
    ],
    ['an unknown field', JSON.stringify({ ...valid(), isAdmin: true }), 400, 'VALIDATION_FAILED'],
    [
      'an over-long name',
      JSON.stringify({ ...valid(), displayName: 'Щ'.repeat(61) }),
      400,
      'VALIDATION_FAILED',
    ],
    [
      'an unknown district',
      JSON.stringify({ ...valid(), district: 'atlantis' }),
      400,
      'VALIDATION_FAILED',
    ],
    ['a JSON array', JSON.stringify([valid()]), 400, 'VALIDATION_FAILED'],
    [
      'a control character in the name',
      JSON.stringify({ ...valid(), displayName: 'Ан\u0000а' }),
      400,
      'VALIDATION_FAILED',
    ],
  ])('refuses %s with a code and writes nothing', async (_case, body, status, code) => {
    const before = await userCount();

    const response = await postRaw(body as string);

    expect(response.status).toBe(status);
    expect(response.body).toMatchObject({ code, message: expect.any(String) });
    expect(await userCount()).toBe(before);
  });

  it('names the offending field in the details', async () => {
    const response = await postRaw(JSON.stringify({ ...valid(), isAdmin: true, displayName: 'x' }));

    expect(response.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: expect.arrayContaining([
        { path: 'isAdmin', message: 'Unknown field' },
        expect.objectContaining({ path: 'displayName' }),
      ]),
    });
  });

  it('refuses a body that is not JSON with 415', async () => {
    const response = await postRaw('email=a@b.bg', {
      'content-type': 'application/x-www-form-urlencoded',
    });

    expect(response.status).toBe(415);
    expect(response.body).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  it('refuses an e-mail that is already registered with 409, in any letter case', async () => {
    const body = valid();
    expect((await system.client().post('/api/auth/sign-up', body)).status).toBe(201);
    const before = await userCount();

    const again = await system
      .client()
      .post('/api/auth/sign-up', { ...body, email: body.email.toUpperCase() });

    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'EMAIL_TAKEN' });
    expect(await userCount()).toBe(before);
  });

  it.each([
    ['no token at all', {}],
    ['a token that does not match the cookie', { 'x-csrf-token': 'forged.token' }],
  ])('refuses a write with %s (403) and writes nothing', async (_case, headers) => {
    const before = await userCount();
    const client = system.client();
    await client.ensureCsrf();

    const response = await client.raw('POST', '/api/auth/sign-up', {
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(valid()),
    });

    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: 'CSRF_TOKEN_INVALID' });
    expect(await userCount()).toBe(before);
  });

  it('refuses a token copied without its cookie', async () => {
    const victim = system.client();
    const token = await victim.ensureCsrf();

    const response = await system.client().raw('POST', '/api/auth/sign-in', {
      headers: { 'content-type': 'application/json', 'x-csrf-token': token },
      body: JSON.stringify({ email: 'a@b.bg', password: 'whatever' }),
    });

    expect(response.status).toBe(403);
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const response = await system.client().get('/api/no-such-thing');

    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
  });
});
