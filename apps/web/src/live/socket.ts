import {
  serverEventNames,
  type ClientToServerEvents,
  type PresenceUpdate,
  type ServerEventEnvelope,
  type ServerToClientEvents,
} from '@razgovor/contracts';
import { io, type Socket } from 'socket.io-client';
import { call } from '../api/client';

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type EventListener = (envelope: ServerEventEnvelope) => void;
type PresenceListener = (update: PresenceUpdate) => void;

let socket: LiveSocket | null = null;
const lastSeq = new Map<string, number>();
const joined = new Map<string, Set<EventListener>>();
const anyEventListeners = new Set<EventListener>();
const presenceListeners = new Set<PresenceListener>();
let watchedTopic: string | null = null;

function deliver(envelope: ServerEventEnvelope): void {
  const seen = lastSeq.get(envelope.conversationId);
  // Replays after a reconnect may overlap what already arrived live: each seq is applied once.
  if (seen !== undefined && envelope.seq <= seen) return;
  if (joined.has(envelope.conversationId)) lastSeq.set(envelope.conversationId, envelope.seq);

  for (const listener of joined.get(envelope.conversationId) ?? []) listener(envelope);
  for (const listener of anyEventListeners) listener(envelope);
}

function join(conversationId: string): void {
  const afterSeq = lastSeq.get(conversationId);
  getSocket().emit('conversation.join', { conversationId, afterSeq }, (reply) => {
    if (!reply.ok) console.warn('Could not follow conversation', conversationId, reply.code);
  });
}

function getSocket(): LiveSocket {
  if (socket) return socket;

  const created: LiveSocket = io({
    path: '/socket.io',
    transports: ['websocket', 'polling'],
    withCredentials: true,
  });
  for (const name of serverEventNames) {
    // The map from name to envelope type is exact in the contracts; the cast only widens it.
    created.on(name, deliver as ServerToClientEvents[typeof name]);
  }

  created.on('presence.changed', (update) => {
    for (const listener of presenceListeners) listener(update);
  });
  // After a reconnect the server knows nothing of this client: rejoin from the last seq seen.
  created.io.on('reconnect', () => {
    for (const conversationId of joined.keys()) join(conversationId);
    if (watchedTopic) created.emit('topic.watch', { topicId: watchedTopic });
  });
  socket = created;

  return created;
}

/**
 * Learns the conversation's latest seq before the page loads its data, so that following it
 * live later replays only what changed after that load (never the whole history).
 */
export async function prepareLive(conversationId: string): Promise<void> {
  if (lastSeq.has(conversationId)) return;
  try {
    const latest = await call('latestEvent', { params: { id: conversationId } });
    if (!lastSeq.has(latest.conversationId)) lastSeq.set(latest.conversationId, latest.lastSeq);
  } catch (error) {
    // Joining without a seq replays more than needed; duplicates are ignored by id, so it is safe.
    console.warn('Could not read the latest event', error);
  }
}

/** Follows a conversation live; returns the function that stops following. */
export function followConversation(conversationId: string, listener: EventListener): () => void {
  const listeners = joined.get(conversationId) ?? new Set<EventListener>();
  const isFirst = listeners.size === 0;
  listeners.add(listener);
  joined.set(conversationId, listeners);
  if (isFirst) join(conversationId);

  return () => {
    listeners.delete(listener);
    if (listeners.size > 0) return;
    joined.delete(conversationId);
    socket?.emit('conversation.leave', { conversationId });
  };
}

/** Every event this socket receives, from any conversation (notifications use it). */
export function onAnyEvent(listener: EventListener): () => void {
  getSocket();
  anyEventListeners.add(listener);

  return () => anyEventListeners.delete(listener);
}

/** Counts this tab as present in a topic and reports how many people are there. */
export function watchTopic(topicId: string, listener: PresenceListener): () => void {
  const live = getSocket();
  watchedTopic = topicId;
  presenceListeners.add(listener);
  live.emit('topic.watch', { topicId });

  return () => {
    presenceListeners.delete(listener);
    if (watchedTopic !== topicId) return;
    watchedTopic = null;
    live.emit('topic.watch', { topicId: null });
  };
}

/** Signing in or out changes who the socket is: reconnect so the server reads the new cookie. */
export function reconnectLive(): void {
  if (!socket) return;
  socket.disconnect();
  socket.connect();
  for (const conversationId of joined.keys()) join(conversationId);
  if (watchedTopic) socket.emit('topic.watch', { topicId: watchedTopic });
}
