import { parse } from 'csv-parse/sync';
import { PolisImportError } from './polis-import-error';

export interface CsvTable {
  name: string;
  header: string[];
  rows: string[][];
}

/** Rows as arrays (not objects): a participants-votes file can have thousands of columns. */
export function readTable(content: string | Uint8Array, name: string): CsvTable {
  let records: string[][];
  try {
    const text = typeof content === 'string' ? content : Buffer.from(content);
    records = parse(text, { bom: true, skip_empty_lines: true, trim: true }) as string[][];
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new PolisImportError('malformed-csv', `${name} is not valid CSV: ${reason}`);
  }

  const [header = [], ...rows] = records;

  return { name, header, rows };
}

export function requireColumn(table: CsvTable, column: string): number {
  const index = table.header.indexOf(column);
  if (index < 0) {
    const known = table.header.length > 0 ? table.header.slice(0, 12).join(', ') : 'none';
    throw new PolisImportError(
      'missing-column',
      `${table.name} has no "${column}" column; columns: ${known}`,
    );
  }

  return index;
}

/** A vote cell: 1 agree, -1 disagree, 0 pass, empty for not voted; anything else is an error. */
export function readVote(cell: string, where: () => string): 1 | -1 | 0 | null {
  switch (cell) {
    case '':
      return null;
    case '1':
      return 1;
    case '-1':
      return -1;
    case '0':
      return 0;
    default:
      throw new PolisImportError(
        'malformed-vote',
        `Vote "${cell}" at ${where()} is not 1, -1, 0 or empty`,
      );
  }
}

/** Numeric ids in numeric order (Pol.is ids are integers), any others after them as found. */
export function sortIds(ids: Iterable<string>): string[] {
  const unique = [...new Set(ids)];
  const isNumber = (id: string) => /^-?\d+$/u.test(id);
  const numbers = unique.filter(isNumber).sort((a, b) => Number(a) - Number(b));

  return [...numbers, ...unique.filter((id) => !isNumber(id))];
}
