import { DataSource } from 'typeorm';
import { AccountToken } from '../accounts/account-token.entity';
import { User } from '../accounts/user.entity';
import { Accounts1764700000000 } from './migrations/1764700000000-accounts';
import { Conversations1764800000000 } from './migrations/1764800000000-conversations';
import { Moderation1764900000000 } from './migrations/1764900000000-moderation';
import { ReaderMarks1765000000000 } from './migrations/1765000000000-reader-marks';
import { AuditEverywhere1765100000000 } from './migrations/1765100000000-audit-everywhere';
import { Themes1765200000000 } from './migrations/1765200000000-themes';
import { Reports1765300000000 } from './migrations/1765300000000-reports';
import { Preferences1765400000000 } from './migrations/1765400000000-preferences';
import { Statements1765400000001 } from './migrations/1765400000001-statements';
import { ReportPreferences1765510000000 } from './migrations/1765510000000-report-preferences';
import { VoteCounterShards1765520000000 } from './migrations/1765520000000-vote-counter-shards';
import { PollScheduleAndStatementFlags1765520000001 } from './migrations/1765520000001-poll-schedule-and-statement-flags';
import { ThemeInputs1765540000000 } from './migrations/1765540000000-theme-inputs';
import { PollItemSums1765600000000 } from './migrations/1765600000000-poll-item-sums';

export const entities = [User, AccountToken];
export const migrations = [
  Accounts1764700000000,
  Conversations1764800000000,
  Moderation1764900000000,
  ReaderMarks1765000000000,
  AuditEverywhere1765100000000,
  Themes1765200000000,
  Reports1765300000000,
  Preferences1765400000000,
  Statements1765400000001,
  ReportPreferences1765510000000,
  VoteCounterShards1765520000000,
  PollScheduleAndStatementFlags1765520000001,
  ThemeInputs1765540000000,
  PollItemSums1765600000000,
];

export function createDataSource(databaseUrl: string, poolSize = 10): DataSource {
  return new DataSource({
    type: 'postgres',
    url: databaseUrl,
    entities,
    migrations,
    synchronize: false,
    migrationsRun: false,
    poolSize,
    applicationName: 'razgovor',
    extra: { connectionTimeoutMillis: 5000 },
  });
}

/** An arbitrary but fixed key, so that several processes starting at once migrate one at a time. */
const migrationLockKey = 727_274_001;

export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [migrationLockKey]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });

    return applied.map((migration) => migration.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [migrationLockKey]);
    await runner.release();
  }
}
