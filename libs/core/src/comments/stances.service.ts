import type { Comment, Stance } from '@razgovor/contracts';
import type { User } from '../accounts/user.entity';
import type { Clock } from '../common/clock';
import type { Database } from '../database/sql';
import { AppError } from '../errors/app-error';
import type { EventNotices } from '../events/event-notices';
import type { EventsRepository } from '../events/events.repository';
import { assertAcceptsContributions, effectiveStatus } from '../conversations/conversation.policy';
import type { ConversationsRepository } from '../conversations/conversations.repository';
import type { TopicsRepository } from '../conversations/topics.repository';
import type { ContributionGate } from '../moderation/contribution-gate';
import type { CommentReadingService } from './comment-reading.service';
import type { CommentsRepository } from './comments.repository';
import { toComment } from './presenters';

function weight(stance: Stance | null): { agree: number; disagree: number } {
  return { agree: stance === 'agree' ? 1 : 0, disagree: stance === 'disagree' ? 1 : 0 };
}

/** One stance per person per comment; the counters move in the same transaction as the stance. */
export class StancesService {
  constructor(
    private readonly database: Database,
    private readonly conversations: ConversationsRepository,
    private readonly topics: TopicsRepository,
    private readonly comments: CommentsRepository,
    private readonly reader: CommentReadingService,
    private readonly events: EventsRepository,
    private readonly notices: EventNotices,
    private readonly clock: Clock,
    private readonly gate: ContributionGate,
  ) {}

  async set(user: User, commentId: string, stance: Stance | null): Promise<Comment> {
    const { comment, conversation } = await this.reader.load(user, commentId);
    if (comment.status === 'withdrawn') {
      throw new AppError('COMMENT_WITHDRAWN', 'A withdrawn comment takes no stances');
    }

    await this.gate.assertMayTakePart(user, conversation);

    const seq = await this.database.transaction(async (tx) => {
      const locked = (await this.conversations.lock(tx, conversation.id))!;
      const topic = (await this.topics.find(comment.topicId, tx))!;
      const now = this.clock.now();
      assertAcceptsContributions(effectiveStatus(locked, now), topic.status);
      const previous = await this.comments.findStance(tx, comment.id, user.id);
      if (previous === stance) return 0;

      await this.comments.putStance(tx, comment.id, user.id, stance, now);
      const before = weight(previous);
      const after = weight(stance);
      const counts = await this.comments.shiftCounts(
        tx,
        comment.id,
        after.agree - before.agree,
        after.disagree - before.disagree,
      );

      return this.events.append(
        tx,
        conversation.id,
        [
          {
            type: 'stance.changed',
            payload: { commentId: comment.id, topicId: comment.topicId, ...counts },
            topicId: comment.topicId,
            // Counts of a held comment are nobody else's business until it is approved.
            audience: comment.moderationState === 'pending' ? `user:${comment.authorId}` : 'public',
          },
        ],
        now,
      );
    });
    this.notices.publish(conversation.id, seq);

    return toComment((await this.comments.find(comment.id, user.id))!, false, user.id);
  }
}
