import type { Conversation, SlowMode, Topic } from '@razgovor/contracts';
import type { User } from '../accounts/user.entity';
import type { ConversationRecord, TopicRecord } from './conversation.records';
import { canFacilitate, effectiveStatus } from './conversation.policy';

export function toConversation(
  record: ConversationRecord,
  viewer: User | null,
  now: Date,
): Conversation {
  return {
    id: record.id,
    slug: record.slug,
    title: { bg: record.titleBg, en: record.titleEn },
    description: { bg: record.descriptionBg, en: record.descriptionEn },
    background: { bg: record.backgroundBg, en: record.backgroundEn },
    coverImageUrl: record.coverImageUrl,
    status: effectiveStatus(record, now),
    opensAt: record.opensAt?.toISOString() ?? null,
    closesAt: record.closesAt?.toISOString() ?? null,
    createdAt: record.createdAt.toISOString(),
    canFacilitate: canFacilitate(viewer, record),
    facilitatorIds: record.facilitatorIds,
  };
}

/** `now` decides whether an automatic slow mode has lapsed; pass the injected clock's time. */
export function toTopic(record: TopicRecord, now: Date): Topic {
  return {
    id: record.id,
    conversationId: record.conversationId,
    slug: record.slug,
    position: record.position,
    title: { bg: record.titleBg, en: record.titleEn },
    description: { bg: record.descriptionBg, en: record.descriptionEn },
    status: record.status,
    commentCount: record.commentCount,
    lastActivityAt: record.lastActivityAt?.toISOString() ?? null,
    moderationMode: record.moderationMode,
    slowMode: slowModeOf(record, now),
  };
}

/** Slow mode in effect at `now`: an automatic switch lapses at its end even before a write. */
export function slowModeOf(record: TopicRecord, now: Date): SlowMode | null {
  if (!record.slowModeSeconds || !record.slowModeSince) return null;
  if (record.slowModeUntil && record.slowModeUntil <= now) return null;

  return {
    seconds: record.slowModeSeconds,
    reason: record.slowModeReason ?? '',
    isAutomatic: record.isSlowModeAutomatic,
    since: record.slowModeSince.toISOString(),
    until: record.slowModeUntil?.toISOString() ?? null,
  };
}
