import type { Role } from '@razgovor/contracts';
import { type DataSource, type Repository } from 'typeorm';
import { AccountToken, type AccountTokenPurpose } from './account-token.entity';
import { isUniqueViolation, poolOf, prepared } from '../database/sql';
import { User } from './user.entity';

export interface NewUser {
  email: string;
  passwordHash: string;
  displayName: string;
  district?: User['district'];
  ageBand?: User['ageBand'];
  gender?: User['gender'];
  locale?: User['locale'];
  roles?: Role[];
  emailConfirmedAt?: Date | null;
}

export interface NewToken {
  purpose: AccountTokenPurpose;
  tokenHash: string;
  expiresAt: Date;
}

export class EmailTakenError extends Error {}

const userById = prepared(
  `SELECT id, email, email_confirmed_at AS "emailConfirmedAt", password_hash AS "passwordHash",
          display_name AS "displayName", district, age_band AS "ageBand", gender, locale,
          roles, created_at AS "createdAt", updated_at AS "updatedAt", deleted_at AS "deletedAt"
     FROM users WHERE id = $1`,
);

export class UsersRepository {
  private readonly users: Repository<User>;
  private readonly tokens: Repository<AccountToken>;

  constructor(private readonly dataSource: DataSource) {
    this.users = dataSource.getRepository(User);
    this.tokens = dataSource.getRepository(AccountToken);
  }

  /** Creates the account and its first token together, so neither exists without the other. */
  async create(data: NewUser, token?: NewToken): Promise<User> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const user = await manager.getRepository(User).save(manager.create(User, data));
        if (token) await manager.getRepository(AccountToken).insert({ ...token, userId: user.id });

        return user;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new EmailTakenError(data.email);
      throw error;
    }
  }

  /** Plain SQL rather than the entity query builder: every signed-in request looks this up. */
  async findById(id: string): Promise<User | null> {
    const rows: unknown = await poolOf(this.dataSource).query(userById, [id]);
    const row = (rows as Array<Partial<User>>)[0];

    return row ? Object.assign(new User(), row) : null;
  }

  findByEmail(email: string): Promise<User | null> {
    return this.users.findOneBy({ email: email.toLowerCase() });
  }

  async update(id: string, changes: Partial<User>): Promise<User> {
    await this.users.update({ id }, { ...changes, updatedAt: new Date() });

    return this.users.findOneByOrFail({ id });
  }

  async addToken(userId: string, token: NewToken): Promise<void> {
    await this.tokens.insert({ ...token, userId });
  }

  /**
   * Marks an unused, unexpired token as used and returns its owner. The single UPDATE makes the
   * token work once even when two requests race with it.
   */
  async consumeToken(purpose: AccountTokenPurpose, tokenHash: string, now: Date) {
    // For UPDATE, TypeORM's postgres driver answers with [rows, affected count].
    const [rows]: [Array<{ user_id: string }>, number] = await this.dataSource.query(
      `UPDATE account_tokens SET used_at = $3
        WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3
        RETURNING user_id`,
      [tokenHash, purpose, now],
    );

    return rows[0]?.user_id ?? null;
  }

  /** Erases personal data but keeps the row, so the person's comments keep their author id. */
  async erase(id: string, now: Date): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(AccountToken).delete({ userId: id });
      await manager.getRepository(User).update(
        { id },
        {
          email: null,
          emailConfirmedAt: null,
          passwordHash: null,
          displayName: null,
          district: null,
          ageBand: null,
          gender: null,
          roles: [],
          deletedAt: now,
          updatedAt: now,
        },
      );
    });
  }

  async list(options: {
    search?: string;
    before?: { createdAt: Date; id: string };
    limit: number;
  }) {
    const query = this.users
      .createQueryBuilder('user')
      .where('user.deleted_at IS NULL')
      .orderBy('user.created_at', 'DESC')
      .addOrderBy('user.id', 'DESC')
      .limit(options.limit + 1);
    if (options.search) {
      const pattern = `%${options.search.replace(/[\\%_]/g, (match) => `\\${match}`)}%`;
      query.andWhere('(user.email ILIKE :pattern OR user.display_name ILIKE :pattern)', {
        pattern,
      });
    }

    if (options.before) {
      query.andWhere('(user.created_at, user.id) < (:createdAt, :id)', options.before);
    }

    const rows = await query.getMany();

    return { items: rows.slice(0, options.limit), hasMore: rows.length > options.limit };
  }
}
