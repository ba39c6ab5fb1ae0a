import type { Row, TableSource } from '../tables';
import { csvRecord } from './csv';
import { polisHeader } from './polis';

type Progress = (rows: number) => Promise<void>;

interface VoterRow {
  pseudonym: string;
  cells: Array<number | null>;
}

const moderated: Record<string, number> = { published: 1, pending: 0, rejected: -1 };
const voteValues: Record<string, number> = { agree: 1, disagree: -1, pass: 0 };

export const polisVotesHeader = ['timestamp', 'datetime', 'comment-id', 'voter-id', 'vote'];
const participantColumns = [
  'participant',
  'group-id',
  'n-comments',
  'n-votes',
  'n-agree',
  'n-disagree',
];

/**
 * Pol.is numbers comments and participants; one numbering serves all three files, so a statement
 * or person has the same number in each. Both maps grow with people and statements, not votes.
 */
class Numbering {
  readonly statements = new Map<string, number>();
  readonly participants = new Map<string, number>();
  readonly authored = new Map<string, number>();

  participant(pseudonym: string): number {
    let number = this.participants.get(pseudonym);
    if (number === undefined) {
      number = this.participants.size;
      this.participants.set(pseudonym, number);
    }

    return number;
  }
}

function columnsOf(source: TableSource) {
  const names = source.table.columns.map((column) => column.name);

  return (name: string) => names.indexOf(name);
}

/**
 * The statements and their votes as a Pol.is conversation: comments.csv, votes.csv and
 * participants-votes.csv as Pol.is exports them (timestamps in milliseconds, votes 1 agree, -1
 * disagree, 0 pass), so deliberation tools that read Pol.is exports read these. None when the
 * export has no statements or leaves out their tables. participants-votes.csv reads the votes a voter at a time,
 * which the statement-votes table's order (by voter) allows.
 */
export function polisStatementFiles(
  sources: TableSource[],
  onRows: Progress,
): Array<[string, AsyncIterable<string>]> {
  const find = (name: string) => sources.find((source) => source.table.name === name);
  const statements = find('statements');
  const votes = find('statement-votes');
  if (!statements?.count || !votes) return [];
  const numbering = new Numbering();

  return [
    ['comments.csv', polisStatementComments(statements, numbering, onRows)],
    ['votes.csv', polisVotes(votes, numbering, onRows)],
    [
      'participants-votes.csv',
      polisParticipantsVotes(votes, find('opinion-map'), numbering, onRows),
    ],
  ];
}

/** How many rows the Pol.is statement files read, for progress. */
export function polisStatementReads(sources: TableSource[]): number {
  const count = (name: string) => sources.find((source) => source.table.name === name)?.count;
  const [statements, votes] = [count('statements'), count('statement-votes')];
  if (!statements || votes === undefined) return 0;

  return statements + votes * 2 + (count('opinion-map') ?? 0);
}

async function* polisStatementComments(
  statements: TableSource,
  numbering: Numbering,
  onRows: Progress,
): AsyncIterable<string> {
  const at = columnsOf(statements);
  const [id, created, author, agrees, disagrees, state, text] = [
    at('statement_id'),
    at('created_at'),
    at('author_id'),
    at('agree_count'),
    at('disagree_count'),
    at('moderation_state'),
    at('text'),
  ];

  yield csvRecord(polisHeader);
  for await (const batch of statements.batches()) {
    const lines = batch.map((row: Row) => {
      const time = row[created] as Date;
      const authorId = row[author] as string;
      numbering.statements.set(row[id] as string, numbering.statements.size);
      numbering.authored.set(authorId, (numbering.authored.get(authorId) ?? 0) + 1);

      return csvRecord([
        time.getTime(),
        time.toISOString(),
        numbering.statements.get(row[id] as string) ?? 0,
        numbering.participant(authorId),
        row[agrees],
        row[disagrees],
        moderated[row[state] as string] ?? 0,
        row[text],
      ]);
    });
    yield lines.join('');
    await onRows(batch.length);
  }
}

async function* polisVotes(
  votes: TableSource,
  numbering: Numbering,
  onRows: Progress,
): AsyncIterable<string> {
  const at = columnsOf(votes);
  const [statement, voter, vote, updated] = [
    at('statement_id'),
    at('voter_id'),
    at('vote'),
    at('updated_at'),
  ];

  yield csvRecord(polisVotesHeader);
  for await (const batch of votes.batches()) {
    const lines = batch.map((row: Row) => {
      const time = row[updated] as Date;

      return csvRecord([
        time.getTime(),
        time.toISOString(),
        numbering.statements.get(row[statement] as string) ?? null,
        numbering.participant(row[voter] as string),
        voteValues[row[vote] as string] ?? null,
      ]);
    });
    yield lines.join('');
    await onRows(batch.length);
  }
}

async function* polisParticipantsVotes(
  votes: TableSource,
  map: TableSource | undefined,
  numbering: Numbering,
  onRows: Progress,
): AsyncIterable<string> {
  const groups = new Map<string, number | null>();
  if (map) {
    const mapColumn = columnsOf(map);
    const [participant, group] = [mapColumn('participant_id'), mapColumn('group_id')];
    for await (const batch of map.batches()) {
      for (const row of batch) groups.set(row[participant] as string, row[group] as number | null);
      await onRows(batch.length);
    }
  }

  const at = columnsOf(votes);
  const [statement, voter, vote] = [at('statement_id'), at('voter_id'), at('vote')];
  const statementCount = numbering.statements.size;
  // The voter whose row is being gathered; their votes are consecutive.
  let current: VoterRow | null = null as VoterRow | null;
  const finish = (done: VoterRow) => {
    const cast = done.cells.filter((cell) => cell !== null);

    return csvRecord([
      numbering.participant(done.pseudonym),
      groups.get(done.pseudonym) ?? null,
      numbering.authored.get(done.pseudonym) ?? 0,
      cast.length,
      cast.filter((cell) => cell === 1).length,
      cast.filter((cell) => cell === -1).length,
      ...done.cells,
    ]);
  };

  yield csvRecord([...participantColumns, ...Array.from({ length: statementCount }, (_, n) => n)]);
  for await (const batch of votes.batches()) {
    const lines: string[] = [];
    for (const row of batch) {
      const pseudonym = row[voter] as string;
      if (current?.pseudonym !== pseudonym) {
        if (current) lines.push(finish(current));
        current = { pseudonym, cells: new Array<number | null>(statementCount).fill(null) };
      }

      const column = numbering.statements.get(row[statement] as string);
      if (column !== undefined) current.cells[column] = voteValues[row[vote] as string] ?? null;
    }

    yield lines.join('');
    await onRows(batch.length);
  }

  if (current) yield finish(current);
}
