import type { Column, Row } from '../tables';

/** The UTF-8 byte-order mark: without it spreadsheet programs read Cyrillic as Latin-1. */
export const byteOrderMark = '\uFEFF';

/** Lists inside one cell are joined with this. */
export const listSeparator = '; ';

/**
 * One RFC 4180 record ending in CRLF. Fields with a comma, quote, CR or LF are quoted and quotes
 * doubled. Text that a spreadsheet would run as a formula (= + - @ at the start) gets a leading
 * apostrophe, as the data dictionary says.
 */
export function csvRecord(values: Row, columns?: Column[]): string {
  return values.map((value, index) => csvField(value, columns?.[index])).join(',') + '\r\n';
}

export function csvField(value: Row[number], column?: Column): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return value.toISOString();
  const text = Array.isArray(value) ? value.join(listSeparator) : value;
  const safe = column?.type === 'text' && /^[=+\-@]/.test(text) ? `'${text}` : text;

  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
