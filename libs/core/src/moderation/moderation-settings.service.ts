import type {
  ModerationSettings,
  Topic,
  TopicModerationRequest,
  UpdateModerationSettingsRequest,
} from '@razgovor/contracts';
import type { User } from '../accounts/user.entity';
import type { Clock } from '../common/clock';
import { assertFacilitator } from '../conversations/conversation.policy';
import type { ConversationsRepository } from '../conversations/conversations.repository';
import type { ConversationsService } from '../conversations/conversations.service';
import { toTopic } from '../conversations/presenters';
import type { TopicsRepository } from '../conversations/topics.repository';
import type { TopicsService } from '../conversations/topics.service';
import type { Database } from '../database/sql';
import type { AuditRepository } from './audit.repository';
import { loadForFacilitator } from './moderation-access';
import type {
  ModerationSettingsRepository,
  SettingsRecord,
} from './moderation-settings.repository';
import type { TopicModerationRepository } from './topic-moderation.repository';

/** The moderation mode and thresholds of a conversation, and a topic's own mode. */
export class ModerationSettingsService {
  constructor(
    private readonly database: Database,
    private readonly conversations: ConversationsRepository,
    private readonly conversationsService: ConversationsService,
    private readonly topics: TopicsRepository,
    private readonly topicsService: TopicsService,
    private readonly settings: ModerationSettingsRepository,
    private readonly topicModeration: TopicModerationRepository,
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
  ) {}

  async get(user: User, conversationId: string): Promise<ModerationSettings> {
    const conversation = await loadForFacilitator(this.conversationsService, user, conversationId);

    return withoutVersion(await this.settings.find(conversation.id));
  }

  async update(
    user: User,
    conversationId: string,
    request: UpdateModerationSettingsRequest,
  ): Promise<ModerationSettings> {
    const conversation = await loadForFacilitator(this.conversationsService, user, conversationId);

    await this.database.transaction(async (tx) => {
      await this.conversations.lock(tx, conversation.id);
      const before = withoutVersion(await this.settings.find(conversation.id, tx));
      await this.settings.update(tx, conversation.id, request);
      const after = withoutVersion(await this.settings.find(conversation.id, tx));
      await this.audit.record(
        tx,
        [
          {
            conversationId: conversation.id,
            actorId: user.id,
            action: 'conversation.moderation_changed',
            targetType: 'conversation',
            targetId: conversation.id,
            before,
            after,
          },
        ],
        this.clock.now(),
      );
    });

    return withoutVersion(await this.settings.find(conversation.id));
  }

  async setTopicMode(user: User, topicId: string, request: TopicModerationRequest): Promise<Topic> {
    const { topic, conversation } = await this.topicsService.load(user, topicId);
    assertFacilitator(user, conversation);

    await this.database.transaction(async (tx) => {
      await this.conversations.lock(tx, conversation.id);
      await this.topicModeration.setMode(tx, topic.id, request.mode);
      await this.audit.record(
        tx,
        [
          {
            conversationId: conversation.id,
            actorId: user.id,
            action: 'topic.moderation_changed',
            targetType: 'topic',
            targetId: topic.id,
            before: { mode: topic.moderationMode },
            after: { mode: request.mode },
          },
        ],
        this.clock.now(),
      );
    });

    return toTopic((await this.topics.find(topic.id))!, this.clock.now());
  }
}

function withoutVersion({ wordListVersion: _version, ...settings }: SettingsRecord) {
  return settings;
}
