import {
  Inject,
  Injectable,
  Module,
  type OnApplicationShutdown,
  type Provider,
} from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { UsersRepository } from '../accounts/users.repository';
import { CommentAnnouncer } from '../comments/comment-announcer';
import { CommentEditingService } from '../comments/comment-editing.service';
import { CommentPageCache } from '../comments/comment-page-cache';
import { CommentPostingService } from '../comments/comment-posting.service';
import { CommentReadingService } from '../comments/comment-reading.service';
import { CommentThreadsService } from '../comments/comment-threads.service';
import { CommentsRepository } from '../comments/comments.repository';
import { StancesService } from '../comments/stances.service';
import { Clock } from '../common/clock';
import { REDIS } from '../common/tokens';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { Database } from '../database/sql';
import { EventNotices } from '../events/event-notices';
import { EventsRepository } from '../events/events.repository';
import { EventsService } from '../events/events.service';
import { createQueue } from '../jobs/queues';
import { NotificationsRepository } from '../notifications/notifications.repository';
import { NotificationsService } from '../notifications/notifications.service';
import { AuditRepository } from '../moderation/audit.repository';
import { ContentCheck } from '../moderation/content-check';
import { ContributionGate } from '../moderation/contribution-gate';
import { ModerationSettingsRepository } from '../moderation/moderation-settings.repository';
import { ModerationRepository } from '../moderation/moderation.repository';
import { SanctionsRepository } from '../moderation/sanctions.repository';
import { SlowModeService } from '../moderation/slow-mode.service';
import { TopicModerationRepository } from '../moderation/topic-moderation.repository';
import { WordListRepository } from '../moderation/word-list.repository';
import { WordListCache } from '../moderation/word-list.cache';
import { SummariesRepository } from '../summaries/summaries.repository';
import { SummariesService } from '../summaries/summaries.service';
import { ConversationStatusService } from './conversation-status.service';
import { ConversationsRepository } from './conversations.repository';
import { ConversationsService } from './conversations.service';
import {
  SCHEDULE_QUEUE,
  ScheduleQueue,
  type ScheduleJob,
  scheduleJobOptions,
} from './schedule.queue';
import { TopicsRepository } from './topics.repository';
import { TopicsService } from './topics.service';
import {
  THEME_PLACEMENT_QUEUE,
  THEME_RUNS_QUEUE,
  type ThemePlacementJob,
  themePlacementJobOptions,
  type ThemeRunJob,
  themeRunJobOptions,
  ThemesQueue,
} from '../themes/themes.queue';

export const SCHEDULE_QUEUE_TOKEN = Symbol('SCHEDULE_QUEUE');
export const THEME_RUNS_QUEUE_TOKEN = Symbol('THEME_RUNS_QUEUE');
export const THEME_PLACEMENT_QUEUE_TOKEN = Symbol('THEME_PLACEMENT_QUEUE');

@Injectable()
class ConversationsLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(SCHEDULE_QUEUE_TOKEN) private readonly queue: Queue,
    @Inject(THEME_RUNS_QUEUE_TOKEN) private readonly themeRuns: Queue,
    @Inject(THEME_PLACEMENT_QUEUE_TOKEN) private readonly themePlacement: Queue,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.queue.close(), this.themeRuns.close(), this.themePlacement.close()]);
  }
}

type Constructor = abstract new (...args: never[]) => unknown;

/** A provider built by `create` from the listed injection tokens, in order. */
function factory<T>(
  provide: Constructor | symbol,
  inject: Array<Constructor | symbol>,
  create: (...deps: never[]) => T,
): Provider {
  return { provide, inject, useFactory: create };
}

