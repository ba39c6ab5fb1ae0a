import { Controller, Inject } from '@nestjs/common';
import {
  type Appeal,
  type AppealRequest,
  type Comment,
  type FlagReceipt,
  type FlagRequest,
  type RedactRequest,
  routes,
  type SlowModeRequest,
  type Topic,
  type TopicModerationRequest,
} from '@razgovor/contracts';
import {
  AppealsService,
  CommentDecisionsService,
  FlagsService,
  ModerationSettingsService,
  SlowModeService,
  type User,
} from '@razgovor/core';
import { IdParam } from '../conversations/params';
import { CurrentUser, Endpoint, ValidBody } from '../http/endpoint';
import { WriteLimited } from './write-limit.guard';

/** Moderation of one comment or one topic. */
@Controller()
export class CommentModerationController {
  constructor(
    @Inject(FlagsService) private readonly flags: FlagsService,
    @Inject(AppealsService) private readonly appeals: AppealsService,
    @Inject(CommentDecisionsService) private readonly decisions: CommentDecisionsService,
    @Inject(ModerationSettingsService) private readonly settings: ModerationSettingsService,
    @Inject(SlowModeService) private readonly slowMode: SlowModeService,
  ) {}

  @Endpoint(routes.flagComment)
  @WriteLimited('flag')
  flag(
    @CurrentUser() user: User,
    @IdParam('comment') id: string,
    @ValidBody(routes.flagComment) body: FlagRequest,
  ): Promise<FlagReceipt> {
    return this.flags.flag(user, id, body);
  }

  @Endpoint(routes.appealComment)
  appeal(
    @CurrentUser() user: User,
    @IdParam('comment') id: string,
    @ValidBody(routes.appealComment) body: AppealRequest,
  ): Promise<Appeal> {
    return this.appeals.appeal(user, id, body);
  }

  @Endpoint(routes.redactComment)
  redact(
    @CurrentUser() user: User,
    @IdParam('comment') id: string,
    @ValidBody(routes.redactComment) body: RedactRequest,
  ): Promise<Comment> {
    return this.decisions.redact(user, id, body);
  }

  @Endpoint(routes.setTopicModeration)
  setMode(
    @CurrentUser() user: User,
    @IdParam('topic') id: string,
    @ValidBody(routes.setTopicModeration) body: TopicModerationRequest,
  ): Promise<Topic> {
    return this.settings.setTopicMode(user, id, body);
  }

  @Endpoint(routes.setSlowMode)
  setSlowMode(
    @CurrentUser() user: User,
    @IdParam('topic') id: string,
    @ValidBody(routes.setSlowMode) body: SlowModeRequest,
  ): Promise<Topic> {
    return this.slowMode.set(user, id, body);
  }
}
