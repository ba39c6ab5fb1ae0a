import type { LoggerService } from '@nestjs/common';

/**
 * Closes the application on SIGTERM or SIGINT and exits 0. A close that hangs (a service that never
 * answered, a job that will not finish) is cut short after `graceMs`, so the process always stops.
 */
export function exitOnSignals(
  close: () => Promise<void>,
  logger: LoggerService,
  context: string,
  graceMs = 10_000,
): void {
  let isClosing = false;
  const handler = (signal: NodeJS.Signals) => {
    if (isClosing) return;
    isClosing = true;
    logger.log(`Received ${signal}; shutting down`, context);
    const timer = setTimeout(() => {
      logger.warn(`Shutdown took longer than ${graceMs} ms; exiting anyway`, context);
      process.exit(0);
    }, graceMs);
    timer.unref();
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error(`Shutdown failed: ${String(error)}`, context);
        process.exit(1);
      },
    );
  };

  process.once('SIGTERM', handler);
  process.once('SIGINT', handler);
}
