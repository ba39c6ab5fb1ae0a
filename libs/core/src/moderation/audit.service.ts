import type { AuditEntry, AuditPage, AuditQuery, Ledger } from '@razgovor/contracts';
import type { User } from '../accounts/user.entity';
import type { ConversationsService } from '../conversations/conversations.service';
import type { AuditRepository, AuditRow } from './audit.repository';
import { loadForAuditor } from './moderation-access';

const csvColumns = [
  'id',
  'createdAt',
  'action',
  'actorKind',
  'actorId',
  'actorName',
  'targetType',
  'targetId',
  'reason',
  'before',
  'after',
] as const;

/** The facilitators' record of every action, and the public weekly counts drawn from it. */
export class AuditService {
  constructor(
    private readonly conversations: ConversationsService,
    private readonly audit: AuditRepository,
  ) {}

  async search(user: User, conversationId: string, query: AuditQuery): Promise<AuditPage> {
    const conversation = await loadForAuditor(this.conversations, user, conversationId);

    return this.page(conversation.id, query);
  }

  /** Entries of no conversation (role changes); the route lets only admins ask. */
  searchOutsideConversations(query: AuditQuery): Promise<AuditPage> {
    return this.page(null, query);
  }

  private async page(conversationId: string | null, query: AuditQuery): Promise<AuditPage> {
    const limit = Number(query.limit ?? 50);

    const rows = await this.audit.search({
      conversationId,
      action: query.action,
      actorId: query.actorId,
      targetId: query.targetId,
      text: query.q,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      before: query.before === undefined ? undefined : Number(query.before),
      limit: limit + 1,
    });
    const items = rows.slice(0, limit).map(toEntry);

    return { items, nextBefore: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
  }

  /** Up to 10,000 entries matching the same filters, as CSV for a spreadsheet. */
  async exportCsv(user: User, conversationId: string, query: AuditQuery): Promise<string> {
    const page = await this.search(user, conversationId, { ...query, limit: 10_000 });
    const lines = page.items.map((entry) =>
      csvColumns.map((column) => csvCell(entry[column])).join(','),
    );

    return [csvColumns.join(','), ...lines].join('\r\n') + '\r\n';
  }

  async ledger(viewer: User | null, conversationId: string): Promise<Ledger> {
    const conversation = await this.conversations.load(viewer, conversationId);
    const rows = await this.audit.ledger(conversation.id);
    const weeks = new Map<string, Ledger['weeks'][number]>();

    for (const row of rows) {
      const week = weeks.get(row.week) ?? {
        week: row.week,
        held: 0,
        hidden: 0,
        restored: 0,
        hiddenByReason: {},
      };
      if (row.action === 'comment.held') week.held += row.count;
      if (row.action === 'comment.restored') week.restored += row.count;
      if (row.action === 'comment.hidden') {
        week.hidden += row.count;
        const reason = row.reason ?? 'other';
        week.hiddenByReason[reason] = (week.hiddenByReason[reason] ?? 0) + row.count;
      }

      weeks.set(row.week, week);
    }

    return { weeks: [...weeks.values()] };
  }
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    id: Number(row.id),
    action: row.action,
    actorId: row.actorId,
    actorName: row.actorName,
    actorKind: row.actorId ? 'person' : 'system',
    targetType: row.targetType,
    targetId: row.targetId,
    reason: row.reason,
    before: row.before,
    after: row.after,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Quotes every cell and defuses leading = + - @ so a spreadsheet never runs a formula. */
function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;

  return `"${safe.replace(/"/g, '""')}"`;
}
