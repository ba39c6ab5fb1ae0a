import type { ModerationSettings } from '@razgovor/contracts';
import type { Sql } from '../database/sql';

export type SettingsRecord = ModerationSettings & { wordListVersion: number };

const columns = `mode, new_account_hold_count AS "newAccountHoldCount",
  flag_hide_weight AS "flagHideWeight", heat_comments_per_minute AS "heatCommentsPerMinute",
  heat_flags_per_minute AS "heatFlagsPerMinute", auto_slow_mode_seconds AS "autoSlowModeSeconds",
  cool_down_minutes AS "coolDownMinutes", word_list_version AS "wordListVersion"`;

const fieldColumns: Record<keyof ModerationSettings, string> = {
  mode: 'mode',
  newAccountHoldCount: 'new_account_hold_count',
  flagHideWeight: 'flag_hide_weight',
  heatCommentsPerMinute: 'heat_comments_per_minute',
  heatFlagsPerMinute: 'heat_flags_per_minute',
  autoSlowModeSeconds: 'auto_slow_mode_seconds',
  coolDownMinutes: 'cool_down_minutes',
};

/** Must match the column defaults of moderation_settings. */
export const defaultSettings: SettingsRecord = {
  mode: 'post',
  newAccountHoldCount: 0,
  flagHideWeight: 3,
  heatCommentsPerMinute: 0,
  heatFlagsPerMinute: 0,
  autoSlowModeSeconds: 60,
  coolDownMinutes: 15,
  wordListVersion: 0,
};

/** A conversation without a row has the defaults of the table; the row appears on first change. */
export class ModerationSettingsRepository {
  constructor(private readonly pool: Sql) {}

  async find(conversationId: string, tx: Sql = this.pool): Promise<SettingsRecord> {
    const row = await tx.row<SettingsRecord>(
      `SELECT ${columns} FROM moderation_settings WHERE conversation_id = $1`,
      [conversationId],
    );

    return row ?? { ...defaultSettings };
  }

  async update(
    tx: Sql,
    conversationId: string,
    changes: Partial<ModerationSettings>,
  ): Promise<void> {
    const names = (Object.keys(fieldColumns) as Array<keyof ModerationSettings>).filter(
      (name) => changes[name] !== undefined,
    );
    await this.ensure(tx, conversationId);
    if (names.length === 0) return;

    await tx.rows(
      `UPDATE moderation_settings
          SET ${names.map((name, index) => `${fieldColumns[name]} = $${index + 2}`).join(', ')}
        WHERE conversation_id = $1`,
      [conversationId, ...names.map((name) => changes[name])],
    );
  }

  /** Moves the word-list version on, so every process drops its compiled copy. */
  async bumpWordList(tx: Sql, conversationId: string): Promise<void> {
    await this.ensure(tx, conversationId);
    await tx.rows(
      `UPDATE moderation_settings SET word_list_version = word_list_version + 1
        WHERE conversation_id = $1`,
      [conversationId],
    );
  }

  private async ensure(tx: Sql, conversationId: string): Promise<void> {
    await tx.rows(
      `INSERT INTO moderation_settings (conversation_id) VALUES ($1) ON CONFLICT DO NOTHING`,
      [conversationId],
    );
  }
}
