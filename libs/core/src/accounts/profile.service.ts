import { Logger } from '@nestjs/common';
import type { PersonalDataExport, UpdateProfileRequest } from '@razgovor/contracts';
import type { Clock } from '../common/clock';
import { AppError } from '../errors/app-error';
import { verifyPassword } from './passwords';
import type { PersonalDataRepository } from './personal-data.repository';
import { toMe } from './presenters';
import type { SessionStore } from './session.store';
import type { User } from './user.entity';
import type { UsersRepository } from './users.repository';

export class ProfileService {
  private readonly logger = new Logger(ProfileService.name);

  constructor(
    private readonly users: UsersRepository,
    private readonly records: PersonalDataRepository,
    private readonly sessions: SessionStore,
    private readonly clock: Clock,
  ) {}

  async update(user: User, changes: UpdateProfileRequest): Promise<User> {
    const updated = await this.users.update(user.id, {
      ...(changes.displayName !== undefined && { displayName: changes.displayName.trim() }),
      ...(changes.district !== undefined && { district: changes.district }),
      ...(changes.ageBand !== undefined && { ageBand: changes.ageBand }),
      ...(changes.gender !== undefined && { gender: changes.gender }),
      ...(changes.locale !== undefined && { locale: changes.locale }),
    });

    this.logger.log(`Updated the profile of user ${user.id}`, { userId: user.id });

    return updated;
  }

  async export(user: User): Promise<PersonalDataExport> {
    const [sessions, records] = await Promise.all([
      this.sessions.list(user.id),
      this.records.listFor(user.id),
    ]);

    return {
      exportedAt: this.clock.now().toISOString(),
      account: toMe(user),
      sessions: sessions.map(({ createdAt, userAgent }) => ({ createdAt, userAgent })),
      ...records,
    };
  }

  async delete(user: User, password: string): Promise<void> {
    const isValid =
      user.passwordHash !== null && (await verifyPassword(user.passwordHash, password));
    if (!isValid) throw new AppError('PASSWORD_INCORRECT', 'The password is incorrect');

    await this.users.erase(user.id, this.clock.now());
    await this.sessions.destroyAll(user.id);

    this.logger.log(`Erased the account of user ${user.id}`, { userId: user.id });
  }
}
