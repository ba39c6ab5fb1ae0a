import { createRandom, gaussian } from './random';
import { symmetricEigen } from './symmetric-eigen';
import type { VoteMatrix } from './vote-matrix';

export interface Components {
  /** Statement means over the observed votes of the placed participants. */
  means: Float64Array;
  /** One loading vector over the statements per component, strongest first, unit length. */
  loadings: Float64Array[];
  /** Share of the total variance of the centred, imputed matrix that each component carries. */
  explained: number[];
}

const EXTRA_VECTORS = 3;
const MAX_ITERATIONS = 500;
const TOLERANCE = 1e-10;

/** Column means over observed votes: the value a missing vote is imputed with. */
export function statementMeans(matrix: VoteMatrix, rows: Int32Array): Float64Array {
  const sums = new Float64Array(matrix.statements.length);
  const counts = new Float64Array(matrix.statements.length);
  for (const p of rows) {
    for (let j = matrix.rowStart[p]; j < matrix.rowStart[p + 1]; j++) {
      sums[matrix.statementIndex[j]] += matrix.vote[j];
      counts[matrix.statementIndex[j]]++;
    }
  }

  return sums.map((sum, s) => (counts[s] > 0 ? sum / counts[s] : 0));
}

/**
 * Principal components of the vote matrix restricted to `rows`, with each missing vote imputed
 * as its statement's mean, so that after centring the matrix stays as sparse as the votes.
 * Block power iteration with a Rayleigh-Ritz step and a few extra vectors: it converges at the
 * rate of the first eigenvalue left out rather than of the gap between the two kept ones.
 */
export function principalComponents(
  matrix: VoteMatrix,
  rows: Int32Array,
  count: number,
  seed: number,
): Components {
  const width = matrix.statements.length;
  const means = statementMeans(matrix, rows);
  const size = Math.min(count + EXTRA_VECTORS, width);
  if (size === 0) {
    return { means, loadings: zeros(count, width), explained: new Array<number>(count).fill(0) };
  }

  const random = createRandom(seed);
  let basis = orthonormalize(
    Array.from({ length: size }, () =>
      Float64Array.from({ length: width }, () => gaussian(random)),
    ),
  );
  let ritz: { values: number[]; vectors: Float64Array[] } = { values: [], vectors: basis };

  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const scores = basis.map((vector) => multiply(matrix, rows, means, vector));
    const gram = scores.map((a) => scores.map((b) => dot(a, b)));
    const { values, vectors } = symmetricEigen(gram);
    const next = vectors.map((weights) => combine(basis, weights));
    const nextScores = vectors.map((weights) => combine(scores, weights));
    const change = ritz.vectors.slice(0, count).reduce((worst, old, c) => {
      return Math.max(worst, 1 - Math.abs(dot(old, next[c])));
    }, 0);
    ritz = { values, vectors: next };
    if (iteration > 0 && change < TOLERANCE) break;
    basis = orthonormalize(
      nextScores.map((score) => multiplyTransposed(matrix, rows, means, score)),
    );
  }

  const total = totalVariance(matrix, rows, means);
  // Fewer statements than components: the missing axes are flat, so everyone sits at 0 on them.
  const loadings = [...ritz.vectors.slice(0, count).map(orientSign), ...zeros(count - size, width)];

  return {
    means,
    loadings,
    explained: loadings.map((_, c) => (total > 0 ? (ritz.values[c] ?? 0) / total : 0)),
  };
}

/** Flips a component so its largest loading is positive: the same data draws the same map. */
function orientSign(vector: Float64Array): Float64Array {
  let strongest = 0;
  for (let s = 1; s < vector.length; s++) {
    if (Math.abs(vector[s]) > Math.abs(vector[strongest]) + 1e-12) strongest = s;
  }

  return vector[strongest] < 0 ? vector.map((value) => -value) : vector;
}

/** Centred matrix times a statement vector: one score per row of `rows`. */
function multiply(
  matrix: VoteMatrix,
  rows: Int32Array,
  means: Float64Array,
  vector: Float64Array,
): Float64Array {
  const result = new Float64Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    let sum = 0;
    for (let j = matrix.rowStart[rows[r]]; j < matrix.rowStart[rows[r] + 1]; j++) {
      const s = matrix.statementIndex[j];
      sum += (matrix.vote[j] - means[s]) * vector[s];
    }

    result[r] = sum;
  }

  return result;
}

function multiplyTransposed(
  matrix: VoteMatrix,
  rows: Int32Array,
  means: Float64Array,
  scores: Float64Array,
): Float64Array {
  const result = new Float64Array(matrix.statements.length);
  for (let r = 0; r < rows.length; r++) {
    const score = scores[r];
    for (let j = matrix.rowStart[rows[r]]; j < matrix.rowStart[rows[r] + 1]; j++) {
      const s = matrix.statementIndex[j];
      result[s] += (matrix.vote[j] - means[s]) * score;
    }
  }

  return result;
}

function totalVariance(matrix: VoteMatrix, rows: Int32Array, means: Float64Array): number {
  let sum = 0;
  for (const p of rows) {
    for (let j = matrix.rowStart[p]; j < matrix.rowStart[p + 1]; j++) {
      sum += (matrix.vote[j] - means[matrix.statementIndex[j]]) ** 2;
    }
  }

  return sum;
}

export function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];

  return sum;
}

function combine(vectors: Float64Array[], weights: number[]): Float64Array {
  const result = new Float64Array(vectors[0].length);
  vectors.forEach((vector, k) => {
    for (let i = 0; i < result.length; i++) result[i] += weights[k] * vector[i];
  });

  return result;
}

/** Modified Gram-Schmidt; a vector that collapses (rank-deficient data) is left as zeros. */
function orthonormalize(vectors: Float64Array[]): Float64Array[] {
  const result: Float64Array[] = [];
  for (const original of vectors) {
    const vector = Float64Array.from(original);
    for (const previous of result) {
      const projection = dot(vector, previous);
      for (let i = 0; i < vector.length; i++) vector[i] -= projection * previous[i];
    }

    const norm = Math.sqrt(dot(vector, vector));
    result.push(norm > 1e-12 ? vector.map((value) => value / norm) : vector.fill(0));
  }

  return result;
}

function zeros(count: number, width: number): Float64Array[] {
  return Array.from({ length: Math.max(0, count) }, () => new Float64Array(width));
}
