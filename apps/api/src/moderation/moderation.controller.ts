import { Controller, Inject, Param, Res } from '@nestjs/common';
import {
  type AuditPage,
  type AuditQuery,
  type DecisionRequest,
  type DecisionResult,
  type Ledger,
  type ModerationSettings,
  type PersonActionRequest,
  type QueuePage,
  type QueueQuery,
  routes,
  type Sanction,
  type UpdateModerationSettingsRequest,
} from '@razgovor/contracts';
import {
  AuditService,
  CommentDecisionsService,
  ModerationSettingsService,
  PeopleModerationService,
  ReviewQueueService,
  type User,
} from '@razgovor/core';
import type { Response } from 'express';
import { IdParam, OptionalUser } from '../conversations/params';
import { CurrentUser, Endpoint, ValidBody, ValidQuery } from '../http/endpoint';

/** A conversation's moderation: settings, review queue, decisions, people, audit and ledger. */
@Controller()
export class ModerationController {
  constructor(
    @Inject(ModerationSettingsService) private readonly settings: ModerationSettingsService,
    @Inject(ReviewQueueService) private readonly queue: ReviewQueueService,
    @Inject(CommentDecisionsService) private readonly decisions: CommentDecisionsService,
    @Inject(PeopleModerationService) private readonly people: PeopleModerationService,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  @Endpoint(routes.getModerationSettings)
  getSettings(@CurrentUser() user: User, @Param('id') id: string): Promise<ModerationSettings> {
    return this.settings.get(user, id);
  }

  @Endpoint(routes.updateModerationSettings)
  updateSettings(
    @CurrentUser() user: User,
    @Param('id') id: string,
    @ValidBody(routes.updateModerationSettings) body: UpdateModerationSettingsRequest,
  ): Promise<ModerationSettings> {
    return this.settings.update(user, id, body);
  }

  @Endpoint(routes.moderationQueue)
  list(
    @CurrentUser() user: User,
    @Param('id') id: string,
    @ValidQuery(routes.moderationQueue) query: QueueQuery,
  ): Promise<QueuePage> {
    return this.queue.list(user, id, query);
  }

  @Endpoint(routes.decideComments)
  decide(
    @CurrentUser() user: User,
    @Param('id') id: string,
    @ValidBody(routes.decideComments) body: DecisionRequest,
  ): Promise<DecisionResult> {
    return this.decisions.decide(user, id, body);
  }

  @Endpoint(routes.actOnPerson)
  actOnPerson(
    @CurrentUser() user: User,
    @Param('id') id: string,
    @IdParam('person', 'userId') userId: string,
    @ValidBody(routes.actOnPerson) body: PersonActionRequest,
  ): Promise<Sanction> {
    return this.people.act(user, id, userId, body);
  }

  @Endpoint(routes.searchAudit)
  searchAudit(
    @CurrentUser() user: User,
    @Param('id') id: string,
    @ValidQuery(routes.searchAudit) query: AuditQuery,
  ): Promise<AuditPage> {
    return this.audit.search(user, id, query);
  }

  @Endpoint(routes.exportAudit)
  async exportAudit(
    @CurrentUser() user: User,
    @Param('id') id: string,
    @ValidQuery(routes.exportAudit) query: AuditQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const csv = await this.audit.exportCsv(user, id, query);
    response.setHeader('content-type', 'text/csv; charset=utf-8');
    response.setHeader('content-disposition', 'attachment; filename="audit.csv"');

    return csv;
  }

  @Endpoint(routes.searchAdminAudit)
  searchAdminAudit(@ValidQuery(routes.searchAdminAudit) query: AuditQuery): Promise<AuditPage> {
    return this.audit.searchOutsideConversations(query);
  }

  @Endpoint(routes.moderationLedger)
  ledger(@OptionalUser() viewer: User | null, @Param('id') id: string): Promise<Ledger> {
    return this.audit.ledger(viewer, id);
  }
}
