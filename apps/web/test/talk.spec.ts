import type { Comment, Conversation, Topic } from '@razgovor/contracts';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConversationFixtures, type Person } from '../../api/test/conversations.fixtures';
import { chooseEnglish, openBrowser } from '../../../test/support/browser';
import { startSystem, type TestSystem } from '../../../test/support/system';

const webDist = path.resolve(__dirname, '../../../dist/web');

type Browser = Awaited<ReturnType<typeof openBrowser>>;

/** The id of the element that has the keyboard focus. */
const activeId = (page: Page) => page.evaluate<string | undefined>('document.activeElement?.id');

describe('taking part in a conversation in the browser', () => {
  let system: TestSystem;
  let fixtures: ConversationFixtures;
  const browsers: Browser[] = [];

  async function pageFor(person: Person | null, width = 390): Promise<Page> {
    const browser = await openBrowser();
    browsers.push(browser);
    if (person) {
      const session = person.client.cookie('rz_session');
      if (!session) throw new Error('The API set no session cookie');
      await browser.context.addCookies([{ name: 'rz_session', value: session, url: system.url }]);
    }

    const page = await browser.context.newPage();
    await page.setViewportSize({ width, height: 740 });

    return page;
  }

  /** The outermost list item of the thread whose root says `text`. */
  function threadOf(page: Page, text: string): Locator {
    return page.locator('ul.thread > li').filter({
      has: page.locator(':scope > article', { hasText: text }),
    });
  }

  async function openTalk(): Promise<{
    facilitator: Person;
    conversation: Conversation;
    topic: Topic;
  }> {
    return fixtures.openTopic();
  }

  beforeAll(async () => {
    system = await startSystem({ env: { WEB_DIST: webDist, PUBLIC_URL: 'http://127.0.0.1' } });
    fixtures = new ConversationFixtures(system);
  });
  afterAll(async () => {
    for (const browser of browsers) await browser.close();
    await system?.stop();
  });

  it('pins a versioned thread summary above its thread, with answers and tallies', async () => {
    const { facilitator, topic } = await openTalk();
    const citizen = await fixtures.person();
    const root = await fixtures.comment(citizen, topic.id, 'Нужни са пейки край Перловската');
    await fixtures.comment(facilitator, topic.id, 'Колко пейки?', root.id);
    const facilitating = await pageFor(facilitator);
    const reading = await pageFor(citizen);

    await facilitating.goto(`${system.url}/topics/${topic.id}`);
    const thread = threadOf(facilitating, 'Нужни са пейки');
    await thread.getByText('Обобщи тази нишка').click();
    await thread.getByLabel('Обобщение на български').fill('Хората искат **пейки** и сянка.');
    await thread.getByRole('button', { name: 'Публикувай обобщението' }).click();
    await thread.getByRole('region', { name: 'Обобщение на тази нишка' }).waitFor();

    await reading.goto(`${system.url}/topics/${topic.id}`);
    const readersThread = threadOf(reading, 'Нужни са пейки');
    const panel = readersThread.getByRole('region', { name: 'Обобщение на тази нишка' });
    await panel.getByText('сянка').waitFor();
    // Pinned: the summary sits above the thread's first comment.
    const summaryBox = await panel.boundingBox();
    const rootBox = await readersThread.locator(':scope > article').boundingBox();
    expect(summaryBox!.y + summaryBox!.height).toBeLessThanOrEqual(rootBox!.y);
    await panel.getByRole('button', { name: /^Пропуска нещо/ }).click();
    await panel.getByLabel(/Какво липсва/).fill('Забравихте чешмите');
    await panel.getByRole('button', { name: 'Изпрати отговора' }).click();
    await panel.getByText('Благодарим, отговорът ви е запазен.').waitFor();
    await expect
      .poll(() => panel.getByRole('button', { name: /^Пропуска нещо/ }).textContent())
      .toBe('Пропуска нещо 1');

    await panel.getByText('Какво добавиха хората').click();
    await panel.locator('.summary__responses').getByText('Забравихте чешмите').waitFor();

    await facilitating.reload();
    await thread.getByText('Публикувай нова версия на обобщението на нишката').click();
    await thread.getByLabel('Обобщение на български').fill('Пейки, сянка и чешми.');
    await thread.getByRole('button', { name: 'Публикувай обобщението' }).click();

    // The second version reaches the reader live; the first stays readable below it.
    await panel.getByText('Версия 2', { exact: false }).waitFor();
    await panel.getByText('Пейки, сянка и чешми.').waitFor();
    await panel.getByText('Предишни версии (1)').click();
    await panel.getByText('Хората искат').waitFor();
    const versions = panel.locator('.summary');
    expect(await versions.count()).toBe(2);
    expect(
      await versions
        .nth(1)
        .getByRole('button', { name: /^Пропуска нещо/ })
        .textContent(),
    ).toBe('Пропуска нещо 1');
    expect(
      await versions
        .nth(0)
        .getByRole('button', { name: /^Пропуска нещо/ })
        .textContent(),
    ).toBe('Пропуска нещо 0');
  });

  it('follows live as the person who just signed in, without a reload', async () => {
    const { topic } = await openTalk();
    const citizen = await fixtures.person();
    const [{ email }] = await fixtures.sql<{ email: string }>(
      'SELECT email FROM users WHERE id = $1',
      [citizen.id],
    );
    const mine = await fixtures.comment(citizen, topic.id, 'Моят въпрос за бюджета');
    const replier = await fixtures.person();
    const page = await pageFor(null);
    await page.goto(`${system.url}/topics/${topic.id}`);
    await page.getByRole('article').first().waitFor();

    await page.getByRole('link', { name: 'Вход' }).click();
    await page.getByLabel('Имейл').fill(email);
    await page.getByLabel('Парола').fill('a password for talking');
    const listed = page.waitForResponse((response) =>
      response.url().endsWith('/api/me/notifications'),
    );
    await page.getByRole('button', { name: 'Влез' }).click();
    await listed;
    await page.getByRole('link', { name: 'Известия' }).waitFor();
    await fixtures.comment(replier, topic.id, 'Отговор на въпроса', mine.id);

    await page.getByRole('link', { name: 'Известия (1 непрочетени)' }).waitFor({ timeout: 10_000 });
  });

  it('opens a deep permalink at its comment and continues a long thread', async () => {
    const { topic } = await openTalk();
    const people = [await fixtures.person(), await fixtures.person()];
    const chain: Comment[] = [];
    for (let depth = 0; depth < 7; depth++) {
      const parent = chain.at(-1);
      chain.push(
        await fixtures.comment(
          people[depth % 2]!,
          topic.id,
          `Ниво ${depth} на нишката`,
          parent?.id,
        ),
      );
    }

    const page = await pageFor(null);
    await page.goto(`${system.url}/topics/${topic.id}`);
    await page.getByText('Ниво 3 на нишката').waitFor();
    expect(await page.getByText('Ниво 4 на нишката').count()).toBe(0);
    await page.getByRole('link', { name: 'Продължи нишката' }).click();

    await page.waitForURL(`**/comments/${chain[3]!.id}`);
    await page.getByText('Ниво 6 на нишката').waitFor();
    await expect.poll(() => activeId(page)).toBe(`comment-${chain[3]!.id}`);

    await page.goto(`${system.url}/comments/${chain[6]!.id}`);
    const deepest = page.locator(`#comment-${chain[6]!.id}`);
    await deepest.getByText('Коментарът, към който води връзката').waitFor();
    await expect.poll(() => activeId(page)).toBe(`comment-${chain[6]!.id}`);
    expect(await deepest.isVisible()).toBe(true);
    const box = await deepest.boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(740);
    await page.getByText('Ниво 0 на нишката').waitFor();
  });

  it('finds a Cyrillic comment from a query typed in Latin letters', async () => {
    const { conversation, topic } = await openTalk();
    const author = await fixtures.person();
    await fixtures.comment(author, topic.id, 'Искаме нови паркове в Люлин');
    await fixtures.comment(author, topic.id, 'Ремонт на пътищата');
    const page = await pageFor(null);
    await page.goto(`${system.url}/conversations/${conversation.slug}`);

    await page.getByLabel('Търсене в разговора').fill('park');
    await page.getByRole('button', { name: 'Търси' }).click();

    await page.getByText('Искаме нови паркове в Люлин').waitFor();
    await page.getByText('Намерен е 1 коментар').waitFor();
    expect(await page.getByText('Ремонт на пътищата').count()).toBe(0);
  });

  it('keeps the page still when comments arrive and announces them', async () => {
    const { topic } = await openTalk();
    const author = await fixtures.person();
    for (let index = 0; index < 12; index++) {
      await fixtures.comment(author, topic.id, `Коментар ${index}\n\nс още един абзац текст`);
    }

    const page = await pageFor(null);
    await page.goto(`${system.url}/topics/${topic.id}`);
    await page.getByText('Коментар 0').waitFor();
    await page.getByText(/тук сега/).waitFor();
    await page.getByText('Коментар 0').scrollIntoViewIfNeeded();
    const before = await page.evaluate<number>('window.scrollY');
    const anchor = await page.getByText('Коментар 0').boundingBox();
    expect(before).toBeGreaterThan(0);

    const arrived = await fixtures.comment(author, topic.id, 'Съвсем нов коментар');
    const marker = page.getByRole('button', { name: 'Покажи 1 нов коментар' });
    await marker.waitFor();
    await page.getByRole('status').filter({ hasText: 'Пристигна 1 нов коментар.' }).waitFor();

    expect(await page.evaluate<number>('window.scrollY')).toBe(before);
    // Sub-pixel rounding aside, the text the reader looks at has not moved.
    const after = await page.getByText('Коментар 0').boundingBox();
    expect(Math.abs(after!.y - anchor!.y)).toBeLessThan(1);
    await marker.click();
    await expect.poll(() => activeId(page)).toBe(`comment-${arrived.id}`);
  });

  it('lets a facilitator schedule a conversation and give it a cover in the web app', async () => {
    const facilitator = await fixtures.person(['citizen', 'facilitator']);
    const page = await pageFor(facilitator);
    // datetime-local fields take the browser's local time.
    const localTime = (minutesFromNow: number) =>
      page.evaluate<string>(`(() => {
        const at = new Date(Date.now() + ${minutesFromNow} * 60000);
        at.setMinutes(at.getMinutes() - at.getTimezoneOffset());
        return at.toISOString().slice(0, 16);
      })()`);
    const slug = fixtures.slug('scheduled');
    await page.goto(`${system.url}/conversations/new`);

    await page.getByLabel('Уеб адрес (slug)').fill(slug);
    await page.getByLabel('Заглавие на български').fill('Бюджет за Младост');
    await page.getByLabel('Адрес на корица').fill('https://www.sofia.bg/cover.jpg');
    await page.getByLabel('Отваря в').fill(await localTime(-2));
    await page.getByLabel('Затваря в').fill(await localTime(7 * 24 * 60));
    await page.getByRole('button', { name: 'Създай разговора' }).click();

    // The opening time has passed, so the draft is open without anyone pressing a button.
    await page.waitForURL(`**/conversations/${slug}`);
    await page.locator('.meta').getByText('Отворен').waitFor();
    await page.getByText(/^Затваря на /).waitFor();
    expect(await page.locator('img.cover-image').getAttribute('src')).toBe(
      'https://www.sofia.bg/cover.jpg',
    );

    await page.goto(`${system.url}/conversations/${slug}/edit`);
    const closes = page.getByLabel('Затваря в');
    await expect.poll(() => closes.inputValue()).not.toBe('');
    await closes.fill(await localTime(-1));
    await page.getByRole('button', { name: 'Запази разговора' }).click();
    await page.waitForURL(`**/conversations/${slug}`);
    await page.locator('.meta').getByText('Затворен').waitFor();
  });

  it('fits a phone screen 375 pixels wide on every page, in Bulgarian and English', async () => {
    const { facilitator, conversation, topic } = await openTalk();
    const citizen = await fixtures.person();
    const long = `${'Многодълговременнонеразделнаобщинскадума'.repeat(4)} https://www.sofia.bg/${'budget/'.repeat(20)}`;
    const root = await fixtures.comment(citizen, topic.id, long);
    let parent = root;
    for (let depth = 1; depth < 4; depth++) {
      parent = await fixtures.comment(
        facilitator,
        topic.id,
        `Отговор ${depth}: ${long}`,
        parent.id,
      );
    }

    await facilitator.client.post(`/api/topics/${topic.id}/summaries`, {
      body: { bg: `Обобщение ${long}`, en: `Summary ${long}` },
      commentId: root.id,
    });
    const page = await pageFor(facilitator, 375);
    const paths = [
      '/',
      '/conversations',
      `/conversations/${conversation.slug}`,
      `/conversations/${conversation.slug}/edit`,
      `/conversations/${conversation.slug}/topics/new`,
      `/topics/${topic.id}`,
      `/comments/${parent.id}`,
      `/conversations/${conversation.slug}/search?q=${encodeURIComponent('дума')}`,
      '/notifications',
      '/profile',
    ];

    // Runs in the page: what sticks out to the right of a phone's screen.
    const overflowing = () =>
      page.evaluate<string[]>(`(() => {
        const width = document.documentElement.clientWidth;
        const wide = Array.from(document.querySelectorAll('body *')).filter((element) => {
          const box = element.getBoundingClientRect();
          return box.width > 0 && box.right > width + 1;
        });
        const page = document.documentElement.scrollWidth > width
          ? ['page is ' + document.documentElement.scrollWidth + 'px wide']
          : [];
        return [...page, ...wide.slice(0, 5).map((el) => el.tagName + '.' + el.className)];
      })()`);

    for (const locale of ['bg', 'en']) {
      if (locale === 'en') {
        await page.goto(`${system.url}/`);
        await chooseEnglish(page);
      }

      for (const pagePath of paths) {
        await page.goto(`${system.url}${pagePath}`);
        await page.locator('h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        expect({ path: pagePath, locale, overflow: await overflowing() }).toEqual({
          path: pagePath,
          locale,
          overflow: [],
        });
      }
    }

    await page.goto(`${system.url}/topics/${topic.id}`);
    await page.getByRole('heading', { name: 'Discussion' }).waitFor();
    await page.getByRole('region', { name: 'Summary of this thread' }).waitFor();
  });
});
