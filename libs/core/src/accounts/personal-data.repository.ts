import type { DataSource } from 'typeorm';
import { Database } from '../database/sql';

export interface PersonalRecords {
  comments: Array<Record<string, unknown>>;
  stances: Array<Record<string, unknown>>;
  summaryResponses: Array<Record<string, unknown>>;
}

/** What a person wrote and chose across every conversation, for their own data export. */
export class PersonalDataRepository {
  private readonly database: Database;

  constructor(dataSource: DataSource) {
    this.database = new Database(dataSource);
  }

  async listFor(userId: string): Promise<PersonalRecords> {
    const sql = this.database.pool;
    const [comments, stances, summaryResponses] = await Promise.all([
      sql.rows<Record<string, unknown>>(
        `SELECT c.id, c.conversation_id AS "conversationId", c.topic_id AS "topicId",
                c.parent_id AS "parentId", c.body, c.language, c.status,
                c.created_at AS "createdAt", c.edited_at AS "editedAt",
                c.withdrawn_at AS "withdrawnAt"
           FROM comments c WHERE c.author_id = $1 ORDER BY c.created_at`,
        [userId],
      ),
      sql.rows<Record<string, unknown>>(
        `SELECT comment_id AS "commentId", stance, updated_at AS "updatedAt"
           FROM comment_stances WHERE user_id = $1 ORDER BY updated_at`,
        [userId],
      ),
      sql.rows<Record<string, unknown>>(
        `SELECT summary_id AS "summaryId", reaction, comment, created_at AS "createdAt",
                updated_at AS "updatedAt"
           FROM summary_responses WHERE user_id = $1 ORDER BY created_at`,
        [userId],
      ),
    ]);

    return { comments, stances, summaryResponses };
  }
}
