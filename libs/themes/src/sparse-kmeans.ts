import type { Random } from './random';
import type { SparseRows } from './sparse';

const UNPLACED = -1;

/** A clustering of unit-length sparse rows around unit-length dense centroids. */
export interface SparseClustering {
  k: number;
  labels: Int32Array;
  /** Row-major k x columns, unit length. */
  centroids: Float64Array;
  /** Cosine of every row to its own centroid. */
  similarities: Float64Array;
  /** Sum of the similarities: the quantity spherical k-means maximises. */
  objective: number;
}

export interface SparseKMeansOptions {
  maxIterations?: number;
  /** Stop once no more than this share of the rows change cluster in an iteration. */
  tolerance?: number;
}

/** Column-major copy of row-major k x columns centroids. */
export function transpose(centroids: Float64Array, k: number, columns: number): Float64Array {
  const result = new Float64Array(centroids.length);
  for (let c = 0; c < k; c++) {
    for (let j = 0; j < columns; j++) result[j * k + c] = centroids[c * columns + j];
  }

  return result;
}

function copyRow(rows: SparseRows, row: number, target: Float64Array, offset: number): void {
  for (let p = rows.rowPointers[row]; p < rows.rowPointers[row + 1]; p++) {
    target[offset + rows.indices[p]] = rows.values[p];
  }
}

/**
 * k-means++ seeding (Arthur and Vassilvitskii 2007) with the squared chord distance 2 - 2 cos.
 * With trials > 1 each step draws that many candidates and keeps the one that lowers the total
 * distance most (the "greedy" variant of scikit-learn), which avoids seeding two centroids in one
 * dense region; plain seeding is cheaper and gives an ensemble more varied runs.
 */
export function seedSparse(
  rows: SparseRows,
  k: number,
  random: Random,
  trials = 2 + Math.floor(Math.log(k)),
): Float64Array {
  const { columns, rowPointers, indices, values } = rows;
  const count = rows.rows;
  const centroids = new Float64Array(k * columns);
  const distance = new Float64Array(count).fill(2);
  const candidateDistance = new Float64Array(count);
  const dense = new Float64Array(columns);

  const distancesTo = (row: number, out: Float64Array): number => {
    dense.fill(0);
    copyRow(rows, row, dense, 0);
    let total = 0;
    for (let i = 0; i < count; i++) {
      let sum = 0;
      const end = rowPointers[i + 1];
      for (let p = rowPointers[i]; p < end; p++) sum += values[p] * dense[indices[p]];

      out[i] = Math.min(distance[i], Math.max(0, 2 - 2 * sum));
      total += out[i];
    }

    return total;
  };

  let chosen = Math.floor(random() * count);
  for (let c = 0; c < k; c++) {
    if (c > 0) {
      const total = distance.reduce((sum, value) => sum + value, 0);
      let bestTotal = Infinity;
      for (let trial = 0; trial < trials; trial++) {
        let target = random() * total;
        let candidate = count - 1;
        for (let i = 0; i < count; i++) {
          target -= distance[i];
          if (target <= 0) {
            candidate = i;
            break;
          }
        }

        const candidateTotal = distancesTo(candidate, candidateDistance);
        if (candidateTotal < bestTotal) [bestTotal, chosen] = [candidateTotal, candidate];
      }
    }

    copyRow(rows, chosen, centroids, c * columns);
    distancesTo(chosen, distance);
  }

  return centroids;
}

