import type { FlagReceipt, FlagRequest } from '@razgovor/contracts';
import type { User } from '../accounts/user.entity';
import type { CommentReadingService } from '../comments/comment-reading.service';
import type { Clock } from '../common/clock';
import type { ConversationsRepository } from '../conversations/conversations.repository';
import type { Database, Sql } from '../database/sql';
import { AppError } from '../errors/app-error';
import type { EventNotices } from '../events/event-notices';
import type { EventsRepository, NewEvent } from '../events/events.repository';
import { toComment } from '../comments/presenters';
import type { CommentsRepository } from '../comments/comments.repository';
import type { NotificationsRepository } from '../notifications/notifications.repository';
import type { AuditRepository } from './audit.repository';
import { noticeAuthors } from './author-notices';
import type { ContributionGate } from './contribution-gate';
import { queueChanged } from './moderation-events';
import type { ModerationSettingsRepository } from './moderation-settings.repository';
import type { ModerationRepository } from './moderation.repository';

/** A flagger's weight grows with flags that facilitators upheld: 1 at first, below 2 always. */
export function flagWeight(record: { upheld: number; rejected: number }): number {
  return 1 + record.upheld / (record.upheld + record.rejected + 2);
}

/**
 * Citizens flag comments. A second flag by the same person is refused with ALREADY_FLAGGED
 * rather than accepted silently, so the client can say "you already flagged this".
 */
export class FlagsService {
  constructor(
    private readonly database: Database,
    private readonly conversations: ConversationsRepository,
    private readonly reader: CommentReadingService,
    private readonly comments: CommentsRepository,
    private readonly moderation: ModerationRepository,
    private readonly settings: ModerationSettingsRepository,
    private readonly gate: ContributionGate,
    private readonly audit: AuditRepository,
    private readonly notifications: NotificationsRepository,
    private readonly events: EventsRepository,
    private readonly notices: EventNotices,
    private readonly clock: Clock,
  ) {}

  async flag(user: User, commentId: string, request: FlagRequest): Promise<FlagReceipt> {
    const { comment, conversation, topic } = await this.reader.load(user, commentId);
    if (comment.status === 'withdrawn') {
      throw new AppError('COMMENT_WITHDRAWN', 'A withdrawn comment cannot be flagged');
    }

    await this.gate.assertMayTakePart(user, conversation);

    const seq = await this.database.transaction(async (tx) => {
      await this.conversations.lock(tx, conversation.id);
      const [target] = await this.moderation.lockMany(tx, conversation.id, [comment.id]);
      const now = this.clock.now();
      const weight = flagWeight(await this.moderation.flagRecord(tx, user.id));
      const flag = {
        commentId: comment.id,
        conversationId: conversation.id,
        userId: user.id,
        reason: request.reason,
        text: request.text ?? null,
        weight,
      };
      if (!(await this.moderation.addFlag(tx, flag, now))) {
        throw new AppError('ALREADY_FLAGGED', 'You have already flagged this comment');
      }

      const settings = await this.settings.find(conversation.id, tx);
      const total = target!.flagWeight + weight;
      const events: NewEvent[] = [];
      if (target!.moderationState === 'published' && total >= settings.flagHideWeight) {
        events.push(...(await this.autoHide(tx, target!.id, total, now)));
      } else {
        await this.moderation.enqueue(tx, comment.id, 'flagged', now);
        events.push(queueChanged(conversation.id, [comment.id], 'flagged', comment.topicId));
      }

      return this.events.append(tx, conversation.id, events, now);
    });
    this.notices.publish(conversation.id, seq);
    await this.gate.noteHeat(conversation.id, topic, 'flags');

    return { commentId: comment.id, reason: request.reason };
  }

  private async autoHide(
    tx: Sql,
    commentId: string,
    total: number,
    now: Date,
  ): Promise<NewEvent[]> {
    await this.moderation.autoHide(tx, commentId, now);
    const record = (await this.comments.find(commentId, null, tx))!;
    await this.audit.record(
      tx,
      [
        {
          conversationId: record.conversationId,
          actorId: null,
          action: 'comment.hidden',
          targetType: 'comment',
          targetId: commentId,
          reason: 'flagged',
          before: { state: 'published' },
          after: { state: 'hidden', flagWeight: total },
        },
      ],
      now,
    );

    const notes = await noticeAuthors(
      tx,
      this.notifications,
      [
        {
          type: 'moderation.hidden',
          authorId: record.authorId,
          conversationId: record.conversationId,
          topicId: record.topicId,
          commentId,
          note: 'flagged',
        },
      ],
      null,
      now,
    );

    return [
      {
        type: 'comment.hidden',
        payload: { comment: toComment(record) },
        topicId: record.topicId,
        audience: 'public',
      },
      queueChanged(record.conversationId, [commentId], 'auto-hidden', record.topicId),
      ...notes,
    ];
  }
}
