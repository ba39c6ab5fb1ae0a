import { z } from 'zod';

/** Tables of the discussion; `themes` comes from the theme run the conversation last used. */
export const conversationExportTables = [
  'comments',
  'themes',
  'tags',
  'summaries',
  'summary-responses',
  'moderation-ledger',
] as const;

/** Tables of polls, surveys and statements; the `opinion-*` ones come from the latest map. */
export const preferenceExportTables = [
  'polls',
  'poll-options',
  'poll-responses',
  'poll-response-items',
  'surveys',
  'survey-runs',
  'statements',
  'statement-votes',
  'opinion-map',
  'opinion-groups',
  'opinion-statements',
] as const;

/** Tables an analyst can export, in the order every format lists them. */
export const exportTables = [...conversationExportTables, ...preferenceExportTables] as const;
export type ExportTable = (typeof exportTables)[number];

/**
 * csv: one CSV per table (a zip when there are several); json: one document valid against the
 * published schema; xlsx: one sheet per table; polis: comments.csv in the Pol.is layout;
 * zip: all of them with a data dictionary.
 */
export const exportFormats = ['csv', 'json', 'xlsx', 'polis', 'zip'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const exportStatuses = ['queued', 'running', 'done', 'failed', 'expired'] as const;
export type ExportStatus = (typeof exportStatuses)[number];

export const createExportRequest = z.strictObject({
  format: z.enum(exportFormats),
  tables: z.array(z.enum(exportTables)).min(1).max(exportTables.length).optional(),
  /** The same person keeps the same pseudonymous id in every export that asks for this. */
  stableIds: z.boolean().optional(),
});
export type CreateExportRequest = z.input<typeof createExportRequest>;

export const exportJob = z.object({
  id: z.uuid(),
  conversationId: z.uuid(),
  format: z.enum(exportFormats),
  tables: z.array(z.enum(exportTables)),
  stableIds: z.boolean(),
  status: z.enum(exportStatuses),
  /** 0 to 1. */
  progress: z.number(),
  rowsWritten: z.number().int(),
  rowsTotal: z.number().int(),
  byteSize: z.number().int(),
  fileName: z.string().nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  /** A signed link that works without signing in until expiresAt; null until the file is ready. */
  downloadUrl: z.string().nullable(),
});
export type ExportJob = z.infer<typeof exportJob>;

export const exportList = z.object({ items: z.array(exportJob) });
export type ExportList = z.infer<typeof exportList>;

export const downloadQuery = z.strictObject({
  expires: z.string().regex(/^\d{1,15}$/),
  signature: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/),
});
export type DownloadQuery = z.infer<typeof downloadQuery>;
