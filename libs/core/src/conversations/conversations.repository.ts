import type { ConversationStatus } from '@razgovor/contracts';
import type { Sql } from '../database/sql';
import type { ConversationRecord } from './conversation.records';

export type ConversationFields = Omit<
  ConversationRecord,
  'id' | 'status' | 'createdBy' | 'createdAt' | 'facilitatorIds'
>;

/** The ids of a conversation's facilitators, oldest first; `alias` names the conversation row. */
export function facilitatorIdsOf(alias: string): string {
  return `coalesce((SELECT array_agg(f.user_id ORDER BY f.created_at)
                      FROM conversation_facilitators f
                     WHERE f.conversation_id = ${alias}.id), '{}')`;
}

const columns = `
  c.id, c.slug, c.title_bg AS "titleBg", c.title_en AS "titleEn",
  c.description_bg AS "descriptionBg", c.description_en AS "descriptionEn",
  c.background_bg AS "backgroundBg", c.background_en AS "backgroundEn",
  c.cover_image_url AS "coverImageUrl", c.status, c.opens_at AS "opensAt",
  c.closes_at AS "closesAt", c.created_by AS "createdBy", c.created_at AS "createdAt",
  ${facilitatorIdsOf('c')} AS "facilitatorIds"`;

const fieldColumns: Record<keyof ConversationFields, string> = {
  slug: 'slug',
  titleBg: 'title_bg',
  titleEn: 'title_en',
  descriptionBg: 'description_bg',
  descriptionEn: 'description_en',
  backgroundBg: 'background_bg',
  backgroundEn: 'background_en',
  coverImageUrl: 'cover_image_url',
  opensAt: 'opens_at',
  closesAt: 'closes_at',
};

export class ConversationsRepository {
  constructor(private readonly pool: Sql) {}

  async create(
    tx: Sql,
    fields: ConversationFields,
    createdBy: string | null,
    now: Date,
  ): Promise<string> {
    const names = Object.keys(fieldColumns) as Array<keyof ConversationFields>;
    const row = await tx.row<{ id: string }>(
      `INSERT INTO conversations (${names.map((name) => fieldColumns[name]).join(', ')},
                                  created_by, created_at, updated_at)
       VALUES (${names.map((_, index) => `$${index + 1}`).join(', ')},
               $${names.length + 1}, $${names.length + 2}, $${names.length + 2})
       RETURNING id`,
      [...names.map((name) => fields[name]), createdBy, now],
    );
    if (createdBy) await this.addFacilitator(tx, row!.id, createdBy, createdBy, now);

    return row!.id;
  }

  async update(
    tx: Sql,
    id: string,
    changes: Partial<ConversationFields>,
    now: Date,
  ): Promise<void> {
    const names = (Object.keys(changes) as Array<keyof ConversationFields>).filter(
      (name) => changes[name] !== undefined,
    );
    const assignments = names.map((name, index) => `${fieldColumns[name]} = $${index + 3}`);

    await tx.rows(
      `UPDATE conversations SET ${[...assignments, 'updated_at = $2'].join(', ')} WHERE id = $1`,
      [id, now, ...names.map((name) => changes[name])],
    );
  }

  async setStatus(tx: Sql, id: string, status: ConversationStatus, now: Date): Promise<void> {
    await tx.rows('UPDATE conversations SET status = $2, updated_at = $3 WHERE id = $1', [
      id,
      status,
      now,
    ]);
  }

  /**
   * Locks the conversation for the rest of the transaction: its writers queue behind each other.
   * A no-key lock, so that rows merely referring to the conversation (votes, stances) can still be
   * written meanwhile: their foreign-key checks would wait for a full update lock.
   */
  lock(tx: Sql, id: string): Promise<ConversationRecord | null> {
    return tx.row<ConversationRecord>(
      `SELECT ${columns} FROM conversations c WHERE c.id = $1 FOR NO KEY UPDATE`,
      [id],
    );
  }

  find(id: string): Promise<ConversationRecord | null> {
    return this.pool.row<ConversationRecord>(
      `SELECT ${columns} FROM conversations c WHERE c.id = $1`,
      [id],
    );
  }

  findBySlug(slug: string): Promise<ConversationRecord | null> {
    return this.pool.row<ConversationRecord>(
      `SELECT ${columns} FROM conversations c WHERE c.slug = $1`,
      [slug],
    );
  }

  list(): Promise<ConversationRecord[]> {
    return this.pool.rows<ConversationRecord>(
      `SELECT ${columns} FROM conversations c
        ORDER BY CASE c.status WHEN 'open' THEN 0 WHEN 'draft' THEN 1 WHEN 'closed' THEN 2
                 ELSE 3 END, c.created_at DESC
        LIMIT 500`,
    );
  }

  /** Conversations whose scheduled opening or closing time has passed but not yet been applied. */
  async listDue(now: Date): Promise<string[]> {
    const rows = await this.pool.rows<{ id: string }>(
      `SELECT id FROM conversations
        WHERE (status = 'draft' AND opens_at <= $1)
           OR (status IN ('draft', 'open') AND closes_at <= $1)`,
      [now],
    );

    return rows.map((row) => row.id);
  }

  async addFacilitator(
    tx: Sql,
    conversationId: string,
    userId: string,
    addedBy: string,
    now: Date,
  ): Promise<void> {
    await tx.rows(
      `INSERT INTO conversation_facilitators (conversation_id, user_id, added_by, created_at)
       VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [conversationId, userId, addedBy, now],
    );
  }

  async removeFacilitator(tx: Sql, conversationId: string, userId: string): Promise<void> {
    await tx.rows(
      'DELETE FROM conversation_facilitators WHERE conversation_id = $1 AND user_id = $2',
      [conversationId, userId],
    );
  }
}