const repositories: Provider[] = [
  factory(Database, [DataSource], (dataSource: DataSource) => new Database(dataSource)),
  ...[
    ConversationsRepository,
    TopicsRepository,
    CommentsRepository,
    NotificationsRepository,
    SummariesRepository,
    EventsRepository,
    AuditRepository,
    ModerationRepository,
    ModerationSettingsRepository,
    SanctionsRepository,
    TopicModerationRepository,
    WordListRepository,
  ].map((Repository) =>
    factory(Repository, [Database], (database: Database) => new Repository(database.pool)),
  ),
  factory(CommentPageCache, [], () => new CommentPageCache()),
  factory(
    EventNotices,
    [REDIS, APP_CONFIG, CommentPageCache],
    (redis: Redis, config: AppConfig, pages: CommentPageCache) =>
      new EventNotices(redis, config.redisPrefix, pages),
  ),
  factory(SCHEDULE_QUEUE_TOKEN, [REDIS, APP_CONFIG], (redis: Redis, config: AppConfig) =>
    createQueue<ScheduleJob>(SCHEDULE_QUEUE, redis, config.redisPrefix, scheduleJobOptions),
  ),
  factory(THEME_RUNS_QUEUE_TOKEN, [REDIS, APP_CONFIG], (redis: Redis, config: AppConfig) =>
    createQueue<ThemeRunJob>(THEME_RUNS_QUEUE, redis, config.redisPrefix, themeRunJobOptions),
  ),
  factory(THEME_PLACEMENT_QUEUE_TOKEN, [REDIS, APP_CONFIG], (redis: Redis, config: AppConfig) =>
    createQueue<ThemePlacementJob>(
      THEME_PLACEMENT_QUEUE,
      redis,
      config.redisPrefix,
      themePlacementJobOptions,
    ),
  ),
  factory(
    ThemesQueue,
    [THEME_RUNS_QUEUE_TOKEN, THEME_PLACEMENT_QUEUE_TOKEN],
    (runs: Queue<ThemeRunJob>, placement: Queue<ThemePlacementJob>) =>
      new ThemesQueue(runs, placement),
  ),
  factory(
    ScheduleQueue,
    [SCHEDULE_QUEUE_TOKEN, Clock],
    (queue: Queue<ScheduleJob>, clock: Clock) => new ScheduleQueue(queue, clock),
  ),
];

const writeDeps = [EventsRepository, EventNotices, Clock];

