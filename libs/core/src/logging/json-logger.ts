import type { LoggerService } from '@nestjs/common';
import { currentRequestId } from './request-context';

type Level = 'debug' | 'info' | 'warn' | 'error';
const rank: Record<Level | 'silent', number> = {
  debug: 10,
  info: 20,
  warn: 30,
  error: 40,
  silent: 99,
};

export type LogFields = Record<string, unknown>;

/** Nest's start-up chatter (one line per module and route) is only interesting when debugging. */
const frameworkContexts = new Set([
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestFactory',
]);

/**
 * One JSON object per line on stdout, with the request id when there is one. Nest's own messages
 * come through the LoggerService methods; our code passes structured fields as the last argument.
 */
export class JsonLogger implements LoggerService {
  constructor(
    private readonly level: Level | 'silent' = 'info',
    private readonly write: (line: string) => void = (line) => process.stdout.write(line),
  ) {}

  log(message: unknown, ...rest: unknown[]): void {
    const context = rest.at(-1);
    const isChatter = typeof context === 'string' && frameworkContexts.has(context);
    this.emit(isChatter ? 'debug' : 'info', message, rest);
  }

  error(message: unknown, ...rest: unknown[]): void {
    this.emit('error', message, rest);
  }

  warn(message: unknown, ...rest: unknown[]): void {
    this.emit('warn', message, rest);
  }

  debug(message: unknown, ...rest: unknown[]): void {
    this.emit('debug', message, rest);
  }

  verbose(message: unknown, ...rest: unknown[]): void {
    this.emit('debug', message, rest);
  }

  private emit(level: Level, message: unknown, rest: unknown[]): void {
    if (rank[level] < rank[this.level]) return;

    const entry: LogFields = { time: new Date().toISOString(), level };
    const requestId = currentRequestId();
    if (requestId) entry.requestId = requestId;
    for (const item of rest) {
      if (typeof item === 'string') entry.context = item;
      else if (item instanceof Error) entry.error = { message: item.message, stack: item.stack };
      else if (item && typeof item === 'object') Object.assign(entry, item);
    }

    if (message instanceof Error) {
      entry.msg = message.message;
      entry.error = { message: message.message, stack: message.stack };
    } else {
      entry.msg = typeof message === 'string' ? message : JSON.stringify(message);
    }

    this.write(`${JSON.stringify(entry)}\n`);
  }
}
