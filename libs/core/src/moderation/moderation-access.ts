import type { User } from '../accounts/user.entity';
import type { ConversationRecord } from '../conversations/conversation.records';
import { assertFacilitator, canFacilitate } from '../conversations/conversation.policy';
import type { ConversationsService } from '../conversations/conversations.service';
import { AppError } from '../errors/app-error';

/** Loads a conversation for its facilitators; others learn only that they may not. */
export async function loadForFacilitator(
  conversations: ConversationsService,
  user: User,
  conversationId: string,
): Promise<ConversationRecord> {
  const conversation = await conversations.load(user, conversationId);
  assertFacilitator(user, conversation);

  return conversation;
}

/** The audit log is for the conversation's facilitators, analysts and admins. */
export async function loadForAuditor(
  conversations: ConversationsService,
  user: User,
  conversationId: string,
): Promise<ConversationRecord> {
  const conversation = await conversations.load(user, conversationId);
  if (!canFacilitate(user, conversation) && !user.roles.includes('analyst')) {
    throw new AppError('FORBIDDEN', 'Only facilitators of this conversation and analysts may');
  }

  return conversation;
}
