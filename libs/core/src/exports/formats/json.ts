import { type Column, type Row, type TableSource, tableDefinitions } from '../tables';
import type { Sink } from './sink';

export interface ExportMetadata {
  conversation: { id: string; slug: string; title: string };
  exportedAt: Date;
  isStableIds: boolean;
  themeRun: Record<string, unknown> | null;
  /** The opinion map the opinion tables come from; null when none was drawn. */
  opinionMap?: Record<string, unknown> | null;
}

export const jsonSchemaId = '/api/schemas/export.json';

/** A single document: metadata, then each table as an array of objects, written row by row. */
export async function writeJson(
  sink: Sink,
  metadata: ExportMetadata,
  sources: TableSource[],
  onRows: (count: number) => Promise<void>,
): Promise<void> {
  const head = {
    format: 'razgovor-export',
    version: 1,
    conversation: metadata.conversation,
    exportedAt: metadata.exportedAt.toISOString(),
    stableIds: metadata.isStableIds,
    themeRun: metadata.themeRun,
    opinionMap: metadata.opinionMap ?? null,
  };
  await sink(Buffer.from(`${JSON.stringify(head).slice(0, -1)},"tables":{`));
  for (const [index, source] of sources.entries()) {
    await sink(Buffer.from(`${index ? ',' : ''}${JSON.stringify(source.table.name)}:[`));
    let first = true;
    for await (const batch of source.batches()) {
      const text = batch
        .map((row) => JSON.stringify(toObject(source.table.columns, row)))
        .join(',');
      await sink(Buffer.from(first ? text : `,${text}`));
      first = false;
      await onRows(batch.length);
    }

    await sink(Buffer.from(']'));
  }

  await sink(Buffer.from('}}'));
}

function toObject(columns: Column[], row: Row): Record<string, unknown> {
  const entries = columns.map((column, index) => {
    const value = row[index];

    return [column.name, value instanceof Date ? value.toISOString() : value];
  });

  return Object.fromEntries(entries);
}

/** The JSON Schema (draft 2020-12) of an export document, built from the table definitions. */
export function exportJsonSchema(): Record<string, unknown> {
  // From the definitions rather than the contracts' list, so the export process loads no zod.
  const tables = Object.fromEntries(
    Object.values(tableDefinitions).map((table) => {
      const properties = Object.fromEntries(
        table.columns.map((column) => [column.name, columnSchema(column)]),
      );

      return [
        table.name,
        {
          description: table.description,
          type: 'array',
          items: {
            type: 'object',
            properties,
            required: table.columns.map((column) => column.name),
            additionalProperties: false,
          },
        },
      ];
    }),
  );

  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: jsonSchemaId,
    title: 'Razgovor conversation export',
    type: 'object',
    required: ['format', 'version', 'conversation', 'exportedAt', 'stableIds', 'tables'],
    additionalProperties: false,
    properties: {
      format: { const: 'razgovor-export' },
      version: { const: 1 },
      conversation: {
        type: 'object',
        required: ['id', 'slug', 'title'],
        properties: {
          id: { type: 'string' },
          slug: { type: 'string' },
          title: { type: 'string' },
        },
      },
      exportedAt: { type: 'string', format: 'date-time' },
      stableIds: { type: 'boolean' },
      themeRun: { type: ['object', 'null'] },
      opinionMap: {
        type: ['object', 'null'],
        description: 'The opinion map the opinion tables come from, with its parameters',
      },
      tables: { type: 'object', properties: tables, additionalProperties: false },
    },
  };
}

function columnSchema(column: Column): Record<string, unknown> {
  const base: Record<string, unknown> =
    column.type === 'integer' || column.type === 'number'
      ? { type: column.type }
      : column.type === 'text-list'
        ? { type: 'array', items: { type: 'string' } }
        : column.type === 'timestamp'
          ? { type: 'string', format: 'date-time' }
          : { type: 'string' };
  const type = base.type as string;

  return {
    ...base,
    ...(column.isNullable && { type: [type, 'null'] }),
    description: column.description,
  };
}
