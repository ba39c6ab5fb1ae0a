import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { exportTables, type Poll, type Statement } from '@razgovor/contracts';
import { OpinionMapService } from '@razgovor/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem, type TestSystem } from '../../../test/support/system';
import { ConversationFixtures, type Person } from '../../api/test/conversations.fixtures';
import { type SeededThemes, seedThemeRun } from '../../api/test/insight/insight.fixtures';
import { People, webDist } from './support/people';

describe('the insight report and exports in the browser', () => {
  let system: TestSystem;
  let fixtures: ConversationFixtures;
  let people: People;
  let world: Awaited<ReturnType<ConversationFixtures['openTopic']>>;
  let analyst: Person;

  beforeAll(async () => {
    system = await startSystem({ env: { WEB_DIST: webDist, PUBLIC_URL: 'http://127.0.0.1' } });
    fixtures = new ConversationFixtures(system);
    people = new People(system);
    world = await fixtures.openTopic();
    analyst = await fixtures.person(['citizen', 'analyst']);
    const texts = ['Повече пейки в парка', 'Дървета по тротоарите', 'Пейки до спирките'];
    for (const text of texts) await fixtures.comment(await fixtures.person(), world.topic.id, text);
    const rows = await fixtures.sql<{ id: string }>(
      'SELECT id FROM comments WHERE conversation_id = $1 ORDER BY created_at, id',
      [world.conversation.id],
    );
    const seeded = await seedThemeRun(
      fixtures,
      world.conversation.id,
      rows.map((row) => row.id),
    );
    await seedPreferences(seeded);
  });

  /** A poll answered by six people of Mladost and two of Bankya, and two camps on statements. */
  async function seedPreferences(seeded: SeededThemes) {
    const conversationId = world.conversation.id;
    const voters: Person[] = [];
    for (let index = 0; index < 8; index++) {
      const person = await fixtures.person();
      await fixtures.sql('UPDATE users SET district = $2 WHERE id = $1', [
        person.id,
        index < 6 ? 'mladost' : 'bankya',
      ]);
      voters.push(person);
    }

    const poll = (
      await world.facilitator.client.post(`/api/conversations/${conversationId}/polls`, {
        kind: 'single',
        question: { bg: 'Кой да предлага проекти?', en: 'Who may propose projects?' },
        options: [
          { bg: 'Всеки жител', en: 'Any resident' },
          { bg: 'Само сдружения', en: 'Associations only' },
        ],
      })
    ).body as Poll;
    for (const [index, voter] of voters.entries()) {
      await voter.client.put(`/api/polls/${poll.id}/answer`, {
        kind: 'single',
        optionId: poll.options[index < 6 ? 0 : 1].id,
      });
    }

    const bodies = [
      'Повече пари за паркове',
      'Повече дървета',
      'Повече пейки',
      'Повече паркинги',
      'По-широки булеварди',
      'Повече гаражи',
      'Всеки район да има глас',
    ];
    const statements: Statement[] = [];
    for (const [index, body] of bodies.entries()) {
      const author = voters[index < 3 ? index : index < 6 ? index + 1 : 0];
      const response = await author.client.post(`/api/conversations/${conversationId}/statements`, {
        body,
      });
      statements.push(response.body as Statement);
    }

    for (const [voterIndex, voter] of voters.entries()) {
      for (const [index, statement] of statements.entries()) {
        const agrees = index === 6 || voterIndex < 4 === index < 3;
        await voter.client.put(`/api/statements/${statement.id}/vote`, {
          vote: agrees ? 'agree' : 'disagree',
        });
      }
    }

    const open = (
      await world.facilitator.client.post(`/api/conversations/${conversationId}/polls`, {
        kind: 'open',
        question: { bg: 'Какво да промени програмата?', en: 'What should change?' },
      })
    ).body as Poll;
    await voters[0].client.put(`/api/polls/${open.id}/answer`, {
      kind: 'open',
      text: 'Повече зеленина в парковете',
    });
    // Placed in the parks theme directly: the theme job's own tests cover placement.
    await fixtures.sql(
      `INSERT INTO comment_themes (answer_id, conversation_id, theme_id, confidence, source, run_id,
                                   updated_at)
       SELECT a.id, $2, $3, 0.9, 'run', $4, now() FROM poll_answers a WHERE a.poll_id = $1
       ON CONFLICT (answer_id) DO UPDATE SET theme_id = $3, run_id = $4`,
      [open.id, conversationId, seeded.themeIds[0], seeded.runId],
    );
    await system.api.get(OpinionMapService).draw(conversationId);
  }

  afterAll(async () => {
    await people?.close();
    await system?.stop();
  });

  it('lets a facilitator publish the report that an anonymous visitor then reads', async () => {
    const slug = world.conversation.slug;
    const editor = await people.page(world.facilitator);
    await editor.goto(`${system.url}/conversations/${slug}/report/edit`);
    await editor.getByLabel('Въведение на български (Markdown)').fill('Благодарим на всички!');
    await editor.getByRole('button', { name: 'Запази', exact: true }).click();
    await editor.getByRole('status').getByText('Запазено').waitFor();
    await editor.getByLabel('Решение на български').fill('Проекти може да предлага всеки над 16');
    await editor
      .getByRole('group', { name: 'Теми, на които се основава' })
      .getByLabel('Паркове и пейки')
      .check();
    await editor.getByRole('button', { name: 'Добавяне на решение' }).click();
    await editor.getByText('Решението е добавено.').waitFor();
    await editor.getByRole('button', { name: 'Преместване на дървета тротоари нагоре' }).click();
    // The map goes before the poll, and the analysts' tags show within each theme.
    const mapUp = editor.getByRole('button', { name: 'Преместване на Карта на мненията нагоре' });
    const chosen = editor.locator('section[aria-labelledby="editor-preferences"] ol > li');
    await mapUp.click();
    await expect.poll(() => chosen.nth(1).textContent()).toContain('Карта на мненията');
    await mapUp.click();
    await expect.poll(() => mapUp.isDisabled()).toBe(true);
    // The radio follows the saved draft, so it turns on once the server has the change.
    await editor.getByLabel('Етикети във всяка тема').click();
    await expect.poll(() => editor.getByLabel('Етикети във всяка тема').isChecked()).toBe(true);
    await editor.getByRole('button', { name: 'Публикуване', exact: true }).click();
    await editor.getByText('Докладът е публичен.').waitFor();

    const page = await people.anonymousPage();
    await page.goto(`${system.url}/conversations/${slug}/report`);
    await page.getByRole('heading', { name: 'Паркове и пейки' }).waitFor();
    const themes = await page.locator('.report__theme h3').allTextContents();
    expect(themes).toEqual(['дървета тротоари', 'Паркове и пейки']);
    await page.getByText('Благодарим на всички!').waitFor();
    const decision = page.locator('.report__theme').nth(1).locator('.report__decisions');
    await expect
      .poll(() => decision.textContent())
      .toContain('Проекти може да предлага всеки над 16');
    expect(await page.getByRole('img', { name: /По райони/ }).count()).toBeGreaterThan(0);

    const preferences = page.locator('section[aria-labelledby="report-preferences"]');
    const poll = preferences.locator('.report__poll').filter({ hasText: 'Кой да предлага' });
    await poll.getByRole('heading', { name: 'Кой да предлага проекти?' }).waitFor();
    expect(await poll.locator('.bars__bar').count()).toBe(2);
    expect(await poll.locator('.bars__labels').textContent()).toContain('Всеки жител 6 (75%)');
    const bankya = poll.getByRole('row').filter({ hasText: 'Банкя' });
    expect(await bankya.getByRole('cell').first().textContent()).toBe('скрито');
    const map = preferences.locator('.report__map');
    expect(await map.locator('svg circle').count()).toBe(8);
    expect(await map.getByRole('img').getAttribute('aria-label')).toContain('8 души');
    await map.getByText('Всеки район да има глас').first().waitFor();
    expect(await map.getByTestId('my-position').count()).toBe(0);
    const order = await preferences.locator('h3').allTextContents();
    expect(order.indexOf('Картата на мненията')).toBeLessThan(
      order.indexOf('Кой да предлага проекти?'),
    );
    const answered = preferences.locator('.report__poll').filter({ hasText: 'Какво да промени' });
    await answered
      .locator('.report__answer-themes')
      .getByRole('link', { name: 'Паркове и пейки' })
      .click();
    await page.waitForURL(/#theme-/);
    const parks = page.locator('.report__theme').nth(1);
    expect(await parks.locator('.report__tags').textContent()).toContain('Зеленина 1');
    await page.getByRole('link', { name: 'Вижте го в разговора' }).first().click();
    await page.waitForURL(/\/comments\//);
  });

  it('prints the published report to a PDF with the theme labels and quotes', async () => {
    const response = await fetch(
      `${system.url}/api/conversations/${world.conversation.id}/report.pdf?lang=bg`,
    );

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await response.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain('Паркове и пейки');
    expect(text).toContain('Повече пейки в парка');
    expect(text).toContain('Кой да предлага проекти?');
    expect(text).toContain('Всеки район да има глас');
  });

  it('lets an analyst choose tables and format, watch the export and download it', async () => {
    const page = await people.page(analyst);
    await page.goto(`${system.url}/conversations/${world.conversation.slug}/exports`);
    await page.getByLabel('JSON със схема').check();
    await page.getByLabel('Дневник на модерацията').uncheck();
    await page.getByLabel('Групи на мнение').uncheck();
    await page.getByRole('button', { name: 'Започване на износа' }).click();
    const link = page.getByRole('link', { name: /Изтегляне на/ });
    await link.waitFor({ timeout: 20_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const document = JSON.parse(readFileSync((await download.path()) as string, 'utf8')) as {
      tables: Record<string, unknown[]>;
    };

    expect(Object.keys(document.tables)).toEqual(
      exportTables.filter((table) => table !== 'moderation-ledger' && table !== 'opinion-groups'),
    );
    expect(document.tables.comments).toHaveLength(3);
  });
});

/**
 * The text of a Chromium PDF: its content streams are deflated and show text as hex glyph ids,
 * so the words are found through the ToUnicode maps of its fonts.
 */
function pdfText(pdf: Buffer): string {
  const streams: string[] = [];
  const source = pdf.toString('latin1');
  for (const match of source.matchAll(/stream\r?\n/g)) {
    const start = (match.index ?? 0) + match[0].length;
    const end = source.indexOf('endstream', start);
    try {
      streams.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      // Images and other binary streams are not text.
    }
  }

  const glyphs = new Map<string, string>();
  for (const stream of streams) {
    for (const block of stream.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const pair of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
        glyphs.set(pair[1].toUpperCase(), unicode(pair[2]));
      }
    }

    for (const block of stream.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const range of block[1].matchAll(
        /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g,
      )) {
        const [from, to, first] = [
          parseInt(range[1], 16),
          parseInt(range[2], 16),
          parseInt(range[3], 16),
        ];
        for (let code = from; code <= to; code++) {
          glyphs.set(
            code.toString(16).toUpperCase().padStart(range[1].length, '0'),
            String.fromCodePoint(first + code - from),
          );
        }
      }
    }
  }

  const words: string[] = [];
  for (const stream of streams) {
    for (const shown of stream.matchAll(/<([0-9A-Fa-f]+)>\s*Tj|\[([^\]]*)\]\s*TJ/g)) {
      const hex =
        shown[1] ??
        [...(shown[2] ?? '').matchAll(/<([0-9A-Fa-f]+)>/g)].map((part) => part[1]).join('');
      let text = '';
      for (let index = 0; index < hex.length; index += 4) {
        text += glyphs.get(hex.slice(index, index + 4).toUpperCase()) ?? '';
      }

      words.push(text);
    }
  }

  return words.join('').replace(/\s+/g, ' ');
}

function unicode(hex: string): string {
  let text = '';
  for (let index = 0; index < hex.length; index += 4) {
    text += String.fromCharCode(parseInt(hex.slice(index, index + 4), 16));
  }

  return text;
}
