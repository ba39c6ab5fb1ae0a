import { VoteMatrixBuilder, type VoteMatrix } from '../vote-matrix';
import { readTable, readVote, requireColumn, sortIds } from './csv-table';
import { PolisImportError } from './polis-import-error';

export interface CommentsVotes {
  matrix: VoteMatrix;
  /** Comments a moderator removed (moderated = -1): left out of the matrix unless asked for. */
  moderatedOut: string[];
}

export interface CommentsVotesOptions {
  includeModeratedOut?: boolean;
}

/**
 * Reads Pol.is comments.csv with votes.csv (timestamp, datetime, comment-id, voter-id, vote).
 * A voter may change a vote: the latest by timestamp wins (file order without timestamps).
 */
export function parseCommentsVotes(
  comments: string | Uint8Array,
  votes: string | Uint8Array,
  options: CommentsVotesOptions = {},
): CommentsVotes {
  const commentTable = readTable(comments, 'comments.csv');
  const idColumn = requireColumn(commentTable, 'comment-id');
  const moderatedColumn = commentTable.header.indexOf('moderated');
  const moderatedOut = commentTable.rows
    .filter((row) => moderatedColumn >= 0 && row[moderatedColumn] === '-1')
    .map((row) => row[idColumn]);
  const excluded = new Set(options.includeModeratedOut ? [] : moderatedOut);
  const statements = sortIds(commentTable.rows.map((row) => row[idColumn]));

  const voteTable = readTable(votes, 'votes.csv');
  const commentColumn = requireColumn(voteTable, 'comment-id');
  const voterColumn = requireColumn(voteTable, 'voter-id');
  const voteColumn = requireColumn(voteTable, 'vote');
  const timeColumn = voteTable.header.indexOf('timestamp');
  const times = voteTable.rows.map((row, r) => {
    if (timeColumn < 0) return r;
    const time = Number(row[timeColumn]);
    if (!Number.isFinite(time)) {
      throw new PolisImportError(
        'malformed-vote',
        `Timestamp "${row[timeColumn]}" at line ${r + 2}`,
      );
    }

    return time;
  });
  // Stable by timestamp: votes in the same millisecond keep their file order.
  const order = voteTable.rows.map((_, r) => r).sort((a, b) => times[a] - times[b] || a - b);

  const builder = new VoteMatrixBuilder();
  statements.filter((id) => !excluded.has(id)).forEach((id) => builder.statement(id));
  sortIds(voteTable.rows.map((row) => row[voterColumn])).forEach((id) => builder.participant(id));
  const known = new Set(statements);
  for (const r of order) {
    const row = voteTable.rows[r];
    const statement = row[commentColumn];
    if (!row[voterColumn])
      throw new PolisImportError('malformed-vote', `No voter-id at line ${r + 2}`);
    if (!known.has(statement)) {
      throw new PolisImportError(
        'unknown-statement',
        `votes.csv line ${r + 2} votes on comment "${statement}", which comments.csv does not list`,
      );
    }

    const vote = readVote(row[voteColumn] ?? '', () => `votes.csv line ${r + 2}`);
    if (vote === null) {
      throw new PolisImportError('malformed-vote', `Empty vote at votes.csv line ${r + 2}`);
    }

    if (!excluded.has(statement)) builder.add(row[voterColumn], statement, vote);
  }

  return { matrix: builder.build(), moderatedOut };
}
