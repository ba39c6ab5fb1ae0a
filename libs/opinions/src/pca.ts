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
const MAX_ITERATIONS = 200;
const TOLERANCE = 1e-5;

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

  // Blocks are row-major (statement by vector), so one pass over the votes serves every vector.
  const random = createRandom(seed);
  let basis = orthonormalize(
    Float64Array.from({ length: width * size }, () => gaussian(random)),
    size,
  );
  let ritz = { values: [] as number[], basis };

  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const scores = multiply(matrix, rows, means, basis, size);
    const { values, vectors } = symmetricEigen(gram(scores, size));
    // Converged when the wanted variances move less than 1e-5 of the largest. Axes with structure
    // settle in a few steps; an axis made of noise sits among near-equal eigenvalues and would
    // crawl for hundreds of steps towards a direction that means nothing anyway.
    const change = values
      .slice(0, count)
      .reduce((worst, value, c) => Math.max(worst, Math.abs(value - (ritz.values[c] ?? 0))), 0);
    ritz = { values, basis: rotate(basis, size, vectors) };
    if (change <= TOLERANCE * Math.max(values[0], Number.MIN_VALUE)) break;
    const rotated = rotate(scores, size, vectors);
    basis = orthonormalize(multiplyTransposed(matrix, rows, means, rotated, size), size);
  }

  const total = totalVariance(matrix, rows, means);
  const columns = Array.from({ length: Math.min(count, size) }, (_, c) =>
    orientSign(Float64Array.from({ length: width }, (_, s) => ritz.basis[s * size + c])),
  );
  // Fewer statements than components: the missing axes are flat, so everyone sits at 0 on them.
  const loadings = [...columns, ...zeros(count - columns.length, width)];

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

/** Centred matrix times a block of statement vectors: a block of scores, one row per row. */
function multiply(
  matrix: VoteMatrix,
  rows: Int32Array,
  means: Float64Array,
  block: Float64Array,
  size: number,
): Float64Array {
  const result = new Float64Array(rows.length * size);
  for (let r = 0; r < rows.length; r++) {
    for (let j = matrix.rowStart[rows[r]]; j < matrix.rowStart[rows[r] + 1]; j++) {
      const s = matrix.statementIndex[j];
      const centred = matrix.vote[j] - means[s];
      for (let c = 0; c < size; c++) result[r * size + c] += centred * block[s * size + c];
    }
  }

  return result;
}

function multiplyTransposed(
  matrix: VoteMatrix,
  rows: Int32Array,
  means: Float64Array,
  scores: Float64Array,
  size: number,
): Float64Array {
  const result = new Float64Array(matrix.statements.length * size);
  for (let r = 0; r < rows.length; r++) {
    for (let j = matrix.rowStart[rows[r]]; j < matrix.rowStart[rows[r] + 1]; j++) {
      const s = matrix.statementIndex[j];
      const centred = matrix.vote[j] - means[s];
      for (let c = 0; c < size; c++) result[s * size + c] += centred * scores[r * size + c];
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

function gram(block: Float64Array, size: number): number[][] {
  const result = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (let i = 0; i < block.length; i += size) {
    for (let a = 0; a < size; a++) {
      for (let b = a; b < size; b++) result[a][b] += block[i + a] * block[i + b];
    }
  }

  for (let a = 0; a < size; a++) for (let b = 0; b < a; b++) result[a][b] = result[b][a];

  return result;
}

/** The block times the eigenvectors: column c becomes sum over k of vectors[c][k] * column k. */
function rotate(block: Float64Array, size: number, vectors: number[][]): Float64Array {
  const result = new Float64Array(block.length);
  for (let i = 0; i < block.length; i += size) {
    for (let c = 0; c < size; c++) {
      let sum = 0;
      for (let k = 0; k < size; k++) sum += vectors[c][k] * block[i + k];
      result[i + c] = sum;
    }
  }

  return result;
}

/** Modified Gram-Schmidt on the columns; a column that collapses (rank deficit) becomes zero. */
function orthonormalize(block: Float64Array, size: number): Float64Array {
  const height = block.length / size;
  for (let c = 0; c < size; c++) {
    for (let previous = 0; previous < c; previous++) {
      let projection = 0;
      for (let i = 0; i < height; i++)
        projection += block[i * size + c] * block[i * size + previous];
      for (let i = 0; i < height; i++)
        block[i * size + c] -= projection * block[i * size + previous];
    }

    let norm = 0;
    for (let i = 0; i < height; i++) norm += block[i * size + c] ** 2;
    norm = Math.sqrt(norm);
    for (let i = 0; i < height; i++)
      block[i * size + c] = norm > 1e-12 ? block[i * size + c] / norm : 0;
  }

  return block;
}

function zeros(count: number, width: number): Float64Array[] {
  return Array.from({ length: Math.max(0, count) }, () => new Float64Array(width));
}
