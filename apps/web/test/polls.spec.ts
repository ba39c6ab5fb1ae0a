import pg from 'pg';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Poll } from '@razgovor/contracts';
import { openBrowser } from '../../../test/support/browser';
import type { HttpClient } from '../../../test/support/http-client';
import { linkToken, startSystem, type TestSystem, uniqueEmail } from '../../../test/support/system';

const webDist = path.resolve(__dirname, '../../../dist/web');
const password = 'парола за анкетите';

type Browser = Awaited<ReturnType<typeof openBrowser>>;

describe('a poll answered in one browser and watched in another', () => {
  let system: TestSystem;
  const browsers: Browser[] = [];
  let slug: string;
  let facilitator: { client: HttpClient; id: string };

  async function confirmedPerson(displayName: string) {
    const email = uniqueEmail('poll');
    const client = system.client();
    const signUp = await client.post('/api/auth/sign-up', { email, password, displayName });
    const token = linkToken((await system.waitForMail(email)).text);
    await client.post('/api/auth/confirm-email', { token });

    return { client, id: (signUp.body as { id: string }).id };
  }

  async function signedInPage(client: HttpClient): Promise<Page> {
    const browser = await openBrowser();
    browsers.push(browser);
    const session = client.cookie('rz_session');
    if (!session) throw new Error('The API set no session cookie');
    await browser.context.addCookies([{ name: 'rz_session', value: session, url: system.url }]);

    return browser.context.newPage();
  }

  beforeAll(async () => {
    system = await startSystem({ env: { WEB_DIST: webDist, PUBLIC_URL: 'http://127.0.0.1' } });
    facilitator = await confirmedPerson('Фасилитаторка Ана');
    const database = new pg.Client({ connectionString: system.config.databaseUrl });
    await database.connect();
    await database.query('UPDATE users SET roles = $2 WHERE id = $1', [
      facilitator.id,
      ['citizen', 'facilitator'],
    ]);
    await database.end();
    slug = `polls-${Date.now().toString(36)}`;
    const created = await facilitator.client.post('/api/conversations', {
      slug,
      title: { bg: 'Бюджет с анкети', en: 'Budget with polls' },
      description: { bg: 'Кажете как.', en: 'Say how.' },
    });
    const conversationId = (created.body as { id: string }).id;
    await facilitator.client.post(`/api/conversations/${conversationId}/status`, {
      status: 'open',
    });
    const poll = await facilitator.client.post(`/api/conversations/${conversationId}/polls`, {
      kind: 'single',
      question: { bg: 'Кой да предлага проекти?', en: 'Who may propose projects?' },
      options: [
        { bg: 'Всеки жител', en: 'Any resident' },
        { bg: 'Само организации', en: 'Only organisations' },
      ],
    });
    expect(poll.status).toBe(201);
    const budget = await facilitator.client.post(`/api/conversations/${conversationId}/polls`, {
      kind: 'budget',
      question: { bg: 'Как да разделим 1000 лв.?', en: 'How to split 1000 leva?' },
      options: [
        { bg: 'Паркове', en: 'Parks' },
        { bg: 'Улици', en: 'Streets' },
      ],
      budgetTotal: 1000,
    });
    expect((budget.body as Poll).budgetTotal).toBe(1000);
  });
  afterAll(async () => {
    for (const browser of browsers) await browser.close();
    await system?.stop();
  });

  it('updates the results on the watching page without a reload', async () => {
    const watcher = await signedInPage(facilitator.client);
    const citizen = await signedInPage((await confirmedPerson('Гражданин Петър')).client);
    await watcher.goto(`${system.url}/conversations/${slug}/polls`);
    await citizen.goto(`${system.url}/conversations/${slug}/polls`);
    const watched = watcher.getByRole('article', { name: 'Кой да предлага проекти?' });
    await watched.getByText('Отговорили: 0').waitFor();
    const poll = citizen.getByRole('article', { name: 'Кой да предлага проекти?' });
    await poll.getByText('Резултатите се показват, след като отговорите.').waitFor();

    await poll.getByLabel('Всеки жител').check();
    await poll.getByRole('button', { name: 'Изпрати отговора' }).click();

    await poll.getByText('Отговорът ви е запазен', { exact: false }).waitFor();
    await poll.getByText('1 (100%)').waitFor();
    await watched.getByText('Отговорили: 1').waitFor();
    await watched.getByText('1 (100%)').waitFor();

    await poll.getByLabel('Само организации').check();
    await poll.getByRole('button', { name: 'Промени отговора ми' }).click();
    await expect
      .poll(() => watched.locator('.bars__labels li').allTextContents())
      .toEqual(['Всеки жител 0 (0%)', 'Само организации 1 (100%)']);
    await watched.getByText('Отговорили: 1').waitFor();
  });

  it('sends a budget split only once it adds up', async () => {
    const citizen = await signedInPage((await confirmedPerson('Гражданка Мила')).client);
    await citizen.goto(`${system.url}/conversations/${slug}/polls`);
    const poll = citizen.getByRole('article', { name: 'Как да разделим 1000 лв.?' });
    const send = poll.getByRole('button', { name: 'Изпрати отговора' });

    await poll.getByLabel('Паркове').fill('600');
    await poll.getByLabel('Улици').fill('300');
    await poll.getByText('Остава за разпределяне: 100 лв.').waitFor();
    expect(await send.isDisabled()).toBe(true);
    await poll.getByLabel('Улици').fill('400');
    await poll.getByText('Сумите дават точно цялото.').waitFor();
    await send.click();

    await poll.getByText('средно 600 лв.').waitFor();
  });

  it('lets a facilitator create a poll from the page, with its options in both languages', async () => {
    const page = await signedInPage(facilitator.client);
    await page.goto(`${system.url}/conversations/${slug}/polls`);

    await page.getByText('Нова анкета').click();
    await page.getByLabel('Вид въпрос').selectOption('multiple');
    await page.getByLabel('Въпрос на български').fill('Кои квартали първо?');
    await page.getByLabel('Въпрос на английски').fill('Which districts first?');
    await page.getByLabel('Възможности на български').fill('Люлин\nМладост\nЛозенец');
    await page.getByLabel('Възможности на английски').fill('Lyulin\nMladost\nLozenets');
    await page.getByLabel('Най-много избора').fill('2');
    await page.getByRole('button', { name: 'Създай анкетата' }).click();

    const created = page.getByRole('article', { name: 'Кои квартали първо?' });
    await created.getByText('Изберете до 2.').waitFor();
    await created.getByLabel('Лозенец').waitFor();
    await page.getByRole('button', { name: 'EN' }).click();
    await page
      .getByRole('article', { name: 'Which districts first?' })
      .getByLabel('Mladost')
      .waitFor();
  });
});
