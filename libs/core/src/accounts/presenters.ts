import type { Me, UserSummary } from '@razgovor/contracts';
import type { User } from './user.entity';

export function toMe(user: User): Me {
  return {
    id: user.id,
    email: user.email ?? '',
    displayName: user.displayName ?? '',
    emailConfirmed: user.emailConfirmedAt !== null,
    roles: user.roles,
    district: user.district,
    ageBand: user.ageBand,
    gender: user.gender,
    locale: user.locale,
    createdAt: user.createdAt.toISOString(),
  };
}

export function toUserSummary(user: User): UserSummary {
  const me = toMe(user);

  return {
    id: me.id,
    email: me.email,
    displayName: me.displayName,
    roles: me.roles,
    emailConfirmed: me.emailConfirmed,
    createdAt: me.createdAt,
  };
}
