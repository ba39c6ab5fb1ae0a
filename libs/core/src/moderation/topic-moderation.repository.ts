import type { ModerationMode } from '@razgovor/contracts';
import type { Sql } from '../database/sql';

export interface SlowModeChange {
  seconds: number | null;
  reason: string | null;
  isAutomatic: boolean;
  since: Date | null;
  until: Date | null;
}

/** The moderation columns of topics: their own mode and slow mode. */
export class TopicModerationRepository {
  constructor(private readonly pool: Sql) {}

  async setMode(tx: Sql, topicId: string, mode: ModerationMode | null): Promise<void> {
    await tx.rows('UPDATE topics SET moderation_mode = $2 WHERE id = $1', [topicId, mode]);
  }

  async setSlowMode(tx: Sql, topicId: string, change: SlowModeChange): Promise<void> {
    await tx.rows(
      `UPDATE topics SET slow_mode_seconds = $2, slow_mode_reason = $3, slow_mode_automatic = $4,
              slow_mode_since = $5, slow_mode_until = $6
        WHERE id = $1`,
      [topicId, change.seconds, change.reason, change.isAutomatic, change.since, change.until],
    );
  }

  /** Row-locks the topic so that two processes switching slow mode at once write once. */
  async lock(tx: Sql, topicId: string): Promise<void> {
    await tx.rows('SELECT id FROM topics WHERE id = $1 FOR UPDATE', [topicId]);
  }
}
