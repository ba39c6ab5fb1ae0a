import { describe, expect, it } from 'vitest';
import { VoteMatrixBuilder, voteCount, voteMatrixFromRows } from './vote-matrix';

describe('VoteMatrixBuilder', () => {
  it('keeps the last vote of a participant on a statement', () => {
    const builder = new VoteMatrixBuilder();
    builder.add('ana', 's2', 1);
    builder.add('ana', 's1', -1);
    builder.add('ana', 's2', 0);
    builder.add('boris', 's1', 1);
    builder.add('ana', 's2', -1);

    const matrix = builder.build();

    expect(matrix.participants).toEqual(['ana', 'boris']);
    expect(matrix.statements).toEqual(['s2', 's1']);
    expect(Array.from(matrix.rowStart)).toEqual([0, 2, 3]);
    expect(Array.from(matrix.statementIndex)).toEqual([0, 1, 1]);
    expect(Array.from(matrix.vote)).toEqual([-1, -1, 1]);
  });

  it('keeps registered participants and statements without votes', () => {
    const matrix = voteMatrixFromRows([[1, null], [], [null, 0]]);

    expect(matrix.statements).toEqual(['0', '1']);
    expect([0, 1, 2].map((p) => voteCount(matrix, p))).toEqual([1, 0, 1]);
    expect(Array.from(matrix.vote)).toEqual([1, 0]);
  });
});
