import type { OnApplicationShutdown } from '@nestjs/common';
import { LiveEventsRepository, sqlOnPool } from '@razgovor/core';
import pg from 'pg';

/**
 * The live fan-out reads new events on a small pool of its own: on the shared pool its read would
 * queue behind posts waiting for a conversation's row lock, and every client would wait with it.
 */
export class FanoutEvents extends LiveEventsRepository implements OnApplicationShutdown {
  private constructor(private readonly connections: pg.Pool) {
    super(sqlOnPool(connections));
  }

  static open(databaseUrl: string): FanoutEvents {
    const connections = new pg.Pool({
      connectionString: databaseUrl,
      max: 2,
      connectionTimeoutMillis: 5000,
    });
    // An idle connection that drops is replaced on the next read; the error needs no handling.
    connections.on('error', () => undefined);

    return new FanoutEvents(connections);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connections.end();
  }
}
