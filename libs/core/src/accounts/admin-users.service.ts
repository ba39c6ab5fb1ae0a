import { Logger } from '@nestjs/common';
import type { Role, UserPage } from '@razgovor/contracts';
import type { Clock } from '../common/clock';
import type { Database } from '../database/sql';
import { AppError } from '../errors/app-error';
import type { AuditRepository } from '../moderation/audit.repository';
import { toUserSummary } from './presenters';
import type { User } from './user.entity';
import type { UsersRepository } from './users.repository';

export class AdminUsersService {
  private readonly logger = new Logger(AdminUsersService.name);

  constructor(
    private readonly users: UsersRepository,
    private readonly database: Database,
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
  ) {}

  async list(search: string | undefined, cursor: string | undefined, limit: number) {
    const before = cursor ? decodeCursor(cursor) : undefined;
    const page = await this.users.list({ search, before, limit });
    const last = page.items.at(-1);

    const result: UserPage = {
      items: page.items.map(toUserSummary),
      nextCursor: page.hasMore && last ? encodeCursor(last) : null,
    };

    return result;
  }

  async setRoles(admin: User, userId: string, roles: Role[]): Promise<User> {
    const target = await this.users.findById(userId);
    if (!target || target.deletedAt) throw new AppError('NOT_FOUND', 'No such account');
    const next = [...new Set<Role>(['citizen', ...roles])];
    if (admin.id === userId && !next.includes('admin')) {
      // An admin removing their own role could leave the city with no admin at all.
      throw new AppError('FORBIDDEN', 'Admins cannot remove their own admin role');
    }

    await this.database.transaction(async (tx) => {
      const now = this.clock.now();
      await tx.rows('UPDATE users SET roles = $2, updated_at = $3 WHERE id = $1', [
        userId,
        next,
        now,
      ]);
      await this.audit.record(
        tx,
        [
          {
            conversationId: null,
            actorId: admin.id,
            action: 'person.roles_changed',
            targetType: 'person',
            targetId: userId,
            before: { roles: target.roles },
            after: { roles: next },
          },
        ],
        now,
      );
    });
    const updated = (await this.users.findById(userId))!;

    this.logger.log(`Set roles of user ${userId} to ${next.join(', ')}`, {
      adminId: admin.id,
      userId,
      before: target.roles,
      after: next,
    });

    return updated;
  }
}

function encodeCursor(user: User): string {
  return Buffer.from(`${user.createdAt.toISOString()}|${user.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [createdAt, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const date = new Date(createdAt ?? '');
  const isUuid = /^[0-9a-f-]{36}$/.test(id ?? '');
  if (Number.isNaN(date.getTime()) || !isUuid) {
    throw new AppError('VALIDATION_FAILED', 'The cursor is malformed', [
      { path: 'cursor', message: 'Malformed cursor' },
    ]);
  }

  return { createdAt: date, id: id as string };
}
