import type { ExportJob, ExportTable } from '@razgovor/contracts';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { TestSystem } from '../../../../test/support/system';
import { unzip } from '../../../../test/support/unzip';
import type { Person } from '../conversations.fixtures';

/** A table as text cells, the way a CSV reader sees it: empty for null, lists joined by "; ". */
export type TextTable = Array<Record<string, string>>;

export async function exportAs(
  person: Person,
  conversationId: string,
  body: object,
): Promise<ExportJob> {
  const created = await person.client.post(`/api/conversations/${conversationId}/exports`, body);
  expect(created.status).toBe(202);
  let job = created.body as ExportJob;
  for (let wait = 0; job.status !== 'done' && wait < 300; wait++) {
    expect(job.status).not.toBe('failed');
    await new Promise((resolve) => setTimeout(resolve, 100));
    job = (await person.client.get(`/api/exports/${job.id}`)).body as ExportJob;
  }

  expect(job.status).toBe('done');

  return job;
}

export async function download(system: TestSystem, job: ExportJob): Promise<Buffer> {
  const response = await fetch(system.url + (job.downloadUrl ?? ''));
  expect(response.status).toBe(200);

  return Buffer.from(await response.arrayBuffer());
}

/** CSV with a BOM, read as a spreadsheet would; the apostrophe that defuses formulas is dropped. */
export function readCsv(file: Buffer): TextTable {
  expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = parse(file, { bom: true, columns: true }) as TextTable;

  return rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([name, value]) => [name, value.replace(/^'(?=[=+\-@])/, '')]),
    ),
  );
}

export function readJsonTables(file: Buffer): Record<string, TextTable> {
  const document = JSON.parse(file.toString('utf8')) as {
    tables: Record<string, Array<Record<string, unknown>>>;
  };

  return Object.fromEntries(
    Object.entries(document.tables).map(([name, rows]) => [
      name,
      rows.map((row) =>
        Object.fromEntries(Object.entries(row).map(([column, value]) => [column, text(value)])),
      ),
    ]),
  );
}

export async function readWorkbook(file: Buffer): Promise<Record<string, TextTable>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer,
  );
  const tables: Record<string, TextTable> = {};
  for (const sheet of workbook.worksheets) {
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    const rows: TextTable = [];
    for (let number = 2; number <= sheet.rowCount; number++) {
      const row = sheet.getRow(number);
      rows.push(
        Object.fromEntries(header.map((name, index) => [name, text(row.getCell(index + 1).value)])),
      );
    }

    tables[sheet.name] = rows;
  }

  return tables;
}

/** Every table of an export in one of the table formats, as text cells. */
export async function readTables(
  format: 'csv' | 'json' | 'xlsx',
  file: Buffer,
  tables: readonly ExportTable[],
): Promise<Record<string, TextTable>> {
  if (format === 'json') return readJsonTables(file);
  if (format === 'xlsx') return readWorkbook(file);
  const entries = await unzip(file);

  return Object.fromEntries(
    tables.map((table) => [table, readCsv(entries.get(`${table}.csv`) ?? Buffer.alloc(0))]),
  );
}

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join('; ');

  return String(value);
}

export { unzip };
