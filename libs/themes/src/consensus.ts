import type { Random } from './random';
import { sampleIndices } from './random';
import type { SparseRows } from './sparse';
import { selectRows } from './sparse';
import type { SparseClustering } from './sparse-kmeans';
import { refineSparse, seedSparse, sparseKMeans } from './sparse-kmeans';

// A run of an ensemble need not converge fully: the consensus averages what is left over.
const RUN_ITERATIONS = { maxIterations: 10, tolerance: 0.005 };
// The consensus itself converges to a share of a thousandth moving, not to the last comment.
const VOTE_ITERATIONS = { maxIterations: 30, tolerance: 0.001 };

/**
 * How the runs of an ensemble start. With a subset, every run is seeded and first iterated on a
 * random subset of that many rows, where the early iterations (most comments changing cluster)
 * cost little, and then finishes on all rows; otherwise it is seeded and iterated on all rows.
 */
export interface EnsembleStart {
  subset?: number;
  /** Iterations on the subset, then at most this many on all rows. */
  subsetIterations: number;
  finalIterations: number;
}

const FULL_START: EnsembleStart = { subsetIterations: 0, finalIterations: 10 };

function startRun(rows: SparseRows, k: number, start: EnsembleStart, random: Random) {
  if (start.subset === undefined || rows.rows <= start.subset) return seedSparse(rows, k, random);

  const subset = selectRows(rows, sampleIndices(rows.rows, start.subset, random));
  const options = { ...RUN_ITERATIONS, maxIterations: start.subsetIterations };

  return refineSparse(subset, seedSparse(subset, k, random), k, random, options).centroids;
}

/** Independent k-means runs, one seeding each; their disagreement is the evidence used below. */
export function ensemble(
  rows: SparseRows,
  k: number,
  runs: number,
  random: Random,
  start: EnsembleStart = FULL_START,
): Int32Array[] {
  const isWarm = start.subset !== undefined && rows.rows > start.subset;
  const options = { ...RUN_ITERATIONS, maxIterations: isWarm ? start.finalIterations : 10 };

  return Array.from(
    { length: runs },
    () => refineSparse(rows, startRun(rows, k, start, random), k, random, options).labels,
  );
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
