import { Controller, Inject } from '@nestjs/common';
import { type MailboxMessage, routes } from '@razgovor/contracts';
import { APP_CONFIG, type AppConfig, AppError, readDevMailbox, REDIS } from '@razgovor/core';
import type { Redis } from 'ioredis';
import { Endpoint } from '../http/endpoint';

@Controller()
export class DevMailboxController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @Endpoint(routes.mailbox)
  list(): Promise<MailboxMessage[]> {
    if (!this.config.isDevMailboxEnabled) throw new AppError('ROUTE_NOT_FOUND', 'No such route');

    return readDevMailbox(this.redis, this.config.redisPrefix);
  }
}
