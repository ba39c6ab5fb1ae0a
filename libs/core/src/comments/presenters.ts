import type { Comment } from '@razgovor/contracts';
import { AppError } from '../errors/app-error';
import type { CommentRecord } from './comment.records';

/**
 * A comment as the API shows it. Withdrawn and hidden text is kept from everyone but facilitators;
 * the author of a hidden comment still sees their own words so that they can appeal.
 */
export function toComment(
  record: CommentRecord,
  isFacilitator = false,
  viewerId: string | null = null,
): Comment {
  const isOwn = viewerId !== null && viewerId === record.authorId;
  const isHidden =
    !isFacilitator &&
    (record.status === 'withdrawn' || (record.moderationState === 'hidden' && !isOwn));

  return {
    id: record.id,
    conversationId: record.conversationId,
    topicId: record.topicId,
    parentId: record.parentId,
    rootId: record.rootId,
    depth: record.depth,
    author: record.isAuthorDeleted
      ? { id: null, displayName: null, isDeleted: true }
      : { id: record.authorId, displayName: record.authorName, isDeleted: false },
    body: isHidden ? null : record.body,
    language: record.language,
    status: record.status,
    agree: record.agree,
    disagree: record.disagree,
    replyCount: record.replyCount,
    lastActivityAt: record.lastActivityAt.toISOString(),
    createdAt: record.createdAt.toISOString(),
    editedAt: record.editedAt?.toISOString() ?? null,
    myStance: record.myStance,
    moderation: {
      state: record.moderationState,
      reason: record.moderationState === 'hidden' ? record.hiddenReason : null,
      isRedacted: record.isRedacted,
      appeal: isFacilitator || isOwn ? record.appealOutcome : null,
    },
  };
}

export function encodeCursor(value: string, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

export function decodeCursor(cursor: string): { value: string; id: string } {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[0] === 'string' &&
      typeof parsed[1] === 'string' &&
      /^[0-9a-f-]{36}$/i.test(parsed[1])
    ) {
      return { value: parsed[0], id: parsed[1] };
    }
  } catch {
    // Falls through to the same answer as a well-formed but foreign cursor.
  }

  throw new AppError('VALIDATION_FAILED', 'The cursor is not one this list handed out', [
    { path: 'cursor', message: 'Unknown cursor' },
  ]);
}
