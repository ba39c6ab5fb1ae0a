import type { ThemeRunStatus, ThemeRunTrigger } from '@razgovor/contracts';
import type { ThemeModel } from '@razgovor/themes';
import type { Sql } from '../database/sql';

export interface ThemeSettingsRecord {
  conversationId: string;
  rerunAfterComments: number;
  rerunAfterMinutes: number;
  minK: number | null;
  maxK: number | null;
  seed: number;
  isPublished: boolean;
  currentRunId: string | null;
  commentsSinceRun: number;
}

/** What a run honours besides its input: stored with it, part of its input key. */
export interface RunParameters {
  seed: number;
  k: number | null;
  minK: number | null;
  maxK: number | null;
  /** Pinned themes keep these comments whatever the clustering finds. */
  pinned: Array<{ themeId: string; commentIds: string[] }>;
  /** Comments a person moved; they stay where they were put while that theme lives. */
  moved: Array<{ commentId: string; themeId: string | null }>;
}

export interface ThemeRunRecord {
  id: string;
  conversationId: string;
  number: number;
  trigger: ThemeRunTrigger;
  status: ThemeRunStatus;
  stage: string | null;
  progress: number;
  parameters: RunParameters;
  codeVersion: string;
  inputCount: number;
  themeCount: number | null;
  otherCount: number | null;
  attempts: number;
  error: string | null;
  createdAt: Date;
  startedAt: Date | null;
  completedAt: Date | null;
}

export interface NewThemeRun {
  conversationId: string;
  inputKey: string;
  trigger: ThemeRunTrigger;
  parameters: RunParameters;
  codeVersion: string;
  inputCommentIds: string[];
  /** Open answers by answer id, with the texts the run reads (answers keep no history). */
  inputAnswers: Array<{ id: string; body: string }>;
  /** Earlier texts of each edited input comment: the run reads the revision it was asked for. */
  inputRevisions: Record<string, number>;
  requestedBy: string | null;
  createdAt: Date;
}

/** What a run reads, exactly as it was when the run was asked for. */
export interface RunInput {
  commentIds: string[];
  revisions: Record<string, number>;
  answerIds: string[];
  answerTexts: string[];
}

export interface ThemeCentroid {
  themeId: string;
  centroid: ThemeModel['centroids'][number];
  createdAt: Date;
}

const settingsColumns = `conversation_id AS "conversationId",
  rerun_after_comments AS "rerunAfterComments", rerun_after_minutes AS "rerunAfterMinutes",
  min_k AS "minK", max_k AS "maxK", seed, is_published AS "isPublished",
  current_run_id AS "currentRunId", comments_since_run AS "commentsSinceRun"`;

const runColumns = `r.id, r.conversation_id AS "conversationId", r.number, r.trigger, r.status,
  r.stage, r.progress, r.parameters, r.code_version AS "codeVersion",
  r.input_count AS "inputCount", r.theme_count AS "themeCount", r.other_count AS "otherCount",
  r.attempts, r.error, r.created_at AS "createdAt", r.started_at AS "startedAt",
  r.completed_at AS "completedAt"`;

/** Runs and per-conversation settings. A completed run is never updated again. */
export class ThemeRunsRepository {
  constructor(private readonly pool: Sql) {}

  /** The settings row, created with defaults on first use and row-locked in `tx`. */
  async lockSettings(tx: Sql, conversationId: string, now: Date): Promise<ThemeSettingsRecord> {
    await tx.rows(
      `INSERT INTO theme_settings (conversation_id, updated_at) VALUES ($1, $2)
       ON CONFLICT (conversation_id) DO NOTHING`,
      [conversationId, now],
    );

    return (await tx.row<ThemeSettingsRecord>(
      `SELECT ${settingsColumns} FROM theme_settings WHERE conversation_id = $1 FOR UPDATE`,
      [conversationId],
    ))!;
  }

  async findSettings(conversationId: string, tx: Sql = this.pool) {
    return tx.row<ThemeSettingsRecord>(
      `SELECT ${settingsColumns} FROM theme_settings WHERE conversation_id = $1`,
      [conversationId],
    );
  }

