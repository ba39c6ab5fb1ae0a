import { Module } from '@nestjs/common';
import {
  APP_CONFIG,
  type AppConfig,
  ConversationsModule,
  Database,
  LiveEventsRepository,
  PresenceStore,
  REDIS,
} from '@razgovor/core';
import type { Redis } from 'ioredis';
import { ConversationFeedService } from './conversation-feed.service';
import { EventFanoutService } from './event-fanout.service';
import { FanoutEvents } from './fanout-events';
import { LiveGateway } from './live.gateway';
import { PresenceService } from './presence.service';
import { SocketIdentityService } from './socket-identity.service';
import { TopicWatchService } from './topic-watch.service';

/** Live updates over socket.io: sign-in, replay, fan-out, presence. */
@Module({
  imports: [ConversationsModule],
  providers: [
    {
      provide: LiveEventsRepository,
      inject: [Database],
      useFactory: (database: Database) => new LiveEventsRepository(database.pool),
    },
    {
      provide: FanoutEvents,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => FanoutEvents.open(config.databaseUrl),
    },
    {
      provide: PresenceStore,
      inject: [REDIS, APP_CONFIG],
      useFactory: (redis: Redis, config: AppConfig) => new PresenceStore(redis, config.redisPrefix),
    },
    SocketIdentityService,
    EventFanoutService,
    ConversationFeedService,
    PresenceService,
    TopicWatchService,
    LiveGateway,
  ],
})
export class LiveModule {}
