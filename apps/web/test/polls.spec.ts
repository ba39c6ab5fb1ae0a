import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Poll } from '@razgovor/contracts';
import { startSystem, type TestSystem } from '../../../test/support/system';
import { ConversationFixtures, type Person } from '../../api/test/conversations.fixtures';
import { People, webDist } from './support/people';

describe('a poll answered in one browser and watched in another', () => {
  let system: TestSystem;
  let fixtures: ConversationFixtures;
  let people: People;
  let slug: string;
  let facilitator: Person;

  beforeAll(async () => {
    system = await startSystem({ env: { WEB_DIST: webDist, PUBLIC_URL: 'http://127.0.0.1' } });
    fixtures = new ConversationFixtures(system);
    people = new People(system);
    facilitator = await fixtures.person(['citizen', 'facilitator']);
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
    await people?.close();
    await system?.stop();
  });

  it('updates the results on the watching page without a reload', async () => {
    const watcher = await people.page(facilitator);
    const citizen = await people.page(await fixtures.person());
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
    const citizen = await people.page(await fixtures.person());
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
    const page = await people.page(facilitator);
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
