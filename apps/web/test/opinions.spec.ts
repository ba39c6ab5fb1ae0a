import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Statement } from '@razgovor/contracts';
import type { HttpClient } from '../../../test/support/http-client';
import { startSystem, type TestSystem } from '../../../test/support/system';
import { ConversationFixtures, type Person } from '../../api/test/conversations.fixtures';
import { People, webDist } from './support/people';

const greenBodies = ['Повече паркове', 'Повече пейки', 'Повече дървета', 'Повече площадки'];
const greyBodies = ['Повече паркинги', 'По-широки булеварди', 'Повече светофари', 'Повече гаражи'];
const sharedBody = 'Всеки район да има глас';

describe('statements voted in the browser and the opinion map watched live', () => {
  let system: TestSystem;
  let fixtures: ConversationFixtures;
  let people: People;
  let slug: string;
  let conversationId: string;
  let facilitator: Person;

  beforeAll(async () => {
    system = await startSystem({ env: { WEB_DIST: webDist, PUBLIC_URL: 'http://127.0.0.1' } });
    fixtures = new ConversationFixtures(system);
    people = new People(system);
    facilitator = await fixtures.person(['citizen', 'facilitator']);
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
    await people?.close();
    await system?.stop();
  });

  it('shows the map appear and the voter placed in a group, without reloading', async () => {
    const watcher = await people.page(facilitator);
    await watcher.goto(`${system.url}/conversations/${slug}/opinions`);
    await watcher.getByText('Картата се появява, когато достатъчно хора гласуват.').waitFor();

    const camps = { green: [] as HttpClient[], grey: [] as HttpClient[] };
    for (let i = 0; i < 5; i++) camps.green.push((await fixtures.person()).client);
    for (let i = 0; i < 5; i++) camps.grey.push((await fixtures.person()).client);
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

    const voter = await people.page(await fixtures.person());
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

  it('lets a voter report a statement that the open console of a facilitator shows and keeps', async () => {
    const author = await fixtures.person();
    const reported = (
      await author.client.post(`/api/conversations/${conversationId}/statements`, {
        body: 'Парите да отидат за реклама',
      })
    ).body as Statement;
    const desk = await people.page(facilitator);
    await desk.goto(`${system.url}/conversations/${slug}/moderation`);
    await desk.getByRole('heading', { level: 1 }).first().waitFor();

    const voter = await people.page(await fixtures.person());
    await voter.goto(`${system.url}/conversations/${slug}/opinions`);
    const shown = voter.locator(`.voting__statement[data-statement-id="${reported.id}"]`);
    await shown.waitFor();
    await voter.getByRole('button', { name: 'Сигнализирай' }).click();
    const dialog = voter.getByRole('dialog');
    await dialog.getByLabel('Обидно или лична нападка').check();
    await dialog.getByRole('button', { name: 'Изпрати сигнала' }).click();
    await voter.getByText('Сигнализирано.', { exact: false }).waitFor();

    const item = desk.locator(`li[data-statement-id="${reported.id}"]`);
    await item.getByText('Докладвано 1 пъти').waitFor({ timeout: 15_000 });
    await item.getByRole('button', { name: 'Остави' }).click();
    await item.waitFor({ state: 'detached' });
    const [row] = await fixtures.sql<{ action: string }>(
      `SELECT action FROM audit_log WHERE target_id = $1 ORDER BY created_at DESC LIMIT 1`,
      [reported.id],
    );
    expect(row!.action).toBe('statement.kept');
  });
});
