import { Module } from '@nestjs/common';
import { Clock } from '../common/clock';
import { ConversationsModule } from '../conversations/conversations.module';
import { ConversationsService } from '../conversations/conversations.service';
import { Database } from '../database/sql';
import { AuditService } from '../moderation/audit.service';
import { ModerationModule } from '../moderation/moderation.module';
import { ReportFiguresRepository } from './report-figures.repository';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';

/** Insight reports: the facilitators' editor and the public report. */
@Module({
  imports: [ConversationsModule, ModerationModule],
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
      provide: ReportsService,
      inject: [
        ConversationsService,
        ReportsRepository,
        ReportFiguresRepository,
        AuditService,
        Clock,
      ],
      useFactory: (...deps: ConstructorParameters<typeof ReportsService>) =>
        new ReportsService(...deps),
    },
  ],
  exports: [ReportsService],
})
export class ReportsModule {}