  async updateSettings(
    tx: Sql,
    conversationId: string,
    change: Partial<Omit<ThemeSettingsRecord, 'conversationId'>>,
    now: Date,
  ): Promise<void> {
    const columns: Record<string, string> = {
      rerunAfterComments: 'rerun_after_comments',
      rerunAfterMinutes: 'rerun_after_minutes',
      minK: 'min_k',
      maxK: 'max_k',
      seed: 'seed',
      isPublished: 'is_published',
      currentRunId: 'current_run_id',
      commentsSinceRun: 'comments_since_run',
    };
    const entries = Object.entries(change).filter(([, value]) => value !== undefined);
    const sets = entries.map(([key], index) => `${columns[key]} = $${index + 3}`);
    await tx.rows(
      `UPDATE theme_settings SET ${[...sets, 'updated_at = $2'].join(', ')}
        WHERE conversation_id = $1`,
      [conversationId, now, ...entries.map(([, value]) => value)],
    );
  }

  async addCommentsSinceRun(tx: Sql, conversationId: string, count: number) {
    const row = await tx.row<{ count: number }>(
      `UPDATE theme_settings SET comments_since_run = comments_since_run + $2
        WHERE conversation_id = $1 RETURNING comments_since_run AS count`,
      [conversationId, count],
    );

    return row?.count ?? 0;
  }

  async findByKey(tx: Sql, conversationId: string, inputKey: string) {
    return tx.row<ThemeRunRecord>(
      `SELECT ${runColumns} FROM theme_runs r WHERE r.conversation_id = $1 AND r.input_key = $2`,
      [conversationId, inputKey],
    );
  }

  async insert(tx: Sql, run: NewThemeRun): Promise<ThemeRunRecord> {
    const row = await tx.row<{ id: string }>(
      `INSERT INTO theme_runs (conversation_id, number, input_key, trigger, parameters,
                               code_version, input_comment_ids, input_count, requested_by,
                               created_at, stage, input_answer_ids, input_answer_texts,
                               input_revisions)
       VALUES ($1, (SELECT coalesce(max(number), 0) + 1 FROM theme_runs WHERE conversation_id = $1),
               $2, $3, $4, $5, $6, $7, $8, $9, 'queued', $10, $11, $12)
       RETURNING id`,
      [
        run.conversationId,
        run.inputKey,
        run.trigger,
        JSON.stringify(run.parameters),
        run.codeVersion,
        run.inputCommentIds,
        run.inputCommentIds.length + run.inputAnswers.length,
        run.requestedBy,
        run.createdAt,
        run.inputAnswers.map((answer) => answer.id),
        run.inputAnswers.map((answer) => answer.body),
        JSON.stringify(run.inputRevisions),
      ],
    );

    return (await this.find(row!.id, tx))!;
  }

  find(id: string, tx: Sql = this.pool): Promise<ThemeRunRecord | null> {
    return tx.row<ThemeRunRecord>(`SELECT ${runColumns} FROM theme_runs r WHERE r.id = $1`, [id]);
  }

  lock(tx: Sql, id: string): Promise<ThemeRunRecord | null> {
    return tx.row<ThemeRunRecord>(
      `SELECT ${runColumns} FROM theme_runs r WHERE r.id = $1 FOR UPDATE`,
      [id],
    );
  }

  async inputCommentIds(id: string): Promise<string[]> {
    const row = await this.pool.row<{ ids: string[] }>(
      'SELECT input_comment_ids AS ids FROM theme_runs WHERE id = $1',
      [id],
    );

    return row?.ids ?? [];
  }

  async input(id: string): Promise<RunInput> {
    const row = await this.pool.row<RunInput>(
      `SELECT input_comment_ids AS "commentIds", input_revisions AS revisions,
              input_answer_ids AS "answerIds", input_answer_texts AS "answerTexts"
         FROM theme_runs WHERE id = $1`,
      [id],
    );

    return row ?? { commentIds: [], revisions: {}, answerIds: [], answerTexts: [] };
  }

