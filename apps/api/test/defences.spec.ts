import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem, type TestSystem, uniqueEmail } from '../../../test/support/system';

const origin = 'https://razgovor.sofia.example';

describe('defences across the API', () => {
  let first: TestSystem;
  let second: TestSystem;

  beforeAll(async () => {
    first = await startSystem({ withWorker: false, env: { CORS_ORIGIN: origin } });
    second = await startSystem({
      withWorker: false,
      env: { CORS_ORIGIN: origin },
      redisPrefix: first.config.redisPrefix,
    });
  });
  afterAll(async () => {
    await second.stop();
    await first.stop();
  });

  async function preflight(from: string) {
    return fetch(`${first.url}/api/conversations`, {
      method: 'OPTIONS',
      headers: {
        origin: from,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,x-csrf-token',
      },
    });
  }

  it('names only the configured origin for cross-origin calls with cookies', async () => {
    const allowed = await preflight(origin);
    const refused = await preflight('https://evil.example');
    const read = await fetch(`${first.url}/api/health`, {
      headers: { origin: 'https://evil.example' },
    });

    expect(allowed.headers.get('access-control-allow-origin')).toBe(origin);
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
    // A browser on another origin sees only the configured one named, never its own or "*".
    for (const response of [refused, read]) {
      expect(response.headers.get('access-control-allow-origin')).not.toMatch(/evil|\*/);
    }
  });

  it('counts a limit across api processes and answers 429 with Retry-After on either', async () => {
    const email = uniqueEmail('limited');
    const password = 'a password for talking';
    const signedUp = await first.client().post('/api/auth/sign-up', {
      email,
      password,
      displayName: 'Ограничен',
    });
    expect(signedUp.status).toBe(201);
    const statuses: number[] = [];

    for (const system of [first, second, first, second, first, second]) {
      const failed = await system.client().post('/api/auth/sign-in', { email, password: 'wrong!' });
      statuses.push(failed.status);
    }

    const blocked = await second.client().post('/api/auth/sign-in', { email, password });

    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({ code: 'RATE_LIMITED', message: expect.any(String) });
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(blocked.headers.get('retry-after'))).toBeLessThanOrEqual(15 * 60);
  });
});
