import {
  moderationLimits,
  type QueueItem,
  type QueuePage,
  type QueueQuery,
  type StatementQueueItem,
} from '@razgovor/contracts';
import type { User } from '../accounts/user.entity';
import type { CommentsRepository } from '../comments/comments.repository';
import { toComment } from '../comments/presenters';
import type { ConversationsService } from '../conversations/conversations.service';
import { toStatement } from '../preferences/presenters';
import type { StatementsRepository } from '../preferences/statements.repository';
import { loadForFacilitator } from './moderation-access';
import type { ModerationRepository, QueueRow } from './moderation.repository';

/** What waits for the facilitators of a conversation, with enough of the thread to judge it. */
export class ReviewQueueService {
  constructor(
    private readonly conversations: ConversationsService,
    private readonly comments: CommentsRepository,
    private readonly moderation: ModerationRepository,
    private readonly statements: StatementsRepository,
  ) {}

  async list(user: User, conversationId: string, query: QueueQuery): Promise<QueuePage> {
    const conversation = await loadForFacilitator(this.conversations, user, conversationId);

    const { rows, total } = await this.moderation.queue({
      conversationId: conversation.id,
      sort: query.sort ?? 'newest',
      reason: query.reason ?? null,
      topicId: query.topicId ?? null,
      limit: Number(query.limit ?? 50),
      offset: Number(query.offset ?? 0),
    });
    const records = new Map(
      (await this.comments.findMany(rows.map((row) => row.id))).map((record) => [
        record.id,
        record,
      ]),
    );

    const statements = await this.statements.queue(conversation.id);

    return {
      items: rows.map((row) => toItem(row, toComment(records.get(row.id)!, true))),
      total,
      statements: statements.map((row) => ({
        statement: toStatement(row, user),
        queueReason: row.state === 'pending' ? 'held' : 'flagged',
        flagCount: row.flagCount,
        flagWeight: Number(row.flagWeight),
        flags: row.flags as StatementQueueItem['flags'],
      })),
    };
  }
}

function toItem(row: QueueRow, comment: QueueItem['comment']): QueueItem {
  return {
    comment,
    queueReason: row.queueReason,
    flagCount: row.flagCount,
    flagWeight: Number(row.flagWeight),
    flags: row.flags,
    parent: row.parentId ? { id: row.parentId, body: excerpt(row.parentBody) } : null,
    root: row.rootId !== row.id ? { id: row.rootId, body: excerpt(row.rootBody) } : null,
    appeal:
      row.appealText && row.appealOutcome
        ? {
            text: row.appealText,
            createdAt: row.appealCreatedAt!.toISOString(),
            outcome: row.appealOutcome,
          }
        : null,
    hiddenBy: row.hiddenBy,
  };
}

function excerpt(body: string | null): string | null {
  if (body === null) return null;
  const length = moderationLimits.excerptLength;

  return body.length > length ? `${body.slice(0, length)}…` : body;
}
