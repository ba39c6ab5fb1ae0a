import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A fresh headless Chromium profile; Debian's chromium, never a downloaded browser. */
export async function openBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(path.join(tmpdir(), 'razgovor-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 390, height: 844 },
    locale: 'bg-BG',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });

  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Switches the interface to English with the header's button, as a person would. A signed-in
 * person's choice is also saved to their profile, and a page loaded before that save lands
 * comes back in Bulgarian, so this waits for the save too.
 */
export async function chooseEnglish(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'EN' }).click();
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
  const savedLocale = () =>
    page.evaluate(async () => {
      const response = await fetch('/api/me');

      return response.ok ? ((await response.json()) as { locale: string }).locale : 'en';
    });
  await expect.poll(savedLocale).toBe('en');
}
