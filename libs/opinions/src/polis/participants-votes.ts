import { VoteMatrixBuilder, type VoteMatrix } from '../vote-matrix';
import { type CsvTable, readTable, readVote, requireColumn } from './csv-table';
import { PolisImportError } from './polis-import-error';

export interface ParticipantsVotes {
  matrix: VoteMatrix;
  /** The group-id Pol.is gave each participant (matrix order); null when it placed them nowhere. */
  polisGroups: Array<string | null>;
}

/** Columns of participants-votes.csv that are not comment ids. */
const SUMMARY_COLUMNS = new Set([
  'participant',
  'group-id',
  'n-comments',
  'n-votes',
  'n-agree',
  'n-disagree',
]);

/** Reads a Pol.is participants-votes.csv: one row per participant, one column per comment. */
export function parseParticipantsVotes(content: string | Uint8Array): ParticipantsVotes {
  const table: CsvTable = readTable(content, 'participants-votes.csv');
  const participantColumn = requireColumn(table, 'participant');
  const groupColumn = table.header.indexOf('group-id');
  const statementColumns = table.header
    .map((name, column) => ({ name, column }))
    .filter(({ name }) => !SUMMARY_COLUMNS.has(name));
  if (statementColumns.length === 0) {
    throw new PolisImportError('missing-column', 'participants-votes.csv has no comment columns');
  }

  const builder = new VoteMatrixBuilder();
  statementColumns.forEach(({ name }) => builder.statement(name));
  const polisGroups: Array<string | null> = [];
  const seen = new Set<string>();
  table.rows.forEach((row, r) => {
    const participant = row[participantColumn];
    // Line numbers count the header as line 1, as an editor shows them.
    if (!participant) {
      throw new PolisImportError('malformed-vote', `Row ${r + 2} has no participant id`);
    }

    if (seen.has(participant)) {
      throw new PolisImportError(
        'duplicate-participant',
        `Participant ${participant} appears twice`,
      );
    }

    seen.add(participant);
    builder.participant(participant);
    polisGroups.push(groupColumn >= 0 && row[groupColumn] ? row[groupColumn] : null);
    for (const { name, column } of statementColumns) {
      const vote = readVote(row[column] ?? '', () => `line ${r + 2}, comment ${name}`);
      if (vote !== null) builder.add(participant, name, vote);
    }
  });

  return { matrix: builder.build(), polisGroups };
}
