import type { ExportFormat } from '@razgovor/contracts';
import { dataDictionary } from './data-dictionary';
import { byteOrderMark, csvRecord } from './formats/csv';
import { type ExportMetadata, exportJsonSchema, writeJson } from './formats/json';
import { polisComments } from './formats/polis';
import { polisStatementFiles, polisStatementReads } from './formats/polis-statements';
import type { Sink } from './formats/sink';
import { XlsxWriter } from './formats/xlsx';
import { ZipWriter } from './formats/zip';
import type { TableSource } from './tables';

export interface ExportFile {
  fileName: string;
  contentType: string;
}

type Progress = (rows: number) => Promise<void>;

const contentTypes = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
};

/** How many times a format reads each table, so progress can be told as a share of rows. */
export function readsPerRow(format: ExportFormat, sources: TableSource[]): number {
  const rows = sources.reduce((sum, source) => sum + source.count, 0);
  const comments = sources.find((source) => source.table.name === 'comments')?.count ?? 0;
  if (format === 'polis') return comments;
  if (format === 'zip') return rows * 3 + comments + polisStatementReads(sources);

  return rows;
}

export function exportFile(format: ExportFormat, sources: TableSource[], slug: string): ExportFile {
  const base = `${slug}-${new Date().toISOString().slice(0, 10)}`;
  if (format === 'csv' && sources.length === 1) {
    return { fileName: `${base}-${sources[0].table.name}.csv`, contentType: contentTypes.csv };
  }

  if (format === 'polis')
    return { fileName: `${base}-comments.csv`, contentType: contentTypes.csv };
  if (format === 'json') return { fileName: `${base}.json`, contentType: contentTypes.json };
  if (format === 'xlsx') return { fileName: `${base}.xlsx`, contentType: contentTypes.xlsx };

  return { fileName: `${base}.zip`, contentType: contentTypes.zip };
}

/** Writes one export in the chosen format to the sink, streaming every table. */
export async function writeExport(
  format: ExportFormat,
  metadata: ExportMetadata,
  sources: TableSource[],
  sink: Sink,
  onRows: Progress,
): Promise<void> {
  const comments = sources.find((source) => source.table.name === 'comments');
  if (format === 'csv' && sources.length === 1) {
    for await (const part of csvFile(sources[0], onRows)) await sink(Buffer.from(part));

    return;
  }

  if (format === 'polis') {
    if (!comments) throw new Error('A Pol.is export needs the comments table');
    for await (const part of polisComments(comments, onRows)) await sink(Buffer.from(part));

    return;
  }

  if (format === 'json') return writeJson(sink, metadata, sources, onRows);

  const zip = new ZipWriter(sink, metadata.exportedAt);
  if (format === 'xlsx') {
    await writeWorkbook(zip, sources, onRows);
  } else {
    await writeFolder(zip, sources, format === 'zip' ? 'csv/' : '', onRows);
  }

  if (format === 'zip') {
    await zip.add('README.md', [dataDictionary(metadata, sources)]);
    await zip.add('schema.json', [JSON.stringify(exportJsonSchema(), null, 2)]);
    await zip.add(
      'razgovor.json',
      streamOf((inner) => writeJson(inner, metadata, sources, onRows)),
    );
    await zip.add(
      'razgovor.xlsx',
      streamOf(async (inner) => {
        const workbook = new ZipWriter(inner, metadata.exportedAt);
        await writeWorkbook(workbook, sources, onRows);
        await workbook.finish();
      }),
    );
    if (comments) await zip.add('polis/comments.csv', polisComments(comments, onRows));
    for (const [name, content] of polisStatementFiles(sources, onRows)) {
      await zip.add(`polis-statements/${name}`, content);
    }
  }

  await zip.finish();
}

async function* csvFile(source: TableSource, onRows: Progress): AsyncIterable<string> {
  yield byteOrderMark + csvRecord(source.table.columns.map((column) => column.name));
  for await (const batch of source.batches()) {
    yield batch.map((row) => csvRecord(row, source.table.columns)).join('');
    await onRows(batch.length);
  }
}

async function writeFolder(
  zip: ZipWriter,
  sources: TableSource[],
  folder: string,
  onRows: Progress,
) {
  for (const source of sources) {
    await zip.add(`${folder}${source.table.name}.csv`, csvFile(source, onRows));
  }
}

async function writeWorkbook(zip: ZipWriter, sources: TableSource[], onRows: Progress) {
  const workbook = new XlsxWriter(zip);
  for (const source of sources) {
    await workbook.addSheet(source.table.name, source.table.columns, counted(source, onRows));
  }

  await workbook.finish();
}

async function* counted(source: TableSource, onRows: Progress) {
  for await (const batch of source.batches()) {
    yield batch;
    await onRows(batch.length);
  }
}

/**
 * Turns a writer into a stream of its chunks, for a zip entry whose content is itself written
 * by a writer. The writer waits while a few chunks are queued, so memory stays bounded.
 */
export function streamOf(produce: (sink: Sink) => Promise<void>): AsyncIterable<Buffer> {
  return {
    async *[Symbol.asyncIterator]() {
      const queue: Buffer[] = [];
      const state: {
        isFinished: boolean;
        failure?: Error;
        wake?: () => void;
        resume?: () => void;
      } = { isFinished: false };
      const producing = produce(async (chunk) => {
        queue.push(chunk);
        state.wake?.();
        if (queue.length >= 4) await new Promise<void>((resolve) => (state.resume = resolve));
      })
        .catch((error: unknown) => {
          state.failure = error instanceof Error ? error : new Error(String(error));
        })
        .finally(() => {
          state.isFinished = true;
          state.wake?.();
        });
      for (;;) {
        const chunk = queue.shift();
        if (chunk) {
          if (queue.length < 4) state.resume?.();
          yield chunk;
          continue;
        }

        if (state.isFinished) break;
        await new Promise<void>((resolve) => (state.wake = resolve));
      }

      await producing;
      if (state.failure) throw state.failure;
    },
  };
}
