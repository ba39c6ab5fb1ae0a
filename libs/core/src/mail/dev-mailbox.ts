import type { LoggerService } from '@nestjs/common';
import type { MailboxMessage } from '@razgovor/contracts';
import type { Redis } from 'ioredis';
import { simpleParser } from 'mailparser';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

const kept = 200;

function mailboxKey(prefix: string): string {
  return `${prefix}:mailbox`;
}

/**
 * A real SMTP receiver for development and tests: it accepts every message, keeps the newest ones
 * in Redis and never delivers anything onwards.
 */
export async function startDevMailbox(options: {
  host?: string;
  port: number;
  redis: Redis;
  prefix: string;
  logger: LoggerService;
}): Promise<{ port: number; close: () => Promise<void> }> {
  const { redis, prefix, logger } = options;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (parsed) => {
          const to = session.envelope.rcptTo.map((recipient) => recipient.address).join(', ');
          const message: MailboxMessage = {
            id: randomUUID(),
            to,
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            receivedAt: new Date().toISOString(),
          };
          await redis
            .multi()
            .lpush(mailboxKey(prefix), JSON.stringify(message))
            .ltrim(mailboxKey(prefix), 0, kept - 1)
            .exec();
          logger.log(`Caught mail "${message.subject}" for ${to}`, { mailId: message.id });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;

  return { port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export async function readDevMailbox(redis: Redis, prefix: string): Promise<MailboxMessage[]> {
  const raw = await redis.lrange(mailboxKey(prefix), 0, kept - 1);

  return raw.map((item) => JSON.parse(item) as MailboxMessage);
}
