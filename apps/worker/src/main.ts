import 'reflect-metadata';
import { ConfigError, exitOnSignals, JsonLogger, loadConfig } from '@razgovor/core';
import { createWorkerApp } from './app';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`Razgovor worker cannot start. ${error.message}\n`);
    process.exit(78);
  }

  const logger = new JsonLogger(config.logLevel);
  const startup = new AbortController();
  const stopDuringStartup = () => {
    logger.log('Stopping before start-up finished', 'Worker');
    startup.abort();
    process.exit(0);
  };

  process.once('SIGTERM', stopDuringStartup);
  process.once('SIGINT', stopDuringStartup);

  const app = await createWorkerApp({ config, logger, signal: startup.signal });
  process.off('SIGTERM', stopDuringStartup);
  process.off('SIGINT', stopDuringStartup);
  exitOnSignals(() => app.close(), logger, 'Worker');

  logger.log('Worker started', 'Worker');
}

main().catch((error: unknown) => {
  process.stderr.write(`Razgovor worker stopped: ${String(error)}\n`);
  process.exit(1);
});
