import type { Express } from 'express';
import express from 'express';
import { createRequire } from 'node:module';
import path from 'node:path';
import { buildOpenApiDocument } from './openapi';

const page = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Razgovor API</title>
  <link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
</head>
<body>
  <div id="docs"></div>
  <script src="/api/docs/assets/swagger-ui-bundle.js"></script>
  <script src="/api/docs/start.js"></script>
</body>
</html>`;

const starter = `window.ui = SwaggerUIBundle({
  url: '/api/openapi.json',
  dom_id: '#docs',
  requestInterceptor: async (request) => {
    if (request.method !== 'GET') {
      const response = await fetch('/api/auth/csrf', { credentials: 'same-origin' });
      request.headers['x-csrf-token'] = (await response.json()).csrfToken;
    }
    return request;
  },
});`;

/** Serves the OpenAPI document and a browsable UI for it, both outside the route table. */
export function mountApiDocs(app: Express, publicUrl: string): void {
  const document = buildOpenApiDocument(publicUrl);
  const assets = path.dirname(createRequire(__filename).resolve('swagger-ui-dist/package.json'));

  app.get('/api/openapi.json', (_request, response) => {
    response.json(document);
  });
  app.get(['/api/docs', '/api/docs/'], (_request, response) => {
    response.type('html').send(page);
  });
  app.get('/api/docs/start.js', (_request, response) => {
    response.type('application/javascript').send(starter);
  });
  app.use('/api/docs/assets', express.static(assets, { index: false, maxAge: '1d' }));
}
