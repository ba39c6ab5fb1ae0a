import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import type { PresenceUpdate } from '@razgovor/contracts';
import { PresenceStore, rooms } from '@razgovor/core';
import type { LiveServer, LiveSocket } from './live.types';

/** A conversation as a whole (topicId null) or one of its topics. */
interface Scope {
  conversationId: string;
  topicId: string | null;
}

const debounceMs = 300;
const heartbeatMs = 10_000;
/** A membership that misses three heartbeats (its process died) no longer counts. */
const lapseMs = 3 * heartbeatMs;

function scopeKey(scope: Scope): string {
  return scope.topicId ? `topic:${scope.topicId}` : `conversation:${scope.conversationId}`;
}

function memberOf(socket: LiveSocket): string {
  const person = socket.data.viewer ? `user:${socket.data.viewer.id}` : `socket:${socket.id}`;

  return `${person}|${socket.id}`;
}

/**
 * "n people here now", counted in Redis across processes. Changes are gathered for a moment and
 * each changed count is announced once, through the adapter, to the conversation's room on every
 * process; a newcomer also gets the current counts for itself.
 */
@Injectable()
export class PresenceService
  implements OnModuleInit, BeforeApplicationShutdown, OnApplicationShutdown
{
  private readonly logger = new Logger(PresenceService.name);
  private readonly dirty = new Map<string, Scope>();
  private readonly newcomers = new Map<string, { socket: LiveSocket; scope: Scope }>();
  private server: LiveServer | null = null;
  private flushTimer: NodeJS.Timeout | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  /** Set before the sockets and Redis clients close, so their goodbyes announce nothing. */
  private stopping = false;

  constructor(@Inject(PresenceStore) private readonly store: PresenceStore) {}

  onModuleInit(): void {
    this.heartbeat = setInterval(() => void this.beat(), heartbeatMs).unref();
  }

  beforeApplicationShutdown(): void {
    this.stopping = true;
    this.onApplicationShutdown();
  }

  onApplicationShutdown(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
  }

  attach(server: LiveServer): void {
    this.server = server;
  }

  async enterConversation(socket: LiveSocket, conversationId: string): Promise<void> {
    const scope = { conversationId, topicId: null };
    await this.store.enter(scopeKey(scope), memberOf(socket), Date.now() + lapseMs);
    this.newcomers.set(socket.id, { socket, scope });
    this.changed(scope);
  }

  async leaveConversation(socket: LiveSocket, conversationId: string): Promise<void> {
    const watching = socket.data.watching;
    if (watching?.conversationId === conversationId) await this.watch(socket, null);
    const scope = { conversationId, topicId: null };

    await this.store.leave(scopeKey(scope), memberOf(socket));
    this.changed(scope);
  }

  /** One topic at a time per socket; null stops watching. */
  async watch(socket: LiveSocket, next: Scope | null): Promise<void> {
    const previous = socket.data.watching;
    if (previous?.topicId === next?.topicId) return;

    socket.data.watching = next?.topicId ? { ...next, topicId: next.topicId } : null;
    if (previous) {
      await this.store.leave(scopeKey(previous), memberOf(socket));
      this.changed(previous);
    }

    if (next?.topicId) {
      const conversationKey = scopeKey({ conversationId: next.conversationId, topicId: null });
      await this.store.enter(
        scopeKey(next),
        memberOf(socket),
        Date.now() + lapseMs,
        conversationKey,
      );
      this.changed(next);
    }
  }

  async leaveAll(socket: LiveSocket, conversationIds: string[]): Promise<void> {
    this.newcomers.delete(socket.id);
    await Promise.all(conversationIds.map((id) => this.leaveConversation(socket, id)));
  }

  private changed(scope: Scope): void {
    if (this.stopping) return;
    this.dirty.set(scopeKey(scope), scope);
    this.flushTimer ??= setTimeout(() => void this.flush(), debounceMs);
  }

  private async flush(): Promise<void> {
    const scopes = [...this.dirty.values()];
    const newcomers = [...this.newcomers.values()];
    this.dirty.clear();
    this.newcomers.clear();
    try {
      const now = Date.now();
      for (const scope of scopes) {
        const { count, isChanged } = await this.store.count(scopeKey(scope), now);
        if (isChanged) this.announce({ ...scope, count });
      }

      for (const { socket, scope } of newcomers) await this.snapshot(socket, scope, now);
    } catch (error) {
      this.logger.warn(`Could not count presence: ${(error as Error).message}`);
    } finally {
      this.flushTimer = null;
    }
  }

  private announce(update: PresenceUpdate): void {
    // Through the adapter: the count is the same for every process, and only one announces it.
    this.server?.to(rooms.conversation(update.conversationId)).emit('presence.changed', update);
  }

  private async snapshot(socket: LiveSocket, scope: Scope, now: number): Promise<void> {
    if (!socket.connected) return;
    const conversationKey = scopeKey(scope);
    const whole = await this.store.count(conversationKey, now);
    if (whole.isChanged) this.announce({ ...scope, count: whole.count });
    else socket.emit('presence.changed', { ...scope, count: whole.count });

    for (const topicKey of await this.store.topicScopes(conversationKey)) {
      const topic = await this.store.count(topicKey, now);
      if (topic.isChanged) this.announce(this.topicUpdate(scope.conversationId, topicKey, topic));
      else socket.emit('presence.changed', this.topicUpdate(scope.conversationId, topicKey, topic));
    }
  }

  private topicUpdate(conversationId: string, topicKey: string, topic: { count: number }) {
    return { conversationId, topicId: topicKey.slice('topic:'.length), count: topic.count };
  }

  /** Keeps this process's memberships alive and notices others that lapsed. */
  private async beat(): Promise<void> {
    if (this.stopping) return;
    const memberships: Array<{ scope: string; member: string }> = [];
    for (const socket of this.server?.sockets.sockets.values() ?? []) {
      const member = memberOf(socket);
      for (const conversationId of socket.data.conversations.keys()) {
        const scope = { conversationId, topicId: null };
        memberships.push({ scope: scopeKey(scope), member });
        this.dirty.set(scopeKey(scope), scope);
      }

      const watching = socket.data.watching;
      if (watching) memberships.push({ scope: scopeKey(watching), member });
    }

    try {
      await this.store.refresh(memberships, Date.now() + lapseMs);
    } catch (error) {
      this.logger.warn(`Could not refresh presence: ${(error as Error).message}`);
    }

    if (this.dirty.size > 0 && !this.stopping)
      this.flushTimer ??= setTimeout(() => void this.flush(), debounceMs);
  }
}