  centroids(tx: Sql, runId: string): Promise<ThemeCentroid[]> {
    return tx.rows<ThemeCentroid>(
      `SELECT theme_id AS "themeId", centroid, created_at AS "createdAt" FROM theme_centroids
        WHERE run_id = $1 ORDER BY created_at, theme_id`,
      [runId],
    );
  }

  async saveCentroids(tx: Sql, runId: string, rows: ThemeCentroid[]): Promise<void> {
    for (const row of rows) {
      await tx.rows(
        `INSERT INTO theme_centroids (run_id, theme_id, centroid, created_at)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (run_id, theme_id) DO UPDATE
           SET centroid = excluded.centroid, created_at = excluded.created_at`,
        [runId, row.themeId, JSON.stringify(row.centroid), row.createdAt],
      );
    }
  }

  async model(id: string): Promise<unknown> {
    const row = await this.pool.row<{ model: unknown }>(
      'SELECT model FROM theme_runs WHERE id = $1',
      [id],
    );

    return row?.model ?? null;
  }

  listRecent(conversationId: string, limit: number): Promise<ThemeRunRecord[]> {
    return this.pool.rows<ThemeRunRecord>(
      `SELECT ${runColumns} FROM theme_runs r WHERE r.conversation_id = $1
        ORDER BY r.number DESC LIMIT $2`,
      [conversationId, limit],
    );
  }

  async hasActive(tx: Sql, conversationId: string): Promise<boolean> {
    const row = await tx.row<{ id: string }>(
      `SELECT id FROM theme_runs WHERE conversation_id = $1 AND status IN ('queued', 'running')
        LIMIT 1`,
      [conversationId],
    );

    return row !== null;
  }

  async requeue(tx: Sql, id: string): Promise<ThemeRunRecord> {
    await tx.rows(
      `UPDATE theme_runs SET status = 'queued', stage = 'queued', progress = 0, error = NULL
        WHERE id = $1 AND status = 'failed'`,
      [id],
    );

    return (await this.find(id, tx))!;
  }

  /** Marks a run started unless it is already completed; returns it, or null when completed. */
  async start(id: string, now: Date): Promise<ThemeRunRecord | null> {
    const row = await this.pool.row<{ id: string }>(
      `UPDATE theme_runs SET status = 'running', stage = 'loading', progress = 0,
              attempts = attempts + 1, started_at = coalesce(started_at, $2), error = NULL
        WHERE id = $1 AND status <> 'completed' RETURNING id`,
      [id, now],
    );

    return row ? this.find(id) : null;
  }

  async progress(tx: Sql, id: string, stage: string, progress: number) {
    await tx.rows(
      `UPDATE theme_runs SET stage = $2, progress = $3 WHERE id = $1 AND status = 'running'`,
      [id, stage, progress],
    );

    return this.find(id, tx);
  }

  /** An attempt failed and the job will try again after its back-off. */
  async retrying(tx: Sql, id: string, error: string): Promise<ThemeRunRecord | null> {
    await tx.rows(
      `UPDATE theme_runs SET status = 'queued', stage = 'retrying', progress = 0, error = $2
        WHERE id = $1 AND status = 'running'`,
      [id, error.slice(0, 1000)],
    );

    return this.find(id, tx);
  }

  async fail(tx: Sql, id: string, error: string): Promise<ThemeRunRecord | null> {
    await tx.rows(
      `UPDATE theme_runs SET status = 'failed', error = $2 WHERE id = $1 AND status <> 'completed'`,
      [id, error.slice(0, 1000)],
    );

    return this.find(id, tx);
  }

  async complete(
    tx: Sql,
    id: string,
    output: { model: unknown; scores: unknown; themeCount: number; otherCount: number },
    now: Date,
  ): Promise<ThemeRunRecord> {
    await tx.rows(
      `UPDATE theme_runs SET status = 'completed', stage = 'done', progress = 1, model = $2,
              scores = $3, theme_count = $4, other_count = $5, completed_at = $6
        WHERE id = $1`,
      [
        id,
        JSON.stringify(output.model),
        JSON.stringify(output.scores),
        output.themeCount,
        output.otherCount,
        now,
      ],
    );

    return (await this.find(id, tx))!;
  }
}
