import type { ThemeRun, ThemeRunDetail, ThemesOverview } from '@razgovor/contracts';
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { ConversationFixtures, Person } from './conversations.fixtures';

export interface LabelledComment {
  label: string;
  text: string;
}

/** The mixed Bulgarian and English fixture: 240 comments on six municipal subjects. */
export function mixedCorpus(): LabelledComment[] {
  const file = path.resolve(__dirname, '../../../libs/themes/fixtures/mixed-bg-en.csv');
  const rows = parse(readFileSync(file, 'utf8'), { columns: true }) as Array<{
    label: string;
    text: string;
  }>;

  return rows.map((row) => ({ label: row.label, text: row.text }));
}

/** Inserts published top-level comments straight into a topic, in the given order. */
export async function insertComments(
  fixtures: ConversationFixtures,
  topic: { id: string; conversationId: string },
  author: Person,
  texts: string[],
): Promise<string[]> {
  const rows = await fixtures.sql<{ id: string }>(
    `INSERT INTO comments (id, conversation_id, topic_id, author_id, root_id, depth, path, body,
                           language, last_activity_at, created_at)
     SELECT t.id, $1, $2, $3, t.id, 0, '', t.body, 'bg', now(), now() + t.n * interval '1 ms'
       FROM (SELECT gen_random_uuid() AS id, body, n
               FROM unnest($4::text[]) WITH ORDINALITY AS u (body, n)) t
     RETURNING id`,
    [topic.conversationId, topic.id, author.id, texts],
  );

  return rows.map((row) => row.id);
}

export async function waitForRun(
  analyst: Person,
  runId: string,
  status: ThemeRun['status'] = 'completed',
  timeoutMs = 30_000,
): Promise<ThemeRunDetail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await analyst.client.get(`/api/theme-runs/${runId}`);
    expect(response.status).toBe(200);
    const run = response.body as ThemeRunDetail;
    if (run.status === status) return run;
    if (Date.now() > deadline) throw new Error(`Run ${runId} stayed ${run.status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function overview(analyst: Person, conversationId: string) {
  const response = await analyst.client.get(`/api/conversations/${conversationId}/themes`);
  expect(response.status).toBe(200);

  return response.body as ThemesOverview;
}

export async function requestRun(analyst: Person, conversationId: string, body: object = {}) {
  const response = await analyst.client.post(
    `/api/conversations/${conversationId}/theme-runs`,
    body,
  );
  expect(response.status).toBe(202);

  return response.body as ThemeRun;
}

/** The theme holding most comments of a label, by the current assignment. */
export async function themeOfLabel(
  fixtures: ConversationFixtures,
  ids: string[],
  corpus: LabelledComment[],
  label: string,
): Promise<string> {
  const members = ids.filter((_, i) => corpus[i].label === label);
  const rows = await fixtures.sql<{ themeId: string; count: number }>(
    `SELECT theme_id AS "themeId", count(*)::int AS count FROM comment_themes
      WHERE comment_id = ANY($1::uuid[]) AND theme_id IS NOT NULL
      GROUP BY theme_id ORDER BY count DESC LIMIT 1`,
    [members],
  );

  return rows[0].themeId;
}
