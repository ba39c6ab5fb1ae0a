import { Inject, Injectable } from '@nestjs/common';
import { SessionStore, type User, UsersRepository } from '@razgovor/core';
import type { IncomingHttpHeaders } from 'node:http';
import { parseCookies, sessionCookie } from '../http/api-request';

/** Signs a socket in from the session cookie of its handshake, exactly as the HTTP guard does. */
@Injectable()
export class SocketIdentityService {
  constructor(
    @Inject(SessionStore) private readonly sessions: SessionStore,
    @Inject(UsersRepository) private readonly users: UsersRepository,
  ) {}

  async identify(headers: IncomingHttpHeaders): Promise<User | null> {
    const token = parseCookies(headers.cookie)[sessionCookie];
    if (!token) return null;

    const session = await this.sessions.get(token);
    if (!session) return null;
    const user = await this.users.findById(session.userId);

    return user && !user.deletedAt ? user : null;
  }
}
