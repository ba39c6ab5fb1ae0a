import type { Random } from './random';
import type { SparseRows } from './sparse';
import type { SparseClustering } from './sparse-kmeans';
import { refineSparse, seedSparse, sparseKMeans } from './sparse-kmeans';

// A run of an ensemble need not converge fully: the consensus averages what is left over.
const RUN_ITERATIONS = { maxIterations: 10, tolerance: 0.005 };
// The consensus itself converges to a share of a thousandth moving, not to the last comment.
const VOTE_ITERATIONS = { maxIterations: 30, tolerance: 0.001 };

/**
 * Independent k-means runs, one seeding each; their disagreement is the evidence used below.
 * Only the better share by objective is kept: a run stuck in a poor local optimum says something
 * about the seeding, not about the data.
 */
export function ensemble(
  rows: SparseRows,
  k: number,
  runs: number,
  random: Random,
  kept = runs,
): Int32Array[] {
  return Array.from({ length: runs }, () =>
    refineSparse(rows, seedSparse(rows, k, random), k, random, RUN_ITERATIONS),
  )
    .map((run, index) => ({ run, index }))
    .sort((a, b) => b.run.objective - a.run.objective || a.index - b.index)
    .slice(0, kept)
    .map(({ run }) => run.labels);
}

/**
 * Consensus of an ensemble (evidence accumulation, Fred and Jain 2005): every row becomes the
 * one-hot vector of its cluster in each run, so the cosine of two rows is the share of runs that
 * put them together, and spherical k-means on these vectors clusters the co-association matrix
 * without building it. One k-means run depends on its seeding; the consensus much less so.
 */
export function consensus(
  runs: Int32Array[],
  k: number,
  restarts: number,
  random: Random,
): SparseClustering {
  const count = runs[0].length;
  const width = runs.length;
  const rowPointers = Int32Array.from({ length: count + 1 }, (_, i) => i * width);
  const indices = new Int32Array(count * width);
  for (let i = 0; i < count; i++) {
    for (let r = 0; r < width; r++) indices[i * width + r] = r * k + runs[r][i];
  }

  const values = new Float64Array(count * width).fill(1 / Math.sqrt(width));
  const votes: SparseRows = { rows: count, columns: width * k, rowPointers, indices, values };

  return sparseKMeans(votes, k, random, restarts, VOTE_ITERATIONS);
}

/**
 * Adjusted Rand index of two labellings of the same rows with labels in 0..k-1, from a k x k
 * contingency table: linear in the rows, unlike counting agreement over pairs.
 */
export function agreement(a: Int32Array, b: Int32Array, k: number): number {
  const table = new Float64Array(k * k);
  const left = new Float64Array(k);
  const right = new Float64Array(k);
  for (let i = 0; i < a.length; i++) {
    table[a[i] * k + b[i]]++;
    left[a[i]]++;
    right[b[i]]++;
  }

  const pairs = (n: number) => (n * (n - 1)) / 2;
  const sum = (values: Float64Array) => values.reduce((total, n) => total + pairs(n), 0);
  const [both, first, second] = [sum(table), sum(left), sum(right)];
  const expected = (first * second) / Math.max(1, pairs(a.length));
  const maximum = (first + second) / 2;

  return maximum === expected ? 1 : (both - expected) / (maximum - expected);
}

/** Unit-length mean of the rows of every cluster, in the columns of the rows. */
export function centroidsOf(rows: SparseRows, labels: Int32Array, k: number): Float64Array {
  const { columns } = rows;
  const centroids = new Float64Array(k * columns);
  for (let i = 0; i < rows.rows; i++) {
    const offset = labels[i] * columns;
    for (let p = rows.rowPointers[i]; p < rows.rowPointers[i + 1]; p++) {
      centroids[offset + rows.indices[p]] += rows.values[p];
    }
  }

  for (let c = 0; c < k; c++) {
    let norm = 0;
    for (let j = 0; j < columns; j++) norm += centroids[c * columns + j] ** 2;
    norm = Math.sqrt(norm);
    if (norm > 0) for (let j = 0; j < columns; j++) centroids[c * columns + j] /= norm;
  }

  return centroids;
}
