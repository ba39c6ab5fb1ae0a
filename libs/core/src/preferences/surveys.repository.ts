import type { ResultVisibility } from '@razgovor/contracts';
import type { Sql } from '../database/sql';

export interface SurveyRecord {
  id: string;
  conversationId: string;
  titleBg: string;
  titleEn: string;
  resultVisibility: ResultVisibility;
  runCount: number;
  createdAt: Date;
}

const columns = `s.id, s.conversation_id AS "conversationId", s.title_bg AS "titleBg",
  s.title_en AS "titleEn", s.result_visibility AS "resultVisibility", s.run_count AS "runCount",
  s.created_at AS "createdAt"`;

export class SurveysRepository {
  constructor(private readonly pool: Sql) {}

  async insert(
    tx: Sql,
    survey: Omit<SurveyRecord, 'id' | 'runCount' | 'createdAt'> & { createdBy: string },
    now: Date,
  ): Promise<string> {
    const row = await tx.row<{ id: string }>(
      `INSERT INTO surveys (conversation_id, title_bg, title_en, result_visibility, created_by,
                            created_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [
        survey.conversationId,
        survey.titleBg,
        survey.titleEn,
        survey.resultVisibility,
        survey.createdBy,
        now,
      ],
    );

    return row!.id;
  }

  find(id: string): Promise<SurveyRecord | null> {
    return this.pool.row<SurveyRecord>(`SELECT ${columns} FROM surveys s WHERE s.id = $1`, [id]);
  }

  list(conversationId: string): Promise<SurveyRecord[]> {
    return this.pool.rows<SurveyRecord>(
      `SELECT ${columns} FROM surveys s WHERE s.conversation_id = $1 ORDER BY s.created_at`,
      [conversationId],
    );
  }

  /** Takes the next run number under the survey's row lock. */
  async nextRun(tx: Sql, id: string): Promise<number> {
    const row = await tx.row<{ runCount: number }>(
      'UPDATE surveys SET run_count = run_count + 1 WHERE id = $1 RETURNING run_count AS "runCount"',
      [id],
    );

    return row!.runCount;
  }
}
