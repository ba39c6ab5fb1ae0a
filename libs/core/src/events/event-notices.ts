import { Logger } from '@nestjs/common';
import type { EventNotice } from '@razgovor/contracts';
import type { Redis } from 'ioredis';
import type { CommentPageCache } from '../comments/comment-page-cache';

export function eventsChannel(redisPrefix: string): string {
  return `${redisPrefix}:events`;
}

/** Sent on the events channel when cached pages must go although no event was stored. */
export const flushNotice = JSON.stringify({ flush: 'pages' });

/**
 * Tells the live layer, after a commit, that a conversation has new events up to `seq`. A lost
 * notice only delays delivery: clients replay from the events table by seq.
 */
export class EventNotices {
  private readonly logger = new Logger(EventNotices.name);

  constructor(
    private readonly redis: Redis,
    private readonly redisPrefix: string,
    private readonly pages: CommentPageCache,
  ) {}

  publish(conversationId: string, seq: number): void {
    if (seq <= 0) return;
    const notice: EventNotice = { conversationId, seq };
    // This process's own next read must not wait for the notice to come back through Redis.
    this.pages.advance(conversationId, seq);

    void this.redis
      .publish(eventsChannel(this.redisPrefix), JSON.stringify(notice))
      .catch((error: Error) => {
        this.logger.warn(`Could not announce event ${seq} of conversation ${conversationId}`, {
          conversationId,
          seq,
          error: error.message,
        });
      });
  }

  /** Every process drops its cached comment pages (an author's name or account changed). */
  flushPages(): void {
    this.pages.flush();
    // Lost, it costs other processes at most the cache's age limit of stale names.
    void this.redis.publish(eventsChannel(this.redisPrefix), flushNotice).catch((error: Error) => {
      this.logger.warn('Could not ask other processes to drop cached pages', {
        error: error.message,
      });
    });
  }
}
