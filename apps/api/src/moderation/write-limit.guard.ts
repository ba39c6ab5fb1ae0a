import {
  applyDecorators,
  type CanActivate,
  type ExecutionContext,
  Inject,
  Injectable,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type RateLimit, RateLimiter } from '@razgovor/core';
import type { ApiRequest } from '../http/api-request';

type WriteKind = 'comment' | 'flag' | 'stance';

const WRITE_LIMIT = 'razgovor:write-limit';

/**
 * Budgets per minute. The address budget is wide because a whole office or a library can share
 * one address; the account budget is what stops one person flooding a topic.
 */
const limits: Record<WriteKind, { account: RateLimit; address: RateLimit }> = {
  comment: {
    account: { name: 'write-comment-account', max: 30, windowSeconds: 60 },
    address: { name: 'write-comment-address', max: 300, windowSeconds: 60 },
  },
  flag: {
    account: { name: 'write-flag-account', max: 30, windowSeconds: 60 },
    address: { name: 'write-flag-address', max: 300, windowSeconds: 60 },
  },
  stance: {
    account: { name: 'write-stance-account', max: 120, windowSeconds: 60 },
    address: { name: 'write-stance-address', max: 1200, windowSeconds: 60 },
  },
};

/** Counts the write against the person's and the address's budgets in Redis (429 when spent). */
@Injectable()
export class WriteLimitGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(RateLimiter) private readonly limiter: RateLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const kind = this.reflector.get<WriteKind | undefined>(WRITE_LIMIT, context.getHandler());
    const request = context.switchToHttp().getRequest<ApiRequest>();
    if (!kind || !request.user) return true;
    const budget = limits[kind];

    await this.limiter.hit(budget.account, request.user.id);
    await this.limiter.hit(budget.address, request.ip ?? 'unknown');

    return true;
  }
}

/** Applies the write budgets of `kind`; runs after the access guard has found the person. */
export function WriteLimited(kind: WriteKind): MethodDecorator {
  return applyDecorators(SetMetadata(WRITE_LIMIT, kind), UseGuards(WriteLimitGuard));
}
