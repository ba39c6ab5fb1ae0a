import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseEnglish, openBrowser } from '../../../test/support/browser';
import { linkToken, startSystem, type TestSystem, uniqueEmail } from '../../../test/support/system';

const webDist = path.resolve(__dirname, '../../../dist/web');

describe('accounts in the browser', () => {
  let system: TestSystem;
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    system = await startSystem({ env: { WEB_DIST: webDist, PUBLIC_URL: 'http://127.0.0.1' } });
    browser = await openBrowser();
    context = browser.context;
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('signs up in Bulgarian, signs out and in, switches to English, downloads data, deletes the account', async () => {
    const email = uniqueEmail('browser');
    const password = 'парола за браузъра';

    await page.goto(`${system.url}/sign-up`);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('bg');
    await page.getByLabel('Имейл').fill(email);
    await page.getByLabel('Парола').fill(password);
    await page.getByLabel('Име за показване').fill('Браузърна Вяра');
    await page.getByLabel('Район').selectOption('lyulin');
    await page.getByRole('button', { name: 'Създай профил' }).click();
    await page.waitForURL(/check-email/);

    const token = linkToken((await system.waitForMail(email, /Потвърдете/)).text);
    await page.goto(`${system.url}/confirm-email?token=${token}`);
    await page.getByText('Имейл адресът ви е потвърден').waitFor();
    await page.getByText('Браузърна Вяра').first().waitFor();

    await page.getByRole('button', { name: 'Изход', exact: true }).click();
    await page.goto(`${system.url}/sign-in`);
    await page.getByLabel('Имейл').fill(email);
    await page.getByLabel('Парола').fill(password);
    await page.getByRole('button', { name: 'Влез' }).click();
    await page.getByRole('button', { name: 'Изход', exact: true }).waitFor();

    await chooseEnglish(page);
    await page.goto(`${system.url}/profile`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download my data' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('razgovor-my-data.json');
    const data = JSON.parse(readFileSync((await download.path()) as string, 'utf8')) as {
      account: { email: string; district: string; locale: string };
    };
    expect(data.account).toMatchObject({ email, district: 'lyulin', locale: 'en' });

    await page.getByLabel('Password to confirm').fill(password);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Delete my account' }).click();
    await page.waitForURL(/account-deleted/);

    await page.goto(`${system.url}/sign-in`);
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain(
      'The e-mail or password is not correct',
    );
  });
});
