import type { SparseRows } from './sparse';

/** One step of the merge path: the themes left and how well they divide the comments. */
export interface MergeLevel {
  k: number;
  modularity: number;
  /** Theme (0..k-1) of every fine cluster at this level. */
  groupOf: Int32Array;
}

/** Dense sum of the rows of every cluster, row-major k x columns. */
function clusterSums(rows: SparseRows, labels: Int32Array, k: number): Float64Array {
  const { columns, rowPointers, indices, values } = rows;
  const sums = new Float64Array(k * columns);
  for (let i = 0; i < rows.rows; i++) {
    const offset = labels[i] * columns;
    for (let p = rowPointers[i]; p < rowPointers[i + 1]; p++)
      sums[offset + indices[p]] += values[p];
  }

  return sums;
}

function gramOf(sums: Float64Array, k: number, columns: number): Float64Array {
  const gram = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    for (let b = a; b < k; b++) {
      let dot = 0;
      for (let j = 0; j < columns; j++) dot += sums[a * columns + j] * sums[b * columns + j];
      gram[a * k + b] = dot;
      gram[b * k + a] = dot;
    }
  }

  return gram;
}

/**
 * Merges fine clusters two at a time, always the pair whose union raises the modularity most
 * (Clauset, Newman and Moore 2004), down to minK themes, and records every level.
 *
 * Modularity (Newman and Girvan 2004) is taken on the graph whose edge weights are the cosines of
 * all pairs of distinct comments: the share of the similarity that falls inside themes, minus the
 * share expected if every comment kept its total similarity but spread it without regard to
 * themes. That null model is matched to the data (a comment of common words is close to
 * everything), so the score peaks where themes hold more than their common words explain, with
 * no threshold to tune. With unit rows the sums of the clusters give every quantity exactly: the
 * weight between clusters a and b is the dot product of their sums, so the whole path costs one
 * pass over the rows and a k x k table.
 */
export function mergeByModularity(
  rows: SparseRows,
  labels: Int32Array,
  k: number,
  minK: number,
): MergeLevel[] {
  const sums = clusterSums(rows, labels, k);
  const gram = gramOf(sums, k, rows.columns);
  const sizes = new Float64Array(k);
  for (const label of labels) sizes[label]++;

  // Self-pairs are left out: a comment is always as close as can be to itself.
  const inside = Float64Array.from({ length: k }, (_, a) => gram[a * k + a] - sizes[a]);
  const degree = Float64Array.from({ length: k }, (_, a) => {
    let total = -sizes[a];
    for (let b = 0; b < k; b++) total += gram[a * k + b];

    return total;
  });
  const weight = degree.reduce((sum, value) => sum + value, 0);
  const alive = Array.from({ length: k }, (_, a) => a);
  const owner = Int32Array.from({ length: k }, (_, a) => a);

  const modularity = () =>
    weight <= 0
      ? 0
      : alive.reduce((sum, a) => sum + inside[a] / weight - (degree[a] / weight) ** 2, 0);
  const level = (): MergeLevel => {
    const position = new Int32Array(k);
    alive.forEach((a, index) => (position[a] = index));

    return { k: alive.length, modularity: modularity(), groupOf: owner.map((a) => position[a]) };
  };

  const levels = [level()];
  while (alive.length > Math.max(1, minK)) {
    let [bestA, bestB, bestGain] = [-1, -1, -Infinity];
    for (let x = 0; x < alive.length; x++) {
      for (let y = x + 1; y < alive.length; y++) {
        const [a, b] = [alive[x], alive[y]];
        const gain =
          weight <= 0 ? 0 : gram[a * k + b] / weight - (degree[a] * degree[b]) / weight ** 2;
        if (gain > bestGain) [bestA, bestB, bestGain] = [a, b, gain];
      }
    }

    inside[bestA] += inside[bestB] + 2 * gram[bestA * k + bestB];
    degree[bestA] += degree[bestB];
    for (const c of alive) {
      if (c === bestA || c === bestB) continue;
      gram[bestA * k + c] += gram[bestB * k + c];
      gram[c * k + bestA] = gram[bestA * k + c];
    }

    owner.forEach((a, fine) => (owner[fine] = a === bestB ? bestA : a));
    alive.splice(alive.indexOf(bestB), 1);
    levels.push(level());
  }

  return levels;
}
