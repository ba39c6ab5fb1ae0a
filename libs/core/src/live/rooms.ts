import type { EventAudience } from '@razgovor/contracts';

/**
 * socket.io room names. A socket that follows a conversation is in its room, and also in its
 * facilitators' room when it may run it; every signed-in socket is in its person's room.
 */
export const rooms = {
  conversation: (conversationId: string) => `conversation:${conversationId}`,
  facilitators: (conversationId: string) => `conversation:${conversationId}:facilitators`,
  analysts: (conversationId: string) => `conversation:${conversationId}:analysts`,
  user: (userId: string) => `user:${userId}`,
  topic: (topicId: string) => `topic:${topicId}`,
};

/**
 * The one room an event goes to. A person's events go to their own room, not the conversation's,
 * so they reach the person's sockets whether or not those follow the conversation, and only once.
 */
export function roomFor(conversationId: string, audience: EventAudience): string {
  if (audience === 'public') return rooms.conversation(conversationId);
  if (audience === 'facilitators') return rooms.facilitators(conversationId);
  if (audience === 'analysts') return rooms.analysts(conversationId);

  return rooms.user(audience.slice('user:'.length));
}
