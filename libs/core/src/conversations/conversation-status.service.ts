import { Logger } from '@nestjs/common';
import type { Conversation, ConversationStatus } from '@razgovor/contracts';
import type { User } from '../accounts/user.entity';
import type { Clock } from '../common/clock';
import type { Database, Sql } from '../database/sql';
import type { EventNotices } from '../events/event-notices';
import type { EventsRepository, NewEvent } from '../events/events.repository';
import type { AuditRepository } from '../moderation/audit.repository';
import type { ConversationRecord } from './conversation.records';
import { assertFacilitator, assertTransition, effectiveStatus } from './conversation.policy';
import type { ConversationsRepository } from './conversations.repository';
import type { ConversationsService } from './conversations.service';
import { toConversation } from './presenters';

/** Moves conversations through draft -> open -> closed -> archived, by hand or by the clock. */
export class ConversationStatusService {
  private readonly logger = new Logger(ConversationStatusService.name);

  constructor(
    private readonly database: Database,
    private readonly conversations: ConversationsRepository,
    private readonly reader: ConversationsService,
    private readonly audit: AuditRepository,
    private readonly events: EventsRepository,
    private readonly notices: EventNotices,
    private readonly clock: Clock,
  ) {}

  async transition(user: User, id: string, to: ConversationStatus): Promise<Conversation> {
    const { id: conversationId } = await this.reader.load(user, id);

    const seq = await this.database.transaction(async (tx) => {
      const conversation = (await this.conversations.lock(tx, conversationId))!;
      assertFacilitator(user, conversation);
      const now = this.clock.now();
      // Apply a schedule that has already passed first, so the events tell the whole story.
      const from = effectiveStatus(conversation, now);
      assertTransition(from, to);

      return this.write(tx, conversation, to, now, user.id);
    });
    this.notices.publish(conversationId, seq);

    this.logger.log(`Conversation ${conversationId} is now ${to}`, { conversationId, by: user.id });

    return toConversation((await this.conversations.find(conversationId))!, user, this.clock.now());
  }

  /** Applies a passed opening or closing time; running it twice changes nothing the second time. */
  async applySchedule(conversationId: string): Promise<ConversationStatus | null> {
    const result = await this.database.transaction(async (tx) => {
      const conversation = await this.conversations.lock(tx, conversationId);
      if (!conversation) return null;
      const now = this.clock.now();
      const status = effectiveStatus(conversation, now);
      if (status === conversation.status) return null;

      return { status, seq: await this.write(tx, conversation, status, now, null) };
    });
    if (!result) return null;
    this.notices.publish(conversationId, result.seq);

    this.logger.log(`Scheduled change: conversation ${conversationId} is now ${result.status}`, {
      conversationId,
    });

    return result.status;
  }

  async applyAllDue(): Promise<number> {
    const due = await this.conversations.listDue(this.clock.now());
    for (const id of due) await this.applySchedule(id);

    return due.length;
  }

  private async write(
    tx: Sql,
    conversation: ConversationRecord,
    to: ConversationStatus,
    now: Date,
    actorId: string | null,
  ): Promise<number> {
    await this.conversations.setStatus(tx, conversation.id, to, now);
    await this.audit.record(
      tx,
      [
        {
          conversationId: conversation.id,
          actorId,
          action: 'conversation.status_changed',
          targetType: 'conversation',
          targetId: conversation.id,
          reason: actorId ? null : scheduleReason(conversation, to),
          before: { status: conversation.status },
          after: { status: to },
        },
      ],
      now,
    );
    const at = now.toISOString();
    const conversationId = conversation.id;
    const events: NewEvent[] = [];
    // A draft whose whole window passed unseen still opened before it closed.
    if (conversation.status === 'draft' && to !== 'draft') {
      events.push({
        type: 'conversation.opened',
        payload: { conversationId, status: 'open', at },
        topicId: null,
        audience: 'public',
      });
    }

    // Archiving is a further kind of closing: clients treat both as "accepts nothing new".
    if (to === 'closed' || to === 'archived') {
      events.push({
        type: 'conversation.closed',
        payload: { conversationId, status: to, at },
        topicId: null,
        audience: 'public',
      });
    }

    return this.events.append(tx, conversationId, events, now);
  }
}

/** Why the clock moved a conversation: the time that was set for it. */
function scheduleReason(conversation: ConversationRecord, to: ConversationStatus): string {
  const at = to === 'open' ? conversation.opensAt : conversation.closesAt;

  return `Scheduled ${to === 'open' ? 'opening' : 'closing'} at ${at?.toISOString() ?? 'unknown'}`;
}
