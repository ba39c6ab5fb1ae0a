// The export process: the worker forks one for each export (see export-process.ts). It loads only
// pg, the table queries and the format writers, none of the framework, so its memory is the export's.
import pg from 'pg';
import { SystemClock } from '../common/clock';
import { ConversationsRepository } from '../conversations/conversations.repository';
import { sqlOnPool } from '../database/sql';
import type { ExportChildMessage, ExportChildRequest } from './export-process';
import { ExportRunner } from './export-runner';
import { ExportTablesRepository } from './export-tables.repository';
import { ExportsRepository } from './exports.repository';

async function run(request: ExportChildRequest): Promise<ExportChildMessage> {
  // One connection holds the snapshot; the other stores chunks and progress.
  const pool = new pg.Pool({
    connectionString: request.databaseUrl,
    max: 2,
    application_name: 'razgovor-export',
    connectionTimeoutMillis: 5000,
  });
  pool.on('error', () => undefined);

  try {
    const sql = sqlOnPool(pool);
    const runner = new ExportRunner(
      pool,
      new ExportsRepository(sql),
      new ExportTablesRepository(),
      new ConversationsRepository(sql),
      new SystemClock(),
    );
    await runner.run(request.exportId);

    const usage = process.resourceUsage();

    return {
      type: 'done',
      peakRssMb: Math.round(usage.maxRSS / 1024),
      cpuSeconds: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1e5) / 10,
      packages: loadedPackages(),
    };
  } catch (error) {
    return { type: 'failed', message: error instanceof Error ? error.message : String(error) };
  } finally {
    await pool.end().catch(() => undefined);
  }
}

/** The npm packages this process loaded, so a test can hold the import graph lean. */
function loadedPackages(): string[] {
  const names = Object.keys(require.cache).map((file) =>
    /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(file)?.[1]?.replace('\\', '/'),
  );

  return [...new Set(names.filter((name): name is string => Boolean(name)))].sort();
}

process.once('message', (request: ExportChildRequest) => {
  void run(request).then((message) => process.send?.(message, () => process.exit(0)));
});
// Without the worker nobody would hear the outcome; the job runs again from the start elsewhere.
process.on('disconnect', () => process.exit(1));
