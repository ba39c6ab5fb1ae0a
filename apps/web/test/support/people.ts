import path from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';
import { chromiumPath } from '../../../../test/support/browser';
import type { TestSystem } from '../../../../test/support/system';
import type { Person } from '../../../api/test/conversations.fixtures';

export const webDist = path.resolve(__dirname, '../../../../dist/web');

/** One headless Chromium with a separate, phone-sized context (own cookies) per person. */
export class People {
  private browser: Browser | null = null;

  constructor(private readonly system: TestSystem) {}

  /** A visitor who has not signed in. */
  async anonymousPage(): Promise<Page> {
    const context = await (
      await this.launch()
    ).newContext({
      viewport: { width: 390, height: 844 },
      locale: 'bg-BG',
    });

    return context.newPage();
  }

  private async launch(): Promise<Browser> {
    this.browser ??= await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'],
    });

    return this.browser;
  }

  async page(person: Person): Promise<Page> {
    const context = await (
      await this.launch()
    ).newContext({
      viewport: { width: 390, height: 844 },
      locale: 'bg-BG',
    });
    const session = person.client.cookie('rz_session');
    if (!session) throw new Error('The API set no session cookie');
    await context.addCookies([{ name: 'rz_session', value: session, url: this.system.url }]);

    return context.newPage();
  }

  async close(): Promise<void> {
    await this.browser?.close();
  }
}
