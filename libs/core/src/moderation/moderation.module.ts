import { Module, type Provider } from '@nestjs/common';
import { UsersRepository } from '../accounts/users.repository';
import { CommentAnnouncer } from '../comments/comment-announcer';
import { CommentReadingService } from '../comments/comment-reading.service';
import { CommentsRepository } from '../comments/comments.repository';
import { Clock } from '../common/clock';
import { ConversationsModule } from '../conversations/conversations.module';
import { ConversationsRepository } from '../conversations/conversations.repository';
import { ConversationsService } from '../conversations/conversations.service';
import { TopicsRepository } from '../conversations/topics.repository';
import { TopicsService } from '../conversations/topics.service';
import { Database } from '../database/sql';
import { EventNotices } from '../events/event-notices';
import { EventsRepository } from '../events/events.repository';
import { NotificationsRepository } from '../notifications/notifications.repository';
import { AppealsService } from './appeals.service';
import { PreferencesModule } from '../preferences/preferences.module';
import { StatementsRepository } from '../preferences/statements.repository';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';
import { CommentDecisionsService } from './comment-decisions.service';
import { ContentCheck } from './content-check';
import { ContributionGate } from './contribution-gate';
import { FlagsService } from './flags.service';
import { ModerationSettingsRepository } from './moderation-settings.repository';
import { ModerationSettingsService } from './moderation-settings.service';
import { ModerationRepository } from './moderation.repository';
import { PeopleModerationService } from './people-moderation.service';
import { ReviewQueueService } from './review-queue.service';
import { SanctionsRepository } from './sanctions.repository';
import { TopicModerationRepository } from './topic-moderation.repository';
import { WordListRepository } from './word-list.repository';
import { WordListService } from './word-list.service';
import { ThemesQueue } from '../themes/themes.queue';

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

const writeDeps = [EventsRepository, EventNotices, Clock];

const services: Provider[] = [
  provide(CommentDecisionsService, [
    Database,
    ConversationsRepository,
    ConversationsService,
    CommentsRepository,
    CommentReadingService,
    ModerationRepository,
    CommentAnnouncer,
    AuditRepository,
    NotificationsRepository,
    ...writeDeps,
    ThemesQueue,
  ]),
  provide(FlagsService, [
    Database,
    ConversationsRepository,
    CommentReadingService,
    CommentsRepository,
    ModerationRepository,
    ModerationSettingsRepository,
    ContributionGate,
    AuditRepository,
    NotificationsRepository,
    ...writeDeps,
  ]),
  provide(AppealsService, [
    Database,
    ConversationsRepository,
    CommentReadingService,
    ModerationRepository,
    AuditRepository,
    ...writeDeps,
  ]),
  provide(PeopleModerationService, [
    Database,
    ConversationsRepository,
    ConversationsService,
    UsersRepository,
    SanctionsRepository,
    NotificationsRepository,
    AuditRepository,
    ...writeDeps,
  ]),
  provide(ModerationSettingsService, [
    Database,
    ConversationsRepository,
    ConversationsService,
    TopicsRepository,
    TopicsService,
    ModerationSettingsRepository,
    TopicModerationRepository,
    AuditRepository,
    Clock,
  ]),
  provide(ReviewQueueService, [
    ConversationsService,
    CommentsRepository,
    ModerationRepository,
    StatementsRepository,
  ]),
  provide(AuditService, [ConversationsService, AuditRepository]),
  provide(WordListService, [
    Database,
    ConversationsRepository,
    ConversationsService,
    WordListRepository,
    ModerationSettingsRepository,
    ContentCheck,
    AuditRepository,
    Clock,
  ]),
];

/** Review queue, decisions, flags, appeals, sanctions, word lists, audit log and ledger. */
@Module({
  imports: [ConversationsModule, PreferencesModule],
  providers: services,
  exports: services.map((service) => (service as { provide: Constructor }).provide),
})
export class ModerationModule {}
