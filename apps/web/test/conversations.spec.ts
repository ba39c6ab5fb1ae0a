import pg from 'pg';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser } from '../../../test/support/browser';
import type { HttpClient } from '../../../test/support/http-client';
import { linkToken, startSystem, type TestSystem, uniqueEmail } from '../../../test/support/system';

const webDist = path.resolve(__dirname, '../../../dist/web');
const password = 'парола за разговора';

type Browser = Awaited<ReturnType<typeof openBrowser>>;

describe('a topic followed live by two people', () => {
  let system: TestSystem;
  const browsers: Browser[] = [];
  let topicId: string;

  async function confirmedPerson(displayName: string): Promise<{ client: HttpClient; id: string }> {
    const email = uniqueEmail('live');
    const client = system.client();
    const signUp = await client.post('/api/auth/sign-up', { email, password, displayName });
    const token = linkToken((await system.waitForMail(email)).text);
    await client.post('/api/auth/confirm-email', { token });

    return { client, id: (signUp.body as { id: string }).id };
  }

  async function signedInPage(client: HttpClient): Promise<Page> {
    const browser = await openBrowser();
    browsers.push(browser);
    const context: BrowserContext = browser.context;
    const session = client.cookie('rz_session');
    if (!session) throw new Error('The API set no session cookie');
    await context.addCookies([{ name: 'rz_session', value: session, url: system.url }]);

    return context.newPage();
  }

  beforeAll(async () => {
    system = await startSystem({ env: { WEB_DIST: webDist, PUBLIC_URL: 'http://127.0.0.1' } });
    const facilitator = await confirmedPerson('Фасилитаторка Ана');
    const database = new pg.Client({ connectionString: system.config.databaseUrl });
    await database.connect();
    await database.query('UPDATE users SET roles = $2 WHERE id = $1', [
      facilitator.id,
      ['citizen', 'facilitator'],
    ]);
    await database.end();

    const slug = `live-${Date.now().toString(36)}`;
    const created = await facilitator.client.post('/api/conversations', {
      slug,
      title: { bg: 'Жив разговор', en: 'A live conversation' },
      description: { bg: 'Говорим на живо.', en: 'We talk live.' },
    });
    const conversationId = (created.body as { id: string }).id;
    await facilitator.client.post(`/api/conversations/${conversationId}/status`, {
      status: 'open',
    });
    const topic = await facilitator.client.post(`/api/conversations/${conversationId}/topics`, {
      slug: 'parks',
      title: { bg: 'Паркове', en: 'Parks' },
      description: { bg: 'Кои паркове?', en: 'Which parks?' },
    });
    topicId = (topic.body as { id: string }).id;
  });
  afterAll(async () => {
    for (const browser of browsers) await browser.close();
    await system?.stop();
  });

  it("shows one person's comment to the other behind a marker, and stances live", async () => {
    const writer = await signedInPage((await confirmedPerson('Пишеща Вера')).client);
    const reader = await signedInPage((await confirmedPerson('Четящ Иван')).client);
    await writer.goto(`${system.url}/topics/${topicId}`);
    await reader.goto(`${system.url}/topics/${topicId}`);
    await reader.getByText('Все още няма коментари').waitFor();
    await writer.getByText('Все още няма коментари').waitFor();
    await reader.getByText(/души са тук сега/).waitFor();

    await writer.getByLabel('Вашият коментар').fill('Повече **сенки** в Южния парк, моля.');
    await writer.getByRole('button', { name: 'Публикувай' }).click();
    await writer.getByRole('article', { name: /Пишеща Вера/ }).waitFor();

    const marker = reader.getByRole('button', { name: 'Покажи 1 нов коментар' });
    await marker.waitFor();
    expect(await reader.getByRole('article').count()).toBe(0);
    await marker.click();
    const comment = reader.getByRole('article', { name: /Пишеща Вера/ });
    await comment.getByText('сенки').waitFor();
    expect(await comment.locator('strong').textContent()).toBe('сенки');

    const readerAgree = comment.getByRole('button', { name: /^Съгласен съм/ });
    await readerAgree.click();
    await expect.poll(() => readerAgree.getAttribute('aria-pressed')).toBe('true');
    const writerAgree = writer
      .getByRole('article', { name: /Пишеща Вера/ })
      .getByRole('button', { name: /^Съгласен съм/ });
    await expect.poll(() => writerAgree.textContent()).toBe('Съгласен съм 1');
    expect(await writerAgree.getAttribute('aria-pressed')).toBe('false');

    await readerAgree.click();
    await expect.poll(() => writerAgree.textContent()).toBe('Съгласен съм 0');
  });
});
