import type { Redis } from 'ioredis';
import { randomToken, sha256 } from '../common/tokens';

export interface Session {
  /** Hash of the cookie value; the cookie value itself is never stored. */
  id: string;
  userId: string;
  createdAt: string;
  userAgent: string | null;
}

/**
 * Server-side sessions in Redis. Each session key expires by itself; a per-person set of session
 * ids makes "sign out everywhere" and the personal data export possible.
 */
export class SessionStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly ttlSeconds: number,
  ) {}

  async create(userId: string, userAgent: string | null, now: Date): Promise<string> {
    const token = randomToken();
    const session: Session = {
      id: sha256(token),
      userId,
      createdAt: now.toISOString(),
      userAgent: userAgent?.slice(0, 300) ?? null,
    };

    await this.redis
      .multi()
      .set(this.sessionKey(session.id), JSON.stringify(session), 'EX', this.ttlSeconds)
      .sadd(this.userKey(userId), session.id)
      .expire(this.userKey(userId), this.ttlSeconds)
      .exec();

    return token;
  }

  async get(token: string): Promise<Session | null> {
    const key = this.sessionKey(sha256(token));
    // Sliding expiry: an active person stays signed in; an idle session lapses after the TTL.
    // One command reads and renews; a key that does not exist stays absent.
    const raw = await this.redis.getex(key, 'EX', this.ttlSeconds);
    if (typeof raw !== 'string') return null;

    return JSON.parse(raw) as Session;
  }

  async destroy(token: string): Promise<void> {
    const id = sha256(token);
    const session = await this.get(token);
    await this.redis.del(this.sessionKey(id));
    if (session) await this.redis.srem(this.userKey(session.userId), id);
  }

  async destroyAll(userId: string): Promise<void> {
    const ids = await this.redis.smembers(this.userKey(userId));
    const keys = ids.map((id) => this.sessionKey(id));

    await this.redis.del(...keys, this.userKey(userId));
  }

  async list(userId: string): Promise<Session[]> {
    const ids = await this.redis.smembers(this.userKey(userId));
    if (ids.length === 0) return [];
    const raw = await this.redis.mget(...ids.map((id) => this.sessionKey(id)));

    return raw.filter((value): value is string => value !== null).map((value) => JSON.parse(value));
  }

  private sessionKey(id: string): string {
    return `${this.prefix}:session:${id}`;
  }

  private userKey(userId: string): string {
    return `${this.prefix}:user-sessions:${userId}`;
  }
}
