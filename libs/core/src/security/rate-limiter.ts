import type { Redis } from 'ioredis';
import { AppError } from '../errors/app-error';

export interface RateLimit {
  /** Name of the limit, part of the Redis key: "sign-in-address". */
  name: string;
  max: number;
  windowSeconds: number;
}

const noneSpent = -100;

/** For each key in turn: count the hit, start its window, and stop at the first over budget. */
const hitScript = `
for i, key in ipairs(KEYS) do
  local count = redis.call('INCR', key)
  redis.call('EXPIRE', key, ARGV[i * 2], 'NX')
  if count > tonumber(ARGV[i * 2 - 1]) then return redis.call('TTL', key) end
end
return ${noneSpent}`;

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
  hit(limit: RateLimit, subject: string): Promise<void> {
    return this.hitAll([[limit, subject]]);
  }

  /**
   * Counts one hit against each budget in turn, in one round trip, and throws RATE_LIMITED at the
   * first that is spent; the budgets after it are not charged, so one person's flood does not
   * use up an address that others share.
   */
  async hitAll(budgets: Array<[RateLimit, string]>): Promise<void> {
    const keys = budgets.map(([limit, subject]) => this.key(limit, subject));
    const args = budgets.flatMap(([limit]) => [limit.max, limit.windowSeconds]);
    const spent = (await this.redis.eval(hitScript, keys.length, ...keys, ...args)) as number;

    if (spent !== noneSpent) throw tooMany(spent);
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
