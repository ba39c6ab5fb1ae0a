import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Accounts1764700000000 implements MigrationInterface {
  name = 'Accounts1764700000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text,
        email_confirmed_at timestamptz,
        password_hash text,
        display_name text,
        district text,
        age_band text,
        gender text,
        locale text NOT NULL DEFAULT 'bg',
        roles text[] NOT NULL DEFAULT '{citizen}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz,
        CONSTRAINT users_email_lower CHECK (email = lower(email)),
        CONSTRAINT users_erased_or_complete CHECK (
          deleted_at IS NOT NULL OR (email IS NOT NULL AND display_name IS NOT NULL)
        )
      )`);
    await runner.query(
      `CREATE UNIQUE INDEX users_email_key ON users (email) WHERE email IS NOT NULL`,
    );
    await runner.query(`CREATE INDEX users_created_at_idx ON users (created_at DESC, id DESC)`);
    await runner.query(`
      CREATE TABLE account_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        purpose text NOT NULL CHECK (purpose IN ('confirm-email', 'reset-password')),
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX account_tokens_user_idx ON account_tokens (user_id, purpose)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE account_tokens');
    await runner.query('DROP TABLE users');
  }
}
