import { Controller, Inject, Res } from '@nestjs/common';
import { type HealthResponse, routes } from '@razgovor/contracts';
import { REDIS } from '@razgovor/core';
import type { Response } from 'express';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { Endpoint } from '../http/endpoint';

const version = process.env.npm_package_version ?? '0.1.0';

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    work,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error('Timed out')), ms).unref()),
  ]);
}

@Controller()
export class HealthController {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @Endpoint(routes.health)
  async check(@Res({ passthrough: true }) response: Response): Promise<HealthResponse> {
    const [database, redis] = await Promise.all([
      withTimeout(this.dataSource.query('SELECT 1'), 2000).then(
        () => 'up' as const,
        () => 'down' as const,
      ),
      withTimeout(this.redis.ping(), 2000).then(
        () => 'up' as const,
        () => 'down' as const,
      ),
    ]);
    const isHealthy = database === 'up' && redis === 'up';
    if (!isHealthy) response.status(503);

    return { status: isHealthy ? 'ok' : 'unavailable', database, redis, version };
  }
}
