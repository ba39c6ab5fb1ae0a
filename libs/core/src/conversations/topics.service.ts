import type { CreateTopicRequest, Topic, UpdateTopicRequest } from '@razgovor/contracts';
import type { User } from '../accounts/user.entity';
import type { Clock } from '../common/clock';
import { type Database, isUniqueViolation } from '../database/sql';
import type { CommentPageCache } from '../comments/comment-page-cache';
import { AppError } from '../errors/app-error';
import type { EventNotices } from '../events/event-notices';
import type { EventsRepository } from '../events/events.repository';
import type { AuditRepository } from '../moderation/audit.repository';
import { changedFields, topicSnapshot } from './audit-snapshots';
import type { ConversationAccess, ConversationRecord, TopicRecord } from './conversation.records';
import { assertEditable, assertFacilitator, canSee, effectiveStatus } from './conversation.policy';
import type { ConversationsRepository } from './conversations.repository';
import type { ConversationsService } from './conversations.service';
import { toTopic } from './presenters';
import type { TopicsRepository } from './topics.repository';

/** The facilitators' questions inside a conversation: ordered, each open or closed. */
export class TopicsService {
  constructor(
    private readonly database: Database,
    private readonly conversations: ConversationsRepository,
    private readonly topics: TopicsRepository,
    private readonly reader: ConversationsService,
    private readonly audit: AuditRepository,
    private readonly events: EventsRepository,
    private readonly notices: EventNotices,
    private readonly clock: Clock,
    private readonly pages: CommentPageCache,
  ) {}

  /** A topic with its conversation, if the viewer may see that conversation. */
  async load(
    viewer: User | null,
    topicId: string,
  ): Promise<{ topic: TopicRecord; conversation: ConversationRecord }> {
    const topic = await this.topics.find(topicId);
    const conversation = topic ? await this.conversations.find(topic.conversationId) : null;
    if (!topic || !conversation || !canSee(viewer, conversation, this.clock.now())) {
      throw new AppError('NOT_FOUND', 'No such topic');
    }

    return { topic, conversation };
  }

  /**
   * The topic's conversation, if the viewer may see it; cheaper than `load`, and cached with the
   * comment pages (status changes are events; schedule and facilitator edits flush the cache).
   */
  async access(viewer: User | null, topicId: string): Promise<ConversationAccess> {
    const known = this.pages.conversationOf(topicId);
    const find = () => this.topics.findAccess(topicId);
    const conversation = await (known ? this.pages.get(known, `access|${topicId}`, find) : find());
    if (conversation && !known) this.pages.rememberTopic(topicId, conversation.id);
    if (!conversation || !canSee(viewer, conversation, this.clock.now())) {
      throw new AppError('NOT_FOUND', 'No such topic');
    }

    return conversation;
  }

  async get(viewer: User | null, topicId: string): Promise<Topic> {
    return toTopic((await this.load(viewer, topicId)).topic, this.clock.now());
  }

  async list(viewer: User | null, conversationId: string): Promise<Topic[]> {
    const conversation = await this.reader.load(viewer, conversationId);

    const now = this.clock.now();

    return (await this.topics.list(conversation.id)).map((record) => toTopic(record, now));
  }

  async create(user: User, conversationId: string, request: CreateTopicRequest): Promise<Topic> {
    const conversation = await this.reader.load(user, conversationId);
    assertFacilitator(user, conversation);
    assertEditable(effectiveStatus(conversation, this.clock.now()));

    const id = await this.database
      .transaction(async (tx) => {
        const now = this.clock.now();
        const id = await this.topics.create(
          tx,
          conversation.id,
          {
            slug: request.slug,
            position: request.position,
            titleBg: request.title.bg,
            titleEn: request.title.en,
            descriptionBg: request.description.bg,
            descriptionEn: request.description.en,
          },
          now,
        );
        const created = (await this.topics.find(id, tx))!;
        await this.audit.record(
          tx,
          [
            {
              conversationId: conversation.id,
              actorId: user.id,
              action: 'topic.created',
              targetType: 'topic',
              targetId: id,
              before: null,
              after: topicSnapshot(created),
            },
          ],
          now,
        );

        return id;
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) {
          throw new AppError('SLUG_TAKEN', 'Another topic of this conversation uses this slug');
        }

        throw error;
      });

    return toTopic((await this.topics.find(id))!, this.clock.now());
  }

  async update(user: User, topicId: string, request: UpdateTopicRequest): Promise<Topic> {
    const { topic, conversation } = await this.load(user, topicId);
    assertFacilitator(user, conversation);

    const seq = await this.database.transaction(async (tx) => {
      const locked = (await this.conversations.lock(tx, conversation.id))!;
      const now = this.clock.now();
      assertEditable(effectiveStatus(locked, now));
      const current = (await this.topics.find(topic.id, tx))!;
      await this.topics.update(
        tx,
        topic.id,
        {
          position: request.position,
          titleBg: request.title?.bg,
          titleEn: request.title?.en,
          descriptionBg: request.description?.bg,
          descriptionEn: request.description?.en,
          status: request.status,
        },
        now,
      );
      const updated = (await this.topics.find(topic.id, tx))!;
      const diff = changedFields(topicSnapshot(current), topicSnapshot(updated));
      const isStatusChange = diff.after.status !== undefined;
      if (Object.keys(diff.after).length > 0) {
        await this.audit.record(
          tx,
          [
            {
              conversationId: conversation.id,
              actorId: user.id,
              action: isStatusChange
                ? `topic.${updated.status === 'open' ? 'opened' : 'closed'}`
                : 'topic.updated',
              targetType: 'topic',
              targetId: topic.id,
              ...diff,
            },
          ],
          now,
        );
      }

      if (!isStatusChange) return 0;

      return this.events.append(
        tx,
        conversation.id,
        [
          {
            type: updated.status === 'open' ? 'topic.opened' : 'topic.closed',
            payload: { conversationId: conversation.id, topicId: topic.id, status: updated.status },
            topicId: topic.id,
            audience: 'public',
          },
        ],
        now,
      );
    });
    this.notices.publish(conversation.id, seq);

    return toTopic((await this.topics.find(topic.id))!, this.clock.now());
  }
}
