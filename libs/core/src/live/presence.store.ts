import type { Redis } from 'ioredis';

/**
 * Who is present where, across api processes: one sorted set per scope (a conversation or a topic)
 * whose members are `<person>|<socket id>` scored by when they lapse. Sockets of a process that dies
 * lapse by themselves; a person with two tabs counts once.
 */
export class PresenceStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async enter(scope: string, member: string, expiresAt: number, topicOf?: string): Promise<void> {
    const multi = this.redis.multi().zadd(this.key(scope), expiresAt, member);
    if (topicOf) multi.sadd(this.topicsKey(topicOf), scope);
    await multi.exec();
  }

  async leave(scope: string, member: string): Promise<void> {
    await this.redis.zrem(this.key(scope), member);
  }

  /** Pushes the lapse time of memberships that still exist; removed ones stay removed. */
  async refresh(memberships: Array<{ scope: string; member: string }>, expiresAt: number) {
    if (memberships.length === 0) return;
    const pipeline = this.redis.pipeline();
    for (const { scope, member } of memberships) {
      pipeline.zadd(this.key(scope), 'XX', expiresAt, member);
    }

    await pipeline.exec();
  }

  /**
   * Counts distinct people in a scope now and says whether the count differs from the one last
   * announced by any process, so that one change is announced once.
   */
  async count(scope: string, now: number): Promise<{ count: number; isChanged: boolean }> {
    const key = this.key(scope);
    const [count, changed] = (await this.redis.eval(
      countScript,
      2,
      key,
      `${key}:announced`,
      now,
    )) as [number, number];

    return { count, isChanged: changed === 1 };
  }

  /** Topic scopes of a conversation that have had watchers, for a newcomer's snapshot. */
  topicScopes(conversationScope: string): Promise<string[]> {
    return this.redis.smembers(this.topicsKey(conversationScope));
  }

  private key(scope: string): string {
    return `${this.prefix}:presence:${scope}`;
  }

  private topicsKey(conversationScope: string): string {
    return `${this.prefix}:presence-topics:${conversationScope}`;
  }
}

const countScript = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
local members = redis.call('ZRANGE', KEYS[1], 0, -1)
local people = {}
local count = 0
for _, member in ipairs(members) do
  local person = string.match(member, '^([^|]*)')
  if not people[person] then
    people[person] = true
    count = count + 1
  end
end
local announced = tonumber(redis.call('GET', KEYS[2]) or '-1')
if announced == count then return {count, 0} end
redis.call('SET', KEYS[2], count, 'EX', 86400)
return {count, 1}
`;
