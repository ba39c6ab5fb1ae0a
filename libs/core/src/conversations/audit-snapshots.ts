import type { ConversationRecord, TopicRecord } from './conversation.records';

type Snapshot = Record<string, unknown>;

/** What the audit log keeps of a conversation: every field a facilitator can change. */
export function conversationSnapshot(record: ConversationRecord): Snapshot {
  return {
    slug: record.slug,
    status: record.status,
    title: { bg: record.titleBg, en: record.titleEn },
    description: { bg: record.descriptionBg, en: record.descriptionEn },
    background: { bg: record.backgroundBg, en: record.backgroundEn },
    coverImageUrl: record.coverImageUrl,
    opensAt: record.opensAt?.toISOString() ?? null,
    closesAt: record.closesAt?.toISOString() ?? null,
  };
}

export function topicSnapshot(record: TopicRecord): Snapshot {
  return {
    slug: record.slug,
    position: record.position,
    status: record.status,
    title: { bg: record.titleBg, en: record.titleEn },
    description: { bg: record.descriptionBg, en: record.descriptionEn },
  };
}

/** Only the fields that differ, so an entry shows what an edit changed and nothing else. */
export function changedFields(
  before: Snapshot,
  after: Snapshot,
): { before: Snapshot; after: Snapshot } {
  const keys = Object.keys(after).filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );

  return {
    before: Object.fromEntries(keys.map((key) => [key, before[key]])),
    after: Object.fromEntries(keys.map((key) => [key, after[key]])),
  };
}
