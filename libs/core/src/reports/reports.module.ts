import { Module } from '@nestjs/common';
import { Clock } from '../common/clock';
import { ConversationsModule } from '../conversations/conversations.module';
import { ConversationsService } from '../conversations/conversations.service';
import { Database } from '../database/sql';
import { AuditService } from '../moderation/audit.service';
import { ModerationModule } from '../moderation/moderation.module';
import { OpinionMapService } from '../preferences/opinion-map.service';
import { PollsRepository } from '../preferences/polls.repository';
import { PreferencesModule } from '../preferences/preferences.module';
import { StatementsRepository } from '../preferences/statements.repository';
import { SurveysRepository } from '../preferences/surveys.repository';
import { ReportFiguresRepository } from './report-figures.repository';
import { ReportPreferences } from './report-preferences';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';

/** Insight reports: the facilitators' editor and the public report. */
@Module({
  imports: [ConversationsModule, ModerationModule, PreferencesModule],
  providers: [
    {
      provide: ReportsRepository,
      inject: [Database],
      useFactory: (database: Database) => new ReportsRepository(database.pool),
    },
    {
      provide: ReportFiguresRepository,
      inject: [Database],
      useFactory: (database: Database) => new ReportFiguresRepository(database.pool),
    },
    {
      provide: ReportPreferences,
      inject: [
        PollsRepository,
        SurveysRepository,
        StatementsRepository,
        OpinionMapService,
        Clock,
        ReportsRepository,
      ],
      useFactory: (...deps: ConstructorParameters<typeof ReportPreferences>) =>
        new ReportPreferences(...deps),
    },
    {
      provide: ReportsService,
      inject: [
        ConversationsService,
        ReportsRepository,
        ReportFiguresRepository,
        AuditService,
        Clock,
        ReportPreferences,
      ],
      useFactory: (...deps: ConstructorParameters<typeof ReportsService>) =>
        new ReportsService(...deps),
    },
  ],
  exports: [ReportsService],
})
export class ReportsModule {}
