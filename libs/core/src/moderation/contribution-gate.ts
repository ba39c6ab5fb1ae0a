import { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { User } from '../accounts/user.entity';
import type { CommentRecord } from '../comments/comment.records';
import type { Clock } from '../common/clock';
import type {
  ConversationAccess,
  ConversationRecord,
  TopicRecord,
} from '../conversations/conversation.records';
import { canFacilitate } from '../conversations/conversation.policy';
import { slowModeOf } from '../conversations/presenters';
import type { Sql } from '../database/sql';
import { AppError } from '../errors/app-error';
import type { NewEvent } from '../events/events.repository';
import type { AuditRepository } from './audit.repository';
import type { ContentCheck, ContentVerdict } from './content-check';
import type { ModerationSettingsRepository } from './moderation-settings.repository';
import { queueChanged } from './moderation-events';
import type { ModerationRepository } from './moderation.repository';
import type { ActiveSanction, SanctionsRepository } from './sanctions.repository';
import type { SlowModeService } from './slow-mode.service';

export interface Admission {
  state: 'published' | 'pending';
  /** Why it waits for review: "pre-moderation", "new account" or "word list". */
  holdReason: string | null;
  verdict: ContentVerdict;
}

/** Refuses a muted or removed person given the sanction in force; never a facilitator. */
export function assertNotSanctioned(
  user: User,
  conversation: ConversationAccess,
  sanction: ActiveSanction | null,
): void {
  if (!sanction || canFacilitate(user, conversation)) return;
  if (sanction.action === 'remove') {
    throw new AppError('REMOVED_FROM_CONVERSATION', 'You were removed from this conversation');
  }

  const until = sanction.until?.toISOString() ?? null;
  throw new AppError('MUTED', `You are muted in this conversation until ${until}`, { until });
}

/**
 * What every contribution passes before it is written: sanctions, slow mode, the word list and
 * the moderation mode. Posting, editing, stances and flags call it; it holds no rule of theirs.
 */
export class ContributionGate {
  private readonly logger = new Logger(ContributionGate.name);

  constructor(
    private readonly settings: ModerationSettingsRepository,
    private readonly sanctions: SanctionsRepository,
    private readonly moderation: ModerationRepository,
    private readonly audit: AuditRepository,
    private readonly content: ContentCheck,
    private readonly slowMode: SlowModeService,
    private readonly redis: Redis,
    private readonly redisPrefix: string,
    private readonly clock: Clock,
  ) {}

  /** Muted and removed people may read but not post, flag or take a stance. */
  async assertMayTakePart(user: User, conversation: ConversationRecord, tx?: Sql): Promise<void> {
    if (canFacilitate(user, conversation)) return;
    const sanction = await this.sanctions.active(conversation.id, user.id, this.clock.now(), tx);
    assertNotSanctioned(user, conversation, sanction);
  }

  /**
   * Takes the person's slow-mode slot in Redis, so the limit holds across api processes. Returns
   * a release for a post that then fails, so that a refused post does not cost the slot.
   */
  async throttle(
    user: User,
    conversation: ConversationRecord,
    topic: TopicRecord,
  ): Promise<() => Promise<void>> {
    const slowMode = slowModeOf(topic, this.clock.now());
    if (!slowMode || canFacilitate(user, conversation)) return () => Promise.resolve();
    const key = `${this.redisPrefix}:slow:${topic.id}:${user.id}`;

    const taken = await this.redis.set(key, '1', 'EX', slowMode.seconds, 'NX');
    if (taken !== 'OK') {
      const retryAfter = Math.max(1, await this.redis.ttl(key));
      throw new AppError(
        'SLOW_MODE',
        `Slow mode: one comment every ${slowMode.seconds} seconds`,
        { seconds: slowMode.seconds, reason: slowMode.reason },
        retryAfter,
      );
    }

    return async () => {
      await this.redis.del(key);
    };
  }

  /** Decides, under the conversation lock, whether a new comment is published or held. */
  async admit(
    tx: Sql,
    user: User,
    conversation: ConversationRecord,
    topic: Pick<TopicRecord, 'moderationMode'>,
    verdict: ContentVerdict,
  ): Promise<Admission> {
    await this.assertMayTakePart(user, conversation, tx);
    if (canFacilitate(user, conversation)) return { state: 'published', holdReason: null, verdict };
    const settings = await this.settings.find(conversation.id, tx);

    const mode = topic.moderationMode ?? settings.mode;
    if (mode === 'pre') return { state: 'pending', holdReason: 'pre-moderation', verdict };
    if (verdict.action === 'hold') return { state: 'pending', holdReason: 'word list', verdict };
    if (settings.newAccountHoldCount > 0) {
      const earlier = await this.moderation.countByAuthor(tx, conversation.id, user.id);
      if (earlier < settings.newAccountHoldCount) {
        return { state: 'pending', holdReason: 'new account', verdict };
      }
    }

    return { state: 'published', holdReason: null, verdict };
  }

  /** After the insert: holds it or raises the word list's flag, with audit entries and events. */
  async settle(tx: Sql, record: CommentRecord, admission: Admission): Promise<NewEvent[]> {
    const now = this.clock.now();
    const events: NewEvent[] = [];
    if (admission.state === 'pending') {
      await this.moderation.hold(tx, record.id, false, now);
      await this.recordHold(tx, record, admission.holdReason ?? 'held', now);
      events.push(queueChanged(record.conversationId, [record.id], 'held', record.topicId));
    }

    if (admission.verdict.action === 'flag' && admission.state === 'published') {
      events.push(...(await this.systemFlag(tx, record, admission.verdict, now)));
    }

    return events;
  }

  /** An edit runs the word list again: block refuses, hold sends it back to review, flag flags. */
  async reviewEdit(
    tx: Sql,
    user: User,
    conversation: ConversationRecord,
    record: CommentRecord,
    verdict: ContentVerdict,
  ): Promise<NewEvent[]> {
    await this.assertMayTakePart(user, conversation, tx);
    const now = this.clock.now();
    if (canFacilitate(user, conversation) || record.moderationState !== 'published') return [];

    if (verdict.action === 'hold') {
      await this.moderation.hold(tx, record.id, true, now);
      await this.recordHold(tx, record, 'word list', now);

      return [queueChanged(record.conversationId, [record.id], 'held', record.topicId)];
    }

    return verdict.action === 'flag' ? this.systemFlag(tx, record, verdict, now) : [];
  }

  /** Counts a write towards the heat of a topic and switches slow mode when it runs hot. */
  async noteHeat(conversationId: string, topic: TopicRecord, kind: 'comments' | 'flags') {
    try {
      await this.slowMode.coolDown(topic);
      const settings = await this.settings.find(conversationId);
      const threshold =
        kind === 'comments' ? settings.heatCommentsPerMinute : settings.heatFlagsPerMinute;
      if (threshold <= 0) return;
      const minute = Math.floor(this.clock.now().getTime() / 60_000);
      const key = `${this.redisPrefix}:heat:${topic.id}:${kind}:${minute}`;
      const [[, count]] = (await this.redis.multi().incr(key).expire(key, 120).exec()) as [
        [Error | null, number],
      ];
      if (count <= threshold) return;

      await this.slowMode.heatUp(
        topic.id,
        settings.autoSlowModeSeconds,
        settings.coolDownMinutes,
        `More than ${threshold} ${kind} a minute`,
      );
    } catch (error) {
      // Heat only tunes the pace; a failure here must not fail the comment that was written.
      this.logger.warn(`Could not check the heat of topic ${topic.id}`, {
        topicId: topic.id,
        error: (error as Error).message,
      });
    }
  }

  /**
   * Runs the word list; call it before the transaction, as it reads on the pool and a
   * transaction waiting for the conversation lock must not wait for a second connection too.
   */
  async checkContent(conversationId: string, body: string): Promise<ContentVerdict> {
    const verdict = await this.content.check(conversationId, body);
    // Naming the matched words back would teach people how to get around the list.
    if (verdict.action === 'block') {
      throw new AppError('CONTENT_BLOCKED', 'This text cannot be posted here; please rephrase it');
    }

    return verdict;
  }

  private async recordHold(tx: Sql, record: CommentRecord, reason: string, now: Date) {
    await this.audit.record(
      tx,
      [
        {
          conversationId: record.conversationId,
          actorId: null,
          action: 'comment.held',
          targetType: 'comment',
          targetId: record.id,
          reason,
          before: { state: record.moderationState },
          after: { state: 'pending' },
        },
      ],
      now,
    );
  }

  private async systemFlag(
    tx: Sql,
    record: CommentRecord,
    verdict: ContentVerdict,
    now: Date,
  ): Promise<NewEvent[]> {
    const entryIds = verdict.matches.map((match) => match.entryId);
    await this.moderation.addFlag(
      tx,
      {
        commentId: record.id,
        conversationId: record.conversationId,
        userId: null,
        reason: 'other',
        text: 'word list',
        weight: 0,
      },
      now,
    );
    await this.moderation.enqueue(tx, record.id, 'flagged', now);
    await this.audit.record(
      tx,
      [
        {
          conversationId: record.conversationId,
          actorId: null,
          action: 'comment.flagged',
          targetType: 'comment',
          targetId: record.id,
          reason: 'word list',
          after: { entryIds },
        },
      ],
      now,
    );

    return [queueChanged(record.conversationId, [record.id], 'flagged', record.topicId)];
  }
}
