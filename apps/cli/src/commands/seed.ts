import { demoAccounts, runMigrations, seedDemoAccounts, UsersRepository } from '@razgovor/core';
import type { Command } from './command';
import { withDatabase } from './database';

export const seedCommand: Command = {
  name: 'seed',
  summary: 'Load the demo data (accounts for every role); running it again adds nothing twice',
  usage: 'seed',
  run: () =>
    withDatabase(async (dataSource) => {
      await runMigrations(dataSource);
      const created = await seedDemoAccounts(new UsersRepository(dataSource), new Date());
      process.stdout.write(
        `Demo accounts: ${created} created, ${demoAccounts.length - created} already there\n`,
      );

      return 0;
    }),
};
