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
import {
  APP_CONFIG,
  type AppConfig,
  type RateLimit,
  RateLimiter,
  type WriteKind,
  type WriteLimits,
} from '@razgovor/core';
import type { ApiRequest } from '../http/api-request';

const WRITE_LIMIT = 'razgovor:write-limit';

/**
 * Budgets per minute, from the configuration. The address budget is wide because a whole office or
 * a library can share one address; the account budget is what stops one person flooding a topic.
 */
function budgetsOf(
  limits: WriteLimits,
): Record<WriteKind, { account: RateLimit; address: RateLimit }> {
  const budget = (kind: WriteKind) => ({
    account: { name: `write-${kind}-account`, max: limits[kind].perAccount, windowSeconds: 60 },
    address: { name: `write-${kind}-address`, max: limits[kind].perAddress, windowSeconds: 60 },
  });

  return { comment: budget('comment'), flag: budget('flag'), stance: budget('stance') };
}

/** Counts the write against the person's and the address's budgets in Redis (429 when spent). */
@Injectable()
export class WriteLimitGuard implements CanActivate {
  private readonly budgets: ReturnType<typeof budgetsOf>;

  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(RateLimiter) private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.budgets = budgetsOf(config.writeLimits);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const kind = this.reflector.get<WriteKind | undefined>(WRITE_LIMIT, context.getHandler());
    const request = context.switchToHttp().getRequest<ApiRequest>();
    if (!kind || !request.user) return true;
    const budget = this.budgets[kind];

    await this.limiter.hitAll([
      [budget.account, request.user.id],
      [budget.address, request.ip ?? 'unknown'],
    ]);

    return true;
  }
}

/** Applies the write budgets of `kind`; runs after the access guard has found the person. */
export function WriteLimited(kind: WriteKind): MethodDecorator {
  return applyDecorators(SetMetadata(WRITE_LIMIT, kind), UseGuards(WriteLimitGuard));
}
