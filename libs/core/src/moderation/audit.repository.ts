import type { Sql } from '../database/sql';

export interface NewAuditEntry {
  /** Null for actions outside any conversation, such as an admin changing someone's roles. */
  conversationId: string | null;
  /** Null when a rule acted: the word list, the flag weight, the heat of a topic. */
  actorId: string | null;
  action: string;
  targetType:
    | 'comment'
    | 'person'
    | 'topic'
    | 'conversation'
    | 'word-list'
    | 'summary'
    | 'theme'
    | 'theme-run'
    | 'tag'
    | 'statement';
  targetId: string | null;
  reason?: string | null;
  before?: unknown;
  after?: unknown;
}

export interface AuditRow {
  id: string;
  action: string;
  actorId: string | null;
  actorName: string | null;
  targetType: string;
  targetId: string | null;
  reason: string | null;
  before: unknown;
  after: unknown;
  createdAt: Date;
}

export interface AuditFilter {
  /** Null searches the entries that belong to no conversation. */
  conversationId: string | null;
  action?: string;
  actorId?: string;
  targetId?: string;
  text?: string;
  from?: Date;
  to?: Date;
  before?: number;
  limit: number;
}

export interface LedgerRow {
  week: string;
  action: string;
  reason: string | null;
  count: number;
}

/** Actions counted in the public ledger; everything else stays in the facilitators' log. */
export const ledgerActions = ['comment.held', 'comment.hidden', 'comment.restored'] as const;

export class AuditRepository {
  constructor(private readonly pool: Sql) {}

  /** Writes in the caller's transaction, so an action and its record commit or fail together. */
  async record(tx: Sql, entries: NewAuditEntry[], now: Date): Promise<void> {
    if (entries.length === 0) return;

    await tx.rows(
      `INSERT INTO audit_log (conversation_id, actor_id, action, target_type, target_id, reason,
                              before, after, created_at)
       SELECT e.conversation_id, e.actor_id, e.action, e.target_type, e.target_id, e.reason,
              e.before, e.after, $9
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::uuid[], $6::text[],
                     $7::jsonb[], $8::jsonb[])
           AS e (conversation_id, actor_id, action, target_type, target_id, reason, before, after)`,
      [
        entries.map((entry) => entry.conversationId),
        entries.map((entry) => entry.actorId),
        entries.map((entry) => entry.action),
        entries.map((entry) => entry.targetType),
        entries.map((entry) => entry.targetId),
        entries.map((entry) => entry.reason ?? null),
        entries.map((entry) => json(entry.before)),
        entries.map((entry) => json(entry.after)),
        now,
      ],
    );
  }

  search(filter: AuditFilter): Promise<AuditRow[]> {
    return this.pool.rows<AuditRow>(
      `SELECT l.id, l.action, l.actor_id AS "actorId", u.display_name AS "actorName",
              l.target_type AS "targetType", l.target_id AS "targetId", l.reason, l.before,
              l.after, l.created_at AS "createdAt"
         FROM audit_log l LEFT JOIN users u ON u.id = l.actor_id
        WHERE (l.conversation_id = $1 OR ($1::uuid IS NULL AND l.conversation_id IS NULL))
          AND ($2::text IS NULL OR l.action = $2)
          AND ($3::uuid IS NULL OR l.actor_id = $3)
          AND ($4::uuid IS NULL OR l.target_id = $4)
          AND ($5::text IS NULL OR strpos(lower(concat_ws(' ', l.reason, l.before::text,
                                                          l.after::text)), lower($5)) > 0)
          AND ($6::timestamptz IS NULL OR l.created_at >= $6)
          AND ($7::timestamptz IS NULL OR l.created_at < $7)
          AND ($8::bigint IS NULL OR l.id < $8)
        ORDER BY l.id DESC
        LIMIT $9`,
      [
        filter.conversationId,
        filter.action ?? null,
        filter.actorId ?? null,
        filter.targetId ?? null,
        filter.text ?? null,
        filter.from ?? null,
        filter.to ?? null,
        filter.before ?? null,
        filter.limit,
      ],
    );
  }

  /** Counts per ISO week, action and public reason: nothing that names a person or a comment. */
  ledger(conversationId: string): Promise<LedgerRow[]> {
    return this.pool.rows<LedgerRow>(
      `SELECT to_char(date_trunc('week', created_at AT TIME ZONE 'UTC'), 'IYYY-"W"IW') AS week,
              action, CASE WHEN action = 'comment.hidden' THEN reason END AS reason,
              count(*)::int AS count
         FROM audit_log
        WHERE conversation_id = $1 AND action = ANY($2::text[])
        GROUP BY 1, 2, 3
        ORDER BY 1 DESC`,
      [conversationId, ledgerActions],
    );
  }
}

function json(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}
