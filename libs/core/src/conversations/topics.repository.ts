import type { TopicStatus } from '@razgovor/contracts';
import type { Sql } from '../database/sql';
import type { ConversationAccess, TopicRecord } from './conversation.records';
import { facilitatorIdsOf } from './conversations.repository';

export type TopicFields = Pick<
  TopicRecord,
  'slug' | 'position' | 'titleBg' | 'titleEn' | 'descriptionBg' | 'descriptionEn'
>;

const columns = `
  t.id, t.conversation_id AS "conversationId", t.slug, t.position, t.title_bg AS "titleBg",
  t.title_en AS "titleEn", t.description_bg AS "descriptionBg",
  t.description_en AS "descriptionEn", t.status, t.comment_count AS "commentCount",
  t.last_activity_at AS "lastActivityAt", t.moderation_mode AS "moderationMode",
  t.slow_mode_seconds AS "slowModeSeconds", t.slow_mode_reason AS "slowModeReason",
  t.slow_mode_automatic AS "isSlowModeAutomatic", t.slow_mode_since AS "slowModeSince",
  t.slow_mode_until AS "slowModeUntil"`;

const fieldColumns: Record<keyof TopicFields | 'status', string> = {
  slug: 'slug',
  position: 'position',
  titleBg: 'title_bg',
  titleEn: 'title_en',
  descriptionBg: 'description_bg',
  descriptionEn: 'description_en',
  status: 'status',
};

export class TopicsRepository {
  constructor(private readonly pool: Sql) {}

  async create(
    tx: Sql,
    conversationId: string,
    fields: Omit<TopicFields, 'position'> & { position?: number },
    now: Date,
  ): Promise<string> {
    const row = await tx.row<{ id: string }>(
      `INSERT INTO topics (conversation_id, slug, position, title_bg, title_en, description_bg,
                           description_en, created_at, updated_at)
       VALUES ($1, $2, coalesce($3, (SELECT coalesce(max(position) + 1, 0) FROM topics
                                      WHERE conversation_id = $1)),
               $4, $5, $6, $7, $8, $8)
       RETURNING id`,
      [
        conversationId,
        fields.slug,
        fields.position ?? null,
        fields.titleBg,
        fields.titleEn,
        fields.descriptionBg,
        fields.descriptionEn,
        now,
      ],
    );

    return row!.id;
  }

  async update(
    tx: Sql,
    id: string,
    changes: Partial<TopicFields & { status: TopicStatus }>,
    now: Date,
  ): Promise<void> {
    const names = (Object.keys(changes) as Array<keyof typeof fieldColumns>).filter(
      (name) => changes[name] !== undefined,
    );
    const assignments = names.map((name, index) => `${fieldColumns[name]} = $${index + 3}`);

    await tx.rows(
      `UPDATE topics SET ${[...assignments, 'updated_at = $2'].join(', ')} WHERE id = $1`,
      [id, now, ...names.map((name) => changes[name])],
    );
  }

  find(id: string, tx: Sql = this.pool): Promise<TopicRecord | null> {
    return tx.row<TopicRecord>(`SELECT ${columns} FROM topics t WHERE t.id = $1`, [id]);
  }

  /** A topic's conversation as far as access goes, in one lean read (comment pages). */
  findAccess(id: string): Promise<ConversationAccess | null> {
    return this.pool.row<ConversationAccess>(
      `SELECT c.id, c.status, c.opens_at AS "opensAt", c.closes_at AS "closesAt",
              ${facilitatorIdsOf('c')} AS "facilitatorIds"
         FROM topics t JOIN conversations c ON c.id = t.conversation_id
        WHERE t.id = $1`,
      [id],
    );
  }

  findBySlug(conversationId: string, slug: string): Promise<TopicRecord | null> {
    return this.pool.row<TopicRecord>(
      `SELECT ${columns} FROM topics t WHERE t.conversation_id = $1 AND t.slug = $2`,
      [conversationId, slug],
    );
  }

  list(conversationId: string): Promise<TopicRecord[]> {
    return this.pool.rows<TopicRecord>(
      `SELECT ${columns} FROM topics t WHERE t.conversation_id = $1 ORDER BY t.position, t.id`,
      [conversationId],
    );
  }

  async recordComment(tx: Sql, id: string, now: Date): Promise<void> {
    await tx.rows(
      `UPDATE topics SET comment_count = comment_count + 1, last_activity_at = $2 WHERE id = $1`,
      [id, now],
    );
  }
}
