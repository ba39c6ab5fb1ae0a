import {
  demoAccounts,
  runMigrations,
  seedDemoAccounts,
  seedDemoConversation,
  UsersRepository,
} from '@razgovor/core';
import { sofiaConversation } from '@razgovor/core/demo/sofia-conversation.data';
import type { Command } from './command';
import { withDatabase } from './database';

export const seedCommand: Command = {
  name: 'seed',
  summary:
    'Load the demo data (accounts, the Sofia conversation); running it again adds nothing twice',
  usage: 'seed',
  run: () =>
    withDatabase(async (dataSource) => {
      await runMigrations(dataSource);
      const now = new Date();
      const created = await seedDemoAccounts(new UsersRepository(dataSource), now);
      process.stdout.write(
        `Demo accounts: ${created} created, ${demoAccounts.length - created} already there\n`,
      );
      const talk = await seedDemoConversation(
        { dataSource, now, facilitatorEmail: 'facilitator@razgovor.demo' },
        sofiaConversation,
      );
      process.stdout.write(
        talk.isCreated
          ? `Demo conversation: created with ${talk.comments} comments\n`
          : 'Demo conversation: already there\n',
      );

      return 0;
    }),
};
