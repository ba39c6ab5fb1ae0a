import {
  type EventRow,
  eventColumns,
  EventsRepository,
  type StoredEvent,
  toStoredEvent,
} from '../events/events.repository';

export type LiveEvent = StoredEvent;

/** Half-open range of seqs (after, upTo] of one conversation. */
export interface SeqRange {
  conversationId: string;
  after: number;
  upTo: number;
}

/** Reads the events table for the live layer: bounded ranges, so replay and fan-out never overlap. */
export class LiveEventsRepository extends EventsRepository {
  /** Every conversation's last seq, so a fresh process knows where live delivery starts. */
  async cursors(): Promise<Map<string, number>> {
    const rows = await this.pool.rows<{ id: string; seq: string }>(
      'SELECT id, event_seq AS seq FROM conversations',
    );

    return new Map(rows.map((row) => [row.id, Number(row.seq)]));
  }

  /** One conversation's events in (after, upTo] that one of `audiences` may see, in seq order. */
  async listRange(
    range: SeqRange,
    audiences: readonly string[],
    limit: number,
  ): Promise<LiveEvent[]> {
    const rows = await this.pool.rows<EventRow>(
      `SELECT ${eventColumns} FROM events e
        WHERE e.conversation_id = $1 AND e.seq > $2 AND e.seq <= $3 AND e.audience = ANY($4)
        ORDER BY e.seq
        LIMIT $5`,
      [range.conversationId, range.after, range.upTo, audiences, limit],
    );

    return rows.map(toStoredEvent);
  }

  /** Several conversations' ranges in one query, for every audience, ordered by seq within each. */
  async listRanges(ranges: readonly SeqRange[]): Promise<LiveEvent[]> {
    if (ranges.length === 0) return [];
    const rows = await this.pool.rows<EventRow>(
      `SELECT ${eventColumns}
         FROM unnest($1::uuid[], $2::bigint[], $3::bigint[]) AS r (id, after, up_to)
         JOIN events e ON e.conversation_id = r.id AND e.seq > r.after AND e.seq <= r.up_to
        ORDER BY e.conversation_id, e.seq`,
      [
        ranges.map((range) => range.conversationId),
        ranges.map((range) => range.after),
        ranges.map((range) => range.upTo),
      ],
    );

    return rows.map(toStoredEvent);
  }
}
