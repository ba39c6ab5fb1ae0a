import type { Express } from 'express';
import express from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Serves the built web app and answers unknown non-API paths with its index (client routing). */
export function mountWebApp(app: Express, directory: string): boolean {
  const index = path.join(directory, 'index.html');
  if (!existsSync(index)) return false;

  const files = express.static(directory, { index: false, maxAge: '1h' });
  // API and socket requests never look on disk: a stat per request costs real throughput.
  app.use((request, response, next) => {
    const isApi = request.path.startsWith('/api/') || request.path.startsWith('/socket.io/');
    if (isApi) return next();
    files(request, response, next);
  });
  app.use((request, response, next) => {
    const isPage =
      request.method === 'GET' &&
      !request.path.startsWith('/api/') &&
      !request.path.startsWith('/socket.io/') &&
      request.accepts('html') === 'html';
    if (!isPage) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index);
  });

  return true;
}
