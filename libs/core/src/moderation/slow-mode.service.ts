import { Logger } from '@nestjs/common';
import type { SlowMode, SlowModeRequest, Topic } from '@razgovor/contracts';
import type { User } from '../accounts/user.entity';
import type { Clock } from '../common/clock';
import type { TopicRecord } from '../conversations/conversation.records';
import {
  assertEditable,
  assertFacilitator,
  effectiveStatus,
} from '../conversations/conversation.policy';
import type { ConversationsRepository } from '../conversations/conversations.repository';
import { slowModeOf, toTopic } from '../conversations/presenters';
import type { TopicsRepository } from '../conversations/topics.repository';
import type { TopicsService } from '../conversations/topics.service';
import type { Database } from '../database/sql';
import type { EventNotices } from '../events/event-notices';
import type { EventsRepository } from '../events/events.repository';
import type { AuditRepository } from './audit.repository';
import type { SlowModeChange, TopicModerationRepository } from './topic-moderation.repository';

/** Switches slow mode on and off, by hand or by the heat of a topic; every switch is audited. */
export class SlowModeService {
  private readonly logger = new Logger(SlowModeService.name);

  constructor(
    private readonly database: Database,
    private readonly conversations: ConversationsRepository,
    private readonly topics: TopicsRepository,
    private readonly topicsService: TopicsService,
    private readonly topicModeration: TopicModerationRepository,
    private readonly audit: AuditRepository,
    private readonly events: EventsRepository,
    private readonly notices: EventNotices,
    private readonly clock: Clock,
  ) {}

  async set(user: User, topicId: string, request: SlowModeRequest): Promise<Topic> {
    const { topic, conversation } = await this.topicsService.load(user, topicId);
    assertFacilitator(user, conversation);
    assertEditable(effectiveStatus(conversation, this.clock.now()));
    const now = this.clock.now();
    const change: SlowModeChange =
      request.seconds === 0
        ? { seconds: null, reason: request.reason, isAutomatic: false, since: null, until: null }
        : {
            seconds: request.seconds,
            reason: request.reason,
            isAutomatic: false,
            since: now,
            until: null,
          };

    await this.write(topic, change, user.id, request.reason, now);

    return toTopic((await this.topics.find(topic.id))!, this.clock.now());
  }

  /** Turns slow mode on because a topic heated up; does nothing if it is already on. */
  async heatUp(topicId: string, seconds: number, coolDownMinutes: number, reason: string) {
    const now = this.clock.now();
    const topic = await this.topics.find(topicId);
    if (!topic || slowModeOf(topic, now)) return;
    const until = new Date(now.getTime() + coolDownMinutes * 60_000);

    await this.write(
      topic,
      { seconds, reason, isAutomatic: true, since: now, until },
      null,
      reason,
      now,
    );
    this.logger.log(`Slow mode on in topic ${topicId}: ${reason}`, { topicId });
  }

  /** Records the end of an automatic switch whose cool-down has passed. */
  async coolDown(topic: TopicRecord): Promise<void> {
    const now = this.clock.now();
    const hasLapsed =
      topic.isSlowModeAutomatic && topic.slowModeUntil !== null && topic.slowModeUntil <= now;
    if (!hasLapsed || !topic.slowModeSeconds) return;
    const reason = 'The topic has calmed down';

    await this.write(
      topic,
      { seconds: null, reason, isAutomatic: true, since: null, until: null },
      null,
      reason,
      now,
    );
  }

  private async write(
    topic: TopicRecord,
    change: SlowModeChange,
    actorId: string | null,
    reason: string,
    now: Date,
  ): Promise<void> {
    const seq = await this.database.transaction(async (tx) => {
      await this.conversations.lock(tx, topic.conversationId);
      await this.topicModeration.lock(tx, topic.id);
      const before = (await this.topics.find(topic.id, tx))!;
      // Another process may have switched it a moment ago; the heat rule then has nothing to do.
      if (actorId === null && change.seconds !== null && slowModeOf(before, now)) return 0;

      await this.topicModeration.setSlowMode(tx, topic.id, change);
      const after = (await this.topics.find(topic.id, tx))!;
      const slowMode: SlowMode | null = slowModeOf(after, now);
      await this.audit.record(
        tx,
        [
          {
            conversationId: topic.conversationId,
            actorId,
            action: slowMode ? 'topic.slow_mode_on' : 'topic.slow_mode_off',
            targetType: 'topic',
            targetId: topic.id,
            reason,
            before: slowModeOf(before, now),
            after: slowMode,
          },
        ],
        now,
      );

      return this.events.append(
        tx,
        topic.conversationId,
        [
          {
            type: 'topic.slow_mode_changed',
            payload: { conversationId: topic.conversationId, topicId: topic.id, slowMode },
            topicId: topic.id,
            audience: 'public',
          },
        ],
        now,
      );
    });
    this.notices.publish(topic.conversationId, seq);
  }
}
