import type { ConversationStatus, TopicStatus } from '@razgovor/contracts';
import type { User } from '../accounts/user.entity';
import { AppError } from '../errors/app-error';
import type { ConversationAccess, ConversationRecord } from './conversation.records';

/**
 * Who may do what, and in which status of the conversation. The services check these; the tests
 * walk the same table. "facilitator" means a facilitator of this conversation, or an admin.
 *
 * | action                       | who                                  | conversation status    |
 * |------------------------------|--------------------------------------|------------------------|
 * | create a conversation        | facilitator or admin role            | -                      |
 * | edit it, add/close topics    | facilitator                          | draft, open, closed    |
 * | open / close / archive       | facilitator                          | draft->open->closed->archived |
 * | manage its facilitators      | its creator or an admin              | any                    |
 * | see a draft                  | facilitator                          | draft                  |
 * | post, reply, take a stance   | confirmed e-mail                     | open, topic open       |
 * | edit a comment (15 minutes)  | its author                           | open, topic open       |
 * | withdraw a comment           | its author                           | open, closed           |
 * | read revisions, withdrawn text | facilitator                        | any                    |
 * | publish a summary            | facilitator                          | open, closed           |
 * | answer a summary             | confirmed e-mail                     | open                   |
 */
export const transitions: Record<ConversationStatus, readonly ConversationStatus[]> = {
  draft: ['open'],
  open: ['closed'],
  closed: ['archived'],
  archived: [],
};

/** The status in effect at `now`: scheduled openings and closings count from their time on. */
export function effectiveStatus(
  conversation: Pick<ConversationRecord, 'status' | 'opensAt' | 'closesAt'>,
  now: Date,
): ConversationStatus {
  const { status, opensAt, closesAt } = conversation;
  const isOpening = status === 'draft' && opensAt !== null && opensAt <= now;
  const current = isOpening ? 'open' : status;
  const isClosing = current === 'open' && closesAt !== null && closesAt <= now;

  return isClosing ? 'closed' : current;
}

export function isAdmin(user: User | null): boolean {
  return user?.roles.includes('admin') ?? false;
}

export function canFacilitate(user: User | null, conversation: ConversationAccess): boolean {
  if (!user) return false;

  return isAdmin(user) || conversation.facilitatorIds.includes(user.id);
}

export function canSee(user: User | null, conversation: ConversationAccess, now: Date): boolean {
  return effectiveStatus(conversation, now) !== 'draft' || canFacilitate(user, conversation);
}

export function assertFacilitator(user: User, conversation: ConversationRecord): void {
  if (!canFacilitate(user, conversation)) {
    throw new AppError('FORBIDDEN', 'Only facilitators of this conversation may do this');
  }
}

export function assertManagesFacilitators(user: User, conversation: ConversationRecord): void {
  if (!isAdmin(user) && conversation.createdBy !== user.id) {
    throw new AppError('FORBIDDEN', 'Only the creator of the conversation or an admin may do this');
  }
}

/** Facilitators may shape a conversation until it is archived. */
export function assertEditable(status: ConversationStatus): void {
  if (status === 'archived') {
    throw new AppError('CONVERSATION_CLOSED', 'The conversation is archived and cannot change');
  }
}

/** Participants may add to a conversation only while it and the topic are open. */
export function assertAcceptsContributions(
  status: ConversationStatus,
  topicStatus: TopicStatus,
): void {
  if (status === 'draft') {
    throw new AppError('CONVERSATION_NOT_OPEN', 'The conversation has not opened yet');
  }

  if (status !== 'open') {
    throw new AppError('CONVERSATION_CLOSED', 'The conversation is closed to new contributions');
  }

  if (topicStatus !== 'open') {
    throw new AppError('TOPIC_CLOSED', 'This topic is closed to new contributions');
  }
}

/** Authors may still take back their words after closing, but not once the record is archived. */
export function assertWithdrawable(status: ConversationStatus): void {
  if (status === 'draft' || status === 'archived') {
    throw new AppError('CONVERSATION_CLOSED', 'Comments of an archived conversation cannot change');
  }
}

export function assertSummarisable(status: ConversationStatus): void {
  if (status === 'draft') {
    throw new AppError('CONVERSATION_NOT_OPEN', 'The conversation has not opened yet');
  }

  if (status === 'archived') {
    throw new AppError('CONVERSATION_CLOSED', 'The conversation is archived');
  }
}

export function assertTransition(from: ConversationStatus, to: ConversationStatus): void {
  if (!transitions[from].includes(to)) {
    throw new AppError('INVALID_TRANSITION', `A ${from} conversation cannot become ${to}`, {
      from,
      to,
      allowed: transitions[from],
    });
  }
}
