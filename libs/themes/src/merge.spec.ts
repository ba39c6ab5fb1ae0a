import { describe, expect, it } from 'vitest';
import { mergeByModularity } from './merge';
import { createRandom } from './random';
import { normalizeSparse, toSparseRows } from './sparse';

// Two subjects with words of their own (columns 0-3 and 4-7); each subject's comments are split
// at random into two fine clusters, as an over-clustering would leave them.
function twoSubjects() {
  const random = createRandom(3);
  const vectors = [];
  const labels: number[] = [];
  for (let i = 0; i < 80; i++) {
    const subject = i % 2;
    const words = [0, 1, 2, 3].filter(() => random() < 0.6);
    const indices = (words.length > 0 ? words : [0]).map((word) => subject * 4 + word);
    vectors.push(normalizeSparse({ indices, values: indices.map(() => 1 + random()) }));
    labels.push(subject * 2 + (random() < 0.5 ? 0 : 1));
  }

  return { rows: toSparseRows(vectors, 8), labels: Int32Array.from(labels) };
}

describe('merging fine clusters by modularity', () => {
  it('peaks where the fine clusters of one subject are joined and the subjects kept apart', () => {
    const { rows, labels } = twoSubjects();
    const levels = mergeByModularity(rows, labels, 4, 1);
    const best = levels.reduce((chosen, level) =>
      level.modularity > chosen.modularity ? level : chosen,
    );

    expect(levels.map((level) => level.k)).toEqual([4, 3, 2, 1]);
    expect(best.k).toBe(2);
    expect(best.groupOf[0]).toBe(best.groupOf[1]);
    expect(best.groupOf[2]).toBe(best.groupOf[3]);
    expect(best.groupOf[0]).not.toBe(best.groupOf[2]);
    expect(best.modularity).toBeCloseTo(0.5, 1);
    expect(levels[3].modularity).toBeCloseTo(0, 10);
  });

  it('scores nothing when no two comments share a word', () => {
    const vectors = [0, 1, 2, 3].map((column) => ({ indices: [column], values: [1] }));
    const levels = mergeByModularity(toSparseRows(vectors, 4), Int32Array.from([0, 0, 1, 1]), 2, 1);

    expect(levels.map((level) => level.modularity)).toEqual([0, 0]);
  });
});