// The hot loops read the typed arrays through locals: rows of different object shapes would
// otherwise make every property read in them a slow, megamorphic lookup.
function assignSparse(
  rows: SparseRows,
  clustering: SparseClustering,
  scratch: Float64Array,
): number {
  const { k, labels, similarities } = clustering;
  const { rowPointers, indices, values } = rows;
  const transposed = transpose(clustering.centroids, k, rows.columns);
  let changed = 0;
  let objective = 0;
  for (let i = 0; i < rows.rows; i++) {
    scratch.fill(0);
    const end = rowPointers[i + 1];
    for (let p = rowPointers[i]; p < end; p++) {
      const value = values[p];
      const offset = indices[p] * k;
      // Four at a time: the loop bound is not known to the compiler, so it does not unroll it.
      let c = 0;
      for (; c + 3 < k; c += 4) {
        scratch[c] += value * transposed[offset + c];
        scratch[c + 1] += value * transposed[offset + c + 1];
        scratch[c + 2] += value * transposed[offset + c + 2];
        scratch[c + 3] += value * transposed[offset + c + 3];
      }

      for (; c < k; c++) scratch[c] += value * transposed[offset + c];
    }

    let best = 0;
    for (let c = 1; c < k; c++) if (scratch[c] > scratch[best]) best = c;
    // A row that shares no term with any centroid has no nearest one; sending it to the first
    // would grow that cluster into a catch-all, so it waits outside the update instead.
    if (scratch[best] <= 0) best = UNPLACED;
    if (labels[i] !== best) changed++;
    labels[i] = best;
    similarities[i] = best === UNPLACED ? 0 : scratch[best];
    objective += similarities[i];
  }

  clustering.objective = objective;

  return changed;
}

function updateSparse(rows: SparseRows, clustering: SparseClustering): void {
  const { k, labels, centroids, similarities } = clustering;
  const { columns, rowPointers, indices, values } = rows;
  centroids.fill(0);
  const sizes = new Int32Array(k);
  for (let i = 0; i < rows.rows; i++) {
    if (labels[i] === UNPLACED) continue;
    const offset = labels[i] * columns;
    sizes[labels[i]]++;
    const end = rowPointers[i + 1];
    for (let p = rowPointers[i]; p < end; p++) centroids[offset + indices[p]] += values[p];
  }

  // An emptied cluster restarts at the row that fits its own cluster worst.
  for (let c = 0; c < k; c++) {
    if (sizes[c] > 0) continue;
    let worst = 0;
    for (let i = 1; i < rows.rows; i++) if (similarities[i] < similarities[worst]) worst = i;
    copyRow(rows, worst, centroids, c * columns);
    similarities[worst] = 1;
  }

  for (let c = 0; c < k; c++) {
    let norm = 0;
    for (let j = 0; j < columns; j++) norm += centroids[c * columns + j] ** 2;
    if (norm === 0) continue;
    norm = Math.sqrt(norm);
    for (let j = 0; j < columns; j++) centroids[c * columns + j] /= norm;
  }
}

/** Lloyd iterations of spherical k-means on sparse rows from the given centroids. */
export function refineSparse(
  rows: SparseRows,
  initial: Float64Array,
  k: number,
  random: Random,
  options: SparseKMeansOptions = {},
): SparseClustering {
  const maxIterations = options.maxIterations ?? 50;
  const tolerance = options.tolerance ?? 0;
  const clustering: SparseClustering = {
    k,
    labels: new Int32Array(rows.rows).fill(-1),
    centroids: Float64Array.from(initial),
    similarities: new Float64Array(rows.rows),
    objective: 0,
  };
  const scratch = new Float64Array(k);

  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const changed = assignSparse(rows, clustering, scratch);
    if (changed <= tolerance * rows.rows && iteration > 0) break;
    updateSparse(rows, clustering);
  }

  assignSparse(rows, clustering, scratch);
  // Rows still unplaced go to a random cluster: any fixed choice would put them together in
  // every run of an ensemble, which the consensus would then read as agreement.
  clustering.labels.forEach((label, i) => {
    if (label === UNPLACED) clustering.labels[i] = Math.floor(random() * k);
  });

  return clustering;
}

/** Spherical k-means on sparse rows: the best of several seeded restarts by objective. */
export function sparseKMeans(
  rows: SparseRows,
  k: number,
  random: Random,
  restarts: number,
  options: SparseKMeansOptions = {},
): SparseClustering {
  let best: SparseClustering | undefined;
  for (let restart = 0; restart < Math.max(1, restarts); restart++) {
    const clustering = refineSparse(rows, seedSparse(rows, k, random), k, random, options);
    if (!best || clustering.objective > best.objective) best = clustering;
  }

  return best as SparseClustering;
}
