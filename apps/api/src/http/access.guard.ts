import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { RouteDefinition } from '@razgovor/contracts';
import { AppError, SessionStore, UsersRepository } from '@razgovor/core';
import { type ApiRequest, sessionCookie } from './api-request';
import { ROUTE_METADATA } from './endpoint';

/**
 * Resolves the session cookie to a person and enforces the access column of the route table.
 * Every handler must be declared through `@Endpoint`, so an undeclared route is refused.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(SessionStore) private readonly sessions: SessionStore,
    @Inject(UsersRepository) private readonly users: UsersRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const route = this.reflector.get<RouteDefinition | undefined>(
      ROUTE_METADATA,
      context.getHandler(),
    );
    if (context.getType() !== 'http') return true;
    if (!route) throw new AppError('FORBIDDEN', 'This route declares no access rule');
    const request = context.switchToHttp().getRequest<ApiRequest>();

    await this.identify(request);
    const { access } = route;
    if (access === 'public') return true;
    if (!request.user) throw new AppError('NOT_SIGNED_IN', 'Sign in first');
    if (access === 'signed-in') return true;
    if (access === 'confirmed') {
      if (request.user.emailConfirmedAt) return true;
      throw new AppError('EMAIL_NOT_CONFIRMED', 'Confirm your e-mail address first');
    }

    const roles = request.user.roles;
    if (access.some((role) => roles.includes(role))) return true;
    throw new AppError('FORBIDDEN', `This needs one of these roles: ${access.join(', ')}`);
  }

  private async identify(request: ApiRequest): Promise<void> {
    const token = request.cookies[sessionCookie];
    if (!token || request.user) return;

    const session = await this.sessions.get(token);
    if (!session) return;
    const user = await this.users.findById(session.userId);
    if (!user || user.deletedAt) return;

    request.user = user;
    request.sessionToken = token;
  }
}
