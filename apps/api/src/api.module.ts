import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import {
  ConversationsModule,
  CoreModule,
  type CoreOptions,
  ExportsModule,
  ReportsModule,
  APP_CONFIG,
  type AppConfig,
  ModerationModule,
  PreferencesModule,
  ThemesModule,
} from '@razgovor/core';
import { AdminUsersController } from './accounts/admin-users.controller';
import { AuthController } from './accounts/auth.controller';
import { MeController } from './accounts/me.controller';
import {
  CommentsController,
  NotificationsController,
  SummariesController,
} from './conversations/comments.controller';
import { ConversationsController } from './conversations/conversations.controller';
import { TopicsController } from './conversations/topics.controller';
import { AccessGuard } from './http/access.guard';
import { ErrorFilter } from './http/error.filter';
import { ExportsController } from './insight/exports.controller';
import { ReportPrinter } from './insight/report-printer';
import { ReportsController } from './insight/reports.controller';
import { LiveModule } from './live/live.module';
import { CommentModerationController } from './moderation/comment-moderation.controller';
import { ModerationController } from './moderation/moderation.controller';
import { WordListController } from './moderation/word-list.controller';
import { PollsController, SurveysController } from './preferences/polls.controller';
import { StatementsController } from './preferences/statements.controller';
import { DevMailboxController } from './system/dev-mailbox.controller';
import { HealthController } from './system/health.controller';
import { TagsController, ThemesController } from './themes/themes.controller';

@Module({})
export class ApiModule {
  static forRoot(options: CoreOptions): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        CoreModule.forRoot(options),
        ConversationsModule,
        ModerationModule,
        PreferencesModule,
        ThemesModule,
        LiveModule,
        ExportsModule,
        ReportsModule,
      ],
      controllers: [
        HealthController,
        AuthController,
        MeController,
        AdminUsersController,
        DevMailboxController,
        ConversationsController,
        TopicsController,
        CommentsController,
        SummariesController,
        NotificationsController,
        ModerationController,
        CommentModerationController,
        WordListController,
        PollsController,
        SurveysController,
        ExportsController,
        ThemesController,
        TagsController,
        StatementsController,
        ReportsController,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: ErrorFilter },
        {
          provide: ReportPrinter,
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => new ReportPrinter(config.chromiumPath),
        },
      ],
    };
  }
}
