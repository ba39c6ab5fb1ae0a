import { type ExportJob, exportTables } from '@razgovor/contracts';
import Ajv2020 from 'ajv/dist/2020';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzip } from '../../../../test/support/unzip';
import { startSystem, type TestSystem } from '../../../../test/support/system';
import { ConversationFixtures, type Person } from '../conversations.fixtures';
import { type SeededThemes, seedThemeRun } from './insight.fixtures';

const tricky = [
  'Паркове, пейки и "зелени" площи',
  'Ред едно\nред две, с "кавички"',
  '=HYPERLINK("http://example.com")',
  'Обикновен коментар за Лозенец',
  'Още, още, още',
  'Дървета по булевардите\r\nи тротоарите',
];

describe('analyst exports', () => {
  let system: TestSystem;
  let fixtures: ConversationFixtures;
  let analyst: Person;
  let world: Awaited<ReturnType<ConversationFixtures['openTopic']>>;
  const authors: Person[] = [];
  let seeded: SeededThemes;

  beforeAll(async () => {
    system = await startSystem();
    fixtures = new ConversationFixtures(system);
    analyst = await fixtures.person(['citizen', 'analyst']);
    world = await fixtures.openTopic();
    // Six people from Lozenets aged 25-34 (shown), two from Bankya (a small cell, hidden).
    for (let index = 0; index < 8; index++) {
      const person = await fixtures.person();
      const district = index < 6 ? 'lozenets' : 'bankya';
      await fixtures.sql('UPDATE users SET district = $2, age_band = $3 WHERE id = $1', [
        person.id,
        district,
        '25-34',
      ]);
      authors.push(person);
    }

    const roots = [];
    for (const [index, text] of tricky.entries()) {
      roots.push(await fixtures.comment(authors[index], world.topic.id, text));
    }

    await fixtures.comment(authors[6], world.topic.id, 'Отговор от Банкя', roots[0].id);
    await fixtures.comment(authors[7], world.topic.id, 'Още от Банкя');
    expect(
      (await authors[1].client.put(`/api/comments/${roots[0].id}/stance`, { stance: 'agree' }))
        .status,
    ).toBe(200);
    expect(
      (await authors[2].client.put(`/api/comments/${roots[0].id}/stance`, { stance: 'disagree' }))
        .status,
    ).toBe(200);
    const hidden = await world.facilitator.client.post(
      `/api/conversations/${world.conversation.id}/moderation/decisions`,
      { action: 'hide', commentIds: [roots[4].id], reason: 'off-topic' },
    );
    expect(hidden.status).toBe(200);
    const summary = await world.facilitator.client.post(`/api/topics/${world.topic.id}/summaries`, {
      body: { bg: 'Хората искат паркове, пейки и дървета', en: 'People want parks' },
    });
    expect(summary.status).toBe(201);
    const answer = await authors[3].client.put(
      `/api/summaries/${(summary.body as { id: string }).id}/response`,
      { reaction: 'misses', comment: 'Липсват велоалеите' },
    );
    expect(answer.status).toBe(200);
    const commentIds = await fixtures.sql<{ id: string }>(
      'SELECT id FROM comments WHERE conversation_id = $1 ORDER BY created_at, id',
      [world.conversation.id],
    );
    seeded = await seedThemeRun(
      fixtures,
      world.conversation.id,
      commentIds.map((row) => row.id),
    );
  });
  afterAll(async () => {
    await system.stop();
  });

  async function exportAs(body: object, person = analyst): Promise<ExportJob> {
    const created = await person.client.post(
      `/api/conversations/${world.conversation.id}/exports`,
      body,
    );
    expect(created.status).toBe(202);
    let job = created.body as ExportJob;
    for (let wait = 0; job.status !== 'done' && wait < 200; wait++) {
      expect(job.status).not.toBe('failed');
      await new Promise((resolve) => setTimeout(resolve, 100));
      job = (await person.client.get(`/api/exports/${job.id}`)).body as ExportJob;
    }

    expect(job.status).toBe('done');
    expect(job.progress).toBe(1);

    return job;
  }

  async function download(job: ExportJob): Promise<Buffer> {
    const response = await fetch(system.url + (job.downloadUrl ?? ''));
    expect(response.status).toBe(200);

    return Buffer.from(await response.arrayBuffer());
  }

  async function databaseComments() {
    return fixtures.sql<{ id: string; body: string; agree_count: number; author_id: string }>(
      `SELECT id, body, agree_count, disagree_count, author_id FROM comments
        WHERE conversation_id = $1 ORDER BY created_at, id`,
      [world.conversation.id],
    );
  }

  async function everyPersonalValue(): Promise<string[]> {
    const users = await fixtures.sql<{ id: string; email: string; display_name: string }>(
      'SELECT id, email, display_name FROM users WHERE email IS NOT NULL',
    );

    return users.flatMap((user) => [user.email, user.display_name, user.id]);
  }

  function assertNothingPersonal(text: string, personal: string[]) {
    const found = personal.filter((value) => text.includes(value));
    expect(found).toEqual([]);
    expect(text).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
  }

  it('writes comments.csv with a BOM and RFC 4180 quoting that reads back as the database', async () => {
    const job = await exportAs({ format: 'csv', tables: ['comments'] });
    const file = await download(job);

    expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = file.toString('utf8');
    expect(text).toContain('"Ред едно\nред две, с ""кавички"""');
    expect(text.split('\r\n')[0]).toBe(
      '\uFEFFcomment_id,topic_id,topic_slug,parent_id,depth,created_at,language,text,agree_count,' +
        'disagree_count,moderation_state,status,theme_id,theme_label_bg,theme_label_en,tags,' +
        'author_id,district,age_band',
    );
    const rows = parse(file, { bom: true, columns: true }) as Array<Record<string, string>>;
    const stored = await databaseComments();
    expect(rows.map((row) => row.comment_id)).toEqual(stored.map((row) => row.id));
    expect(rows.map((row) => row.text.replace(/^'(?=[=+\-@])/, ''))).toEqual(
      stored.map((row) => row.body),
    );
    expect(rows.find((row) => row.text.includes('HYPERLINK'))?.text).toMatch(/^'=/);
    expect(rows[0]).toMatchObject({ agree_count: '1', disagree_count: '1', depth: '0' });
    expect(rows.find((row) => row.comment_id === stored[4].id)?.moderation_state).toBe('hidden');
    expect(rows[0]).toMatchObject({
      theme_id: seeded.themeIds[0],
      theme_label_bg: 'Паркове и пейки',
      theme_label_en: 'Parks and benches',
      tags: 'Зеленина',
    });
    expect(rows[1]).toMatchObject({
      theme_id: seeded.themeIds[1],
      theme_label_bg: 'дървета тротоари',
    });
    assertNothingPersonal(text, await everyPersonalValue());
  });

  it('leaves district and age band empty for groups of fewer than 5 people', async () => {
    const job = await exportAs({ format: 'csv', tables: ['comments'] });
    const rows = parse(await download(job), { bom: true, columns: true }) as Array<
      Record<string, string>
    >;
    const fromBankya = rows.filter((row) => row.text.includes('Банкя'));

    // Bankya's two would be the only empty districts, pointing to a small group, so Lozenets is
    // left empty with them; all eight share the age band, which is shown.
    expect(fromBankya).toHaveLength(2);
    expect(fromBankya.map((row) => [row.district, row.age_band])).toEqual([
      ['', '25-34'],
      ['', '25-34'],
    ]);
    const others = rows.filter((row) => !row.text.includes('Банкя'));
    expect(new Set(others.map((row) => `${row.district}/${row.age_band}`))).toEqual(
      new Set(['/25-34']),
    );
  });

  it('gives new pseudonymous ids in every export unless stable ones are asked for', async () => {
    const ids = async (stableIds: boolean) => {
      const job = await exportAs({ format: 'csv', tables: ['comments'], stableIds });
      const rows = parse(await download(job), { bom: true, columns: true }) as Array<
        Record<string, string>
      >;

      return rows.map((row) => row.author_id);
    };

    const [first, second, stable, stableAgain] = [
      await ids(false),
      await ids(false),
      await ids(true),
      await ids(true),
    ];

    expect(first[0]).not.toBe(second[0]);
    expect(stable).toEqual(stableAgain);
    expect(stable[0]).not.toBe(first[0]);
    // The same person keeps one id within an export: author 6 wrote two comments.
    expect(new Set(first).size).toBe(8);
  });

  it('writes JSON that its published schema accepts and that matches the database', async () => {
    const job = await exportAs({ format: 'json' });
    const document = JSON.parse((await download(job)).toString('utf8')) as {
      tables: Record<string, Array<Record<string, unknown>>>;
    };
    const schema = await system.client().get('/api/schemas/export.json');
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(schema.body as object);

    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
    const stored = await databaseComments();
    expect(document.tables.comments.map((row) => [row.comment_id, row.text])).toEqual(
      stored.map((row) => [row.id, row.body]),
    );
    expect(document.tables.summaries[0]).toMatchObject({ version: 1, misses_count: 1 });
    expect(document.tables.themes).toEqual([
      expect.objectContaining({
        theme_id: seeded.themeIds[0],
        label_bg: 'Паркове и пейки',
        size: 4,
        representative_comment_ids: stored
          .slice(0, 3)
          .filter((_row, index) => index % 2 === 0)
          .map((row) => row.id),
        run_id: seeded.runId,
      }),
      expect.objectContaining({ theme_id: seeded.themeIds[1], label_en: 'дървета тротоари' }),
    ]);
    expect(document.tables.tags).toEqual([
      {
        tag_id: seeded.tagId,
        name_bg: 'Зеленина',
        name_en: 'Greenery',
        description: '',
        comment_count: 1,
      },
    ]);
    expect((document as unknown as { themeRun: { id: string } }).themeRun.id).toBe(seeded.runId);
    expect(document.tables['summary-responses'][0]).toMatchObject({
      reaction: 'misses',
      comment: 'Липсват велоалеите',
    });
    expect(document.tables['moderation-ledger']).toEqual([
      expect.objectContaining({ action: 'comment.hidden', reason: 'off-topic', count: 1 }),
    ]);
  });

  it('writes an XLSX with one sheet per table that reads back as the database', async () => {
    const job = await exportAs({ format: 'xlsx' });
    const workbook = new ExcelJS.Workbook();
    const file = await download(job);
    await workbook.xlsx.load(
      file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer,
    );

    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([...exportTables]);
    const sheet = workbook.getWorksheet('comments');
    const header = (sheet?.getRow(1).values as unknown[]).slice(1);
    const textColumn = header.indexOf('text') + 1;
    const stored = await databaseComments();
    const texts = stored.map((_row, index) => sheet?.getRow(index + 2).getCell(textColumn).value);
    expect(texts).toEqual(stored.map((row) => row.body));
    expect(sheet?.getRow(2).getCell(header.indexOf('agree_count') + 1).value).toBe(1);
  });

  it('writes comments.csv in the Pol.is layout', async () => {
    const job = await exportAs({ format: 'polis' });
    const rows = parse(await download(job), { columns: true }) as Array<Record<string, string>>;
    const stored = await databaseComments();

    expect(Object.keys(rows[0])).toEqual([
      'timestamp',
      'datetime',
      'comment-id',
      'author-id',
      'agrees',
      'disagrees',
      'moderated',
      'comment-body',
    ]);
    expect(rows.map((row) => row['comment-body'])).toEqual(stored.map((row) => row.body));
    expect(rows.map((row) => row.moderated)).toEqual(
      stored.map((_row, index) => (index === 4 ? '-1' : '1')),
    );
    expect(rows.map((row) => row['comment-id'])).toEqual(['0', '1', '2', '3', '4', '5', '6', '7']);
    expect(new Set(rows.map((row) => row['author-id'])).size).toBe(8);
  });

  it('packs every format and a data dictionary into one zip, with nothing personal', async () => {
    const job = await exportAs({ format: 'zip' });
    const entries = await unzip(await download(job));

    expect([...entries.keys()].sort()).toEqual(
      [
        'README.md',
        ...exportTables.map((table) => `csv/${table}.csv`),
        'polis/comments.csv',
        'razgovor.json',
        'razgovor.xlsx',
        'schema.json',
      ].sort(),
    );
    const readme = entries.get('README.md')?.toString('utf8') ?? '';
    expect(readme).toContain('### comments (8 rows)');
    expect(readme).toContain('| age_band | text | yes |');
    expect(readme).toContain(`"id": "${seeded.runId}"`);
    expect(readme).toContain('"codeVersion": "themes-test-1"');
    expect(readme).toMatch(/"seed": 7/);
    const workbook = await unzip(entries.get('razgovor.xlsx') ?? Buffer.alloc(0));
    const everything = [...entries.values(), ...workbook.values()]
      .map((content) => content.toString('utf8'))
      .join('\n');
    assertNothingPersonal(everything, await everyPersonalValue());
  });

  it.each([
    ['a citizen', ['citizen'], 403],
    ['a facilitator', ['citizen', 'facilitator'], 403],
  ] as const)('refuses exports to %s', async (_who, roles, status) => {
    const person = await fixtures.person([...roles]);
    const created = await person.client.post(
      `/api/conversations/${world.conversation.id}/exports`,
      { format: 'csv' },
    );

    expect(created.status).toBe(status);
  });

  it('refuses a forged or expired download link', async () => {
    const job = await exportAs({ format: 'csv', tables: ['moderation-ledger'] });
    const forged = (job.downloadUrl ?? '').replace(/signature=.{4}/, 'signature=AAAA');
    expect((await fetch(system.url + forged)).status).toBe(400);

    await fixtures.sql(`UPDATE exports SET expires_at = now() - interval '1 hour' WHERE id = $1`, [
      job.id,
    ]);
    const expired = await fetch(system.url + (job.downloadUrl ?? ''));
    expect(expired.status).toBe(410);
    expect(((await expired.json()) as { code: string }).code).toBe('EXPORT_EXPIRED');
  });
});
