import { Module, type Provider } from '@nestjs/common';
import { Clock } from '../common/clock';
import { ConversationsModule } from '../conversations/conversations.module';
import { ConversationsService } from '../conversations/conversations.service';
import { Database } from '../database/sql';
import { EventNotices } from '../events/event-notices';
import { EventsRepository } from '../events/events.repository';
import { AuditRepository } from '../moderation/audit.repository';
import { TagsRepository } from './tags.repository';
import { TagsService } from './tags.service';
import { ThemeCurationService } from './theme-curation.service';
import { ThemeInputsRepository } from './theme-inputs.repository';
import { ThemePlacementService } from './theme-placement.service';
import { ThemePlacer } from './theme-placer';
import { ThemeRunsRepository } from './theme-runs.repository';
import { ThemeRunsService } from './theme-runs.service';
import { ThemesReadingService } from './themes-reading.service';
import { ThemesQueue } from './themes.queue';
import { ThemesRepository } from './themes.repository';

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
  ThemeRunsRepository,
  ThemesRepository,
  ThemeInputsRepository,
  TagsRepository,
].map((Repository) => ({
  provide: Repository,
  inject: [Database],
  useFactory: (database: Database) => new Repository(database.pool),
}));

const writeDeps = [EventsRepository, EventNotices, Clock];

const services: Provider[] = [
  provide(ThemePlacer, [ThemeRunsRepository, ThemesRepository, ThemeInputsRepository]),
  provide(ThemeRunsService, [
    Database,
    ThemeRunsRepository,
    ThemesRepository,
    ThemeInputsRepository,
    ThemePlacer,
    ThemesQueue,
    ...writeDeps,
  ]),
  provide(ThemePlacementService, [
    Database,
    ThemeRunsRepository,
    ThemesRepository,
    ThemeInputsRepository,
    ThemePlacer,
    ThemeRunsService,
    ...writeDeps,
  ]),
  provide(ThemesReadingService, [
    ConversationsService,
    ThemeRunsRepository,
    ThemesRepository,
    ThemeInputsRepository,
  ]),
  provide(ThemeCurationService, [
    Database,
    ConversationsService,
    ThemeRunsRepository,
    ThemesRepository,
    ThemeRunsService,
    ThemePlacer,
    ThemesReadingService,
    AuditRepository,
    ...writeDeps,
  ]),
  provide(TagsService, [Database, ConversationsService, TagsRepository, AuditRepository, Clock]),
];

/** Theme runs, placement of new comments, curation and the tag codebook, for api and worker. */
@Module({
  imports: [ConversationsModule],
  providers: [...repositories, ...services],
  exports: [...services, ...repositories].map(
    (provider) => (provider as { provide: Constructor }).provide,
  ),
})
export class ThemesModule {}
