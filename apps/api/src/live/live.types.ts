import type {
  ClientToServerEvents,
  ServerEventEnvelope,
  ServerToClientEvents,
} from '@razgovor/contracts';
import type { User } from '@razgovor/core';
import type { BroadcastOperator, Server, Socket } from 'socket.io';

export interface SocketData {
  /** Null for an anonymous socket: it may follow public conversations only. */
  viewer: User | null;
  /** Conversations this socket follows, and whether it sees their facilitators' events. */
  conversations: Map<string, { isFacilitator: boolean }>;
  /** The topic this socket counts as present in, with its conversation. */
  watching: { conversationId: string; topicId: string } | null;
}

type InterServerEvents = Record<string, never>;

export type LiveServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;
export type LiveSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;
type LiveBroadcast = BroadcastOperator<ServerToClientEvents, SocketData>;

/** Emits a stored event under its own name. */
export function emitEvent(target: LiveSocket | LiveBroadcast, event: ServerEventEnvelope): void {
  const envelope: ServerEventEnvelope = {
    conversationId: event.conversationId,
    seq: event.seq,
    topicId: event.topicId,
    type: event.type,
    payload: event.payload,
    createdAt: event.createdAt,
  } as ServerEventEnvelope;
  // TypeScript cannot tie a union's `type` to its payload across the emit signature; the
  // envelope type already guarantees that they match.
  const emit = target.emit.bind(target) as (name: string, body: ServerEventEnvelope) => boolean;

  emit(envelope.type, envelope);
}
