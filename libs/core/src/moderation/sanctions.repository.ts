import type { Sql } from '../database/sql';

export interface ActiveSanction {
  action: 'mute' | 'remove';
  until: Date | null;
}

export interface NewSanction {
  conversationId: string;
  userId: string;
  action: 'warn' | 'mute' | 'remove';
  reason: string;
  until: Date | null;
  createdBy: string;
}

/**
 * The strongest sanction in force (a removal outranks a mute, a later mute an earlier one) of the
 * person `user` in the conversation `conversation` at `now`: SQL expressions or parameters.
 */
export function activeSanctionQuery(conversation: string, user: string, now: string): string {
  return `SELECT action, until FROM conversation_sanctions
           WHERE conversation_id = ${conversation} AND user_id = ${user} AND lifted_at IS NULL
             AND action IN ('mute', 'remove') AND (until IS NULL OR until > ${now})
           ORDER BY action = 'remove' DESC, until DESC NULLS FIRST
           LIMIT 1`;
}

/** Warnings, mutes and removals of people within one conversation. */
export class SanctionsRepository {
  constructor(private readonly pool: Sql) {}

  /** The strongest sanction in force (see activeSanctionQuery). */
  active(
    conversationId: string,
    userId: string,
    now: Date,
    tx: Sql = this.pool,
  ): Promise<ActiveSanction | null> {
    return tx.row<ActiveSanction>(activeSanctionQuery('$1', '$2', '$3'), [
      conversationId,
      userId,
      now,
    ]);
  }

  async insert(tx: Sql, sanction: NewSanction, now: Date): Promise<void> {
    await tx.rows(
      `INSERT INTO conversation_sanctions (conversation_id, user_id, action, reason, until,
                                           created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        sanction.conversationId,
        sanction.userId,
        sanction.action,
        sanction.reason,
        sanction.until,
        sanction.createdBy,
        now,
      ],
    );
  }

  /** Lifts mutes (not removals, which are undone the same way but stay on record). */
  async lift(tx: Sql, conversationId: string, userId: string, now: Date): Promise<number> {
    const rows = await tx.rows<{ id: string }>(
      `UPDATE conversation_sanctions SET lifted_at = $3
        WHERE conversation_id = $1 AND user_id = $2 AND lifted_at IS NULL
          AND action IN ('mute', 'remove')
        RETURNING id`,
      [conversationId, userId, now],
    );

    return rows.length;
  }
}
