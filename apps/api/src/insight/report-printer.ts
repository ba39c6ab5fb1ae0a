import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Logger } from '@nestjs/common';
import { chromium } from 'playwright-core';

/**
 * Prints the public report page to PDF with Chromium, so the PDF has the same charts and fonts
 * (Cyrillic included) as the page. One print at a time: each takes a browser's worth of memory.
 */
export class ReportPrinter {
  private readonly logger = new Logger(ReportPrinter.name);
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly chromiumPath: string) {}

  print(url: string): Promise<Buffer> {
    const job = this.queue.then(() => this.render(url));
    this.queue = job.catch(() => undefined);

    return job;
  }

  private async render(url: string): Promise<Buffer> {
    const profile = await mkdtemp(path.join(tmpdir(), 'razgovor-print-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: this.chromiumPath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    try {
      const page = await context.newPage();
      await page.emulateMedia({ media: 'print' });
      await page.goto(url, { waitUntil: 'networkidle' });
      await page.waitForSelector('[data-report-ready]', { timeout: 20_000 });

      return await page.pdf({
        format: 'A4',
        printBackground: true,
        margin: { top: '15mm', bottom: '15mm', left: '12mm', right: '12mm' },
      });
    } catch (error) {
      this.logger.error(`Could not print ${url}: ${String(error)}`, { url });
      throw error;
    } finally {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    }
  }
}
