import { Logger } from '@nestjs/common';
import { createRedis, loadConfig, startDevMailbox } from '@razgovor/core';
import { parseArgs } from 'node:util';
import type { Command } from './command';

export const mailboxCommand: Command = {
  name: 'mailbox',
  summary: 'Run the development SMTP receiver; caught mail shows at /dev/mailbox',
  usage: 'mailbox [--port 1025]',
  async run(argv) {
    const { values } = parseArgs({ args: argv, options: { port: { type: 'string' } } });
    const config = loadConfig();
    const logger = new Logger('Mailbox');
    const port = Number(values.port ?? new URL(config.smtpUrl).port ?? 1025);
    const redis = createRedis(config.redisUrl, logger, { name: 'mailbox' });
    const mailbox = await startDevMailbox({ port, redis, prefix: config.redisPrefix, logger });
    logger.log(`Catching mail on smtp://127.0.0.1:${mailbox.port}`);

    await new Promise<void>((resolve) => {
      process.once('SIGTERM', resolve);
      process.once('SIGINT', resolve);
    });
    await mailbox.close();
    redis.disconnect();

    return 0;
  },
};
