import { Logger } from '@nestjs/common';
import type { PersonActionRequest, Sanction } from '@razgovor/contracts';
import type { User } from '../accounts/user.entity';
import type { UsersRepository } from '../accounts/users.repository';
import type { Clock } from '../common/clock';
import type { ConversationsRepository } from '../conversations/conversations.repository';
import type { ConversationsService } from '../conversations/conversations.service';
import type { Database } from '../database/sql';
import { AppError } from '../errors/app-error';
import type { EventNotices } from '../events/event-notices';
import type { EventsRepository } from '../events/events.repository';
import type { NotificationsRepository } from '../notifications/notifications.repository';
import { notificationEvent } from '../notifications/notifications.service';
import type { AuditRepository } from './audit.repository';
import { loadForFacilitator } from './moderation-access';
import type { SanctionsRepository } from './sanctions.repository';

const dayMs = 24 * 3600 * 1000;

/** Warnings, mutes and removals of people within one conversation; each one tells the person. */
export class PeopleModerationService {
  private readonly logger = new Logger(PeopleModerationService.name);

  constructor(
    private readonly database: Database,
    private readonly conversations: ConversationsRepository,
    private readonly conversationsService: ConversationsService,
    private readonly users: UsersRepository,
    private readonly sanctions: SanctionsRepository,
    private readonly notifications: NotificationsRepository,
    private readonly audit: AuditRepository,
    private readonly events: EventsRepository,
    private readonly notices: EventNotices,
    private readonly clock: Clock,
  ) {}

  async act(
    user: User,
    conversationId: string,
    userId: string,
    request: PersonActionRequest,
  ): Promise<Sanction> {
    const conversation = await loadForFacilitator(this.conversationsService, user, conversationId);
    const person = await this.users.findById(userId);
    if (!person || person.deletedAt) throw new AppError('NOT_FOUND', 'No such person');
    if (conversation.facilitatorIds.includes(userId) || userId === user.id) {
      throw new AppError('FORBIDDEN', 'Facilitators of the conversation cannot be sanctioned');
    }

    const now = this.clock.now();
    const until =
      request.action === 'mute' ? new Date(now.getTime() + request.days! * dayMs) : null;
    const seq = await this.database.transaction(async (tx) => {
      await this.conversations.lock(tx, conversation.id);
      const before = await this.sanctions.active(conversation.id, userId, now, tx);
      if (request.action === 'unmute') {
        await this.sanctions.lift(tx, conversation.id, userId, now);
      } else {
        await this.sanctions.insert(
          tx,
          {
            conversationId: conversation.id,
            userId,
            action: request.action,
            reason: request.reason,
            until,
            createdBy: user.id,
          },
          now,
        );
      }

      const after = await this.sanctions.active(conversation.id, userId, now, tx);
      await this.audit.record(
        tx,
        [
          {
            conversationId: conversation.id,
            actorId: user.id,
            action: `person.${request.action}`,
            targetType: 'person',
            targetId: userId,
            reason: request.reason,
            before,
            after: { sanction: after, commentId: request.commentId ?? null },
          },
        ],
        now,
      );
      if (request.action === 'unmute') return 0;
      const notes = await this.notifications.insert(
        tx,
        {
          type: `moderation.${request.action === 'warn' ? 'warned' : request.action === 'mute' ? 'muted' : 'removed'}`,
          conversationId: conversation.id,
          topicId: null,
          commentId: request.commentId ?? null,
          summaryId: null,
          actorId: null,
          note: request.reason,
        },
        [userId],
        now,
      );

      return this.events.append(tx, conversation.id, notes.map(notificationEvent), now);
    });
    this.notices.publish(conversation.id, seq);

    this.logger.log(`${request.action} person ${userId} in conversation ${conversation.id}`, {
      conversationId: conversation.id,
      userId,
      by: user.id,
    });

    return {
      userId,
      action: request.action,
      reason: request.reason,
      until: until?.toISOString() ?? null,
      createdAt: now.toISOString(),
    };
  }
}
