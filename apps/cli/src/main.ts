import 'reflect-metadata';
import { ConfigError, JsonLogger } from '@razgovor/core';
import { Logger } from '@nestjs/common';
import { adminCreateCommand } from './commands/admin-create';
import { type Command, UsageError } from './commands/command';
import { mailboxCommand } from './commands/mailbox';
import { migrateCommand } from './commands/migrate';
import { seedCommand } from './commands/seed';
import { opinionGroupsCommand } from './opinions';
import { themesCommand } from './themes';

const commands: Command[] = [
  migrateCommand,
  seedCommand,
  adminCreateCommand,
  mailboxCommand,
  themesCommand,
  opinionGroupsCommand,
];

function help(): string {
  const lines = commands.map((command) => `  ${command.usage}\n      ${command.summary}`);

  return `Usage: npm run cli -- COMMAND [options]\n\nCommands:\n${lines.join('\n')}\n`;
}

async function main(argv: string[]): Promise<number> {
  Logger.overrideLogger(new JsonLogger(process.env.LOG_LEVEL === 'debug' ? 'debug' : 'warn'));
  const [name, ...rest] = argv;
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    process.stderr.write(
      name && name !== '--help' ? `Unknown command: ${name}\n\n${help()}` : help(),
    );

    return name && name !== '--help' ? 64 : 0;
  }

  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n\nUsage: npm run cli -- ${command.usage}\n`);

      return 64;
    }

    if (
      error instanceof TypeError &&
      'code' in error &&
      String(error.code).startsWith('ERR_PARSE_ARGS')
    ) {
      process.stderr.write(`${error.message}\n\nUsage: npm run cli -- ${command.usage}\n`);

      return 64;
    }

    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
