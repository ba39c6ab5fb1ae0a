import type { Poll } from '@razgovor/contracts';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConversationFixtures, type Person } from '../../api/test/conversations.fixtures';
import {
  insertComments,
  mixedCorpus,
  requestRun,
  waitForRun,
} from '../../api/test/themes.fixtures';
import { startSystem, type TestSystem } from '../../../test/support/system';
import { chooseEnglish } from '../../../test/support/browser';
import { People, webDist } from './support/people';

const question = { bg: 'Какво да подобрим в квартала?', en: 'What should the district improve?' };

/** Runs in the page: what sticks out to the right of a phone's screen. */
function overflowing(page: Page) {
  return page.evaluate<string[]>(`(() => {
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
}

describe('the theme explorer', () => {
  let system: TestSystem;
  let fixtures: ConversationFixtures;
  let people: People;

  async function pageFor(person: Person | null): Promise<Page> {
    return person ? people.page(person) : people.anonymousPage();
  }

  /** A phone 375 pixels wide, in English. */
  async function phoneInEnglish(person: Person | null): Promise<Page> {
    const page = await pageFor(person);
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(`${system.url}/`);
    await chooseEnglish(page);

    return page;
  }

  beforeAll(async () => {
    system = await startSystem({ env: { WEB_DIST: webDist, PUBLIC_URL: 'http://127.0.0.1' } });
    fixtures = new ConversationFixtures(system);
    people = new People(system);
  });

  afterAll(async () => {
    await people?.close();
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
    const citizenQuote = citizenPage.locator('.public-themes').getByRole('link').first();
    expect(await citizenQuote.getAttribute('href')).toMatch(/^\/comments\/[0-9a-f-]{36}$/);

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

  it('fits a phone in English: the explorer with answers quoted as answers to their poll, and the citizens overview', async () => {
    const { facilitator, conversation, topic } = await fixtures.openTopic();
    const created = await facilitator.client.post(`/api/conversations/${conversation.id}/polls`, {
      kind: 'open',
      question,
    });
    const poll = created.body as Poll;
    const link = `https://www.sofia.bg/${'parks/'.repeat(20)}`;
    // One long unbroken address, so the list of the theme's comments has to wrap it.
    const answers = [
      `Please plant more trees and put benches in the park near our block ${link}`,
      'The park needs more trees, shade and benches',
    ];
    for (const text of answers) {
      const citizen = await fixtures.person();
      await citizen.client.put(`/api/polls/${poll.id}/answer`, { kind: 'open', text });
    }

    const long = `${'Многодълговременнонеразделнаобщинскадума'.repeat(4)} ${link}`;
    const corpus = mixedCorpus().map((item, i) => (i === 0 ? `${item.text} ${long}` : item.text));
    await insertComments(fixtures, topic, facilitator, corpus);
    const analyst = await fixtures.person(['citizen', 'analyst']);
    await waitForRun(analyst, (await requestRun(analyst, conversation.id)).id);
    await analyst.client.patch(`/api/conversations/${conversation.id}/themes/settings`, {
      isPublished: true,
    });
    const [{ label }] = await fixtures.sql<{ label: string }>(
      `SELECT t.auto_label AS label FROM comment_themes ct JOIN themes t ON t.id = ct.theme_id
        JOIN poll_answers a ON a.id = ct.answer_id WHERE a.poll_id = $1
        ORDER BY a.created_at LIMIT 1`,
      [poll.id],
    );
    const page = await phoneInEnglish(analyst);

    await page.goto(`${system.url}/conversations/${conversation.slug}/themes`);
    await page.getByRole('heading', { name: 'Themes of the conversation' }).waitFor();
    await page.getByText(/Run 1 of .*: 242 comments and poll answers/).waitFor();
    const card = page.getByRole('article', { name: label });
    await card.getByRole('button', { name: 'All comments' }).click();
    await card.getByText(`Answer to the poll “${question.en}”.`).first().waitFor();
    await card.getByText(link).first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(await overflowing(page)).toEqual([]);
    const pollLink = card.getByRole('link', { name: 'Open the polls' }).first();
    await pollLink.click();
    await page.getByRole('heading', { name: question.en }).waitFor();

    const citizenPage = await phoneInEnglish(null);
    await citizenPage.goto(`${system.url}/conversations/${conversation.slug}`);
    await citizenPage.getByRole('heading', { name: 'What people are talking about' }).waitFor();
    await citizenPage.waitForLoadState('networkidle');
    expect(await overflowing(citizenPage)).toEqual([]);
  });
});
