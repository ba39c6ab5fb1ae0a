import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import type { EventNotice } from '@razgovor/contracts';
import {
  APP_CONFIG,
  type AppConfig,
  closeRedis,
  CommentPageCache,
  createRedis,
  eventsChannel,
  flushNotice,
  type LiveEvent,
  LiveEventsRepository,
  roomFor,
  type SeqRange,
} from '@razgovor/core';
import type { Redis } from 'ioredis';
import { FanoutEvents } from './fanout-events';
import { emitEvent, type LiveServer } from './live.types';

interface Hold {
  generation: number;
  /** Broadcasts of seqs up to this one skip the socket: it got them by replay. */
  until: number;
}

/**
 * Live fan-out on this process. One Redis subscriber hears every commit notice; the new rows of a
 * conversation are read once, in seq order, and emitted to the rooms on this process's sockets
 * only. Every process hears every notice, so nothing goes through the adapter and nothing arrives
 * twice.
 *
 * `cursor` is the last seq this process has fanned out per conversation. Ranges are read as
 * (cursor, noticed seq], so a lost or late notice is covered by the next one and there is no gap.
 * A socket that is replaying is held out of broadcasts until it has caught up with the cursor.
 */
@Injectable()
export class EventFanoutService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(EventFanoutService.name);
  private readonly cursors = new Map<string, number>();
  private readonly holds = new Map<string, Map<string, Hold>>();
  private readonly noticed = new Map<string, number>();
  private subscriber: Redis | null = null;
  private server: LiveServer | null = null;
  private draining: Promise<void> | null = null;
  private generation = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(FanoutEvents) private readonly events: LiveEventsRepository,
    @Inject(CommentPageCache) private readonly pages: CommentPageCache,
  ) {}

  onModuleInit(): void {
    const channel = eventsChannel(this.config.redisPrefix);
    this.subscriber = createRedis(this.config.redisUrl, this.logger, {
      name: 'live-events',
      waitsForRedis: true,
    });
    this.subscriber.on('message', (_channel: string, message: string) => this.notice(message));
    // Cached pages are trusted only while notices can be heard; after a gap they all go.
    this.subscriber.on('close', () => this.pages.setLive(false));
    // Not awaited: the api must start while Redis is away; the subscription waits for it.
    this.listen(this.subscriber, channel).catch((error: unknown) =>
      this.logger.error(`Could not follow ${channel}: ${String(error)}`),
    );
  }

  private async listen(subscriber: Redis, channel: string): Promise<void> {
    // Subscribe before reading the cursors: a notice in between is then read, never skipped.
    await subscriber.subscribe(channel);
    // After a reconnect, subscribing again (a no-op for Redis) answers once the channel is heard.
    subscriber.on('ready', () => {
      subscriber.subscribe(channel).then(
        () => this.pages.setLive(true),
        () => undefined,
      );
    });
    this.pages.setLive(true);
    for (const [conversationId, seq] of await this.events.cursors()) {
      if (!this.cursors.has(conversationId)) this.cursors.set(conversationId, seq);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.subscriber) await closeRedis(this.subscriber);
    await this.draining;
  }

  attach(server: LiveServer): void {
    this.server = server;
  }

  cursor(conversationId: string): number {
    return this.cursors.get(conversationId) ?? 0;
  }

  /** Keeps a socket out of a conversation's broadcasts while it replays; returns its ticket. */
  hold(conversationId: string, socketId: string): number {
    const generation = ++this.generation;
    const holds = this.holds.get(conversationId) ?? new Map<string, Hold>();
    holds.set(socketId, { generation, until: Number.POSITIVE_INFINITY });
    this.holds.set(conversationId, holds);

    return generation;
  }

  isCurrent(conversationId: string, socketId: string, generation: number): boolean {
    return this.holds.get(conversationId)?.get(socketId)?.generation === generation;
  }

  /** The socket has everything up to `position`; broadcasts after it reach it from now on. */
  release(conversationId: string, socketId: string, position: number): void {
    const holds = this.holds.get(conversationId);
    const hold = holds?.get(socketId);
    if (!holds || !hold) return;

    if (position > this.cursor(conversationId)) hold.until = position;
    else this.forget(conversationId, socketId);
  }

  forget(conversationId: string, socketId: string): void {
    const holds = this.holds.get(conversationId);
    holds?.delete(socketId);
    if (holds?.size === 0) this.holds.delete(conversationId);
  }

  private notice(message: string): void {
    if (message === flushNotice) return this.pages.flush();
    const notice = parseNotice(message);
    if (!notice) return;
    this.pages.advance(notice.conversationId, notice.seq);

    const known = this.noticed.get(notice.conversationId) ?? 0;
    if (notice.seq > known) this.noticed.set(notice.conversationId, notice.seq);
    this.draining ??= this.drain().finally(() => (this.draining = null));
  }

  /** Notices that arrive while a batch is read pile up and are read together next. */
  private async drain(): Promise<void> {
    while (this.noticed.size > 0) {
      const ranges = this.takeRanges();
      try {
        const events = await this.events.listRanges(ranges);
        this.emit(ranges, events);
      } catch (error) {
        // The cursors did not move: the next notice reads these ranges again.
        this.logger.error(`Could not fan out events: ${(error as Error).message}`, {
          conversations: ranges.map((range) => range.conversationId),
        });
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  }

  private takeRanges(): SeqRange[] {
    const ranges: SeqRange[] = [];
    const hasSockets = (this.server?.sockets.sockets.size ?? 0) > 0;
    for (const [conversationId, upTo] of this.noticed) {
      const after = this.cursor(conversationId);
      if (upTo <= after) continue;
      // Nobody here to tell: a socket that joins later reads these rows by replay.
      if (hasSockets) ranges.push({ conversationId, after, upTo });
      else this.cursors.set(conversationId, upTo);
    }

    this.noticed.clear();

    return ranges;
  }

  private emit(ranges: SeqRange[], events: LiveEvent[]): void {
    const server = this.server;
    for (const event of events) {
      if (!server || event.seq <= this.cursor(event.conversationId)) continue;
      const except = this.heldFor(event.conversationId, event.seq);
      const room = server.local.to(roomFor(event.conversationId, event.audience));

      emitEvent(except.length > 0 ? room.except(except) : room, event);
      this.cursors.set(event.conversationId, event.seq);
    }

    for (const range of ranges) {
      this.cursors.set(
        range.conversationId,
        Math.max(this.cursor(range.conversationId), range.upTo),
      );
      this.releaseCaughtUp(range.conversationId);
    }
  }

  private heldFor(conversationId: string, seq: number): string[] {
    const holds = this.holds.get(conversationId);
    if (!holds) return [];

    return [...holds].filter(([, hold]) => hold.until >= seq).map(([socketId]) => socketId);
  }

  private releaseCaughtUp(conversationId: string): void {
    const cursor = this.cursor(conversationId);
    for (const [socketId, hold] of this.holds.get(conversationId) ?? []) {
      if (hold.until <= cursor) this.forget(conversationId, socketId);
    }
  }
}

function parseNotice(message: string): EventNotice | null {
  try {
    const value = JSON.parse(message) as Partial<EventNotice>;
    if (typeof value.conversationId !== 'string' || typeof value.seq !== 'number') return null;

    return { conversationId: value.conversationId, seq: value.seq };
  } catch {
    return null;
  }
}
