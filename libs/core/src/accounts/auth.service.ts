import { Logger } from '@nestjs/common';
import type { SignInRequest, SignUpRequest } from '@razgovor/contracts';
import type { AppConfig } from '../config/config';
import type { Clock } from '../common/clock';
import { randomToken, sha256 } from '../common/tokens';
import { AppError } from '../errors/app-error';
import type { MailOutbox } from '../mail/mail.queue';
import { renderMail } from '../mail/templates';
import type { RateLimit, RateLimiter } from '../security/rate-limiter';
import type { AccountTokenPurpose } from './account-token.entity';
import { hashPassword, verifyAgainstDecoy, verifyPassword } from './passwords';
import type { SessionStore } from './session.store';
import type { User } from './user.entity';
import { EmailTakenError, type UsersRepository } from './users.repository';

export interface ClientInfo {
  address: string;
  userAgent: string | null;
}

const signInPerAddress: RateLimit = { name: 'sign-in-address', max: 30, windowSeconds: 900 };
const signInFailuresPerAccount: RateLimit = {
  name: 'sign-in-account',
  max: 5,
  windowSeconds: 900,
};
const mailPerAccount: RateLimit = { name: 'mail-account', max: 5, windowSeconds: 3600 };
const signUpPerAddress: RateLimit = { name: 'sign-up-address', max: 20, windowSeconds: 3600 };

const tokenLifetimeMs: Record<AccountTokenPurpose, number> = {
  'confirm-email': 48 * 3600 * 1000,
  'reset-password': 3600 * 1000,
};

export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    private readonly config: AppConfig,
    private readonly users: UsersRepository,
    private readonly sessions: SessionStore,
    private readonly limiter: RateLimiter,
    private readonly mail: MailOutbox,
    private readonly clock: Clock,
  ) {}

  async signUp(input: SignUpRequest, client: ClientInfo) {
    await this.limiter.hit(signUpPerAddress, client.address);

    const token = randomToken();
    const email = input.email.toLowerCase();
    let user: User;
    try {
      user = await this.users.create(
        {
          email,
          passwordHash: await hashPassword(input.password),
          displayName: input.displayName.trim(),
          district: input.district ?? null,
          ageBand: input.ageBand ?? null,
          gender: input.gender ?? null,
          locale: input.locale ?? 'bg',
        },
        this.newToken('confirm-email', token),
      );
    } catch (error) {
      if (error instanceof EmailTakenError) {
        throw new AppError('EMAIL_TAKEN', 'An account with this e-mail address already exists');
      }

      throw error;
    }

    await this.sendTokenMail(user, 'confirm-email', token);
    const sessionToken = await this.sessions.create(user.id, client.userAgent, this.clock.now());

    this.logger.log(`Signed up user ${user.id}`, { userId: user.id });

    return { user, sessionToken };
  }

  async signIn(input: SignInRequest, client: ClientInfo) {
    const email = input.email.toLowerCase();
    await this.limiter.hit(signInPerAddress, client.address);
    await this.limiter.check(signInFailuresPerAccount, sha256(email));

    const user = await this.users.findByEmail(email);
    const isValid = user?.passwordHash
      ? await verifyPassword(user.passwordHash, input.password)
      : await verifyAgainstDecoy(input.password).then(() => false);
    if (!user || !isValid) {
      await this.limiter.hit(signInFailuresPerAccount, sha256(email));
      throw new AppError('INVALID_CREDENTIALS', 'E-mail or password is incorrect');
    }

    await this.limiter.reset(signInFailuresPerAccount, sha256(email));
    const sessionToken = await this.sessions.create(user.id, client.userAgent, this.clock.now());

    this.logger.log(`Signed in user ${user.id}`, { userId: user.id });

    return { user, sessionToken };
  }

  async signOut(sessionToken: string): Promise<void> {
    await this.sessions.destroy(sessionToken);
  }

  async signOutEverywhere(user: User): Promise<void> {
    await this.sessions.destroyAll(user.id);

    this.logger.log(`Ended every session of user ${user.id}`, { userId: user.id });
  }

  async confirmEmail(token: string): Promise<User> {
    const userId = await this.users.consumeToken('confirm-email', sha256(token), this.clock.now());
    if (!userId) {
      throw new AppError('TOKEN_INVALID', 'This confirmation link is invalid, used or expired');
    }

    const user = await this.users.update(userId, { emailConfirmedAt: this.clock.now() });

    this.logger.log(`Confirmed the e-mail of user ${user.id}`, { userId: user.id });

    return user;
  }

  async resendConfirmation(user: User): Promise<void> {
    if (user.emailConfirmedAt) return;
    await this.limiter.hit(mailPerAccount, user.id);

    const token = randomToken();
    await this.users.addToken(user.id, this.newToken('confirm-email', token));
    await this.sendTokenMail(user, 'confirm-email', token);
  }

  /** Answers the same way whether or not the address has an account. */
  async requestPasswordReset(email: string, client: ClientInfo): Promise<void> {
    await this.limiter.hit(signInPerAddress, client.address);

    const user = await this.users.findByEmail(email);
    if (!user) return;
    await this.limiter.hit(mailPerAccount, user.id);

    const token = randomToken();
    await this.users.addToken(user.id, this.newToken('reset-password', token));
    await this.sendTokenMail(user, 'reset-password', token);
  }

  async confirmPasswordReset(token: string, password: string): Promise<void> {
    const passwordHash = await hashPassword(password);
    const userId = await this.users.consumeToken('reset-password', sha256(token), this.clock.now());
    if (!userId) throw new AppError('TOKEN_INVALID', 'This reset link is invalid, used or expired');

    // Whoever holds the mailbox proved it, so the address counts as confirmed from here on.
    const user = await this.users.update(userId, {
      passwordHash,
      emailConfirmedAt: (await this.users.findById(userId))?.emailConfirmedAt ?? this.clock.now(),
    });
    await this.sessions.destroyAll(user.id);

    this.logger.log(`Reset the password of user ${user.id}`, { userId: user.id });
  }

  private newToken(purpose: AccountTokenPurpose, token: string) {
    const expiresAt = new Date(this.clock.now().getTime() + tokenLifetimeMs[purpose]);

    return { purpose, tokenHash: sha256(token), expiresAt };
  }

  private async sendTokenMail(user: User, kind: AccountTokenPurpose, token: string) {
    if (!user.email) return;
    const path = kind === 'confirm-email' ? 'confirm-email' : 'reset-password';
    const link = `${this.config.publicUrl}/${path}?token=${encodeURIComponent(token)}`;

    await this.mail.send(
      renderMail(kind, user.locale, user.email, link),
      `${kind}-${sha256(token)}`,
    );
  }
}
