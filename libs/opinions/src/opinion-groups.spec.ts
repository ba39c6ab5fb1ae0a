import { ari } from '@razgovor/themes';
import { describe, expect, it } from 'vitest';
import { findOpinionGroups } from './opinion-groups';
import { plantedVotes } from './testing/planted';
import { VoteMatrixBuilder, voteMatrixFromRows, type VoteMatrix } from './vote-matrix';

const planted = () =>
  plantedVotes({ groups: [40, 40, 40], statements: 30, density: 0.9, noise: 0.05, seed: 11 });

/** The same votes with participants registered in another order. */
function permuted(matrix: VoteMatrix, order: number[]): VoteMatrix {
  const builder = new VoteMatrixBuilder();
  matrix.statements.forEach((id) => builder.statement(id));
  for (const p of order) {
    builder.participant(matrix.participants[p]);
    for (let j = matrix.rowStart[p]; j < matrix.rowStart[p + 1]; j++) {
      const vote = matrix.vote[j] as 1 | -1 | 0;
      builder.add(matrix.participants[p], matrix.statements[matrix.statementIndex[j]], vote);
    }
  }

  return builder.build();
}

describe('findOpinionGroups', () => {
  it('finds three planted groups exactly despite missing votes and noise', () => {
    const { matrix, truth } = planted();

    const result = findOpinionGroups(matrix, { seed: 1 });

    expect(result.groups).toHaveLength(3);
    expect(ari(truth, result.assignments)).toBe(1);
    expect(result.placed).toBe(120);
    expect(result.groups.map((group) => group.id)).toEqual([0, 1, 2]);
  });

  it.each([2, 4, 5])('finds %i planted groups', (count) => {
    const { matrix, truth } = plantedVotes({
      groups: Array.from({ length: count }, (_, g) => 30 + 5 * g),
      statements: 40,
      density: 0.8,
      noise: 0.05,
      seed: count,
    });

    const result = findOpinionGroups(matrix);

    expect(ari(truth, result.assignments)).toBe(1);
  });

  it('repeats the same result for the same seed', () => {
    const { matrix } = planted();

    expect(findOpinionGroups(matrix, { seed: 5 })).toEqual(findOpinionGroups(matrix, { seed: 5 }));
  });

  it('gives the same partition whatever order participants come in', () => {
    const { matrix } = planted();
    const order = matrix.participants.map((_, p) => (p * 37) % matrix.participants.length);
    const shuffled = permuted(matrix, order);

    const first = findOpinionGroups(matrix);
    const second = findOpinionGroups(shuffled);
    const secondById = new Map(shuffled.participants.map((id, p) => [id, second.assignments[p]]));

    expect(first.assignments).toEqual(matrix.participants.map((id) => secondById.get(id)));
  });

  it('does not place participants with fewer than seven votes', () => {
    const { matrix } = planted();
    const builder = new VoteMatrixBuilder();
    matrix.statements.forEach((id) => builder.statement(id));
    for (let p = 0; p < matrix.participants.length; p++) {
      for (let j = matrix.rowStart[p]; j < matrix.rowStart[p + 1]; j++) {
        const vote = matrix.vote[j] as 1 | -1 | 0;
        builder.add(matrix.participants[p], matrix.statements[matrix.statementIndex[j]], vote);
      }
    }

    for (let s = 0; s < 6; s++) builder.add('newcomer', `s${s}`, 1);
    builder.participant('silent');
    const sparse = builder.build();

    const result = findOpinionGroups(sparse);

    expect(result.assignments.slice(-2)).toEqual([null, null]);
    expect(result.map.slice(-2)).toEqual([null, null]);
    expect(result.placed).toBe(120);
    expect(result.groups.reduce((sum, group) => sum + group.size, 0)).toBe(120);
  });

  it('places everyone who voted on all statements of a short conversation', () => {
    const matrix = voteMatrixFromRows([
      [1, 1, -1],
      [1, 1, -1],
      [1, 1, null],
      [-1, -1, 1],
      [-1, -1, 1],
      [-1, null, 1],
    ]);

    const result = findOpinionGroups(matrix);

    const [a, b, unplacedA, c, d, unplacedB] = result.assignments;
    expect([unplacedA, unplacedB]).toEqual([null, null]);
    expect([a === b, c === d, a === c]).toEqual([true, true, false]);
  });

  it('keeps group ids from a previous run when the groups persist', () => {
    const { matrix } = planted();
    const first = findOpinionGroups(matrix);
    const previousGroups = first.groups.map((group, index) => ({
      id: [7, 3, 5][index],
      centroid: group.centroid,
    }));

    const second = findOpinionGroups(matrix, { previousGroups });

    const renamed = first.assignments.map((g) => (g === null ? null : [7, 3, 5][g]));
    expect(second.assignments).toEqual(renamed);
    expect(second.groups.map((group) => group.id)).toEqual([3, 5, 7]);
  });

  it('spreads sparse voters as far as full voters on the map', () => {
    const { matrix } = plantedVotes({
      groups: [60, 60],
      statements: 40,
      density: 0.95,
      noise: 0,
      seed: 2,
    });
    const builder = new VoteMatrixBuilder();
    matrix.statements.forEach((id) => builder.statement(id));
    for (let p = 0; p < matrix.participants.length; p++) {
      // Every other participant keeps only the votes on the first quarter of the statements.
      const limit = p % 2 === 0 ? matrix.statements.length : 10;
      for (let j = matrix.rowStart[p]; j < matrix.rowStart[p + 1]; j++) {
        if (matrix.statementIndex[j] >= limit) continue;
        const vote = matrix.vote[j] as 1 | -1 | 0;
        builder.add(matrix.participants[p], matrix.statements[matrix.statementIndex[j]], vote);
      }
    }

    const result = findOpinionGroups(builder.build());

    const spread = (parity: number) => {
      const xs = result.map.filter((_, p) => p % 2 === parity).map((point) => point?.[0] ?? 0);

      return xs.reduce((sum, x) => sum + Math.abs(x), 0) / xs.length;
    };

    expect(spread(1) / spread(0)).toBeGreaterThan(0.6);
  });

  it('copes with a conversation nobody has voted in yet', () => {
    const result = findOpinionGroups(voteMatrixFromRows([[], []]));

    expect(result.assignments).toEqual([null, null]);
    expect(result.groups).toEqual([]);
  });
});
