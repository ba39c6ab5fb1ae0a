import { type AppConfig, ConfigError, loadConfig } from '../config/config';
import { JsonLogger } from '../logging/json-logger';
import { exitOnSignals } from './shutdown';

export interface BootContext {
  config: AppConfig;
  logger: JsonLogger;
  signal: AbortSignal;
}

/**
 * The life of a server process: validate configuration (exit 78 naming the bad setting), start
 * (a SIGTERM while still waiting for the database stops at once), then close gracefully on SIGTERM.
 */
export async function boot(
  name: string,
  start: (context: BootContext) => Promise<{ close(): Promise<void> }>,
): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`Razgovor ${name} cannot start. ${error.message}\n`);
    process.exit(78);
  }

  const logger = new JsonLogger(config.logLevel);
  const startup = new AbortController();
  const stopDuringStartup = () => {
    logger.log('Stopping before start-up finished', name);
    startup.abort();
    process.exit(0);
  };

  process.once('SIGTERM', stopDuringStartup);
  process.once('SIGINT', stopDuringStartup);

  try {
    const app = await start({ config, logger, signal: startup.signal });
    process.off('SIGTERM', stopDuringStartup);
    process.off('SIGINT', stopDuringStartup);
    exitOnSignals(() => app.close(), logger, name);
  } catch (error) {
    process.stderr.write(`Razgovor ${name} stopped: ${String(error)}\n`);
    process.exit(1);
  }
}
