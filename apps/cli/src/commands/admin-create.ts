import { signUpRequest } from '@razgovor/contracts';
import { hashPassword, runMigrations, UsersRepository } from '@razgovor/core';
import { parseArgs } from 'node:util';
import { type Command, UsageError } from './command';
import { withDatabase } from './database';

export const adminCreateCommand: Command = {
  name: 'admin:create',
  summary: 'Create the first admin, or make an existing account an admin',
  usage: 'admin:create --email EMAIL --password PASSWORD [--name "Display name"]',
  async run(argv) {
    const { values } = parseArgs({
      args: argv,
      options: {
        email: { type: 'string' },
        password: { type: 'string' },
        name: { type: 'string' },
      },
      strict: true,
    });
    const parsed = signUpRequest.safeParse({
      email: values.email ?? '',
      password: values.password ?? '',
      displayName: values.name ?? 'Admin',
    });
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => {
        const field = String(issue.path[0]);

        return `--${field === 'displayName' ? 'name' : field}: ${issue.message}`;
      });
      throw new UsageError(problems.join('\n'));
    }

    const input = parsed.data;

    return withDatabase(async (dataSource) => {
      await runMigrations(dataSource);
      const users = new UsersRepository(dataSource);
      const existing = await users.findByEmail(input.email);
      if (existing) {
        const roles = [...new Set([...existing.roles, 'admin' as const])];
        await users.update(existing.id, {
          roles,
          emailConfirmedAt: existing.emailConfirmedAt ?? new Date(),
        });
        process.stdout.write(`${input.email} already had an account; it is now an admin\n`);

        return 0;
      }

      await users.create({
        email: input.email,
        passwordHash: await hashPassword(input.password),
        displayName: input.displayName,
        roles: ['citizen', 'admin'],
        emailConfirmedAt: new Date(),
      });
      process.stdout.write(`Created admin ${input.email}\n`);

      return 0;
    });
  },
};
