import type { ExportTable } from '@razgovor/contracts';
import { preferenceTables } from './preference-tables';

/** `number` is a decimal (a position on the opinion map, a share); `integer` a whole number. */
export type ColumnType = 'text' | 'integer' | 'number' | 'timestamp' | 'text-list';

export interface Column {
  name: string;
  type: ColumnType;
  isNullable: boolean;
  description: string;
}

export interface TableDefinition {
  name: ExportTable;
  description: string;
  columns: Column[];
}

export type Cell = string | number | Date | string[] | null;
export type Row = Cell[];

/** A table of one export: its definition, how many rows it has, and its rows in batches. */
export interface TableSource {
  table: TableDefinition;
  count: number;
  /** Each call reads the table again from the start, from the same snapshot. */
  batches(): AsyncIterable<Row[]>;
}

const column = (
  name: string,
  type: ColumnType,
  description: string,
  isNullable = false,
): Column => ({ name, type, description, isNullable });

export const tableDefinitions: Record<ExportTable, TableDefinition> = {
  comments: {
    name: 'comments',
    description: 'Every comment of the conversation, replies included, oldest first',
    columns: [
      column(
        'comment_id',
        'text',
        'Comment id (the same as in the conversation\u2019s web address)',
      ),
      column('topic_id', 'text', 'Topic the comment was written in'),
      column('topic_slug', 'text', 'Short name of the topic'),
      column(
        'parent_id',
        'text',
        'Comment this one answers; empty for a thread\u2019s first comment',
        true,
      ),
      column(
        'depth',
        'integer',
        'Reply depth: 0 for a thread\u2019s first comment, 1 for its replies, and so on',
      ),
      column('created_at', 'timestamp', 'When it was posted (UTC, ISO 8601)'),
      column('language', 'text', 'Detected language: bg, en or another ISO 639-1 code'),
      column(
        'text',
        'text',
        'The text as published (redactions included); empty when the author withdrew it',
        true,
      ),
      column('agree_count', 'integer', 'People who agreed'),
      column('disagree_count', 'integer', 'People who disagreed'),
      column('moderation_state', 'text', 'published, pending (waiting for review) or hidden'),
      column('status', 'text', 'visible, or withdrawn by its author'),
      column(
        'theme_id',
        'text',
        'Theme the comment belongs to now (see "Theme run"); empty when it fits no theme',
        true,
      ),
      column('theme_label_bg', 'text', 'Label of that theme in Bulgarian', true),
      column('theme_label_en', 'text', 'Label of that theme in English', true),
      column('tags', 'text-list', 'Tags analysts gave the comment (Bulgarian names)'),
      column('author_id', 'text', 'Pseudonymous author id: see "Pseudonymous ids"'),
      column(
        'district',
        'text',
        'Author\u2019s Sofia district as they stated it; empty when fewer than 5 people share it (see "Small cells")',
        true,
      ),
      column(
        'age_band',
        'text',
        'Author\u2019s age band; empty when fewer than 5 people share district and age band',
        true,
      ),
    ],
  },
  themes: {
    name: 'themes',
    description: 'Themes of the theme run named in "Theme run", in the run\u2019s order',
    columns: [
      column('theme_id', 'text', 'Theme id; a theme keeps its id from run to run'),
      column('label_bg', 'text', 'Label in Bulgarian (the curated one if analysts changed it)'),
      column('label_en', 'text', 'Label in English'),
      column('terms', 'text-list', 'Terms that characterise the theme, strongest first'),
      column('size', 'integer', 'Comments in the theme now (moves by analysts included)'),
      column('run_size', 'integer', 'Comments the run itself put in the theme'),
      column('representative_comment_ids', 'text-list', 'Comments that represent it best'),
      column('is_hidden', 'text', 'yes when analysts hid the theme from the public, else no'),
      column('run_id', 'text', 'The theme run'),
    ],
  },
  tags: {
    name: 'tags',
    description: 'The tags analysts use for this conversation',
    columns: [
      column('tag_id', 'text', 'Tag id'),
      column('name_bg', 'text', 'Name in Bulgarian'),
      column('name_en', 'text', 'Name in English (may be empty)'),
      column('description', 'text', 'What the tag is for (may be empty)'),
      column('comment_count', 'integer', 'Comments with this tag'),
    ],
  },
  summaries: {
    name: 'summaries',
    description: 'Facilitators\u2019 summaries of topics and threads, every version',
    columns: [
      column('summary_id', 'text', 'Summary id'),
      column('topic_id', 'text', 'Topic summarised'),
      column(
        'comment_id',
        'text',
        'Thread summarised; empty for a summary of the whole topic',
        true,
      ),
      column('version', 'integer', 'Version number, 1 for the first'),
      column('text_bg', 'text', 'Summary in Bulgarian'),
      column('text_en', 'text', 'Summary in English (may be empty)'),
      column('created_at', 'timestamp', 'When this version was published (UTC)'),
      column('reflects_count', 'integer', 'Citizens who said the summary reflects the discussion'),
      column('misses_count', 'integer', 'Citizens who said it misses something'),
    ],
  },
  'summary-responses': {
    name: 'summary-responses',
    description: 'What citizens answered to the summaries',
    columns: [
      column('summary_id', 'text', 'Summary answered'),
      column('reaction', 'text', 'reflects or misses'),
      column('comment', 'text', 'What the citizen added, if anything', true),
      column('created_at', 'timestamp', 'When they first answered (UTC)'),
      column('author_id', 'text', 'Pseudonymous id of the citizen, as in comments'),
    ],
  },
  'moderation-ledger': {
    name: 'moderation-ledger',
    description:
      'The public moderation ledger: per ISO week, comments held, hidden (by reason) and restored',
    columns: [
      column('week', 'text', 'ISO week, e.g. 2026-W49'),
      column('action', 'text', 'comment.held, comment.hidden or comment.restored'),
      column('reason', 'text', 'Public reason of hiding; empty for other actions', true),
      column('count', 'integer', 'Comments'),
    ],
  },
  ...preferenceTables,
};
