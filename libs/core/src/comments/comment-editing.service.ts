import { Logger } from '@nestjs/common';
import { type Comment, conversationLimits } from '@razgovor/contracts';
import type { User } from '../accounts/user.entity';
import type { Clock } from '../common/clock';
import type { Database } from '../database/sql';
import { AppError } from '../errors/app-error';
import type { EventNotices } from '../events/event-notices';
import type { EventsRepository } from '../events/events.repository';
import {
  assertAcceptsContributions,
  assertWithdrawable,
  effectiveStatus,
} from '../conversations/conversation.policy';
import type { ConversationsRepository } from '../conversations/conversations.repository';
import type { TopicsRepository } from '../conversations/topics.repository';
import type { ContributionGate } from '../moderation/contribution-gate';
import { commentEvents } from '../moderation/moderation-events';
import type { ThemesQueue } from '../themes/themes.queue';
import type { CommentReadingService } from './comment-reading.service';
import type { CommentRecord } from './comment.records';
import type { CommentsRepository } from './comments.repository';
import { toComment } from './presenters';
import { searchTerms } from './search-terms';

const editWindowMs = conversationLimits.editWindowMinutes * 60_000;

/** Authors changing their own words: edits within the window, and withdrawal. */
export class CommentEditingService {
  private readonly logger = new Logger(CommentEditingService.name);

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
    private readonly themes: ThemesQueue,
  ) {}

  async edit(user: User, commentId: string, body: string): Promise<Comment> {
    const { comment, conversation } = await this.reader.load(user, commentId);
    assertAuthor(user, comment);
    const text = body.trim();
    const verdict = await this.gate.checkContent(conversation.id, text);

    const seq = await this.database.transaction(async (tx) => {
      const locked = (await this.conversations.lock(tx, conversation.id))!;
      const current = (await this.comments.lock(tx, comment.id))!;
      const topic = (await this.topics.find(current.topicId, tx))!;
      const now = this.clock.now();
      assertAcceptsContributions(effectiveStatus(locked, now), topic.status);
      if (current.status === 'withdrawn') {
        throw new AppError('COMMENT_WITHDRAWN', 'A withdrawn comment cannot be edited');
      }

      if (now.getTime() - current.createdAt.getTime() > editWindowMs) {
        throw new AppError(
          'EDIT_WINDOW_PASSED',
          `Comments can be edited for ${conversationLimits.editWindowMinutes} minutes after posting`,
        );
      }

      if (current.body === text) return 0;
      const flagged = await this.gate.reviewEdit(tx, user, locked, current, verdict);
      const since = current.editedAt ?? current.createdAt;
      await this.comments.replaceBody(
        tx,
        current.id,
        { body: current.body, since },
        text,
        searchTerms(text),
        now,
      );
      const edited = (await this.comments.find(current.id, null, tx))!;

      return this.events.append(
        tx,
        conversation.id,
        [...commentEvents('comment.edited', edited), ...flagged],
        now,
      );
    });
    this.notices.publish(conversation.id, seq);
    // Its words changed, so its theme may have: placed again (or left, if the edit is held).
    if (seq > 0) this.refreshThemes(conversation.id, `edit-${seq}`, [comment.id]);

    this.logger.log(`Edited comment ${comment.id}`, { commentId: comment.id, userId: user.id });

    return toComment((await this.comments.find(comment.id, user.id))!, false, user.id);
  }

  async withdraw(user: User, commentId: string): Promise<Comment> {
    const { comment, conversation } = await this.reader.load(user, commentId);
    assertAuthor(user, comment);

    const seq = await this.database.transaction(async (tx) => {
      const locked = (await this.conversations.lock(tx, conversation.id))!;
      const current = (await this.comments.lock(tx, comment.id))!;
      const now = this.clock.now();
      assertWithdrawable(effectiveStatus(locked, now));
      if (current.status === 'withdrawn') return 0;

      await this.comments.withdraw(tx, current.id, now);
      const placeholder = (await this.comments.find(current.id, null, tx))!;

      return this.events.append(
        tx,
        conversation.id,
        commentEvents('comment.withdrawn', placeholder),
        now,
      );
    });
    this.notices.publish(conversation.id, seq);
    if (seq > 0) this.refreshThemes(conversation.id, `withdraw-${seq}`, []);

    this.logger.log(`Withdrew comment ${comment.id}`, { commentId: comment.id, userId: user.id });

    return toComment((await this.comments.find(comment.id, user.id))!, false, user.id);
  }

  private refreshThemes(conversationId: string, reason: string, changedIds: string[]) {
    const change = { changedIds, isSweep: true };
    void this.themes.refresh(conversationId, reason, change).catch((error: Error) => {
      this.logger.warn(`Could not queue theme placement: ${error.message}`);
    });
  }
}

function assertAuthor(user: User, comment: CommentRecord): void {
  if (comment.authorId !== user.id) {
    throw new AppError('FORBIDDEN', 'Only the author may change a comment');
  }
}
