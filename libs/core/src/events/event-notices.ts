import { Logger } from '@nestjs/common';
import type { EventNotice } from '@razgovor/contracts';
import type { Redis } from 'ioredis';

export function eventsChannel(redisPrefix: string): string {
  return `${redisPrefix}:events`;
}

/**
 * Tells the live layer, after a commit, that a conversation has new events up to `seq`. A lost
 * notice only delays delivery: clients replay from the events table by seq.
 */
export class EventNotices {
  private readonly logger = new Logger(EventNotices.name);

  constructor(
    private readonly redis: Redis,
    private readonly redisPrefix: string,
  ) {}

  publish(conversationId: string, seq: number): void {
    if (seq <= 0) return;
    const notice: EventNotice = { conversationId, seq };

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
}
