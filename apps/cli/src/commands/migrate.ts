import { runMigrations } from '@razgovor/core';
import type { Command } from './command';
import { withDatabase } from './database';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'Apply pending database migrations',
  usage: 'migrate',
  run: () =>
    withDatabase(async (dataSource) => {
      const applied = await runMigrations(dataSource);
      process.stdout.write(
        applied.length ? `Applied: ${applied.join(', ')}\n` : 'The database is up to date\n',
      );

      return 0;
    }),
};
