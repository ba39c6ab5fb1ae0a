import type { Appeal, AppealRequest } from '@razgovor/contracts';
import type { User } from '../accounts/user.entity';
import type { CommentReadingService } from '../comments/comment-reading.service';
import type { Clock } from '../common/clock';
import type { ConversationsRepository } from '../conversations/conversations.repository';
import type { Database } from '../database/sql';
import { AppError } from '../errors/app-error';
import type { EventNotices } from '../events/event-notices';
import type { EventsRepository } from '../events/events.repository';
import type { AuditRepository } from './audit.repository';
import { queueChanged } from './moderation-events';
import type { ModerationRepository } from './moderation.repository';

/** The author of a hidden comment may ask, once, for another look. */
export class AppealsService {
  constructor(
    private readonly database: Database,
    private readonly conversations: ConversationsRepository,
    private readonly reader: CommentReadingService,
    private readonly moderation: ModerationRepository,
    private readonly audit: AuditRepository,
    private readonly events: EventsRepository,
    private readonly notices: EventNotices,
    private readonly clock: Clock,
  ) {}

  async appeal(user: User, commentId: string, request: AppealRequest): Promise<Appeal> {
    const { comment, conversation } = await this.reader.load(user, commentId);
    if (comment.authorId !== user.id) {
      throw new AppError('FORBIDDEN', 'Only the author may appeal against a decision');
    }

    const now = this.clock.now();
    const seq = await this.database.transaction(async (tx) => {
      await this.conversations.lock(tx, conversation.id);
      const [target] = await this.moderation.lockMany(tx, conversation.id, [comment.id]);
      if (target!.moderationState !== 'hidden') {
        throw new AppError('NOT_APPEALABLE', 'Only a hidden comment can be appealed');
      }

      const appeal = { commentId: comment.id, userId: user.id, text: request.text };
      const isNew = await this.moderation.addAppeal(
        tx,
        { ...appeal, hiddenBy: target!.hiddenBy },
        now,
      );
      if (!isNew) throw new AppError('ALREADY_APPEALED', 'A comment can be appealed only once');
      await this.moderation.enqueue(tx, comment.id, 'appealed', now);
      await this.audit.record(
        tx,
        [
          {
            conversationId: conversation.id,
            actorId: user.id,
            action: 'comment.appealed',
            targetType: 'comment',
            targetId: comment.id,
            reason: request.text,
            before: { state: 'hidden', reason: target!.hiddenReason },
          },
        ],
        now,
      );

      return this.events.append(
        tx,
        conversation.id,
        [queueChanged(conversation.id, [comment.id], 'appealed', comment.topicId)],
        now,
      );
    });
    this.notices.publish(conversation.id, seq);

    return { text: request.text, createdAt: now.toISOString(), outcome: 'open' };
  }
}
