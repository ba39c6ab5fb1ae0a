import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { type CoreOptions, JsonLogger } from '@razgovor/core';
import helmet from 'helmet';
import path from 'node:path';
import { ApiModule } from './api.module';
import { csrfProtection, jsonBody, requestContext } from './http/middleware';
import { RedisIoAdapter } from './live/redis-io.adapter';
import { sendError } from './http/send-error';
import { mountApiDocs } from './system/docs';
import { mountWebApp } from './system/web-app';

export interface ApiOptions extends CoreOptions {
  logger?: JsonLogger;
}

const defaultWebDist = path.resolve(__dirname, '../../../../web');

/** Builds the api application with every middleware in place; the caller decides when to listen. */
export async function createApiApp(options: ApiOptions): Promise<NestExpressApplication> {
  const { config } = options;
  const logger = options.logger ?? new JsonLogger(config.logLevel);
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(options), {
    logger,
    bodyParser: false,
    abortOnError: false,
  });

  app.useWebSocketAdapter(new RedisIoAdapter(app, config));
  app.set('trust proxy', config.isBehindProxy);
  app.disable('x-powered-by');
  if (config.corsOrigin) app.enableCors({ origin: config.corsOrigin, credentials: true });
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          connectSrc: ["'self'", 'ws:', 'wss:'],
          // Facilitators may point a conversation's cover image at any https address.
          imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
          styleSrc: ["'self'", "'unsafe-inline'"],
          scriptSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: null,
        },
      },
    }),
  );
  app.use(requestContext());
  app.use(csrfProtection(config));
  app.use(jsonBody(config));
  mountApiDocs(app.getHttpAdapter().getInstance(), config.publicUrl);
  mountWebApp(app.getHttpAdapter().getInstance(), config.webDist ?? defaultWebDist);
  await app.init();
  app.use('/api', (request: { method: string; originalUrl: string }, response: never) =>
    sendError(response, 'ROUTE_NOT_FOUND', `No route ${request.method} ${request.originalUrl}`),
  );

  return app;
}
