import { Module, type Provider } from '@nestjs/common';
import { Clock } from '../common/clock';
import { ConversationsModule } from '../conversations/conversations.module';
import { ConversationsRepository } from '../conversations/conversations.repository';
import { ConversationsService } from '../conversations/conversations.service';
import { TopicsRepository } from '../conversations/topics.repository';
import { Database } from '../database/sql';
import { EventNotices } from '../events/event-notices';
import { EventsRepository } from '../events/events.repository';
import { ContributionGate } from '../moderation/contribution-gate';
import { PollsRepository } from './polls.repository';
import { PollsService } from './polls.service';
import { SurveysRepository } from './surveys.repository';
import { SurveysService } from './surveys.service';

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

const repositories: Provider[] = [PollsRepository, SurveysRepository].map((Repository) => ({
  provide: Repository,
  inject: [Database],
  useFactory: (database: Database) => new Repository(database.pool),
}));

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
];

/** Polls and surveys: what people prefer, beside what they write. */
@Module({
  imports: [ConversationsModule],
  providers: [...repositories, ...services],
  exports: [PollsRepository, SurveysRepository, PollsService, SurveysService],
})
export class PreferencesModule {}
