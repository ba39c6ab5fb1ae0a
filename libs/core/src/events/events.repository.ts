import type {
  EventAudience,
  ServerEventEnvelope,
  ServerEventName,
  ServerEvents,
} from '@razgovor/contracts';
import type { ConversationRecord } from '../conversations/conversation.records';
import { prepared, type Sql } from '../database/sql';

export type NewEvent = {
  [Name in ServerEventName]: {
    type: Name;
    payload: ServerEvents[Name];
    topicId: string | null;
    audience: EventAudience;
  };
}[ServerEventName];

export type StoredEvent = ServerEventEnvelope & { audience: EventAudience };

export interface EventRow {
  conversationId: string;
  seq: string;
  topicId: string | null;
  type: ServerEventName;
  payload: unknown;
  audience: EventAudience;
  createdAt: Date;
}

export const eventColumns = `e.conversation_id AS "conversationId", e.seq, e.topic_id AS "topicId",
  e.type, e.payload, e.audience, e.created_at AS "createdAt"`;

export function toStoredEvent(row: EventRow): StoredEvent {
  return {
    conversationId: row.conversationId,
    seq: Number(row.seq),
    topicId: row.topicId,
    type: row.type,
    payload: row.payload,
    audience: row.audience,
    createdAt: row.createdAt.toISOString(),
  } as StoredEvent;
}

/** Moves the conversation's event counter and stores the events under it; see `append`. */
const appendEvents = prepared(
  `WITH counter AS (
     UPDATE conversations SET event_seq = event_seq + $7 WHERE id = $1
     RETURNING event_seq AS last, status, opens_at AS "opensAt", closes_at AS "closesAt"),
   stored AS (
     INSERT INTO events (conversation_id, seq, topic_id, type, payload, audience, created_at)
     SELECT $1, counter.last - $7 + s.n, s.topic_id, s.type, s.payload, s.audience, $2
       FROM counter,
            unnest($3::uuid[], $4::text[], $5::jsonb[], $6::text[]) WITH ORDINALITY
              AS s (topic_id, type, payload, audience, n))
   SELECT last, status, "opensAt", "closesAt" FROM counter`,
);

export class EventsRepository {
  constructor(protected readonly pool: Sql) {}

  /**
   * Stores events in the caller's transaction and returns the last seq. The counter lives on the
   * conversation row, so the UPDATE row-locks it until commit: writers of one conversation queue
   * up, and seqs become visible in order with no gap (a rolled-back write takes its seqs with it).
   */
  async append(tx: Sql, conversationId: string, events: NewEvent[], now: Date): Promise<number> {
    if (events.length === 0) return 0;

    return (await this.write(tx, conversationId, events, now)).seq;
  }

  /**
   * Appends as `append` does and returns, with the last seq, the conversation's status as it
   * stands under the row lock the counter takes: a write that must not land once the
   * conversation has closed checks it before its transaction commits.
   */
  appendReadingStatus(
    tx: Sql,
    conversationId: string,
    events: [NewEvent, ...NewEvent[]],
    now: Date,
  ): Promise<{
    seq: number;
    conversation: Pick<ConversationRecord, 'status' | 'opensAt' | 'closesAt'>;
  }> {
    return this.write(tx, conversationId, events, now);
  }

  /** Moves the conversation's event counter and stores the events under it, in one statement. */
  private async write(tx: Sql, conversationId: string, events: NewEvent[], now: Date) {
    const row = await tx.row<{
      last: string;
      status: ConversationRecord['status'];
      opensAt: Date | null;
      closesAt: Date | null;
    }>(appendEvents, [
      conversationId,
      now,
      events.map((event) => event.topicId),
      events.map((event) => event.type),
      events.map((event) => JSON.stringify(event.payload)),
      events.map((event) => event.audience),
      events.length,
    ]);
    if (!row) throw new Error(`Conversation ${conversationId} vanished while writing events`);
    const { last, ...conversation } = row;

    return { seq: Number(last), conversation };
  }

  /** Events after `afterSeq` in seq order, for replay; `audiences` filters what a caller sees. */
  async listAfter(
    conversationId: string,
    afterSeq: number,
    limit: number,
    audiences?: readonly string[],
  ): Promise<StoredEvent[]> {
    const rows = await this.pool.rows<EventRow>(
      `SELECT ${eventColumns}
         FROM events e
        WHERE e.conversation_id = $1 AND e.seq > $2
          AND ($4::text[] IS NULL OR e.audience = ANY($4))
        ORDER BY e.seq
        LIMIT $3`,
      [conversationId, afterSeq, limit, audiences ?? null],
    );

    return rows.map(toStoredEvent);
  }

  async lastSeq(conversationId: string): Promise<number> {
    const row = await this.pool.row<{ seq: string }>(
      'SELECT event_seq AS seq FROM conversations WHERE id = $1',
      [conversationId],
    );

    return Number(row?.seq ?? 0);
  }
}
