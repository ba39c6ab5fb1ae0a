import pg from 'pg';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Statement } from '@razgovor/contracts';
import { openBrowser } from '../../../test/support/browser';
import type { HttpClient } from '../../../test/support/http-client';
import { linkToken, startSystem, type TestSystem, uniqueEmail } from '../../../test/support/system';

const webDist = path.resolve(__dirname, '../../../dist/web');
const password = 'парола за картата';
const greenBodies = ['Повече паркове', 'Повече пейки', 'Повече дървета', 'Повече площадки'];
const greyBodies = ['Повече паркинги', 'По-широки булеварди', 'Повече светофари', 'Повече гаражи'];
const sharedBody = 'Всеки район да има глас';

type Browser = Awaited<ReturnType<typeof openBrowser>>;

describe('statements voted in the browser and the opinion map watched live', () => {
  let system: TestSystem;
  const browsers: Browser[] = [];
  let slug: string;
  let conversationId: string;
  let facilitator: { client: HttpClient; id: string };

  async function confirmedPerson(displayName: string) {
    const email = uniqueEmail('map');
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
    slug = `map-${Date.now().toString(36)}`;
    const created = await facilitator.client.post('/api/conversations', {
      slug,
      title: { bg: 'Карта на мненията', en: 'Opinion map' },
      description: { bg: 'Гласувайте.', en: 'Vote.' },
    });
    conversationId = (created.body as { id: string }).id;
    await facilitator.client.post(`/api/conversations/${conversationId}/status`, {
      status: 'open',
    });
  });
  afterAll(async () => {
    for (const browser of browsers) await browser.close();
    await system?.stop();
  });

  it('shows the map appear and the voter placed in a group, without reloading', async () => {
    const watcher = await signedInPage(facilitator.client);
    await watcher.goto(`${system.url}/conversations/${slug}/opinions`);
    await watcher.getByText('Картата се появява, когато достатъчно хора гласуват.').waitFor();

    const camps = { green: [] as HttpClient[], grey: [] as HttpClient[] };
    for (let i = 0; i < 5; i++) camps.green.push((await confirmedPerson(`Зелен ${i}`)).client);
    for (let i = 0; i < 5; i++) camps.grey.push((await confirmedPerson(`Сив ${i}`)).client);
    const statements: Statement[] = [];
    const authors = [...camps.green.slice(0, 4), ...camps.grey.slice(0, 4), camps.green[4]!];
    for (const [index, body] of [...greenBodies, ...greyBodies, sharedBody].entries()) {
      const response = await authors[index]!.post(
        `/api/conversations/${conversationId}/statements`,
        { body },
      );
      statements.push(response.body as Statement);
    }

    for (const [camp, people] of Object.entries(camps)) {
      for (const client of people) {
        for (const statement of statements) {
          const agrees =
            statement.body === sharedBody ||
            (camp === 'green') === greenBodies.includes(statement.body);
          await client.put(`/api/statements/${statement.id}/vote`, {
            vote: agrees ? 'agree' : 'disagree',
          });
        }
      }
    }

    await watcher.getByTestId('map-run').waitFor({ timeout: 15_000 });
    await watcher.getByRole('heading', { name: 'Където всички групи са съгласни' }).waitFor();

    const voter = await signedInPage((await confirmedPerson('Гласуваща Вера')).client);
    await voter.goto(`${system.url}/conversations/${slug}/opinions`);
    for (let i = 0; i < statements.length; i++) {
      const shown = voter.locator('.voting__statement');
      await shown.waitFor();
      const body = (await shown.textContent()) ?? '';
      const agrees = body === sharedBody || greenBodies.includes(body);
      await voter
        .getByRole('button', { name: agrees ? 'Съгласен/на съм' : 'Не съм съгласен/на' })
        .click();
      await expect.poll(async () => voter.getByText(`Гласували сте за ${i + 1};`).count()).toBe(1);
    }

    await voter.getByText('Гласували сте за всички твърдения', { exact: false }).waitFor();
    await voter.getByText(/Вие сте в група [AB]\./).waitFor({ timeout: 15_000 });
    await voter.getByTestId('my-position').waitFor();
    await expect
      .poll(async () => (await watcher.getByTestId('map-run').textContent()) ?? '', {
        timeout: 15_000,
      })
      .toContain('от гласовете на 11 души');
  });
});
