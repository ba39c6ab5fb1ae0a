import type { CommentSort, ModerationState, PlaceholderReason, Stance } from '@razgovor/contracts';

export interface CommentRecord {
  id: string;
  conversationId: string;
  topicId: string;
  parentId: string | null;
  rootId: string;
  ancestorIds: string[];
  depth: number;
  path: string;
  authorId: string;
  authorName: string | null;
  isAuthorDeleted: boolean;
  body: string;
  language: string;
  status: 'visible' | 'withdrawn';
  agree: number;
  disagree: number;
  controversy: string;
  replyCount: number;
  lastActivityAt: Date;
  createdAt: Date;
  editedAt: Date | null;
  myStance: Stance | null;
  moderationState: ModerationState;
  hiddenReason: PlaceholderReason | null;
  isRedacted: boolean;
  appealOutcome: 'open' | 'restored' | 'upheld' | null;
}

export interface NewComment {
  id: string;
  conversationId: string;
  topicId: string;
  authorId: string;
  parentId: string | null;
  rootId: string;
  ancestorIds: string[];
  depth: number;
  path: string;
  body: string;
  language: string;
  clientKey: string | null;
  searchTerms: string[];
  createdAt: Date;
}

/** Keyset pagination: each sort is one column, with the id breaking ties in the same direction. */
export const sortKeys: Record<CommentSort, { column: string; descending: boolean; cast: string }> =
  {
    newest: { column: 'created_at', descending: true, cast: 'timestamptz' },
    oldest: { column: 'created_at', descending: false, cast: 'timestamptz' },
    agreed: { column: 'agree_count', descending: true, cast: 'bigint' },
    discussed: { column: 'reply_count', descending: true, cast: 'bigint' },
    controversial: { column: 'controversy', descending: true, cast: 'bigint' },
  };

export function sortValue(record: CommentRecord, sort: CommentSort): string {
  switch (sort) {
    case 'newest':
    case 'oldest':
      return record.createdAt.toISOString();
    case 'agreed':
      return String(record.agree);
    case 'discussed':
      return String(record.replyCount);
    case 'controversial':
      return String(record.controversy);
  }
}
