import type { Row, TableSource } from '../tables';
import { csvRecord } from './csv';

export const polisHeader = [
  'timestamp',
  'datetime',
  'comment-id',
  'author-id',
  'agrees',
  'disagrees',
  'moderated',
  'comment-body',
];

const moderated: Record<string, number> = { published: 1, pending: 0, hidden: -1 };

/**
 * comments.csv in the layout Pol.is exports, for tools that read it. Pol.is wants whole-number
 * ids, so comments are numbered in posting order and authors in order of their first comment;
 * `timestamp` is milliseconds since 1970. Withdrawn comments count as moderated out (-1).
 */
export async function* polisComments(
  comments: TableSource,
  onRows: (count: number) => Promise<void>,
): AsyncIterable<string> {
  const columns = comments.table.columns.map((column) => column.name);
  const at = (name: string) => columns.indexOf(name);
  const [created, author, agrees, disagrees, state, status, text] = [
    at('created_at'),
    at('author_id'),
    at('agree_count'),
    at('disagree_count'),
    at('moderation_state'),
    at('status'),
    at('text'),
  ];
  const authors = new Map<string, number>();
  let commentNumber = 0;

  yield csvRecord(polisHeader);
  for await (const batch of comments.batches()) {
    const lines = batch.map((row: Row) => {
      const time = row[created] as Date;
      const authorKey = row[author] as string;
      if (!authors.has(authorKey)) authors.set(authorKey, authors.size);
      const isWithdrawn = row[status] === 'withdrawn';

      return csvRecord([
        time.getTime(),
        time.toISOString(),
        commentNumber++,
        authors.get(authorKey) ?? 0,
        row[agrees],
        row[disagrees],
        isWithdrawn ? -1 : (moderated[row[state] as string] ?? 0),
        (row[text] as string | null) ?? '',
      ]);
    });
    yield lines.join('');
    await onRows(batch.length);
  }
}
