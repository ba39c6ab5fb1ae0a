import { routes } from '@razgovor/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem, type TestSystem } from '../../../test/support/system';

describe('system endpoints', () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await startSystem({ withWorker: false });
  });
  afterAll(async () => {
    await system.stop();
  });

  it('reports the database and Redis as up', async () => {
    const response = await system.client().get('/api/health');

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'ok', database: 'up', redis: 'up' });
  });

  it('documents every route of the route table in the OpenAPI document', async () => {
    const response = await system.client().get('/api/openapi.json');
    const document = response.body as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    };

    expect(document.openapi).toBe('3.1.0');
    for (const route of Object.values(routes)) {
      const path = route.path.replace(/:(\w+)/g, '{$1}');
      expect(
        document.paths[path]?.[route.method.toLowerCase()],
        `${route.method} ${path}`,
      ).toBeDefined();
    }

    expect(document.paths['/api/auth/sign-up']?.post).toMatchObject({
      requestBody: {
        content: {
          'application/json': { schema: { required: expect.arrayContaining(['email']) } },
        },
      },
    });
  });

  it('serves a browsable API reference', async () => {
    const page = await system.client().get('/api/docs');
    const script = await system.client().get('/api/docs/assets/swagger-ui-bundle.js');

    expect(page.status).toBe(200);
    expect(String(page.body)).toContain('/api/docs/start.js');
    expect(script.status).toBe(200);
  });

  it('tags each request with an id, in the response header and the JSON log', async () => {
    const response = await system.client().raw('GET', '/api/health', {
      headers: { 'x-request-id': 'trace-me-12345' },
    });

    expect(response.headers.get('x-request-id')).toBe('trace-me-12345');
    const entry = system.logs
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((log) => log.requestId === 'trace-me-12345');
    expect(entry).toMatchObject({ level: 'info', path: '/api/health', status: 200 });
  });

  it('sends security headers and a content security policy', async () => {
    const response = await system.client().get('/api/health');

    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('issues session cookies that scripts cannot read', async () => {
    const client = system.client();
    const response = await client.raw('GET', '/api/auth/csrf', {});

    const cookie = response.headers.getSetCookie().find((header) => header.startsWith('rz_csrf='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
  });
});

describe('when Redis is down', () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await startSystem({ withWorker: false, env: { REDIS_URL: 'redis://127.0.0.1:1' } });
  });
  afterAll(async () => {
    await system.stop();
  });

  it('answers health with 503 and names Redis', async () => {
    const response = await system.client().get('/api/health');

    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({ status: 'unavailable', database: 'up', redis: 'down' });
  });
});
