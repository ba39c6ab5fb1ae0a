import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../../test/support/fake-clock';
import { type HttpClient } from '../../../test/support/http-client';
import { linkToken, startSystem, type TestSystem, uniqueEmail } from '../../../test/support/system';

const password = 'correct horse battery';

describe('accounts', () => {
  let system: TestSystem;
  const clock = new FakeClock();

  beforeAll(async () => {
    system = await startSystem({ clock });
  });
  afterAll(async () => {
    await system.stop();
  });

  async function signUp(client: HttpClient, email = uniqueEmail()) {
    const response = await client.post('/api/auth/sign-up', {
      email,
      password,
      displayName: 'Иван от Младост',
      district: 'mladost',
      ageBand: '35-44',
    });
    expect(response.status).toBe(201);

    return { email, me: response.body as { id: string; emailConfirmed: boolean } };
  }

  it('signs a person up, signs them in and sends a confirmation link that works once', async () => {
    const client = system.client();
    const { email, me } = await signUp(client);
    expect(me.emailConfirmed).toBe(false);
    expect(client.cookie('rz_session')).toBeDefined();

    const mail = await system.waitForMail(email, /Потвърдете/);
    const token = linkToken(mail.text);
    expect(mail.text).toContain('http://razgovor.test/confirm-email?token=');

    const confirmed = await client.post('/api/auth/confirm-email', { token });
    expect(confirmed.body).toMatchObject({ id: me.id });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ id: me.id, emailConfirmed: true });
    const again = await client.post('/api/auth/confirm-email', { token });
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ code: 'TOKEN_INVALID' });
  });

  it('signs out, then signs in again with the same password', async () => {
    const client = system.client();
    const { email } = await signUp(client);

    expect((await client.post('/api/auth/sign-out')).status).toBe(204);
    expect((await client.get('/api/me')).status).toBe(401);
    const signedIn = await client.post('/api/auth/sign-in', {
      email: email.toUpperCase(),
      password,
    });
    expect(signedIn.status).toBe(200);
    expect((await client.get('/api/me')).body).toMatchObject({ email });
  });

  it('answers a wrong password and an unknown e-mail alike, with 401', async () => {
    const client = system.client();
    const { email } = await signUp(client);

    const wrong = await system
      .client()
      .post('/api/auth/sign-in', { email, password: 'not it at all' });
    const unknown = await system.client().post('/api/auth/sign-in', {
      email: uniqueEmail('nobody'),
      password,
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
  });

  it('rate limits sign-in failures per account with 429 and Retry-After', async () => {
    const { email } = await signUp(system.client());
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push(
        (await system.client().post('/api/auth/sign-in', { email, password: 'wrong one!' })).status,
      );
    }

    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses[5]).toBe(429);
    const blocked = await system.client().post('/api/auth/sign-in', { email, password });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(blocked.body).toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('rate limits sign-in attempts per client address across accounts', async () => {
    const limited = await startSystem({ withWorker: false });
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const attempt = { email: uniqueEmail('spray'), password: 'guessing again' };
      statuses.push((await limited.client().post('/api/auth/sign-in', attempt)).status);
    }

    await limited.stop();

    expect(statuses.filter((status) => status === 401)).toHaveLength(30);
    expect(statuses.at(-1)).toBe(429);
  });

  it('resets a forgotten password by a link that works once and ends old sessions', async () => {
    const client = system.client();
    const { email } = await signUp(client);

    const requested = await system.client().post('/api/auth/password-reset', { email });
    expect(requested.status).toBe(202);
    const token = linkToken((await system.waitForMail(email, /парола/)).text);
    const newPassword = 'a brand new password';
    const reset = await system.client().post('/api/auth/password-reset/confirm', {
      token,
      password: newPassword,
    });
    expect(reset.status).toBe(204);

    expect((await client.get('/api/me')).status).toBe(401);
    const reused = await system.client().post('/api/auth/password-reset/confirm', {
      token,
      password: 'yet another password',
    });
    expect(reused.body).toMatchObject({ code: 'TOKEN_INVALID' });
    const signIn = await system
      .client()
      .post('/api/auth/sign-in', { email, password: newPassword });
    expect(signIn.status).toBe(200);
  });

  it('refuses a reset link once it has expired', async () => {
    const { email } = await signUp(system.client());
    await system.client().post('/api/auth/password-reset', { email });
    const token = linkToken((await system.waitForMail(email, /парола/)).text);

    clock.advance(61 * 60 * 1000);
    const late = await system.client().post('/api/auth/password-reset/confirm', {
      token,
      password: 'too late for this',
    });
    clock.advance(-61 * 60 * 1000);

    expect(late.body).toMatchObject({ code: 'TOKEN_INVALID' });
  });

  it('answers a reset request for an unknown address exactly like a known one', async () => {
    const response = await system.client().post('/api/auth/password-reset', {
      email: uniqueEmail('ghost'),
    });

    expect(response.status).toBe(202);
  });

  it('updates the profile and hands out all personal data as JSON', async () => {
    const client = system.client();
    const { email, me } = await signUp(client);

    const updated = await client.patch('/api/me', { locale: 'en', gender: 'prefer-not-to-say' });
    expect(updated.body).toMatchObject({
      locale: 'en',
      gender: 'prefer-not-to-say',
      district: 'mladost',
    });
    const exported = await client.get('/api/me/export');
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toContain('razgovor-my-data.json');
    expect(exported.body).toMatchObject({
      account: { id: me.id, email, displayName: 'Иван от Младост', ageBand: '35-44' },
      sessions: [expect.objectContaining({ createdAt: expect.any(String) })],
    });
  });

  it('deletes an account: erases personal data and refuses the old sign-in', async () => {
    const client = system.client();
    const { email, me } = await signUp(client);

    const wrong = await client.delete('/api/me', { password: 'not my password' });
    expect(wrong.body).toMatchObject({ code: 'PASSWORD_INCORRECT' });
    expect((await client.delete('/api/me', { password })).status).toBe(204);

    expect((await client.get('/api/me')).status).toBe(401);
    const signIn = await system.client().post('/api/auth/sign-in', { email, password });
    expect(signIn.status).toBe(401);
    const rows = await queryUser(system, me.id);
    expect(rows).toMatchObject({
      email: null,
      display_name: null,
      password_hash: null,
      district: null,
    });
    expect(rows.deleted_at).not.toBeNull();
  });

  it('ends every session of a person with sign out everywhere', async () => {
    const first = system.client();
    const { email } = await signUp(first);
    const second = system.client();
    await second.post('/api/auth/sign-in', { email, password });

    expect((await second.post('/api/auth/sign-out-everywhere')).status).toBe(204);

    expect((await first.get('/api/me')).status).toBe(401);
    expect((await second.get('/api/me')).status).toBe(401);
  });
});

async function queryUser(system: TestSystem, id: string) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: system.config.databaseUrl });
  await client.connect();
  try {
    return (await client.query('SELECT * FROM users WHERE id = $1', [id])).rows[0];
  } finally {
    await client.end();
  }
}
