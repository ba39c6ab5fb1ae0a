import { type INestApplicationContext, Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { type AppConfig, closeRedis, createRedis } from '@razgovor/core';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Server as HttpServer } from 'node:http';
import type { Redis } from 'ioredis';
import { Server } from 'socket.io';

type NestServer = ReturnType<IoAdapter['createIOServer']>;

/**
 * socket.io over Redis, so a broadcast from one api process (presence counts) reaches the sockets
 * of every process. Stored events do not travel this way: each process fans them out itself.
 */
export class RedisIoAdapter extends IoAdapter {
  private readonly clients: Redis[] = [];

  constructor(
    private readonly app: INestApplicationContext & { getHttpServer(): HttpServer },
    private readonly config: AppConfig,
  ) {
    super(app);
  }

  /**
   * Builds the server from our own socket.io (4.8.4, the one the Redis adapter and our types
   * use) rather than the copy nested under @nestjs/platform-socket.io; the two differ only in
   * their type declarations.
   */
  override createIOServer(): NestServer {
    const logger = new Logger(RedisIoAdapter.name);
    // The adapter subscribes without handling a failure: its clients wait for Redis instead.
    const options = { waitsForRedis: true };
    const publisher = createRedis(this.config.redisUrl, logger, {
      name: 'socket.io-pub',
      ...options,
    });
    const subscriber = createRedis(this.config.redisUrl, logger, {
      name: 'socket.io-sub',
      ...options,
    });
    this.clients.push(publisher, subscriber);
    const corsOrigin = this.config.corsOrigin;
    const server = new Server(this.app.getHttpServer(), {
      path: '/socket.io',
      serveClient: false,
      cors: corsOrigin ? { origin: corsOrigin, credentials: true } : undefined,
      adapter: createAdapter(publisher, subscriber, {
        key: `${this.config.redisPrefix}:socket.io`,
      }),
    });

    return server as unknown as NestServer;
  }

  override async dispose(): Promise<void> {
    await Promise.all(this.clients.map((client) => closeRedis(client)));
  }
}
