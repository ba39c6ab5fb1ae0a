import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConversationFixtures, type Person } from '../../api/test/conversations.fixtures';
import { insertComments, mixedCorpus } from '../../api/test/themes.fixtures';
import { openBrowser } from '../../../test/support/browser';
import { startSystem, type TestSystem } from '../../../test/support/system';

const webDist = path.resolve(__dirname, '../../../dist/web');

type Browser = Awaited<ReturnType<typeof openBrowser>>;

describe('the theme explorer', () => {
  let system: TestSystem;
  let fixtures: ConversationFixtures;
  const browsers: Browser[] = [];

  async function pageFor(person: Person | null): Promise<Page> {
    const browser = await openBrowser();
    browsers.push(browser);
    if (person) {
      const session = person.client.cookie('rz_session');
      if (!session) throw new Error('The API set no session cookie');
      await browser.context.addCookies([{ name: 'rz_session', value: session, url: system.url }]);
    }

    return browser.context.newPage();
  }

  beforeAll(async () => {
    system = await startSystem({ env: { WEB_DIST: webDist, PUBLIC_URL: 'http://127.0.0.1' } });
    fixtures = new ConversationFixtures(system);
  });

  afterAll(async () => {
    for (const browser of browsers) await browser.close();
    await system?.stop();
  });

  it('lets an analyst run the clustering, watch it finish, read quotes, rename and publish', async () => {
    const { facilitator, conversation, topic } = await fixtures.openTopic();
    const corpus = mixedCorpus();
    await insertComments(
      fixtures,
      topic,
      facilitator,
      corpus.map((item) => item.text),
    );
    const analyst = await fixtures.person(['citizen', 'analyst']);
    const page = await pageFor(analyst);

    await page.goto(`${system.url}/conversations/${conversation.slug}`);
    await page.getByRole('link', { name: 'Теми (анализ)' }).click();
    await page.getByRole('heading', { name: 'Теми на разговора' }).waitFor();
    await page.getByText('Коментарите още не са групирани в теми.').waitFor();
    await page.getByRole('button', { name: 'Групирай отново сега' }).click();

    // The run's completion arrives over the socket: no reload.
    await page.getByText(/Пускане № 1 от .*240 коментара/).waitFor({ timeout: 30_000 });
    const cards = page.locator('article.theme-card');
    expect(await cards.count()).toBeGreaterThanOrEqual(3);
    await page.getByRole('heading', { name: 'Размер на темите' }).waitFor();
    const firstCard = cards.first();
    const quote = (await firstCard.locator('blockquote').first().textContent()) ?? '';
    expect(corpus.map((item) => item.text)).toContain(quote);
    const quoteLink = firstCard.getByRole('link', { name: 'Към коментара в дискусията' }).first();
    expect(await quoteLink.getAttribute('href')).toMatch(/^\/comments\/[0-9a-f-]{36}$/);

    await firstCard.getByRole('button', { name: 'Преименувай' }).click();
    await firstCard.getByLabel('Име на български').fill('Нашата първа тема');
    await firstCard.getByLabel('Име на английски').fill('Our first theme');
    await firstCard.getByRole('button', { name: 'Запази' }).click();
    await page.getByRole('heading', { name: 'Нашата първа тема' }).waitFor();

    await page.getByText('Настройки').click();
    await page.getByLabel('Покажи обзора на темите на гражданите').check();
    await page.getByRole('button', { name: 'Запази' }).click();
    await page.getByRole('status').filter({ hasText: 'Промяната е записана.' }).waitFor();

    const citizenPage = await pageFor(null);
    await citizenPage.goto(`${system.url}/conversations/${conversation.slug}`);
    await citizenPage.getByRole('heading', { name: 'За какво говорят хората' }).waitFor();
    await citizenPage.getByRole('heading', { name: 'Нашата първа тема' }).waitFor();

    const audit = await fixtures.sql<{ action: string }>(
      `SELECT action FROM audit_log WHERE conversation_id = $1 AND actor_id = $2 ORDER BY id`,
      [conversation.id, analyst.id],
    );
    expect(audit.map((row) => row.action)).toEqual([
      'theme-run.requested',
      'theme.renamed',
      'themes.settings-changed',
    ]);
  });
});
