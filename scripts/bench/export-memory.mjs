// Peak memory and time of writing one export of a large conversation, the way the worker does it:
// ExportProcess forks the export process (pg, the table queries and the format writers, heap capped),
// which reads snapshot cursors, writes the format and stores 1 MB chunks in PostgreSQL.
// Run: npm run build:server && node scripts/bench/export-memory.mjs --comments 1000000
//      [--formats csv,json,xlsx,polis,zip] [--server postgres://postgres@127.0.0.1:5432]
// It loads the built server code (dist/server), as the worker runs it.
// The first run seeds the database (a conversation of N comments by N/20 people, a fifth of
// them replies); later runs with the same N reuse it. Every export is a process of its own, so
// each peak (maxRSS of the export process) belongs to one export alone.
import { createRequire } from 'node:module';
import os from 'node:os';
import pg from 'pg';
import { insertProfiledPeopleSql } from './bench-people.mjs';

const require = createRequire(import.meta.url);
require('reflect-metadata');
const {
  createDataSource,
  Database,
  ExportProcess,
  ExportsRepository,
  runMigrations,
  SystemClock,
} = require('../../dist/server/libs/core/src');
const { exportTables } = require('../../dist/server/libs/contracts/src');

function argument(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);

  return index > 0 ? (process.argv[index + 1] ?? fallback) : fallback;
}

const comments = Number(argument('comments', '1000000'));
const server = argument('server', 'postgres://postgres@127.0.0.1:5432');
const databaseName = `razgovor_bench_export_${comments}`;
const databaseUrl = `${server}/${databaseName}`;

async function ensureDatabase() {
  const admin = new pg.Client({ connectionString: `${server}/postgres` });
  await admin.connect();
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [databaseName]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${databaseName}`);
  await admin.end();
}

async function seed() {
  const dataSource = createDataSource(databaseUrl, 2);
  await dataSource.initialize();
  await runMigrations(dataSource);
  const sql = new Database(dataSource).pool;
  const existing = await sql.row(
    `SELECT c.id, (SELECT count(*)::int FROM comments WHERE conversation_id = c.id) AS count
       FROM conversations c WHERE slug = 'bench-export'`,
  );
  if (existing?.count === comments) {
    await dataSource.destroy();

    return existing.id;
  }

  const started = Date.now();
  await sql.rows(`TRUNCATE users, conversations CASCADE`);
  const people = Math.max(10, Math.floor(comments / 20));
  await sql.rows(insertProfiledPeopleSql('person'), [people]);
  const [conversation] = await sql.rows(
    `INSERT INTO conversations (slug, title_bg, status, created_at, updated_at)
     VALUES ('bench-export', 'Голям разговор', 'open', now(), now()) RETURNING id`,
  );
  const [topic] = await sql.rows(
    `INSERT INTO topics (conversation_id, slug, position, title_bg, created_at, updated_at)
     VALUES ($1, 'topic', 1, 'Тема', now(), now()) RETURNING id`,
    [conversation.id],
  );
  // Roots first, then replies to earlier roots; bodies are Cyrillic with commas, quotes and
  // line breaks, about 200 characters, so every quoting rule is exercised at volume.
  const roots = comments - Math.floor(comments / 5);
  await sql.rows(
    `INSERT INTO comments (id, conversation_id, topic_id, author_id, root_id, depth, path, body,
                           language, agree_count, disagree_count, last_activity_at, created_at)
     WITH people AS (SELECT id, row_number() OVER () - 1 AS n FROM users)
     SELECT i.id, $1, $2, u.id, i.id, 0, lpad(i.g::text, 8, '0'),
            'Предложение ' || i.g || ': повече паркове, пейки и "зелени" площи в квартала;' ||
            E'\\nдървета по булевардите, по-широки тротоари и велоалеи до училищата, ' ||
            'за да е по-безопасно за децата и възрастните хора, които живеят тук.',
            'bg', i.g % 13, i.g % 7, now(), now() - (i.g || ' seconds')::interval
       FROM (SELECT g, gen_random_uuid() AS id FROM generate_series(1, $3) g) i
       JOIN people u ON u.n = i.g % $4`,
    [conversation.id, topic.id, roots, people],
  );
  await sql.rows(
    `INSERT INTO comments (conversation_id, topic_id, author_id, parent_id, root_id, depth, path,
                           body, language, last_activity_at, created_at)
     WITH people AS (SELECT id, row_number() OVER () - 1 AS n FROM users),
          roots AS (SELECT id, path, row_number() OVER (ORDER BY path) - 1 AS n
                      FROM comments WHERE depth = 0)
     SELECT $1, $2, u.id, r.id, r.id, 1, r.path || '.' || lpad(g::text, 8, '0'),
            'Съгласен съм, но и за паркингите, моля. Отговор ' || g, 'bg', now(), now()
       FROM generate_series(1, $3) g
       JOIN roots r ON r.n = g % 1000
       JOIN people u ON u.n = (g * 7) % $4`,
    [conversation.id, topic.id, comments - roots, people],
  );
  await sql.rows('ANALYZE');
  console.error(`Seeded ${comments} comments in ${Math.round((Date.now() - started) / 1000)} s`);
  await dataSource.destroy();

  return conversation.id;
}

async function exportOnce(conversationId, format) {
  const dataSource = createDataSource(databaseUrl, 3);
  await dataSource.initialize();
  const sql = new Database(dataSource).pool;
  const exports = new ExportsRepository(sql);
  const clock = new SystemClock();
  const record = await exports.create(
    {
      conversationId,
      requestedBy: null,
      format,
      tables: [...exportTables],
      isStableIds: false,
    },
    clock.now(),
  );
  const started = Date.now();
  const outcome = await new ExportProcess(exports, clock, { databaseUrl }).run(record.id);
  const seconds = (Date.now() - started) / 1000;
  const done = await exports.find(record.id);
  await sql.rows('DELETE FROM exports WHERE id = $1', [record.id]);
  await dataSource.destroy();
  console.log(
    JSON.stringify({
      format,
      comments,
      status: done?.status,
      megabytes: Math.round((done?.byteSize ?? 0) / 1e5) / 10,
      seconds: Math.round(seconds * 10) / 10,
      cpuSeconds: outcome.cpuSeconds,
      peakRssMb: outcome.peakRssMb,
      // This process stands in for the worker: it loaded the server code and waited.
      launcherPeakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      load: os.loadavg().map((value) => Math.round(value * 10) / 10),
    }),
  );
}

async function main() {
  await ensureDatabase();
  const conversationId = await seed();
  for (const format of argument('formats', 'csv,json,xlsx,polis,zip').split(',')) {
    await exportOnce(conversationId, format);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
