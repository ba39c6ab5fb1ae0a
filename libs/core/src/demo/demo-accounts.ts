import type { Role } from '@razgovor/contracts';
import { hashPassword } from '../accounts/passwords';
import type { UsersRepository } from '../accounts/users.repository';

export interface DemoAccount {
  email: string;
  password: string;
  displayName: string;
  roles: Role[];
}

/** Shown by `npm start`; the password is public, so these accounts exist only in demo data. */
export const demoPassword = 'razgovor-demo';

export const demoAccounts: DemoAccount[] = [
  { email: 'admin@razgovor.demo', displayName: 'Админ', roles: ['citizen', 'admin'] },
  {
    email: 'facilitator@razgovor.demo',
    displayName: 'Мария (фасилитатор)',
    roles: ['citizen', 'facilitator'],
  },
  {
    email: 'analyst@razgovor.demo',
    displayName: 'Петър (анализатор)',
    roles: ['citizen', 'analyst'],
  },
  { email: 'citizen@razgovor.demo', displayName: 'Гергана от Люлин', roles: ['citizen'] },
].map((account) => ({ ...account, password: demoPassword }) as DemoAccount);

/** Creates the demo accounts that do not exist yet; returns how many it created. */
export async function seedDemoAccounts(users: UsersRepository, now: Date): Promise<number> {
  let created = 0;
  for (const account of demoAccounts) {
    if (await users.findByEmail(account.email)) continue;
    await users.create({
      email: account.email,
      passwordHash: await hashPassword(account.password),
      displayName: account.displayName,
      roles: account.roles,
      emailConfirmedAt: now,
    });
    created++;
  }

  return created;
}
