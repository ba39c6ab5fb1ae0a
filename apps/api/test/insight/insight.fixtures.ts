import type { ConversationFixtures } from '../conversations.fixtures';

export interface SeededThemes {
  runId: string;
  themeIds: string[];
  tagId: string;
}

/**
 * A completed theme run as the theme job stores it: two themes (the first with curated labels),
 * comments assigned round-robin, and one tag on the first comment. Written with SQL so these
 * tests do not depend on the clustering itself.
 */
export async function seedThemeRun(
  fixtures: ConversationFixtures,
  conversationId: string,
  commentIds: string[],
): Promise<SeededThemes> {
  const [run] = await fixtures.sql<{ id: string }>(
    `INSERT INTO theme_runs (conversation_id, number, input_key, trigger, status, parameters,
                             code_version, input_comment_ids, input_count, theme_count,
                             other_count, created_at, completed_at)
     VALUES ($1, 1, 'test-input', 'manual', 'completed', '{"k": 2, "seed": 7}', 'themes-test-1',
             $2, $3, 2, 0, now(), now())
     RETURNING id`,
    [conversationId, commentIds, commentIds.length],
  );
  const themes = [
    { auto: 'паркове пейки', bg: 'Паркове и пейки', en: 'Parks and benches', terms: ['парк'] },
    { auto: 'дървета тротоари', bg: null, en: null, terms: ['дърво', 'тротоар'] },
  ];
  const themeIds: string[] = [];
  for (const [position, theme] of themes.entries()) {
    const members = commentIds.filter((_id, index) => index % 2 === position);
    const [row] = await fixtures.sql<{ id: string }>(
      `INSERT INTO themes (id, conversation_id, auto_label, label_bg, label_en, terms, size,
                           first_run_id, last_run_id, created_at, updated_at)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $7, now(), now()) RETURNING id`,
      [conversationId, theme.auto, theme.bg, theme.en, theme.terms, members.length, run.id],
    );
    await fixtures.sql(
      `INSERT INTO theme_run_themes (run_id, theme_id, position, label, terms, size,
                                     representative_ids, match)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'new')`,
      [run.id, row.id, position, theme.auto, theme.terms, members.length, members.slice(0, 2)],
    );
    for (const commentId of members) {
      await fixtures.sql(
        `INSERT INTO comment_themes (comment_id, conversation_id, theme_id, confidence, source,
                                     run_id, updated_at)
         VALUES ($1, $2, $3, 0.9, 'run', $4, now())`,
        [commentId, conversationId, row.id, run.id],
      );
    }

    themeIds.push(row.id);
  }

  await fixtures.sql(
    `INSERT INTO theme_settings (conversation_id, current_run_id, updated_at) VALUES ($1, $2, now())
     ON CONFLICT (conversation_id) DO UPDATE SET current_run_id = $2`,
    [conversationId, run.id],
  );
  const [tag] = await fixtures.sql<{ id: string }>(
    `INSERT INTO tags (conversation_id, name_bg, name_en, created_at, updated_at)
     VALUES ($1, 'Зеленина', 'Greenery', now(), now()) RETURNING id`,
    [conversationId],
  );
  await fixtures.sql(
    `INSERT INTO comment_tags (comment_id, tag_id, conversation_id, source, created_at)
     VALUES ($1, $2, $3, 'manual', now())`,
    [commentIds[0], tag.id, conversationId],
  );

  return { runId: run.id, themeIds, tagId: tag.id };
}
