import { Logger } from '@nestjs/common';
import type {
  PublishSummaryRequest,
  Summary,
  SummaryList,
  SummaryResponseList,
  SummaryResponseRequest,
} from '@razgovor/contracts';
import type { User } from '../accounts/user.entity';
import type { CommentsRepository } from '../comments/comments.repository';
import type { Clock } from '../common/clock';
import {
  assertAcceptsContributions,
  assertFacilitator,
  assertSummarisable,
  effectiveStatus,
} from '../conversations/conversation.policy';
import type { ConversationsRepository } from '../conversations/conversations.repository';
import type { TopicsService } from '../conversations/topics.service';
import type { Database } from '../database/sql';
import { AppError } from '../errors/app-error';
import type { EventNotices } from '../events/event-notices';
import type { EventsRepository, NewEvent } from '../events/events.repository';
import type { AuditRepository } from '../moderation/audit.repository';
import type { ContributionGate } from '../moderation/contribution-gate';
import type { NotificationsRepository } from '../notifications/notifications.repository';
import { notificationEvent } from '../notifications/notifications.service';
import type { SummariesRepository, SummaryRecord } from './summaries.repository';

function toSummary(record: SummaryRecord): Summary {
  return {
    id: record.id,
    conversationId: record.conversationId,
    topicId: record.topicId,
    commentId: record.commentId,
    version: record.version,
    body: { bg: record.bodyBg, en: record.bodyEn },
    authorName: record.authorName,
    publishedAt: record.createdAt.toISOString(),
    tallies: { reflects: record.reflects, misses: record.misses },
    myReaction: record.myReaction,
  };
}

/** Facilitators' pinned, versioned summaries of a topic or a thread, and citizens' answers. */
export class SummariesService {
  private readonly logger = new Logger(SummariesService.name);

  constructor(
    private readonly database: Database,
    private readonly conversations: ConversationsRepository,
    private readonly topics: TopicsService,
    private readonly comments: CommentsRepository,
    private readonly summaries: SummariesRepository,
    private readonly notifications: NotificationsRepository,
    private readonly audit: AuditRepository,
    private readonly gate: ContributionGate,
    private readonly events: EventsRepository,
    private readonly notices: EventNotices,
    private readonly clock: Clock,
  ) {}

  async list(viewer: User | null, topicId: string): Promise<SummaryList> {
    const { topic } = await this.topics.load(viewer, topicId);

    return {
      items: (await this.summaries.listForTopic(topic.id, viewer?.id ?? null)).map(toSummary),
    };
  }

  async get(viewer: User | null, summaryId: string): Promise<Summary> {
    return toSummary(await this.load(viewer, summaryId));
  }

  async publish(user: User, topicId: string, request: PublishSummaryRequest): Promise<Summary> {
    const { topic, conversation } = await this.topics.load(user, topicId);
    assertFacilitator(user, conversation);
    const commentId = request.commentId ?? null;
    if (commentId) {
      const root = await this.comments.find(commentId, null);
      if (!root || root.topicId !== topic.id || root.depth !== 0) {
        throw new AppError(
          'VALIDATION_FAILED',
          'A thread summary must name a thread of the topic',
          [{ path: 'commentId', message: 'Must be a top-level comment of this topic' }],
        );
      }
    }

    const { id, seq } = await this.database.transaction(async (tx) => {
      const locked = (await this.conversations.lock(tx, conversation.id))!;
      const now = this.clock.now();
      assertSummarisable(effectiveStatus(locked, now));
      const summaryId = await this.summaries.insert(
        tx,
        {
          conversationId: conversation.id,
          topicId: topic.id,
          commentId,
          bodyBg: request.body.bg,
          bodyEn: request.body.en,
        },
        user.id,
        now,
      );
      const summary = toSummary((await this.summaries.find(summaryId, null, tx))!);
      await this.audit.record(
        tx,
        [
          {
            conversationId: conversation.id,
            actorId: user.id,
            action: 'summary.published',
            targetType: 'summary',
            targetId: summaryId,
            before: null,
            after: {
              topicId: topic.id,
              commentId,
              version: summary.version,
              body: summary.body,
            },
          },
        ],
        now,
      );
      const recipients = await this.notifications.topicAuthors(tx, topic.id, user.id);
      const notes = await this.notifications.insert(
        tx,
        {
          type: 'summary.published',
          conversationId: conversation.id,
          topicId: topic.id,
          commentId,
          summaryId,
          actorId: user.id,
        },
        recipients,
        now,
      );
      const events: NewEvent[] = [
        { type: 'summary.published', payload: { summary }, topicId: topic.id, audience: 'public' },
        ...notes.map(notificationEvent),
      ];

      return { id: summaryId, seq: await this.events.append(tx, conversation.id, events, now) };
    });
    this.notices.publish(conversation.id, seq);

    this.logger.log(`Published summary ${id} of topic ${topic.id}`, { summaryId: id });

    return this.get(user, id);
  }

  async respond(user: User, summaryId: string, request: SummaryResponseRequest): Promise<Summary> {
    const summary = await this.load(user, summaryId);
    const { topic, conversation } = await this.topics.load(user, summary.topicId);
    const now = this.clock.now();
    assertAcceptsContributions(effectiveStatus(conversation, now), topic.status);
    await this.gate.assertMayTakePart(user, conversation);

    await this.summaries.respond(
      summary.id,
      user.id,
      request.reaction,
      request.comment?.trim() || null,
      now,
    );

    return this.get(user, summary.id);
  }

  async responses(viewer: User | null, summaryId: string): Promise<SummaryResponseList> {
    const summary = await this.load(viewer, summaryId);
    const rows = await this.summaries.listResponses(summary.id);

    return {
      items: rows.map((row) => ({
        reaction: row.reaction,
        comment: row.comment,
        createdAt: row.createdAt.toISOString(),
      })),
    };
  }

  private async load(viewer: User | null, summaryId: string): Promise<SummaryRecord> {
    const summary = await this.summaries.find(summaryId, viewer?.id ?? null);
    if (!summary) throw new AppError('NOT_FOUND', 'No such summary');
    await this.topics.load(viewer, summary.topicId);

    return summary;
  }
}
