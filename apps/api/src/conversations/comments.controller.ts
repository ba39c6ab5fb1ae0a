import { Controller, Inject } from '@nestjs/common';
import {
  type Comment,
  type CommentRevisionList,
  type CommentThread,
  type EditCommentRequest,
  type MarkNotificationsReadRequest,
  type NotificationList,
  routes,
  type StanceRequest,
  type Summary,
  type SummaryResponseList,
  type SummaryResponseRequest,
} from '@razgovor/contracts';
import {
  CommentEditingService,
  CommentReadingService,
  NotificationsService,
  StancesService,
  SummariesService,
  type User,
} from '@razgovor/core';
import { CurrentUser, Endpoint, ValidBody } from '../http/endpoint';
import { WriteLimited } from '../moderation/write-limit.guard';
import { IdParam, OptionalUser } from './params';

@Controller()
export class CommentsController {
  constructor(
    @Inject(CommentReadingService) private readonly reader: CommentReadingService,
    @Inject(CommentEditingService) private readonly editing: CommentEditingService,
    @Inject(StancesService) private readonly stances: StancesService,
  ) {}

  @Endpoint(routes.getComment)
  get(@OptionalUser() viewer: User | null, @IdParam('comment') id: string): Promise<CommentThread> {
    return this.reader.thread(viewer, id);
  }

  @Endpoint(routes.editComment)
  edit(
    @CurrentUser() user: User,
    @IdParam('comment') id: string,
    @ValidBody(routes.editComment) body: EditCommentRequest,
  ): Promise<Comment> {
    return this.editing.edit(user, id, body.body);
  }

  @Endpoint(routes.withdrawComment)
  withdraw(@CurrentUser() user: User, @IdParam('comment') id: string): Promise<Comment> {
    return this.editing.withdraw(user, id);
  }

  @Endpoint(routes.setStance)
  @WriteLimited('stance')
  setStance(
    @CurrentUser() user: User,
    @IdParam('comment') id: string,
    @ValidBody(routes.setStance) body: StanceRequest,
  ): Promise<Comment> {
    return this.stances.set(user, id, body.stance);
  }

  @Endpoint(routes.removeStance)
  @WriteLimited('stance')
  removeStance(@CurrentUser() user: User, @IdParam('comment') id: string): Promise<Comment> {
    return this.stances.set(user, id, null);
  }

  @Endpoint(routes.listRevisions)
  revisions(
    @CurrentUser() user: User,
    @IdParam('comment') id: string,
  ): Promise<CommentRevisionList> {
    return this.reader.revisions(user, id);
  }
}

@Controller()
export class SummariesController {
  constructor(@Inject(SummariesService) private readonly summaries: SummariesService) {}

  @Endpoint(routes.getSummary)
  get(@OptionalUser() viewer: User | null, @IdParam('summary') id: string): Promise<Summary> {
    return this.summaries.get(viewer, id);
  }

  @Endpoint(routes.respondToSummary)
  respond(
    @CurrentUser() user: User,
    @IdParam('summary') id: string,
    @ValidBody(routes.respondToSummary) body: SummaryResponseRequest,
  ): Promise<Summary> {
    return this.summaries.respond(user, id, body);
  }

  @Endpoint(routes.listSummaryResponses)
  responses(
    @OptionalUser() viewer: User | null,
    @IdParam('summary') id: string,
  ): Promise<SummaryResponseList> {
    return this.summaries.responses(viewer, id);
  }
}

@Controller()
export class NotificationsController {
  constructor(@Inject(NotificationsService) private readonly notifications: NotificationsService) {}

  @Endpoint(routes.listNotifications)
  list(@CurrentUser() user: User): Promise<NotificationList> {
    return this.notifications.list(user);
  }

  @Endpoint(routes.markNotificationsRead)
  markRead(
    @CurrentUser() user: User,
    @ValidBody(routes.markNotificationsRead) body: MarkNotificationsReadRequest,
  ): Promise<void> {
    return this.notifications.markRead(user, body);
  }
}
