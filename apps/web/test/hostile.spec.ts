import type { Comment } from '@razgovor/contracts';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem, type TestSystem } from '../../../test/support/system';
import { ConversationFixtures, type Person } from '../../api/test/conversations.fixtures';
import { hostileComments, hostileNames, hostileSummary } from './support/hostile';
import { People, webDist } from './support/people';

interface Shown {
  id: string;
  expect: string;
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

interface Inspection {
  strangers: string[];
  escaped: number;
  pageWidth: number;
  width: number;
  isPwned: boolean;
  scripts: number;
}

// Runs in the page, so it is kept as source: the server type check has no DOM types.
const inspection = `(scope) => {
  const allowed = new Set('P BR EM STRONG CODE A UL OL LI BLOCKQUOTE H1 H2 H3 H4 H5 H6 SPAN'.split(' '));
  const strangers = [];
  for (const root of document.querySelectorAll(scope)) {
    for (const element of root.querySelectorAll('*')) {
      if (!allowed.has(element.tagName)) strangers.push(element.tagName);
      for (const attribute of element.attributes) {
        if (/^on/i.test(attribute.name) || attribute.name === 'style') {
          strangers.push(element.tagName + '[' + attribute.name + ']');
        }
      }
      const href = element.getAttribute('href');
      if (href !== null && !/^(https?:|mailto:)/i.test(href)) strangers.push('href=' + href);
    }
  }
  const width = document.documentElement.clientWidth;
  const escaped = Array.from(document.querySelectorAll('article, .summary, .queue__item'))
    .map((box) => box.getBoundingClientRect())
    .filter((box) => box.right > width + 1 || box.left < -1).length;
  return {
    strangers,
    escaped,
    pageWidth: document.documentElement.scrollWidth,
    width,
    isPwned: window.__pwned !== undefined,
    scripts: document.querySelectorAll('script:not([src^="/assets/"])').length,
  };
}`;

/** What a page shows of people's text: tags, links and attributes that were not our own. */
function inspect(page: Page, selector: string): Promise<Inspection> {
  return page.evaluate<Inspection>(`(${inspection})(${JSON.stringify(selector)})`);
}

describe('hostile text in the browser', () => {
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

  async function authors(): Promise<Person[]> {
    const named: Person[] = [];
    for (const displayName of hostileNames) {
      const person = await fixtures.person();
      const renamed = await person.client.patch('/api/me', { displayName });
      expect(renamed.status).toBe(200);
      named.push(person);
    }

    return named;
  }

  it('shows every hostile comment, name and summary as inert, readable text', async () => {
    const facilitator = await fixtures.person(['citizen', 'facilitator']);
    const conversation = await fixtures.conversation(facilitator, {
      extra: { description: { bg: hostileSummary, en: hostileSummary } },
    });
    const topic = await fixtures.topic(facilitator, conversation.id);
    const writers = await authors();
    const shown: Shown[] = [];
    let refused = 0;
    for (const [index, hostile] of hostileComments.entries()) {
      const writer = writers[index % writers.length]!;
      const posted = await writer.client.post(`/api/topics/${topic.id}/comments`, {
        body: hostile.text,
      });
      if (hostile.isRefused) {
        expect(posted.body).toMatchObject({ code: 'VALIDATION_FAILED' });
        refused += 1;
        continue;
      }

      expect(posted.status).toBe(201);
      shown.push({ id: (posted.body as Comment).id, expect: hostile.expect ?? hostile.text });
    }

    const summary = await facilitator.client.post(`/api/topics/${topic.id}/summaries`, {
      body: { bg: hostileSummary, en: hostileSummary },
    });
    expect(summary.status).toBe(201);
    expect(shown.length).toBeGreaterThanOrEqual(50);
    expect(refused).toBe(4);

    const reader = await fixtures.person();
    const page = await people.page(reader);
    const dialogs: string[] = [];
    const errors: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${system.url}/topics/${topic.id}`);
    await page.locator(`#comment-${shown.at(-1)!.id}`).waitFor();
    const more = page.getByRole('button', { name: 'Покажи още' });
    while (await more.isVisible()) {
      await more.click();
      await page.waitForTimeout(200);
    }

    for (const item of shown) {
      const body = page.locator(`#comment-${item.id} .comment__body`);
      await body.waitFor();
      expect(normalise(await body.innerText())).toContain(normalise(item.expect));
      const bidi = await page.evaluate<string>(
        `getComputedStyle(document.querySelector('#comment-${item.id} .comment__body')).unicodeBidi`,
      );
      expect(bidi).toMatch(/plaintext|isolate/);
    }

    for (const name of hostileNames) {
      expect(await page.locator('.comment__author', { hasText: name }).count()).toBeGreaterThan(0);
    }

    await page.getByText('б'.repeat(50)).first().waitFor();
    const topicPage = await inspect(page, '.comment__body, .comment__author, .summary .markdown');
    expect(topicPage).toEqual({
      strangers: [],
      escaped: 0,
      pageWidth: topicPage.width,
      width: topicPage.width,
      isPwned: false,
      scripts: 0,
    });

    await page.goto(`${system.url}/conversations/${conversation.slug}`);
    await page.getByText('<script>window.__pwned=1</script>').first().waitFor();
    const conversationPage = await inspect(page, '.lead-text');
    expect(conversationPage.strangers).toEqual([]);
    expect(conversationPage.isPwned).toBe(false);
    expect(conversationPage.pageWidth).toBe(conversationPage.width);

    for (const item of shown.slice(0, 12)) {
      const flagged = await reader.client.post(`/api/comments/${item.id}/flags`, {
        reason: 'offensive',
      });
      expect(flagged.status).toBe(201);
    }

    const queue = await people.page(facilitator);
    queue.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    queue.on('pageerror', (error) => errors.push(error.message));
    await queue.goto(`${system.url}/conversations/${conversation.slug}/moderation`);
    for (const item of shown.slice(0, 12)) {
      const body = queue.locator(`[data-comment-id="${item.id}"] .queue__body`).first();
      expect(normalise(await body.innerText())).toContain(normalise(item.expect));
    }

    const queuePage = await inspect(queue, '.queue__body, .queue__title');
    expect(queuePage.strangers).toEqual([]);
    expect(queuePage.escaped).toBe(0);
    expect(queuePage.isPwned).toBe(false);
    expect(queuePage.pageWidth).toBe(queuePage.width);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });
});
