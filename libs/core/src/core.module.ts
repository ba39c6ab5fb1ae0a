import {
  type DynamicModule,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { AdminUsersService } from './accounts/admin-users.service';
import { AuthService } from './accounts/auth.service';
import { PersonalDataRepository } from './accounts/personal-data.repository';
import { ProfileService } from './accounts/profile.service';
import { SessionStore } from './accounts/session.store';
import { UsersRepository } from './accounts/users.repository';
import { Clock, SystemClock } from './common/clock';
import { REDIS } from './common/tokens';
import { APP_CONFIG, type AppConfig } from './config/config';
import { createDataSource, runMigrations } from './database/data-source';
import { Database } from './database/sql';
import { AuditRepository } from './moderation/audit.repository';
import { describeUrl, retryUntilReady } from './database/retry';
import { createQueue } from './jobs/queues';
import { MAIL_QUEUE, type MailJob, MailOutbox, mailJobOptions } from './mail/mail.queue';
import { closeRedis, createRedis } from './redis/redis';
import { RateLimiter } from './security/rate-limiter';

export interface CoreOptions {
  config: AppConfig;
  clock?: Clock;
  /** Aborted on SIGTERM so that a process still waiting for its database can stop at once. */
  signal?: AbortSignal;
}

export const MAIL_QUEUE_TOKEN = Symbol('MAIL_QUEUE');

@Injectable()
class CoreLifecycle implements OnApplicationShutdown {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(MAIL_QUEUE_TOKEN) private readonly mailQueue: Queue,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.mailQueue.close();
    await closeRedis(this.redis);
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/** Configuration, database, Redis, queues and the domain services, for api, worker and cli. */
@Module({})
export class CoreModule {
  static forRoot(options: CoreOptions): DynamicModule {
    const { config } = options;
    const logger = new Logger('Infrastructure');

    return {
      module: CoreModule,
      global: true,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: Clock, useValue: options.clock ?? new SystemClock() },
        {
          provide: DataSource,
          useFactory: async () => {
            const dataSource = createDataSource(config.databaseUrl);
            await retryUntilReady(() => dataSource.initialize(), {
              target: `PostgreSQL at ${describeUrl(config.databaseUrl)}`,
              logger,
              signal: options.signal,
            });
            const applied = await runMigrations(dataSource);
            if (applied.length > 0) logger.log(`Applied migrations: ${applied.join(', ')}`);

            return dataSource;
          },
        },
        {
          provide: REDIS,
          useFactory: () =>
            createRedis(config.redisUrl, logger, { name: 'app', waitsForRedis: true }),
        },
        {
          provide: MAIL_QUEUE_TOKEN,
          inject: [REDIS],
          useFactory: (redis: Redis) =>
            createQueue<MailJob>(MAIL_QUEUE, redis, config.redisPrefix, mailJobOptions),
        },
        {
          provide: MailOutbox,
          inject: [MAIL_QUEUE_TOKEN],
          useFactory: (queue: Queue<MailJob>) => new MailOutbox(queue),
        },
        {
          provide: UsersRepository,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => new UsersRepository(dataSource),
        },
        {
          provide: SessionStore,
          inject: [REDIS],
          useFactory: (redis: Redis) =>
            new SessionStore(redis, config.redisPrefix, config.sessionTtlSeconds),
        },
        {
          provide: RateLimiter,
          inject: [REDIS],
          useFactory: (redis: Redis) => new RateLimiter(redis, config.redisPrefix),
        },
        {
          provide: AuthService,
          inject: [UsersRepository, SessionStore, RateLimiter, MailOutbox, Clock],
          useFactory: (
            users: UsersRepository,
            sessions: SessionStore,
            limiter: RateLimiter,
            mail: MailOutbox,
            clock: Clock,
          ) => new AuthService(config, users, sessions, limiter, mail, clock),
        },
        {
          provide: ProfileService,
          inject: [UsersRepository, DataSource, SessionStore, Clock],
          useFactory: (
            users: UsersRepository,
            dataSource: DataSource,
            sessions: SessionStore,
            clock: Clock,
          ) => new ProfileService(users, new PersonalDataRepository(dataSource), sessions, clock),
        },
        {
          provide: AdminUsersService,
          inject: [UsersRepository, DataSource, Clock],
          useFactory: (users: UsersRepository, dataSource: DataSource, clock: Clock) => {
            const database = new Database(dataSource);

            return new AdminUsersService(
              users,
              database,
              new AuditRepository(database.pool),
              clock,
            );
          },
        },
        CoreLifecycle,
      ],
      exports: [
        APP_CONFIG,
        Clock,
        DataSource,
        REDIS,
        MAIL_QUEUE_TOKEN,
        MailOutbox,
        UsersRepository,
        SessionStore,
        RateLimiter,
        AuthService,
        ProfileService,
        AdminUsersService,
      ],
    };
  }
}
