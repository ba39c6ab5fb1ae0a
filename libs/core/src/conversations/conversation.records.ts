import type { ConversationStatus, ModerationMode, TopicStatus } from '@razgovor/contracts';

export interface ConversationRecord {
  id: string;
  slug: string;
  titleBg: string;
  titleEn: string;
  descriptionBg: string;
  descriptionEn: string;
  backgroundBg: string;
  backgroundEn: string;
  coverImageUrl: string | null;
  /** As stored; what is in effect now also depends on the schedule (see effectiveStatus). */
  status: ConversationStatus;
  opensAt: Date | null;
  closesAt: Date | null;
  createdBy: string | null;
  createdAt: Date;
  facilitatorIds: string[];
}

/** What deciding who may read a conversation needs. */
export type ConversationAccess = Pick<
  ConversationRecord,
  'id' | 'status' | 'opensAt' | 'closesAt' | 'facilitatorIds'
>;

export interface TopicRecord {
  id: string;
  conversationId: string;
  slug: string;
  position: number;
  titleBg: string;
  titleEn: string;
  descriptionBg: string;
  descriptionEn: string;
  status: TopicStatus;
  commentCount: number;
  lastActivityAt: Date | null;
  moderationMode: ModerationMode | null;
  slowModeSeconds: number | null;
  slowModeReason: string | null;
  isSlowModeAutomatic: boolean;
  slowModeSince: Date | null;
  slowModeUntil: Date | null;
}
