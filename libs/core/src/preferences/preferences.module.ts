import {
  Inject,
  Injectable,
  Module,
  type OnApplicationShutdown,
  type Provider,
} from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { Clock } from '../common/clock';
import { REDIS } from '../common/tokens';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { ConversationsModule } from '../conversations/conversations.module';
import { ConversationsRepository } from '../conversations/conversations.repository';
import { ConversationsService } from '../conversations/conversations.service';
import { TopicsRepository } from '../conversations/topics.repository';
import { Database } from '../database/sql';
import { EventNotices } from '../events/event-notices';
import { EventsRepository } from '../events/events.repository';
import { createQueue } from '../jobs/queues';
import { AuditRepository } from '../moderation/audit.repository';
import { ContributionGate } from '../moderation/contribution-gate';
import { ModerationRepository } from '../moderation/moderation.repository';
import { ThemesQueue } from '../themes/themes.queue';
import {
  OPINION_MAP_QUEUE,
  type OpinionMapJob,
  OpinionMapQueue,
  opinionMapJobOptions,
} from './opinion-map.queue';
import { OpinionMapService } from './opinion-map.service';
import {
  POLL_SCHEDULE_QUEUE,
  type PollScheduleJob,
  PollScheduleQueue,
  pollScheduleJobOptions,
} from './poll-schedule.queue';
import { StatementsRepository } from './statements.repository';
import { StatementsService } from './statements.service';
import { PollsRepository } from './polls.repository';
import { PollsService } from './polls.service';
import { SurveysRepository } from './surveys.repository';
import { SurveysService } from './surveys.service';

export const OPINION_MAP_QUEUE_TOKEN = Symbol('OPINION_MAP_QUEUE');
export const POLL_SCHEDULE_QUEUE_TOKEN = Symbol('POLL_SCHEDULE_QUEUE');

@Injectable()
class PreferencesLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(OPINION_MAP_QUEUE_TOKEN) private readonly maps: Queue,
    @Inject(POLL_SCHEDULE_QUEUE_TOKEN) private readonly schedule: Queue,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.maps.close(), this.schedule.close()]);
  }
}

type Constructor = abstract new (...args: never[]) => unknown;

function provide<T extends new (...args: never[]) => unknown>(
  Service: T,
  inject: Array<Constructor | symbol>,
): Provider {
  return {
    provide: Service,
    inject,
    useFactory: (...deps: ConstructorParameters<T>) => new Service(...deps),
  };
}

const repositories: Provider[] = [
  ...[PollsRepository, SurveysRepository, StatementsRepository].map((Repository) => ({
    provide: Repository,
    inject: [Database],
    useFactory: (database: Database) => new Repository(database.pool),
  })),
  {
    provide: OPINION_MAP_QUEUE_TOKEN,
    inject: [REDIS, APP_CONFIG],
    useFactory: (redis: Redis, config: AppConfig) =>
      createQueue<OpinionMapJob>(
        OPINION_MAP_QUEUE,
        redis,
        config.redisPrefix,
        opinionMapJobOptions,
      ),
  },
  {
    provide: OpinionMapQueue,
    inject: [OPINION_MAP_QUEUE_TOKEN],
    useFactory: (queue: Queue<OpinionMapJob>) => new OpinionMapQueue(queue),
  },
  {
    provide: POLL_SCHEDULE_QUEUE_TOKEN,
    inject: [REDIS, APP_CONFIG],
    useFactory: (redis: Redis, config: AppConfig) =>
      createQueue<PollScheduleJob>(
        POLL_SCHEDULE_QUEUE,
        redis,
        config.redisPrefix,
        pollScheduleJobOptions,
      ),
  },
  {
    provide: PollScheduleQueue,
    inject: [POLL_SCHEDULE_QUEUE_TOKEN, Clock],
    useFactory: (queue: Queue<PollScheduleJob>, clock: Clock) =>
      new PollScheduleQueue(queue, clock),
  },
];

const services: Provider[] = [
  provide(PollsService, [
    Database,
    PollsRepository,
    TopicsRepository,
    ConversationsService,
    ConversationsRepository,
    EventsRepository,
    EventNotices,
    Clock,
    ContributionGate,
    PollScheduleQueue,
    ThemesQueue,
  ]),
  provide(SurveysService, [
    Database,
    SurveysRepository,
    PollsRepository,
    PollsService,
    ConversationsService,
    ConversationsRepository,
    EventsRepository,
    EventNotices,
    Clock,
  ]),
  provide(StatementsService, [
    Database,
    StatementsRepository,
    ConversationsService,
    ConversationsRepository,
    EventsRepository,
    EventNotices,
    Clock,
    ContributionGate,
    AuditRepository,
    OpinionMapQueue,
    ModerationRepository,
  ]),
  provide(OpinionMapService, [
    Database,
    StatementsRepository,
    ConversationsService,
    EventsRepository,
    EventNotices,
    Clock,
  ]),
];

/** Polls, surveys, statements and opinion maps: what people prefer, beside what they write. */
@Module({
  imports: [ConversationsModule],
  providers: [...repositories, ...services, PreferencesLifecycle],
  exports: [
    PollsRepository,
    SurveysRepository,
    StatementsRepository,
    OPINION_MAP_QUEUE_TOKEN,
    OpinionMapQueue,
    POLL_SCHEDULE_QUEUE_TOKEN,
    PollScheduleQueue,
    PollsService,
    SurveysService,
    StatementsService,
    OpinionMapService,
  ],
})
export class PreferencesModule {}
