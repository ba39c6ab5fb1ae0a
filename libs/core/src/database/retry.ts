import type { LoggerService } from '@nestjs/common';

export interface RetryOptions {
  /** What is being reached, for the log line: "PostgreSQL at 127.0.0.1:5432". */
  target: string;
  logger: LoggerService;
  firstDelayMs?: number;
  maxDelayMs?: number;
  signal?: AbortSignal;
}

/**
 * Keeps trying until the service answers, logging one line per failed try and doubling the wait up
 * to a ceiling, so an outage costs a few lines a minute rather than a flood.
 */
export async function retryUntilReady<T>(
  attempt: () => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  const { target, logger, firstDelayMs = 500, maxDelayMs = 30_000, signal } = options;
  let delay = firstDelayMs;

  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (signal?.aborted) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      logger.warn(`Cannot reach ${target} (try ${tries}): ${reason}; retrying in ${delay} ms`, {
        target,
        tries,
        delayMs: delay,
      });
      await sleep(delay, signal);
      delay = Math.min(delay * 2, maxDelayMs);
    }
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error('Aborted'));
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new Error('Aborted'));
      },
      { once: true },
    );
  });
}

export function describeUrl(url: string): string {
  const parsed = new URL(url);

  return `${parsed.hostname}:${parsed.port || 'default port'}`;
}
