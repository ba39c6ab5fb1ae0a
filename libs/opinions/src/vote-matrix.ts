/** A vote on a statement: agree, disagree or pass. A missing vote is simply absent. */
export type Vote = 1 | -1 | 0;

/**
 * Participant-by-statement votes in compressed sparse rows: the votes of participant p are
 * `vote[rowStart[p] .. rowStart[p + 1])` on statements `statementIndex[...]`, in ascending order.
 * Typed arrays keep 2,000,000 votes in about 10 MB, where objects would need hundreds.
 */
export interface VoteMatrix {
  participants: readonly string[];
  statements: readonly string[];
  rowStart: Int32Array;
  statementIndex: Int32Array;
  vote: Int8Array;
}

export function voteCount(matrix: VoteMatrix, participant: number): number {
  return matrix.rowStart[participant + 1] - matrix.rowStart[participant];
}

/** Collects votes in any order; a later vote of a participant on a statement replaces earlier. */
export class VoteMatrixBuilder {
  private readonly participantIds = new Map<string, number>();
  private readonly statementIds = new Map<string, number>();
  private rows = new Int32Array(1024);
  private columns = new Int32Array(1024);
  private votes = new Int8Array(1024);
  private size = 0;

  /** Registers a participant so that it appears (with no votes, perhaps) in this order. */
  participant(id: string): number {
    return indexOf(this.participantIds, id);
  }

  /** Registers a statement so that it appears (with no votes, perhaps) in this order. */
  statement(id: string): number {
    return indexOf(this.statementIds, id);
  }

  add(participant: string, statement: string, vote: Vote): void {
    if (this.size === this.rows.length) this.grow();
    this.rows[this.size] = this.participant(participant);
    this.columns[this.size] = this.statement(statement);
    this.votes[this.size] = vote;
    this.size++;
  }

  build(): VoteMatrix {
    const participantCount = this.participantIds.size;
    const rowStart = new Int32Array(participantCount + 1);
    for (let i = 0; i < this.size; i++) rowStart[this.rows[i] + 1]++;
    for (let p = 0; p < participantCount; p++) rowStart[p + 1] += rowStart[p];

    // A stable counting sort by participant keeps each row's votes in the order they were added.
    const order = new Int32Array(this.size);
    const cursor = rowStart.slice(0, participantCount);
    for (let i = 0; i < this.size; i++) order[cursor[this.rows[i]]++] = i;

    const statementIndex = new Int32Array(this.size);
    const vote = new Int8Array(this.size);
    const compactStart = new Int32Array(participantCount + 1);
    let written = 0;
    for (let p = 0; p < participantCount; p++) {
      const row = Array.from(order.subarray(rowStart[p], rowStart[p + 1]));
      // Sorting by statement and then by arrival lets the last vote on a statement win.
      row.sort((a, b) => this.columns[a] - this.columns[b] || a - b);
      for (let j = 0; j < row.length; j++) {
        const next = row[j + 1];
        if (next !== undefined && this.columns[next] === this.columns[row[j]]) continue;
        statementIndex[written] = this.columns[row[j]];
        vote[written] = this.votes[row[j]];
        written++;
      }

      compactStart[p + 1] = written;
    }

    return {
      participants: [...this.participantIds.keys()],
      statements: [...this.statementIds.keys()],
      rowStart: compactStart,
      statementIndex: statementIndex.slice(0, written),
      vote: vote.slice(0, written),
    };
  }

  private grow(): void {
    const capacity = this.rows.length * 2;
    const rows = new Int32Array(capacity);
    const columns = new Int32Array(capacity);
    const votes = new Int8Array(capacity);
    rows.set(this.rows);
    columns.set(this.columns);
    votes.set(this.votes);
    this.rows = rows;
    this.columns = columns;
    this.votes = votes;
  }
}

function indexOf(ids: Map<string, number>, id: string): number {
  let index = ids.get(id);
  if (index === undefined) {
    index = ids.size;
    ids.set(id, index);
  }

  return index;
}

/**
 * A matrix from dense rows where null (or undefined) means "not voted"; ids default to the
 * row and column numbers. Meant for tests and small inputs.
 */
export function voteMatrixFromRows(
  rows: ReadonlyArray<ReadonlyArray<Vote | null | undefined>>,
  ids: { participants?: readonly string[]; statements?: readonly string[] } = {},
): VoteMatrix {
  const builder = new VoteMatrixBuilder();
  const width = Math.max(0, ...rows.map((row) => row.length));
  const participants = ids.participants ?? rows.map((_, p) => String(p));
  const statements = ids.statements ?? Array.from({ length: width }, (_, s) => String(s));
  participants.forEach((id) => builder.participant(id));
  statements.forEach((id) => builder.statement(id));
  rows.forEach((row, p) => {
    row.forEach((vote, s) => {
      if (vote !== null && vote !== undefined) builder.add(participants[p], statements[s], vote);
    });
  });

  return builder.build();
}
