import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem, type TestSystem } from '../../../test/support/system';
import { ConversationFixtures } from '../../api/test/conversations.fixtures';
import { People, webDist } from './support/people';

describe('moderating a conversation in the browser', () => {
  let system: TestSystem;
  let fixtures: ConversationFixtures;
  let people: People;

  beforeAll(async () => {
    system = await startSystem({ env: { WEB_DIST: webDist, PUBLIC_URL: 'http://127.0.0.1' } });
    fixtures = new ConversationFixtures(system);
    people = new People(system);
  });
  afterAll(async () => {
    await people?.close();
    await system?.stop();
  });

  /** Marks the window so that a later check can tell the page was never reloaded. */
  async function mark(page: Page): Promise<void> {
    await page.evaluate(() => Object.assign(globalThis, { notReloaded: true }));
  }

  async function wasReloaded(page: Page): Promise<boolean> {
    return page.evaluate(() => !(globalThis as { notReloaded?: boolean }).notReloaded);
  }

  it('carries a report live to one facilitator, and an appeal to another who restores', async () => {
    const { facilitator: first, conversation, topic } = await fixtures.openTopic();
    const second = await fixtures.person(['citizen', 'facilitator']);
    const added = await first.client.post(`/api/conversations/${conversation.id}/facilitators`, {
      userId: second.id,
    });
    expect(added.status).toBeLessThan(300);
    const author = await fixtures.person();
    const reader = await fixtures.person();
    const text = 'Кметът е пълен некадърник и трябва да си ходи';
    await fixtures.comment(author, topic.id, text);
    const queueUrl = `${system.url}/conversations/${conversation.slug}/moderation`;
    const topicUrl = `${system.url}/topics/${topic.id}`;

    const firstPage = await people.page(first);
    await firstPage.goto(queueUrl);
    await firstPage.getByText('Нищо не чака преглед').waitFor();
    await mark(firstPage);
    const authorPage = await people.page(author);
    await authorPage.goto(topicUrl);
    const readerPage = await people.page(reader);
    await readerPage.goto(topicUrl);
    const readersCopy = readerPage.getByRole('article', { name: /Участник/ });
    await readersCopy.getByText(text).waitFor();

    await readersCopy.getByRole('button', { name: 'Сигнализирай' }).click();
    const dialog = readerPage.getByRole('dialog', { name: /Сигнал към фасилитаторите/ });
    await dialog.getByLabel('Обидно или лична нападка').check();
    await dialog.getByRole('button', { name: 'Изпрати сигнала' }).click();
    await readerPage.getByText('Сигнализирано.').waitFor();

    const item = firstPage.getByRole('article', { name: /Сигнализиран/ });
    await item.getByText(text).waitFor();
    expect(await wasReloaded(firstPage)).toBe(false);
    await item.getByText('Обидно или лична нападка').waitFor();
    await item.getByLabel('Публична причина').selectOption('offensive');
    await item.getByLabel(/Лична бележка/).fill('лична нападка срещу кмета');
    await item.getByRole('button', { name: 'Скрий' }).click();
    await firstPage.getByText('Скрит е 1 коментар.').waitFor();

    const reason = 'Скрит от фасилитаторите. Причина: обиден език или лична нападка.';
    await readerPage.getByText(reason).waitFor();
    expect(await readerPage.getByText(text).count()).toBe(0);
    await authorPage.getByText(reason).waitFor();
    await authorPage.getByRole('button', { name: 'Обжалвай решението' }).click();
    await authorPage
      .getByLabel('Защо коментарът трябва да се покаже отново?')
      .fill('Това е критика към работата му, не обида.');
    await authorPage.getByRole('button', { name: 'Изпрати жалбата' }).click();
    await authorPage.getByText('Жалбата е изпратена.').waitFor();
    expect(await authorPage.getByRole('button', { name: 'Обжалвай решението' }).count()).toBe(0);
    await authorPage.reload();
    await authorPage.getByText('Жалбата е изпратена.').waitFor();
    expect(await authorPage.getByRole('button', { name: 'Обжалвай решението' }).count()).toBe(0);

    const appealed = firstPage.getByRole('article', { name: /Обжалван/ });
    await appealed.getByText('друг фасилитатор решава жалбата').waitFor();
    expect(await appealed.getByRole('button', { name: 'Възстанови' }).count()).toBe(0);
    expect(await wasReloaded(firstPage)).toBe(false);

    const secondPage = await people.page(second);
    await secondPage.goto(queueUrl);
    const forSecond = secondPage.getByRole('article', { name: /Обжалван/ });
    await forSecond.getByText('Това е критика към работата му, не обида.').waitFor();
    await forSecond.getByRole('button', { name: 'Възстанови' }).click();
    await secondPage.getByText('Възстановен е 1 коментар.').waitFor();

    await readerPage.getByText(text).waitFor();
    await authorPage.getByText(text).waitFor();
    expect(await readerPage.getByText(reason).count()).toBe(0);
    await firstPage.getByText('Нищо не чака преглед').waitFor();
    const stranger = await people.page(await fixtures.person());
    await stranger.goto(topicUrl);
    await stranger.getByText(text).waitFor();
  });

  it('sets pre-moderation and slow mode, tests the word list, redacts, approves by key, audits', async () => {
    const { facilitator, conversation, topic } = await fixtures.openTopic();
    const author = await fixtures.person();
    const base = `${system.url}/conversations/${conversation.slug}`;
    const page = await people.page(facilitator);

    await page.goto(`${base}/moderation/settings`);
    await page.getByLabel(/^Предварителна/).check();
    await page.getByRole('button', { name: 'Запази настройките' }).click();
    await page.getByText('Запазено.').waitFor();
    await page.getByLabel('Секунди между коментарите на човек').fill('45');
    await page.getByLabel('Причина, която гражданите ще видят').fill('Темата е много оживена');
    await page.getByRole('button', { name: 'Включи бавния режим' }).click();
    await page.getByText('Бавният режим е включен.').first().waitFor();

    await page.goto(`${base}/moderation/words`);
    await page.getByLabel('Дума или израз').fill('глупак');
    await page.getByLabel('Какво става с коментар, който я съдържа').selectOption('hold');
    await page.getByRole('button', { name: 'Добави', exact: true }).click();
    await page.getByText('Добавено: „глупак“.').waitFor();
    await page.getByLabel('Текст за проба').fill('Само глупаците мислят така');
    await page.getByRole('button', { name: 'Провери' }).click();
    await page.getByText(/съвпада с „глупак“: задържан за преглед/).waitFor();

    const authorPage = await people.page(author);
    await authorPage.goto(`${system.url}/topics/${topic.id}`);
    await authorPage.getByText('Защо: Темата е много оживена').waitFor();
    await authorPage
      .getByLabel('Вашият коментар')
      .fill('Обадете се на 0888 123 456 за повече пейки.');
    await authorPage.getByRole('button', { name: 'Публикувай' }).click();
    await authorPage.getByText(/^Чака преглед: само вие/).waitFor();
    await authorPage.getByText(/Можете да пишете отново след \d+ с/).waitFor();

    await page.goto(`${base}/moderation`);
    const held = page.getByRole('article', { name: /Задържан/ });
    await held.getByText('0888 123 456').waitFor();
    await held.getByRole('button', { name: 'Премахни лични данни' }).click();
    await held.getByLabel('Текст за премахване').fill('0888 123 456');
    await held.getByRole('button', { name: 'Премахни този текст' }).click();
    await held.getByText('Обадете се на [редактирано] за повече пейки.').waitFor();
    await held.focus();
    await page.keyboard.press('a');
    await page.getByText('Одобрен е 1 коментар.').waitFor();
    await page.getByText('Нищо не чака преглед').waitFor();

    await authorPage.getByText('Обадете се на [редактирано] за повече пейки.').waitFor();
    await authorPage.getByText('Фасилитаторите премахнаха лични данни').waitFor();
    expect(await authorPage.getByText(/^Чака преглед/).count()).toBe(0);

    await page.goto(`${base}/audit`);
    await page.getByRole('cell', { name: 'Включен бавен режим' }).waitFor();
    await page.getByLabel('Действие').selectOption('comment.redacted');
    await page.getByRole('button', { name: 'Приложи филтрите' }).click();
    await page.getByRole('cell', { name: 'Премахнати лични данни' }).waitFor();
    await expect.poll(() => page.getByRole('row').count()).toBe(2);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Изтегли CSV' }).click(),
    ]);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^id,createdAt,action/);
    expect(csv).toContain('comment.redacted');
    expect(csv).not.toContain('word_list.added');

    await authorPage.goto(`${base}/ledger`);
    await authorPage.getByRole('img', { name: /по седмици/ }).waitFor();
    const week = authorPage.getByRole('row').nth(1);
    expect(await week.getByRole('cell').first().textContent()).toBe('1');
  });
});
