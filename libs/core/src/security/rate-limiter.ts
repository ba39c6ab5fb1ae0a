import type { Redis } from 'ioredis';
import { AppError } from '../errors/app-error';

export interface RateLimit {
  /** Name of the limit, part of the Redis key: "sign-in-address". */
  name: string;
  max: number;
  windowSeconds: number;
}

/**
 * Fixed-window counters in Redis, so a limit holds across every api process. A window starts at
 * the first hit and the counter expires with it.
 */
export class RateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  /** Counts a hit and throws RATE_LIMITED once the window's budget is spent. */
  async hit(limit: RateLimit, subject: string): Promise<void> {
    const key = this.key(limit, subject);
    const result = await this.redis
      .multi()
      .incr(key)
      .expire(key, limit.windowSeconds, 'NX')
      .ttl(key)
      .exec();
    const count = Number(result?.[0]?.[1] ?? 0);
    const ttl = Number(result?.[2]?.[1] ?? limit.windowSeconds);

    if (count > limit.max) throw tooMany(ttl);
  }

  /** Throws RATE_LIMITED when the budget is already spent, without counting this call. */
  async check(limit: RateLimit, subject: string): Promise<void> {
    const key = this.key(limit, subject);
    const [count, ttl] = await Promise.all([this.redis.get(key), this.redis.ttl(key)]);

    if (Number(count ?? 0) >= limit.max) throw tooMany(ttl);
  }

  async reset(limit: RateLimit, subject: string): Promise<void> {
    await this.redis.del(this.key(limit, subject));
  }

  private key(limit: RateLimit, subject: string): string {
    return `${this.prefix}:rate:${limit.name}:${subject}`;
  }
}

function tooMany(ttl: number): AppError {
  const retryAfter = Math.max(1, ttl);

  return new AppError(
    'RATE_LIMITED',
    `Too many attempts; try again in ${retryAfter} seconds`,
    undefined,
    retryAfter,
  );
}
