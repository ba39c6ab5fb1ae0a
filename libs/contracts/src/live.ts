import type { ErrorCode } from './errors';
import type { ServerEventEnvelope, ServerEventName } from './events';

/**
 * The socket.io protocol (path `/socket.io`). The session cookie signs the socket in; anonymous
 * sockets may follow public conversations, but receive no facilitator or personal events.
 *
 * A client joins a conversation with the last `seq` it saw (0 or absent for none). The server
 * first sends every event after it, in order, then live events, never skipping or repeating a
 * seq. After a reconnect the client joins again with its last seq.
 */
export interface ClientToServerEvents {
  'conversation.join': (request: JoinRequest, ack: (reply: JoinReply) => void) => void;
  'conversation.leave': (request: { conversationId: string }) => void;
  /** Counts the socket as present in a topic (for "n people here now"); one topic at a time. */
  'topic.watch': (request: { topicId: string | null }) => void;
}

export interface JoinRequest {
  conversationId: string;
  afterSeq?: number;
}

export type JoinReply =
  | { ok: true; conversationId: string; latestSeq: number; replayed: number }
  | { ok: false; code: ErrorCode; message: string };

export interface PresenceUpdate {
  conversationId: string;
  /** Null for the conversation as a whole. */
  topicId: string | null;
  count: number;
}

/** Every stored event is emitted under its own name with its envelope. */
export type ServerToClientEvents = {
  [Name in ServerEventName]: (envelope: Extract<ServerEventEnvelope, { type: Name }>) => void;
} & {
  'presence.changed': (update: PresenceUpdate) => void;
};
