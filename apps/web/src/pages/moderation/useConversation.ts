import type { Conversation, Topic } from '@razgovor/contracts';
import { call } from '../../api/client';
import { prepareLive } from '../../live/socket';
import { useLoad, type Loaded } from '../../talk/useLoad';

export interface ConversationWithTopics {
  conversation: Conversation;
  topics: Topic[];
}

/** The conversation (by id or slug) and its topics, for the moderation pages. */
export function useConversation(
  id: string,
  options: { live?: boolean } = {},
): Loaded<ConversationWithTopics> {
  return useLoad(`moderation:${id}:${options.live ? 'live' : 'static'}`, async (signal) => {
    const conversation = await call('getConversation', { params: { id }, signal });
    if (options.live) await prepareLive(conversation.id);
    const topics = await call('listTopics', { params: { id: conversation.id }, signal });

    return { conversation, topics: topics.items };
  });
}
