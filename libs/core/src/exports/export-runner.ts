import type { Pool } from 'pg';
import type { Clock } from '../common/clock';
import type { ConversationsRepository } from '../conversations/conversations.repository';
import { ExportSnapshot } from './export-snapshot';
import type { ExportTablesRepository } from './export-tables.repository';
import { exportFile, readsPerRow, writeExport } from './export-writer';
import type { ExportsRepository } from './exports.repository';
import { BufferedSink } from './formats/sink';
import { pseudonymizer } from './pseudonyms';

/** Exported files stay downloadable this long. */
export const exportLifetimeMs = 24 * 3600 * 1000;

/**
 * Writes one requested export into stored chunks, reporting progress as it goes. It runs inside the
 * export process (see export-process.ts), which marks the export failed when this throws.
 */
export class ExportRunner {
  constructor(
    private readonly pool: Pool,
    private readonly exports: ExportsRepository,
    private readonly tables: ExportTablesRepository,
    private readonly conversations: ConversationsRepository,
    private readonly clock: Clock,
  ) {}

  async run(exportId: string): Promise<void> {
    const record = await this.exports.find(exportId);
    if (!record || record.status === 'done' || record.status === 'expired') return;
    const conversation = await this.conversations.find(record.conversationId);
    if (!conversation) return;

    await this.exports.expire(this.clock.now());
    const secret = record.isStableIds
      ? await this.exports.pseudonymSecret(conversation.id, this.clock.now())
      : undefined;
    const pseudonym = pseudonymizer(secret);

    await ExportSnapshot.open(this.pool, async (snapshot) => {
      const sources = await this.tables.sources(
        snapshot,
        conversation.id,
        record.tables,
        pseudonym,
      );
      const total = readsPerRow(record.format, sources);
      await this.exports.start(exportId, total, this.clock.now());

      let seq = 0;
      const sink = new BufferedSink((chunk) => this.exports.addChunk(exportId, seq++, chunk));
      let written = 0;
      let reported = 0;
      const onRows = async (count: number) => {
        written += count;
        if (written - reported >= 5000) {
          reported = written;
          await this.exports.progress(exportId, Math.min(written, total));
        }
      };

      const file = exportFile(record.format, sources, conversation.slug);
      const metadata = {
        conversation: { id: conversation.id, slug: conversation.slug, title: conversation.titleBg },
        exportedAt: this.clock.now(),
        isStableIds: record.isStableIds,
        themeRun: await this.tables.themeRun(snapshot, conversation.id),
        opinionMap: await this.tables.opinionMap(snapshot, conversation.id),
      };
      await writeExport(record.format, metadata, sources, sink.write, onRows);
      await sink.flush();

      const now = this.clock.now();
      await this.exports.finish(
        exportId,
        { ...file, byteSize: sink.written },
        now,
        new Date(now.getTime() + exportLifetimeMs),
      );
    });
  }
}