const services: Provider[] = [
  factory(
    ConversationsService,
    [
      Database,
      ConversationsRepository,
      UsersRepository,
      ScheduleQueue,
      AuditRepository,
      Clock,
      EventNotices,
    ],
    (...deps: ConstructorParameters<typeof ConversationsService>) =>
      new ConversationsService(...deps),
  ),
  factory(
    ConversationStatusService,
    [Database, ConversationsRepository, ConversationsService, AuditRepository, ...writeDeps],
    (...deps: ConstructorParameters<typeof ConversationStatusService>) =>
      new ConversationStatusService(...deps),
  ),
  factory(
    TopicsService,
    [
      Database,
      ConversationsRepository,
      TopicsRepository,
      ConversationsService,
      AuditRepository,
      ...writeDeps,
      CommentPageCache,
    ],
    (...deps: ConstructorParameters<typeof TopicsService>) => new TopicsService(...deps),
  ),
  factory(
    CommentAnnouncer,
    [CommentsRepository, TopicsRepository, NotificationsRepository],
    (...deps: ConstructorParameters<typeof CommentAnnouncer>) => new CommentAnnouncer(...deps),
  ),
  factory(
    ContentCheck,
    [WordListRepository, ModerationSettingsRepository],
    (...deps: ConstructorParameters<typeof WordListCache>) => new WordListCache(...deps),
  ),
  factory(
    SlowModeService,
    [
      Database,
      ConversationsRepository,
      TopicsRepository,
      TopicsService,
      TopicModerationRepository,
      AuditRepository,
      ...writeDeps,
    ],
    (...deps: ConstructorParameters<typeof SlowModeService>) => new SlowModeService(...deps),
  ),
  factory(
    ContributionGate,
    [
      ModerationSettingsRepository,
      SanctionsRepository,
      ModerationRepository,
      AuditRepository,
      ContentCheck,
      SlowModeService,
      REDIS,
      APP_CONFIG,
      Clock,
    ],
    (
      settings: ModerationSettingsRepository,
      sanctions: SanctionsRepository,
      moderation: ModerationRepository,
      audit: AuditRepository,
      content: ContentCheck,
      slowMode: SlowModeService,
      redis: Redis,
      config: AppConfig,
      clock: Clock,
    ) =>
      new ContributionGate(
        settings,
        sanctions,
        moderation,
        audit,
        content,
        slowMode,
        redis,
        config.redisPrefix,
        clock,
      ),
  ),
  factory(
    CommentReadingService,
    [CommentsRepository, ConversationsService, TopicsService, CommentPageCache],
    (...deps: ConstructorParameters<typeof CommentReadingService>) =>
      new CommentReadingService(...deps),
  ),
  factory(
    CommentThreadsService,
    [CommentReadingService, CommentsRepository, TopicsService],
    (...deps: ConstructorParameters<typeof CommentThreadsService>) =>
      new CommentThreadsService(...deps),
  ),
  factory(
    CommentPostingService,
    [
      Database,
      ConversationsRepository,
      TopicsRepository,
      TopicsService,
      CommentsRepository,
      CommentAnnouncer,
      ...writeDeps,
      ContributionGate,
      ThemesQueue,
    ],
    (...deps: ConstructorParameters<typeof CommentPostingService>) =>
      new CommentPostingService(...deps),
  ),
  factory(
    CommentEditingService,
    [
      Database,
      ConversationsRepository,
      TopicsRepository,
      CommentsRepository,
      CommentReadingService,
      ...writeDeps,
      ContributionGate,
      ThemesQueue,
    ],
    (...deps: ConstructorParameters<typeof CommentEditingService>) =>
      new CommentEditingService(...deps),
  ),
  factory(
    StancesService,
    [
      Database,
      ConversationsRepository,
      TopicsRepository,
      CommentsRepository,
      CommentReadingService,
      ...writeDeps,
      ContributionGate,
    ],
    (...deps: ConstructorParameters<typeof StancesService>) => new StancesService(...deps),
  ),
  factory(
    SummariesService,
    [
      Database,
      ConversationsRepository,
      TopicsService,
      CommentsRepository,
      SummariesRepository,
      NotificationsRepository,
      AuditRepository,
      ContributionGate,
      ...writeDeps,
    ],
    (...deps: ConstructorParameters<typeof SummariesService>) => new SummariesService(...deps),
  ),
  factory(
    EventsService,
    [EventsRepository, ConversationsService],
    (...deps: ConstructorParameters<typeof EventsService>) => new EventsService(...deps),
  ),
  factory(
    NotificationsService,
    [NotificationsRepository, Clock],
    (...deps: ConstructorParameters<typeof NotificationsService>) =>
      new NotificationsService(...deps),
  ),
];

const exported = [
  Database,
  AuditRepository,
  ModerationRepository,
  ModerationSettingsRepository,
  SanctionsRepository,
  TopicModerationRepository,
  WordListRepository,
  NotificationsRepository,
  CommentAnnouncer,
  ContentCheck,
  SlowModeService,
  ContributionGate,
  SCHEDULE_QUEUE_TOKEN,
  THEME_RUNS_QUEUE_TOKEN,
  THEME_PLACEMENT_QUEUE_TOKEN,
  ThemesQueue,
  EventsRepository,
  EventNotices,
  ScheduleQueue,
  ConversationsRepository,
  TopicsRepository,
  CommentsRepository,
  ConversationsService,
  ConversationStatusService,
  TopicsService,
  CommentReadingService,
  CommentThreadsService,
  CommentPageCache,
  CommentPostingService,
  CommentEditingService,
  StancesService,
  SummariesService,
  EventsService,
  NotificationsService,
];

/** Conversations, topics, comments, summaries, events and notifications, for api and worker. */
@Module({
  providers: [...repositories, ...services, ConversationsLifecycle],
  exports: exported,
})
export class ConversationsModule {}
