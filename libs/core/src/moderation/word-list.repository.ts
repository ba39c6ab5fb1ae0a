import type { WordListActionName } from '@razgovor/contracts';
import type { Sql } from '../database/sql';

export interface WordListRecord {
  id: string;
  pattern: string;
  action: WordListActionName;
  matchInflections: boolean;
  wholeWord: boolean;
  createdAt: Date;
}

export type WordListFields = Pick<
  WordListRecord,
  'pattern' | 'action' | 'matchInflections' | 'wholeWord'
>;

const columns = `id, pattern, action, match_inflections AS "matchInflections",
  whole_word AS "wholeWord", created_at AS "createdAt"`;

export class WordListRepository {
  constructor(private readonly pool: Sql) {}

  list(conversationId: string): Promise<WordListRecord[]> {
    return this.pool.rows<WordListRecord>(
      `SELECT ${columns} FROM word_list_entries WHERE conversation_id = $1
        ORDER BY created_at, id`,
      [conversationId],
    );
  }

  find(tx: Sql, conversationId: string, id: string): Promise<WordListRecord | null> {
    return tx.row<WordListRecord>(
      `SELECT ${columns} FROM word_list_entries WHERE conversation_id = $1 AND id = $2`,
      [conversationId, id],
    );
  }

  async count(tx: Sql, conversationId: string): Promise<number> {
    const row = await tx.row<{ count: number }>(
      'SELECT count(*)::int AS count FROM word_list_entries WHERE conversation_id = $1',
      [conversationId],
    );

    return row?.count ?? 0;
  }

  async insert(
    tx: Sql,
    conversationId: string,
    fields: WordListFields,
    createdBy: string,
    now: Date,
  ): Promise<WordListRecord> {
    const row = await tx.row<WordListRecord>(
      `INSERT INTO word_list_entries (conversation_id, pattern, action, match_inflections,
                                      whole_word, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${columns}`,
      [
        conversationId,
        fields.pattern,
        fields.action,
        fields.matchInflections,
        fields.wholeWord,
        createdBy,
        now,
      ],
    );

    return row!;
  }

  async update(tx: Sql, id: string, fields: WordListFields): Promise<WordListRecord> {
    const row = await tx.row<WordListRecord>(
      `UPDATE word_list_entries SET pattern = $2, action = $3, match_inflections = $4,
              whole_word = $5
        WHERE id = $1 RETURNING ${columns}`,
      [id, fields.pattern, fields.action, fields.matchInflections, fields.wholeWord],
    );

    return row!;
  }

  async remove(tx: Sql, id: string): Promise<void> {
    await tx.rows('DELETE FROM word_list_entries WHERE id = $1', [id]);
  }
}
